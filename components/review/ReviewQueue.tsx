/**
 * The queue of submissions awaiting review: newest month first, each month a group with
 * its counts (regions, figures), each region with its figures and last submission. The
 * whole queue is reachable: long queues are paged, never cut off in a scroll box.
 */
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReviewQueueItem } from "@/lib/data/fills";
import { formatDateTime } from "@/lib/format";

export const QUEUE_PAGE_SIZE = 20;

type Chosen = { regionId: string; year: number; month: number } | undefined;

/** The queue's items of one page, grouped by month in queue order, with each month's counts over the whole queue. */
function monthGroups(queue: readonly ReviewQueueItem[], shown: readonly ReviewQueueItem[]) {
  const groups: { year: number; month: number; regions: number; figures: number; items: ReviewQueueItem[] }[] = [];
  for (const item of shown) {
    let g = groups.at(-1);
    if (!g || g.year !== item.year || g.month !== item.month) {
      const all = queue.filter((q) => q.year === item.year && q.month === item.month);
      g = { year: item.year, month: item.month, regions: all.length, figures: all.reduce((n, q) => n + q.count, 0), items: [] };
      groups.push(g);
    }
    g.items.push(item);
  }
  return groups;
}

export async function ReviewQueue({ tenant, queue, page, chosen }: { tenant: string; queue: ReviewQueueItem[]; page: number; chosen: Chosen }) {
  const t = await getTranslations("Review");
  const locale = await getLocale();
  const pages = Math.max(1, Math.ceil(queue.length / QUEUE_PAGE_SIZE));
  const shown = queue.slice((page - 1) * QUEUE_PAGE_SIZE, page * QUEUE_PAGE_SIZE);
  const figures = queue.reduce((n, q) => n + q.count, 0);
  return (
    <nav aria-label={t("queue")} className="space-y-3" data-testid="review-queue">
      <h2 className="text-sm font-semibold text-slate-900">{t("queueTotal", { count: queue.length, figures })}</h2>
      {monthGroups(queue, shown).map((g) => (
        <section key={`${g.year}-${g.month}`} aria-labelledby={`queue-${g.year}-${g.month}`}>
          <h3 id={`queue-${g.year}-${g.month}`} className="border-b border-slate-200 pb-1 text-xs font-semibold text-slate-700">
            {t("queueMonth", { year: g.year, month: g.month, regions: g.regions, figures: g.figures })}
          </h3>
          <ul className="mt-1 space-y-0.5 text-sm">
            {g.items.map((item) => {
              const active = chosen && item.regionId === chosen.regionId && item.year === chosen.year && item.month === chosen.month;
              return (
                <li key={`${item.regionId}-${item.year}-${item.month}`} data-testid="queue-item">
                  <Link
                    href={`/${tenant}/review?region=${item.regionCode}&year=${item.year}&month=${item.month}`}
                    aria-current={active ? "page" : undefined}
                    className={`block rounded px-2 py-1.5 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${active ? "bg-sky-50 font-medium text-sky-900" : "text-slate-800"}`}
                  >
                    {t("queueItem", { region: item.regionName, year: item.year, month: item.month })}
                    <span className="block text-xs text-slate-500">{t("queueMeta", { count: item.count, when: formatDateTime(item.submittedAt, locale) })}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {queue.length === 0 ? <p className="text-sm text-slate-600">{t("emptyQueue")}</p> : null}
      {pages > 1 ? (
        <p className="flex items-center justify-between text-sm">
          {page > 1 ? <Link className="text-sky-800 underline" href={`/${tenant}/review?page=${page - 1}`}>{t("previousPage")}</Link> : <span />}
          <span className="text-xs text-slate-600">{t("pageOf", { page, pages })}</span>
          {page < pages ? <Link className="text-sky-800 underline" href={`/${tenant}/review?page=${page + 1}`}>{t("nextPage")}</Link> : <span />}
        </p>
      ) : null}
    </nav>
  );
}
