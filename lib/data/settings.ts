/**
 * Tenant settings: reading them for the form, the preview of what the latest reported month's
 * statuses and composite ranking would become under proposed settings (the metrics engine,
 * server-side, nothing saved), and saving them (one transaction, audited).
 */
import * as clock from "../clock";
import type { Db } from "../db/client";
import { Decimal, fromStored, ONE, toStored } from "../decimal";
import { computePeriod, type CellStatus, type FillStatus, type PeriodResult } from "../metrics";
import type { SettingsProposal } from "../admin/settings";
import { writeAudit } from "./audit";
import type { Period, TenantContext } from "./context";
import { latestPeriod, loadPeriod, loadSettings } from "./period-loader";
import { latestReportedPeriod } from "./reported";
import { touchTenantConfig } from "./tenant-config";

export interface SettingsForm {
  deadlineDay: number;
  /** percent of the reporting regions that makes a month reported before its deadline */
  reportedSharePercent: number;
  rankUnreported: boolean;
  /** 待审核 figures count (marked); off: approved ones only */
  countPending: boolean;
  /** a region without its own target is measured against its children's Σ */
  childTargets: boolean;
  behindGap: string;
  seriousGap: string;
  fullMarks: string;
  bonusPerPercent: string;
  bonusCap: string;
  tiers: { label: string; minScore: string }[];
  weights: { id: string; code: string; name: string; weight: string; active: boolean }[];
}

export async function getSettingsForm(db: Db, ctx: TenantContext): Promise<SettingsForm> {
  const [s, indicators] = await Promise.all([
    loadSettings(db, ctx.tenantId),
    db.indicator.findMany({ where: { tenantId: ctx.tenantId }, orderBy: [{ active: "desc" }, { sortOrder: "asc" }, { code: "asc" }] }),
  ]);
  return {
    deadlineDay: s.deadlineDay,
    reportedSharePercent: sharePercent(s.reportedShare),
    rankUnreported: s.rankUnreported ?? false,
    countPending: countsPending(s.countedStatuses),
    childTargets: s.childTargets ?? true,
    behindGap: s.behindGap.toString(),
    seriousGap: s.seriousGap.toString(),
    fullMarks: s.composite.fullMarks.toString(),
    bonusPerPercent: s.composite.bonusPerPercent.toString(),
    bonusCap: s.composite.bonusCap.toString(),
    tiers: s.composite.tiers.map((t) => ({ label: t.label, minScore: t.minScore.toString() })),
    weights: indicators.filter((i) => i.kind !== undefined).map((i) => ({ id: i.id, code: i.code, name: i.name, weight: fromStored(i.weight).toString(), active: i.active })),
  };
}

const sharePercent = (share: Decimal | undefined): number => (share ?? ONE).times(100).toNumber();

const countsPending = (statuses: readonly FillStatus[] | undefined): boolean => statuses === undefined || statuses.includes("SUBMITTED");

const STATUSES: CellStatus[] = ["AHEAD", "BEHIND", "SERIOUSLY_BEHIND", "NO_DATA", "NO_TARGET"];

export interface SettingsPreview {
  period: Period | null;
  statuses: { status: CellStatus; before: number; after: number }[];
  ranking: { regionId: string; name: string; before: { rank: number | null; total: string | null; tier: string | null }; after: { rank: number | null; total: string | null; tier: string | null } }[];
}

function countStatuses(result: PeriodResult): Map<CellStatus, number> {
  const counties = new Set(result.countyIds);
  const out = new Map<CellStatus, number>();
  for (const c of result.cells) if (counties.has(c.regionId)) out.set(c.status, (out.get(c.status) ?? 0) + 1);
  return out;
}

