/**
 * The administrator's first-run checklist: each step of bringing a bureau's ledger in, done or
 * still to do with what is there so far, and a link to where it is done. Shown until every
 * step is done.
 */
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { SetupProgress, SetupStep } from "@/lib/data/setup";

const HREF: Record<SetupStep, (base: string, year: number) => string> = {
  regions: (base) => `${base}/admin/regions`,
  indicators: (base) => `${base}/admin/indicators`,
  targets: (base, year) => `${base}/targets?year=${year}`,
  history: (base) => `${base}/entry`,
  users: (base) => `${base}/admin/users`,
  firstMonth: (base) => `${base}/completeness`,
};

export function SetupChecklist({ progress, base }: { progress: SetupProgress; base: string }) {
  const t = useTranslations("Setup");
  if (progress.done) return null;
  const left = progress.steps.filter((s) => !s.done).length;
  return (
    <section aria-labelledby="setup-title" className="mb-8 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="setup-checklist">
      <h2 id="setup-title" className="text-base font-semibold text-slate-900">{t("title")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("description", { left, total: progress.steps.length })}</p>
      <ol className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {progress.steps.map((step, i) => (
          <li key={step.key} data-testid={`setup-${step.key}`} data-done={step.done} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
            <Link href={HREF[step.key](base, progress.year)} prefetch={false} className="font-medium text-brand-800 underline">
              {i + 1}. {t(`steps.${step.key}.title`, { year: progress.year })}
            </Link>
            <p className={step.done ? "mt-1 text-emerald-800" : "mt-1 text-amber-900"}>
              <span className="font-semibold">{step.done ? t("done") : t("todo")}</span>
              {" · "}
              {t(`steps.${step.key}.count`, { count: step.count })}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
