import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { ReviewDesk } from "@/components/review/ReviewDesk";
import { QUEUE_PAGE_SIZE, ReviewQueue } from "@/components/review/ReviewQueue";
import { UnlockRequests } from "@/components/review/UnlockRequests";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/permissions";
import * as clock from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Pages");
  return { title: t("review.title") };
}

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ReviewPage({ params, searchParams }: Props) {
  const { tenant } = await params;
  const sp = await searchParams;
  const { user, data } = await requireTenantPage(params, "fill.review");
  const t = await getTranslations("Review");
  const tp = await getTranslations("Pages");
  const [queue, requests] = await Promise.all([data.reviewQueue(), can(user, "period.lock") ? data.unlockRequests() : Promise.resolve([])]);

  const code = one(sp.region);
  const year = Number(one(sp.year));
  const month = Number(one(sp.month));
  const at = queue.findIndex((g) => g.regionCode === code && g.year === year && g.month === month);
  let chosen: { regionId: string; regionName: string; year: number; month: number } | undefined = queue[at];
  if (!chosen && code && Number.isInteger(year) && Number.isInteger(month) && month >= 1 && month <= 12) {
    const region = await data.regionByCode(code);
    if (region && can(user, "fill.review", { tenantId: user.tenantId, regionId: region.id })) chosen = { regionId: region.id, regionName: region.name, year, month };
  }
  const pages = Math.max(1, Math.ceil(queue.length / QUEUE_PAGE_SIZE));
  const asked = Number(one(sp.page));
  // the page asked for, else the page of the chosen submission, else the first
  const page = Number.isInteger(asked) && asked >= 1 && asked <= pages ? asked : at >= 0 ? Math.floor(at / QUEUE_PAGE_SIZE) + 1 : 1;
  chosen ??= queue[(page - 1) * QUEUE_PAGE_SIZE];
  const sheet = chosen ? await data.entrySheet(chosen.regionId, { year: chosen.year, month: chosen.month }, clock.now()) : null;
  const histories = sheet ? await data.histories(sheet.rows.flatMap((r) => (r.fill ? [r.fill.id] : []))) : {};
  // where the desk goes once this submission is dealt with: the next one in the queue (or the one before the last)
  const rest = chosen ? queue.filter((g) => !(g.regionId === chosen.regionId && g.year === chosen.year && g.month === chosen.month)) : queue;
  const index = chosen ? queue.findIndex((g) => g.regionId === chosen.regionId && g.year === chosen.year && g.month === chosen.month) : -1;
  const following = index >= 0 ? (queue[index + 1] ?? rest.at(-1)) : rest[0];
  const next = following
    ? { href: `/${tenant}/review?region=${following.regionCode}&year=${following.year}&month=${following.month}`, label: t("queueItem", { region: following.regionName, year: following.year, month: following.month }) }
    : { href: `/${tenant}/review`, label: null };

  return (
    <>
      <PageHeader title={tp("review.title")} description={tp("review.description")} />
      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <ReviewQueue tenant={tenant} queue={queue} page={page} chosen={chosen} />
        <section className="min-w-0 space-y-6">
          {sheet && chosen ? (
            <ReviewDesk title={t("queueItem", { region: chosen.regionName, year: chosen.year, month: chosen.month })} sheet={sheet} histories={histories} next={next} />
          ) : null}
          {can(user, "period.lock") ? (
            <div>
              <h2 className="mb-2 text-lg font-semibold text-slate-900">{t("unlockRequests")}</h2>
              <UnlockRequests requests={requests} />
            </div>
          ) : null}
        </section>
      </div>
    </>
  );
}
