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

type CellState = { state: "saving" } | { state: "saved" } | { state: "error"; message: string };

export function TargetGrid({ grid, canWrite, locale }: { grid: Grid; canWrite: boolean; locale: string }) {
  const t = useTranslations("Targets");
  const [cells, setCells] = useState<Record<string, CellState>>({});
  const [, startTransition] = useTransition();
  const nf = (v: string, precision: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: precision, maximumFractionDigits: precision }).format(Number(v));
  // Number() for display only: the stored value is the exact decimal string

  function save(regionId: string, indicatorId: string, value: string, previous: string) {
    const key = `${regionId}|${indicatorId}`;
    if (value.trim() === previous) return;
    setCells((c) => ({ ...c, [key]: { state: "saving" } }));
    startTransition(async () => {
      const result = await setTarget(null, { regionId, indicatorId, year: grid.year, value });
      setCells((c) => ({ ...c, [key]: result.ok ? { state: "saved" } : { state: "error", message: (result.errors.value ?? [result.message])[0] } }));
    });
  }

  const checks = new Map(grid.checks.map((c) => [c.indicatorId, c]));
  const hasChecks = grid.checks.length > 0;

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full border-collapse text-sm" data-testid="target-grid">
        <caption className="sr-only">{t("grid.caption", { year: grid.year })}</caption>
        <thead className="bg-slate-50 text-left text-xs text-slate-600">
          <tr>
            <th scope="col" className="sticky left-0 z-10 min-w-32 bg-slate-50 px-3 py-2 font-medium">
              {t("grid.region")}
            </th>
            {grid.indicators.map((i) => (
              <th key={i.id} scope="col" className="min-w-32 px-3 py-2 align-bottom font-medium">
                <span className="block text-slate-900">{i.name}</span>
                <span className="block font-normal text-slate-500">
                  {i.code} · {i.unit}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.regions.map((r) => (
            <tr key={r.id} className={r.isRoot ? "border-b-2 border-slate-300 bg-sky-50/50" : "border-t border-slate-100"}>
              <th scope="row" className="sticky left-0 z-10 bg-inherit px-3 py-1.5 text-left font-medium text-slate-900">
                <span className="block whitespace-nowrap">{r.isRoot ? t("grid.cityRow", { name: r.name }) : r.name}</span>
                <span className="block text-xs font-normal text-slate-500">{r.code}</span>
              </th>
              {grid.indicators.map((i) => {
                const key = `${r.id}|${i.id}`;
                const value = grid.values[key] ?? "";
                const cell = cells[key];
                const errId = `target-${r.id}-${i.id}-error`;
                return (
                  <td key={i.id} className="px-2 py-1 text-right align-top tabular-nums">
                    {canWrite ? (
                      <>
                        <input
                          key={`${key}:${value}`}
                          defaultValue={value}
                          inputMode="decimal"
                          aria-label={t("grid.cellLabel", { region: r.name, indicator: i.name, year: grid.year })}
                          aria-invalid={cell?.state === "error" ? true : undefined}
                          aria-describedby={cell?.state === "error" ? errId : undefined}
                          className={`w-28 rounded border px-2 py-1 text-right tabular-nums focus:outline-none focus:ring-2 focus:ring-sky-500 ${
                            cell?.state === "error" ? "border-red-500 bg-red-50" : "border-slate-300"
                          }`}
                          onBlur={(e) => save(r.id, i.id, e.currentTarget.value, value)}
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
                    ) : (
                      <span className="text-slate-900">{value === "" ? "—" : nf(value, i.precision)}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {hasChecks ? (
          <tfoot className="border-t-2 border-slate-300 bg-slate-50 text-xs">
            <tr>
              <th scope="row" className="sticky left-0 z-10 bg-slate-50 px-3 py-2 text-left font-medium text-slate-900">
                {t("check.sum")}
              </th>
              {grid.indicators.map((i) => {
                const c = checks.get(i.id);
                return (
                  <td key={i.id} className="px-3 py-2 text-right tabular-nums text-slate-900" data-testid={`sum-${i.code}`}>
                    {c?.sum ? nf(c.sum, i.precision) : "—"}
                  </td>
                );
              })}
            </tr>
            <tr>
              <th scope="row" className="sticky left-0 z-10 bg-slate-50 px-3 py-2 text-left font-medium text-slate-900">
                {t("check.title")}
              </th>
              {grid.indicators.map((i) => {
                const c = checks.get(i.id);
                if (!c) return <td key={i.id} />;
                const diff = c.difference ? nf(c.difference.replace(/^-/, ""), i.precision) : "";
                const tone =
                  c.status === "MATCH" ? "text-emerald-700" : c.status === "COUNTIES_BELOW" ? "text-red-700" : c.status === "COUNTIES_ABOVE" ? "text-amber-700" : "text-slate-500";
                return (
                  <td key={i.id} className={`px-3 py-2 text-right ${tone}`} data-testid={`check-${i.code}`}>
                    {t(`check.status.${c.status}`, { diff })}
                    {c.counted < c.counties && c.status !== "NOT_SUMMABLE" && c.status !== "NO_COUNTY_TARGETS" ? (
                      <span className="block text-slate-500">{t("check.partial", { counted: c.counted, counties: c.counties })}</span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
