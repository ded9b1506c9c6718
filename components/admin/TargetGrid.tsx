"use client";
/**
 * The targets grid: regions (rows) × indicators (columns) for one year, the city's row
 * first, then the counties, then the sum of the county targets and its check against the
 * city's target. Admins edit a cell in place: the value is saved when the cell is left
 * (Tab, Enter or a click elsewhere), checked on the server, and the result shown in the cell.
 */
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { setTarget } from "@/lib/actions/set-target";
import type { TargetGrid as Grid } from "@/lib/data/targets";
import { formatFixed } from "@/lib/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui";

type CellState = { state: "saving" } | { state: "saved" } | { state: "error"; message: string };
type Indicator = Grid["indicators"][number];
type Region = Grid["regions"][number];
type Check = Grid["checks"][number];
type Levels = Grid["levels"];

/** A target's display: the exact decimal with the indicator's precision. */
const shown = (v: string, precision: number) => formatFixed(v, precision);

/** An editable cell: saved when left (Tab, Enter or a click elsewhere), its outcome shown under it. */
function TargetInput({ r, i, year, value, cell, onSave }: { r: Region; i: Indicator; year: number; value: string; cell: CellState | undefined; onSave: (value: string) => void }) {
  const t = useTranslations("Targets");
  const errId = `target-${r.id}-${i.id}-error`;
  return (
    <>
      <input
        key={`${r.id}|${i.id}:${value}`}
        defaultValue={value}
        inputMode="decimal"
        aria-label={t("grid.cellLabel", { region: r.name, indicator: i.name, year })}
        aria-invalid={cell?.state === "error" ? true : undefined}
        aria-describedby={cell?.state === "error" ? errId : undefined}
        className={`w-28 rounded border px-2 py-1 text-right tabular-nums focus:outline-none focus:ring-2 focus:ring-sky-500 ${cell?.state === "error" ? "border-red-500 bg-red-50" : "border-slate-300"}`}
        onBlur={(e) => onSave(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            e.currentTarget.blur();
          }
        }}
      />
      <span className="block min-h-4 text-xs" aria-live="polite">
        {cell?.state === "saving" ? <span className="text-slate-500">{t("grid.saving")}</span> : null}
        {cell?.state === "saved" ? <span className="text-emerald-700">{t("grid.saved")}</span> : null}
        {cell?.state === "error" ? (
          <span id={errId} className="text-red-700">
            {cell.message}
          </span>
        ) : null}
      </span>
    </>
  );
}

const CHECK_TONE: Record<string, string> = { MATCH: "text-emerald-700", COUNTIES_BELOW: "text-red-700", COUNTIES_ABOVE: "text-amber-700" };

function CheckCell({ i, c, levels, scope = "" }: { i: Indicator; c: Check | undefined; levels: Levels; scope?: string }) {
  const t = useTranslations("Targets");
  if (!c) return <td />;
  const diff = c.difference ? shown(c.difference.replace(/^-/, ""), i.precision) : "";
  return (
    <Td numeric className={`whitespace-normal ${CHECK_TONE[c.status] ?? "text-slate-500"}`} data-testid={`check-${scope}${i.code}`}>
      {t(`check.status.${c.status}`, { diff, ...levels })}
      {c.counted < c.counties && c.status !== "NOT_SUMMABLE" && c.status !== "NO_COUNTY_TARGETS" ? (
        <span className="block text-slate-500">{t("check.partial", { counted: c.counted, counties: c.counties, units: levels.units })}</span>
      ) : null}
    </Td>
  );
}