export async function previewSettings(db: Db, ctx: TenantContext, proposal: SettingsProposal): Promise<SettingsPreview> {
  // the month the dashboards open on; nothing to preview in a ledger without figures
  if (!(await latestPeriod(db, ctx))) return { period: null, statuses: [], ranking: [] };
  const period = await latestReportedPeriod(db, ctx, clock.now());
  const loaded = await loadPeriod(db, ctx, period);
  const before = computePeriod(loaded.input);
  const after = computePeriod({
    ...loaded.input,
    settings: proposal.settings,
    indicators: loaded.input.indicators.map((i) => ({ ...i, weight: proposal.weights.get(i.id) ?? i.weight })),
  });
  const b = countStatuses(before);
  const a = countStatuses(after);
  const names = new Map(loaded.regions.map((r) => [r.id, r.name]));
  const afterBy = new Map(after.composite.entries.map((e) => [e.regionId, e]));
  const fmt = (d: Decimal | null) => (d === null ? null : d.toFixed(2));
  return {
    period,
    statuses: STATUSES.map((s) => ({ status: s, before: b.get(s) ?? 0, after: a.get(s) ?? 0 })),
    ranking: after.composite.entries.map((e) => {
      const old = before.composite.entries.find((x) => x.regionId === e.regionId)!;
      const now = afterBy.get(e.regionId)!;
      return {
        regionId: e.regionId,
        name: names.get(e.regionId) ?? e.regionId,
        before: { rank: old?.rank ?? null, total: fmt(old?.total ?? null), tier: old?.tier ?? null },
        after: { rank: now.rank, total: fmt(now.total), tier: now.tier },
      };
    }),
  };
}

export async function saveSettings(db: Db, ctx: TenantContext, proposal: SettingsProposal): Promise<void> {
  const { tenantId } = ctx;
  const { settings, weights } = proposal;
  const before = await getSettingsForm(db, ctx);
  await db.$transaction(async (tx) => {
    await tx.tenantSettings.update({
      where: { tenantId },
      data: {
        deadlineDay: settings.deadlineDay,
        reportedSharePercent: sharePercent(settings.reportedShare),
        rankUnreported: settings.rankUnreported ?? false,
        countPending: countsPending(settings.countedStatuses),
        childTargets: settings.childTargets ?? true,
        behindGap: toStored(settings.behindGap),
        seriousGap: toStored(settings.seriousGap),
        fullMarks: toStored(settings.composite.fullMarks),
        bonusPerPercent: toStored(settings.composite.bonusPerPercent),
        bonusCap: toStored(settings.composite.bonusCap),
      },
    });
    await touchTenantConfig(tx, tenantId);
    await tx.scoreTier.deleteMany({ where: { tenantId } });
    if (settings.composite.tiers.length > 0) {
      await tx.scoreTier.createMany({ data: settings.composite.tiers.map((t, i) => ({ tenantId, label: t.label, minScore: toStored(t.minScore), sortOrder: i })) });
    }
    const changedWeights: Record<string, { before: string; after: string }> = {};
    for (const w of before.weights) {
      const next = weights.get(w.id);
      if (next && !next.eq(new Decimal(w.weight))) {
        await tx.indicator.update({ where: { tenantId_id: { tenantId, id: w.id } }, data: { weight: toStored(next) } });
        changedWeights[w.code] = { before: w.weight, after: next.toString() };
      }
    }
    const summary = (f: SettingsForm) => ({
      deadlineDay: f.deadlineDay, reportedSharePercent: f.reportedSharePercent, rankUnreported: f.rankUnreported, countPending: f.countPending, childTargets: f.childTargets, behindGap: f.behindGap, seriousGap: f.seriousGap, fullMarks: f.fullMarks,
      bonusPerPercent: f.bonusPerPercent, bonusCap: f.bonusCap, tiers: f.tiers.map((t) => `${t.label}≥${t.minScore}`).join(" "),
    });
    await writeAudit(tx, ctx, {
      action: "update",
      entity: "Settings",
      entityId: tenantId,
      detail: {
        label: "settings",
        before: { ...summary(before), weights: Object.fromEntries(Object.entries(changedWeights).map(([k, v]) => [k, v.before])) },
        after: {
          deadlineDay: settings.deadlineDay, reportedSharePercent: sharePercent(settings.reportedShare), rankUnreported: settings.rankUnreported ?? false,
          countPending: countsPending(settings.countedStatuses), childTargets: settings.childTargets ?? true, behindGap: settings.behindGap.toString(), seriousGap: settings.seriousGap.toString(),
          fullMarks: settings.composite.fullMarks.toString(), bonusPerPercent: settings.composite.bonusPerPercent.toString(),
          bonusCap: settings.composite.bonusCap.toString(), tiers: settings.composite.tiers.map((t) => `${t.label}≥${t.minScore}`).join(" "),
          weights: Object.fromEntries(Object.entries(changedWeights).map(([k, v]) => [k, v.after])),
        },
      },
    });
  });
}
