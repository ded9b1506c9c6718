"use client";
/**
 * The interactive part of the county map: the server hands over each county's outline and
 * finished texts; this draws them and shows the details of the county hovered or focused.
 * A click opens the county page; on a touch screen the first tap shows the details and a
 * second tap on the same county opens it.
 *
 * The outlines are drawn once the page runs in the browser: the page carries them once, in
 * their compact form, instead of twice (the HTML and the payload the page hydrates from;
 * docs/decisions/027). Until then the counties' shapes are empty, their labels shown.
 */
import { useRef, useState, useSyncExternalStore, type MouseEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { StatusBadge } from "@/components/dashboard/StatusBadge";
import { StateMarkText } from "@/components/dashboard/FigureState";
import type { FigureState } from "@/lib/metrics";

/** The fill of a county per status (the StatusBadge colours, a shade darker to read on a map). */
const MAP_FILL: Record<string, string> = {
  AHEAD: "fill-emerald-300",
  BEHIND: "fill-amber-300",
  SERIOUSLY_BEHIND: "fill-red-400",
  NO_TARGET: "fill-slate-200",
  NO_DATA: "fill-slate-200",
  INACTIVE: "fill-slate-200",
};

export interface CanvasShape {
  code: string;
  /** the outline, relative in whole units (lib/geo/project.ts compactPath) */
  d: string;
  /** label position and text (the short name, and the figure's state when not approved) */
  x: number;
  y: number;
  label: string;
  mark: string | null;
  name: string;
  /** a status key of StatusBadge: the colour, and what it means here (进度滞后, 综合得分 B 档) */
  tone: string;
  toneLabel: string;
  figure: string;
  state: FigureState | null;
  /** the state's mark, translated */
  stateText: string | null;
  /** 第 3 名 / 不参与排名 */
  rank: string;
  /** the county page and its link text, or null when the reader may not open it */
  href: string | null;
  open: string | null;
}

const noSubscribe = () => () => {};

function Details({ s }: { s: CanvasShape }) {
  return (
    <div data-testid={`county-map-detail-${s.code}`}>
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-slate-900">{s.name}</span>
        <StatusBadge status={s.tone} label={s.toneLabel} />
      </p>
      <p className="mt-1 tabular-nums text-slate-800">
        {s.figure}
        {s.state && s.stateText ? <StateMarkText state={s.state} text={s.stateText} /> : null}
      </p>
      <p className="text-xs text-slate-600">{s.rank}</p>
      {s.href ? (
        <Link href={s.href} className="mt-1 inline-block text-brand-700 hover:underline">
          {s.open}
        </Link>
      ) : null}
    </div>
  );
}

export function MapCanvas({ width, height, title, shapes, hint }: { width: number; height: number; title: string; shapes: CanvasShape[]; hint: string }) {
  const router = useRouter();
  const drawn = useSyncExternalStore(noSubscribe, () => true, () => false);
  const [active, setActive] = useState<string | null>(null);
  // the county shown, read when a tap starts: the tap's own focus and mouse events show it too
  const shown = useRef<string | null>(null);
  const firstTap = useRef(false);
  const show = (code: string | null) => {
    shown.current = code;
    setActive(code);
  };

  function open(event: MouseEvent<Element>, shape: CanvasShape) {
    event.preventDefault();
    const tapToShow = firstTap.current;
    firstTap.current = false;
    if (tapToShow) show(shape.code);
    else if (shape.href) router.push(shape.href);
  }

  const current = shapes.find((s) => s.code === active);
  return (
    <div className="grid grid-cols-1 gap-3" data-testid="county-map-canvas">
      <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-label={title} className="mx-auto h-auto w-full max-w-[28rem] touch-manipulation" onMouseLeave={() => show(null)}>
        {shapes.map((s) => {
          const ariaLabel = [s.name, s.toneLabel, s.figure, s.mark].filter(Boolean).join("，");
          const path = <path d={drawn ? s.d : undefined} className={`${MAP_FILL[s.tone] ?? MAP_FILL.NO_DATA} stroke-white transition-[stroke] [stroke-width:1.5] group-hover:stroke-slate-900 group-focus-visible:stroke-slate-900 group-focus-visible:[stroke-width:3]`} />;
          return s.href ? (
            <a
              key={s.code}
              href={s.href}
              aria-label={ariaLabel}
              className="group outline-none"
              data-code={s.code}
              onPointerDown={(e) => (firstTap.current = e.pointerType === "touch" && shown.current !== s.code)}
              onMouseEnter={() => show(s.code)}
              onFocus={() => show(s.code)}
              onClick={(e) => open(e, s)}
            >
              {path}
            </a>
          ) : (
            <g key={s.code} role="img" aria-label={ariaLabel} tabIndex={0} className="group outline-none" data-code={s.code} onMouseEnter={() => show(s.code)} onFocus={() => show(s.code)}>
              {path}
            </g>
          );
        })}
        <g aria-hidden="true" className="pointer-events-none fill-slate-900 text-[15px]" textAnchor="middle">
          {shapes.map((s) => (
            <text key={s.code} x={s.x} y={s.y}>
              {s.label}
              {s.mark ? (
                <tspan x={s.x} dy="1.1em" className="text-[12px]">
                  {s.mark}
                </tspan>
              ) : null}
            </text>
          ))}
        </g>
      </svg>
      <div aria-live="polite" className="min-h-24 rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="county-map-details">
        {current ? <Details s={current} /> : <p className="text-slate-600">{hint}</p>}
      </div>
    </div>
  );
}
