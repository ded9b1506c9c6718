/**
 * The figures' states (lib/metrics/states.ts) as every dashboard shows them: one mark per
 * figure, one legend with the rules, and the banner of a month not fully reported.
 */
import { useTranslations } from "next-intl";
import type { FigureState } from "@/lib/metrics";
import type { MonthReporting } from "@/lib/data/reported";

const MARK_CLASS: Record<FigureState, string> = {
  APPROVED: "border-emerald-300 bg-emerald-50 text-emerald-900",
  SUBMITTED: "border-sky-300 bg-sky-50 text-sky-900",
  CARRIED: "border-slate-300 bg-slate-50 text-slate-700",
  MISSING: "border-red-300 bg-red-50 text-red-900",
};

const STATES: FigureState[] = ["APPROVED", "SUBMITTED", "CARRIED", "MISSING"];

/** 已审核 / 待审核 / 沿用m月 / 未报; nothing for a figure without a state (an inactive region). */
export function StateMark({ state, monthUsed }: { state: FigureState | null | undefined; monthUsed?: number | null }) {
  const t = useTranslations("Figures");
  if (!state) return null;
  return <StateMarkText state={state} text={t(`state.${state}`, { month: monthUsed ?? 0 })} />;
}

/** The mark with its words already translated (for client components, which get no messages of their own here). */
export function StateMarkText({ state, text }: { state: FigureState; text: string }) {
  return (
    <span data-state={state} className={`ml-1 inline-block whitespace-nowrap rounded border px-1 text-[11px] leading-4 font-normal ${MARK_CLASS[state]}`}>
      {text}
    </span>
  );
}

/** 按下级目标合计: the region has no target of its own and is measured against its children's Σ. */
export function ChildTargetMark({ cell }: { cell: { targetFromChildren?: boolean } | null | undefined }) {
  const t = useTranslations("Figures");
  if (!cell?.targetFromChildren) return null;
  return (
    <span data-testid="target-from-children" title={t("targetFromChildrenHint")} className="ml-1 inline-block whitespace-nowrap rounded border border-violet-300 bg-violet-50 px-1 text-[11px] leading-4 font-normal text-violet-900">
      {t("targetFromChildren")}
    </span>
  );
}

/**
 * The legend of the states and the rules of the tenant's rankings; `area` is the scope's area
 * word (全州), `units` the level of the regions it shows (PREFECTURE: 市州, else 县市区).
 */
export function StateLegend({ rules, area, units = "COUNTY" }: { rules: { rankUnreported: boolean; countPending: boolean }; area: string; units?: string }) {
  const t = useTranslations("Figures");
  return (
    <section aria-labelledby="figure-states-heading" className="mb-8 rounded-lg border border-slate-200 bg-white p-4 text-xs text-slate-700" data-testid="state-legend">
      <h2 id="figure-states-heading" className="mb-2 text-sm font-semibold text-slate-900">{t("legendTitle")}</h2>
      <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[auto_1fr]">
        {STATES.map((s) => (
          <div key={s} className="contents">
            <dt><span className={`inline-block rounded border px-1 ${MARK_CLASS[s]}`}>{t(`stateName.${s}`)}</span></dt>
            <dd>{t(`legend.${s}`)}</dd>
          </div>
        ))}
      </dl>
      <ul className="mt-2 list-disc space-y-0.5 pl-4">
        <li>{rules.countPending ? t("rulesPending") : t("rulesPendingExcluded")}</li>
        <li>{rules.rankUnreported ? t("rulesCarried", { units }) : t("rulesRanked", { units })}</li>
        <li>{t("rulesAggregate", { area, units })}</li>
      </ul>
    </section>
  );
}

/** "2026年11月：已报 1/9 个县市区，报送截止 12月5日" for a month not every region has reported. */
export function ReportingBanner({ reporting, latest }: { reporting: MonthReporting; latest: { year: number; month: number } }) {
  const t = useTranslations("Figures");
  if (reporting.submitted >= reporting.total) return null;
  const isLatest = latest.year === reporting.year && latest.month === reporting.month;
  return (
    <div role="status" data-testid="reporting-banner" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      <p className="font-medium">
        {t("banner", { year: reporting.year, month: reporting.month, submitted: reporting.submitted, total: reporting.total, deadlineMonth: reporting.deadline.month, deadlineDay: reporting.deadline.day })}
        {reporting.deadlinePassed ? t("bannerPassed") : ""}
      </p>
      {isLatest ? null : <p className="mt-1 text-xs">{t("bannerDefault", { year: latest.year, month: latest.month })}</p>}
    </div>
  );
}
