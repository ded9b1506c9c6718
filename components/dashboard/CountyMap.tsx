/**
 * The county map (挂图作战): the tenant's outlines as SVG paths (drawn in the browser), each
 * county coloured by the status colours of the dashboards, with a legend, details on
 * hover, focus or tap, the counties without an outline of their own (zones) beside it,
 * the same figures as a table for screen readers, and the outlines' attribution.
 * Any page (a bulletin too) can show it: it takes finished figures, not a query.
 */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { STATUS_GLYPH } from "@/components/dashboard/StatusBadge";
import { StateMark } from "@/components/dashboard/FigureState";
import { MapCanvas, type CanvasShape } from "@/components/dashboard/MapCanvas";
import { Table, TBody, Th, THead } from "@/components/ui";
import "./county-map.css";
import type { CountyMapData } from "@/lib/data/geo";
import { shortRegionName } from "@/lib/geo/project";
import type { FigureState } from "@/lib/metrics";

const SWATCH: Record<string, string> = {
  AHEAD: "bg-emerald-300",
  BEHIND: "bg-amber-300",
  SERIOUSLY_BEHIND: "bg-red-400",
  NO_TARGET: "bg-slate-200",
  NO_DATA: "bg-slate-200",
  INACTIVE: "bg-slate-200",
};

/** One county as the map shows it. */
export interface MapCounty {
  code: string;
  name: string;
  /** its page, or null when the reader may not open it */
  href: string | null;
  /** a status key of StatusBadge: the colour */
  tone: string;
  /** what the colour means for this county, e.g. 进度滞后 or 综合得分 B 档 */
  toneLabel: string;
  /** the figure, e.g. 完成 85.2% */
  figure: string;
  state: FigureState | null;
  monthUsed?: number | null;
  rank: number | null;
}

export interface MapLegendItem {
  tone: string;
  label: string;
}

function Legend({ items }: { items: MapLegendItem[] }) {
  const t = useTranslations("CountyMap");
  return (
    <ul aria-label={t("legend")} className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700" data-testid="county-map-legend">
      {items.map((i) => (
        <li key={i.tone} className="flex items-center gap-1">
          <span aria-hidden="true" className={`inline-block h-3 w-4 rounded-sm ring-1 ring-slate-400 ${SWATCH[i.tone] ?? SWATCH.NO_DATA}`} />
          {STATUS_GLYPH[i.tone] ? <span aria-hidden="true">{STATUS_GLYPH[i.tone]}</span> : null}
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/** The counties without an outline of their own (zones inside another county). */
function Unmapped({ counties }: { counties: MapCounty[] }) {
  const t = useTranslations("CountyMap");
  if (counties.length === 0) return null;
  return (
    <div data-testid="county-map-unmapped">
      <h3 className="text-sm font-semibold text-slate-900">{t("unmapped")}</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {counties.map((c) => (
          <li key={c.code} className="flex flex-wrap items-center gap-2">
            <span aria-hidden="true" className={`inline-block h-3 w-4 rounded-sm ring-1 ring-slate-400 ${SWATCH[c.tone] ?? SWATCH.NO_DATA}`} />
            {c.href ? <Link href={c.href} className="text-brand-700 hover:underline">{c.name}</Link> : c.name}
            <span className="text-xs text-slate-700">{c.toneLabel} · {c.figure}</span>
            <StateMark state={c.state} monthUsed={c.monthUsed} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function MapTable({ counties, title }: { counties: MapCounty[]; title: string }) {
  const t = useTranslations("CountyMap");
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-brand-700">{t("asTable")}</summary>
      <Table caption={title} className="mt-2 cm-table">
        <THead>
          <Th>{t("region")}</Th>
          <Th>{t("tone")}</Th>
          <Th>{t("figure")}</Th>
          <Th numeric>{t("rankColumn")}</Th>
        </THead>
        <TBody>
          {counties.map((c) => (
            <tr key={c.code}>
              <td>{c.href ? <Link href={c.href}>{c.name}</Link> : c.name}</td>
              <td>{c.toneLabel}</td>
              <td>
                {c.figure}
                <StateMark state={c.state} monthUsed={c.monthUsed} />
              </td>
              <td>{c.rank ?? "—"}</td>
            </tr>
          ))}
        </TBody>
      </Table>
    </details>
  );
}

export function CountyMap({ map, counties, title, legend }: { map: CountyMapData; counties: MapCounty[]; title: string; legend: MapLegendItem[] }) {
  const t = useTranslations("CountyMap");
  const tg = useTranslations("Figures");
  const shapeOf = new Map(map.shapes.map((s) => [s.code, s]));
  // finished texts, not elements: the canvas is a client component, its props travel to the browser
  const shapes: CanvasShape[] = counties.flatMap((c) => {
    const s = shapeOf.get(c.code);
    if (!s) return [];
    const mark = c.state === "MISSING" || c.state === "SUBMITTED" ? tg(`stateName.${c.state}`) : null;
    return [{
      code: c.code,
      d: s.outline,
      x: s.label[0],
      y: s.label[1],
      label: `${STATUS_GLYPH[c.tone] ?? ""}${shortRegionName(c.name)}`,
      mark,
      name: c.name,
      tone: c.tone,
      toneLabel: c.toneLabel,
      figure: c.figure,
      state: c.state,
      stateText: c.state ? tg(`state.${c.state}`, { month: c.monthUsed ?? 0 }) : null,
      rank: c.rank === null ? t("unranked") : t("rank", { rank: c.rank }),
      href: c.href,
      open: c.href ? t("open", { name: c.name }) : null,
    }];
  });
  return (
    <figure className="rounded-lg border border-slate-200 bg-slate-50 p-3" data-testid="county-map">
      <figcaption className="sr-only">{title}</figcaption>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
        <MapCanvas width={map.width} height={map.height} title={title} shapes={shapes} hint={t("hint")} />
        <div className="space-y-3">
          <Legend items={legend} />
          <Unmapped counties={counties.filter((c) => !shapeOf.has(c.code))} />
          <MapTable counties={counties} title={title} />
        </div>
      </div>
      {map.attribution ? <p className="mt-2 text-[11px] text-slate-600" data-testid="county-map-attribution">{t("attribution", { text: map.attribution })}</p> : null}
    </figure>
  );
}