/** The sum of the county targets and its check against the city's target. */
function CheckRows({ grid }: { grid: Grid }) {
  const t = useTranslations("Targets");
  const checks = new Map(grid.checks.map((c) => [c.indicatorId, c]));
  const rowHead = "sticky left-0 z-10 bg-slate-50 text-slate-900";
  return (
    <tfoot className="border-t-2 border-slate-300 bg-slate-50 text-xs">
      <tr>
        <Th scope="row" className={rowHead}>{t("check.sum", { units: grid.levels.units })}</Th>
        {grid.indicators.map((i) => {
          const c = checks.get(i.id);
          return (
            <Td key={i.id} numeric data-testid={`sum-${i.code}`}>
              {c?.sum ? shown(c.sum, i.precision) : "—"}
            </Td>
          );
        })}
      </tr>
      <tr>
        <Th scope="row" className={rowHead}>{t("check.title", { level: grid.levels.level })}</Th>
        {grid.indicators.map((i) => <CheckCell key={i.id} i={i} c={checks.get(i.id)} levels={grid.levels} />)}
      </tr>
    </tfoot>
  );
}

/** Under a region between the root and the counties: its own target against the Σ of its children's. */
function ParentCheckRow({ grid, region }: { grid: Grid; region: Region }) {
  const t = useTranslations("Targets");
  const parent = grid.parentChecks.find((p) => p.regionId === region.id);
  if (!parent) return null;
  const { checks, levels } = parent;
  const byIndicator = new Map(checks.map((c) => [c.indicatorId, c]));
  return (
    <tr className="bg-slate-50 text-xs" data-testid={`parent-check-${region.code}`}>
      <Th scope="row" className="sticky left-0 z-10 bg-slate-50 text-slate-900">{t("check.parentTitle", { name: region.name })}</Th>
      {grid.indicators.map((i) => <CheckCell key={i.id} i={i} c={byIndicator.get(i.id)} levels={levels} scope={`${region.code}-`} />)}
    </tr>
  );
}

export function TargetGrid({ grid, canWrite, area }: { grid: Grid; canWrite: boolean; locale?: string; /** the tenant's area word (全州) */ area: string }) {
  const t = useTranslations("Targets");
  const [cells, setCells] = useState<Record<string, CellState>>({});
  const [, startTransition] = useTransition();

  function save(regionId: string, indicatorId: string, value: string, previous: string) {
    const key = `${regionId}|${indicatorId}`;
    if (value.trim() === previous) return;
    setCells((c) => ({ ...c, [key]: { state: "saving" } }));
    startTransition(async () => {
      const result = await setTarget(null, { regionId, indicatorId, year: grid.year, value });
      setCells((c) => ({ ...c, [key]: result.ok ? { state: "saved" } : { state: "error", message: (result.errors.value ?? [result.message])[0] } }));
    });
  }

  return (
    <Table caption={t("grid.caption", { year: grid.year })} testId="target-grid">
      <THead>
        <Th className="sticky left-0 z-10 min-w-32 bg-slate-50">{t("grid.region")}</Th>
        {grid.indicators.map((i) => (
          <Th key={i.id} className="min-w-32 align-bottom">
            <span className="block text-slate-900">{i.name}</span>
            <span className="block font-normal text-slate-500">（{i.unit}）</span>
          </Th>
        ))}
      </THead>
      <TBody>
        {grid.regions.map((r) => [
          <tr key={r.id} className={r.isRoot ? "border-b-2 border-slate-300 bg-sky-50/50" : undefined}>
            <th scope="row" className="sticky left-0 z-10 bg-inherit px-3 py-1.5 text-left font-medium text-slate-900">
              <span className="block whitespace-nowrap">{r.isRoot ? t("grid.cityRow", { name: r.name, area }) : r.name}</span>
              <span className="block text-xs font-normal text-slate-500">{r.code}</span>
            </th>
            {grid.indicators.map((i) => {
              const key = `${r.id}|${i.id}`;
              const value = grid.values[key] ?? "";
              return (
                <Td key={i.id} numeric className="align-top">
                  {canWrite ? (
                    <TargetInput r={r} i={i} year={grid.year} value={value} cell={cells[key]} onSave={(v) => save(r.id, i.id, v, value)} />
                  ) : (
                    <span className="text-slate-900">{value === "" ? "—" : shown(value, i.precision)}</span>
                  )}
                </Td>
              );
            })}
          </tr>,
          <ParentCheckRow key={`${r.id}-check`} grid={grid} region={r} />,
        ])}
      </TBody>
      {grid.checks.length > 0 ? <CheckRows grid={grid} /> : null}
    </Table>
  );
}
