/**
 * Loads the demo installation (domain.md §7–§8) into any database: two tenants with
 * their regions, catalogue, users, targets for two years and monthly fills from January
 * of DEMO_FIRST_YEAR to DEMO_LAST_MONTH of DEMO_CURRENT_YEAR. Idempotent: the demo
 * tenants and accounts are removed first and rebuilt, identically.
 *
 * The latest months show what a real ledger has: most counties submitted, months up to
 * August approved, September awaiting review, a county late every month (古丈县, 通道县
 * leaves October in draft), a value returned by the reviewer with its reason.
 */
import type { Db } from "../../lib/db/client";
import type { Prisma } from "../../generated/sqlite/client";
import { Decimal, toStored } from "../../lib/decimal";
import { hashPassword } from "../../lib/auth/password";
import {
  DEMO_CURRENT_YEAR,
  DEMO_FIRST_YEAR,
  DEMO_LAST_MONTH,
  DEMO_PASSWORD,
  INDICATORS,
  PROVINCE,
  TENANTS,
  demoAccounts,
  type ProvinceDef,
  type RegionDef,
  type TenantDef,
} from "./catalogue";
import { generateSeries, prng } from "./figures";
import { seedOutlines } from "./geo";
import type { FillStatus, RegionLevel } from "../../generated/sqlite/enums";

export * from "./catalogue";

type Tx = Prisma.TransactionClient;

const YEARS = [DEMO_FIRST_YEAR, DEMO_CURRENT_YEAR];
const BATCH = 500;

/** China-time wall clock → UTC Date. */
function chinaTime(year: number, month: number, day: number, hour: number, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour - 8, minute));
}

function hash(...parts: (string | number)[]): number {
  let h = 2166136261;
  for (const ch of parts.join("|")) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

interface FillPlan {
  status: FillStatus;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  reviewReason: string | null;
}

/** Status and timestamps of one region's fills for (year, month). */
function planFill(tenant: TenantDef, region: RegionDef, year: number, month: number, indicatorCode: string): FillPlan {
  const ny = month === 12 ? year + 1 : year;
  const nm = month === 12 ? 1 : month + 1;
  const lateMonthly = region.reporting === "late";
  const submitDay = lateMonthly ? tenant.deadlineDay + 4 : Math.max(1, tenant.deadlineDay - 2);
  const submittedAt = chinaTime(ny, nm, submitDay, 16, 30);
  const reviewedAt = chinaTime(ny, nm, Math.min(28, tenant.deadlineDay + 6), 10);
  const isLatest = year === DEMO_CURRENT_YEAR && month === DEMO_LAST_MONTH;
  const isReviewMonth = year === DEMO_CURRENT_YEAR && month === DEMO_LAST_MONTH - 1;
  if (isLatest && region.reporting === "draft") return { status: "DRAFT", submittedAt: null, reviewedAt: null, reviewReason: null };
  if (isLatest && region.reporting === "returned" && (indicatorCode === "TECH_CONTRACT" || indicatorCode === "RD_EXP")) {
    return {
      status: "RETURNED",
      submittedAt,
      reviewedAt: chinaTime(ny, nm, tenant.deadlineDay + 1, 9, 40),
      reviewReason: indicatorCode === "TECH_CONTRACT" ? "与技术合同登记系统数据不符，请核实后重新报送。" : "研发经费较上月增幅异常，请补充说明并附统计快报。",
    };
  }
  if (isLatest || isReviewMonth) return { status: "SUBMITTED", submittedAt, reviewedAt: null, reviewReason: null };
  return { status: "APPROVED", submittedAt, reviewedAt, reviewReason: null };
}

async function removeDemo(db: Tx): Promise<void> {
  const accounts = demoAccounts().map((a) => a.account);
  await db.user.deleteMany({ where: { account: { in: accounts } } });
  await db.tenant.deleteMany({ where: { slug: { in: [...TENANTS, PROVINCE].map((t) => t.slug) } } });
}

/** A county with figures, and the city tenant whose seed and reporting plan generate them. */
interface Unit {
  region: RegionDef;
  source: TenantDef;
}

/** How one demo tenant is laid out: its regions (parents first), its units and who holds a target of its own. */
interface Plan {
  slug: string;
  name: string;
  root: { code: string };
  wording: { issuer: string; shortName: string; areaWord: string };
  deadlineDay: number;
  seriousGap: string;
  regions: { code: string; name: string; level: RegionLevel; parentCode: string | null }[];
  units: Unit[];
  /** regions with a target of their own, from the units below them */
  owners: { code: string; units: Unit[] }[];
}

function cityPlan(def: TenantDef): Plan {
  const units = def.regions.map((region) => ({ region, source: def }));
  return {
    ...def,
    regions: [{ ...def.root, parentCode: null }, ...def.regions.map((r) => ({ ...r, parentCode: def.root.code }))],
    units,
    owners: [{ code: def.root.code, units }],
  };
}

function provincePlan(def: ProvinceDef): Plan {
  const regions: Plan["regions"] = [{ ...def.root, parentCode: null }];
  const units: Unit[] = [];
  const owners: Plan["owners"] = [];
  for (const { city, ownTargets } of def.cities) {
    regions.push({ ...city.root, parentCode: def.root.code });
    const below = city.regions.map((region) => ({ region, source: city }));
    for (const r of city.regions) regions.push({ ...r, parentCode: city.root.code });
    units.push(...below);
    if (ownTargets) owners.push({ code: city.root.code, units: below });
  }
  return { ...def, regions, units, owners: [{ code: def.root.code, units }, ...owners] };
}

export interface SeedSummary {
  tenants: number;
  regions: number;
  indicators: number;
  users: number;
  targets: number;
  fills: number;
}

/**
 * Everything in one transaction: on SQLite that is one commit instead of thousands (the
 * seed takes seconds, not minutes), and a failed seed leaves the previous data in place.
 */
export async function seedDemo(db: Db): Promise<SeedSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.$transaction((tx) => seedInto(tx, passwordHash), { timeout: 600_000, maxWait: 60_000 });
}

async function seedInto(db: Tx, passwordHash: string): Promise<SeedSummary> {
  await removeDemo(db);
  const summary: SeedSummary = { tenants: 0, regions: 0, indicators: 0, users: 0, targets: 0, fills: 0 };

  await db.user.create({ data: { account: "platform", name: "平台管理员", passwordHash, isPlatformAdmin: true, mustChangePassword: false } });
  summary.users++;

  for (const def of [...TENANTS.map(cityPlan), provincePlan(PROVINCE)]) {
    const tenant = await db.tenant.create({
      data: {
        slug: def.slug,
        name: def.name,
        // completion is scored against the schedule: 100 = every indicator on schedule;
        // 0.05 bonus points per percentage point ahead, at most 1 point per indicator
        settings: {
          create: {
            ...def.wording,
            deadlineDay: def.deadlineDay,
            seriousGap: toStored(def.seriousGap),
            bonusPerPercent: toStored("0.05"),
            bonusCap: toStored(1),
          },
        },
        scoreTiers: {
          create: [
            { label: "A", minScore: toStored(100), sortOrder: 1 },
            { label: "B", minScore: toStored(85), sortOrder: 2 },
            { label: "C", minScore: toStored(0), sortOrder: 3 },
          ],
        },
      },
    });
    const tenantId = tenant.id;
    summary.tenants++;

    // parents first, so each region's parent already has its id
    const regionIds = new Map<string, string>();
    for (const [i, r] of def.regions.entries()) {
      const parentId = r.parentCode === null ? null : regionIds.get(r.parentCode)!;
      const row = await db.region.create({ data: { tenantId, code: r.code, name: r.name, level: r.level, parentId, sortOrder: i } });
      regionIds.set(r.code, row.id);
    }
    summary.regions += def.regions.length;
    await seedOutlines(db, tenantId, `${def.root.code}-${def.slug}.geojson`, def.regions.filter((r) => r.parentCode !== null).map((r) => ({ id: regionIds.get(r.code)!, code: r.code, name: r.name })));

    const indicatorIds = new Map<string, string>();
    for (const [i, ind] of INDICATORS.entries()) {
      const row = await db.indicator.create({
        data: {
          tenantId,
          code: ind.code,
          name: ind.name,
          unit: ind.unit,
          definition: ind.definition,
          group: ind.group ?? null,
          kind: ind.kind,
          direction: ind.direction ?? "HIGHER_IS_BETTER",
          precision: ind.precision,
          weight: toStored(ind.weight),
          frequency: ind.frequency ?? "MONTHLY",
          numeratorId: ind.numerator ? indicatorIds.get(ind.numerator) : undefined,
          denominatorId: ind.denominator ? indicatorIds.get(ind.denominator) : undefined,
          ratioFactor: ind.ratioFactor ? toStored(ind.ratioFactor) : undefined,
          sortOrder: i + 1,
          curve: ind.curve
            ? { create: ind.curve.map((share, m) => ({ month: m + 1, share: toStored(share) })) }
            : undefined,
        },
      });
      indicatorIds.set(ind.code, row.id);
    }
    summary.indicators += INDICATORS.length;

    const accounts = demoAccounts().filter((a) => a.tenant === def.slug);
    const userIds = new Map<string, string>();
    for (const a of accounts) {
      const user = await db.user.create({
        data: {
          account: a.account,
          name: a.name,
          passwordHash,
          mustChangePassword: false,
          tenantId,
        },
      });
      await db.membership.create({ data: { tenantId, userId: user.id, role: a.role!, regionId: regionIds.get(a.regionCode!)! } });
      userIds.set(a.account, user.id);
    }
    summary.users += accounts.length;
    const adminId = userIds.get(`${def.slug}-admin`)!;

    // Figures
    const targets: { tenantId: string; regionId: string; indicatorId: string; year: number; value: bigint; updatedById: string }[] = [];
    const fills: {
      tenantId: string; regionId: string; indicatorId: string; year: number; month: number; value: bigint;
      status: FillStatus; submittedAt: Date | null; reviewedAt: Date | null; reviewReason: string | null;
      createdById: string; updatedById: string; reviewedById: string | null; note: string;
    }[] = [];
    const unitTargets = new Map<string, Decimal>();
    for (const { region, source } of def.units) {
      const regionId = regionIds.get(region.code)!;
      const reporterId = userIds.get(`${def.slug}-${region.code}`)!;
      for (const ind of INDICATORS) {
        const indicatorId = indicatorIds.get(ind.code)!;
        if (ind.kind === "RATIO") {
          const t = new Decimal(ind.ratioTarget!.county).plus(new Decimal(region.scale).minus(1).times("0.15")).toDecimalPlaces(2);
          for (const [k, year] of YEARS.entries()) {
            targets.push({ tenantId, regionId, indicatorId, year, value: toStored(t.plus(new Decimal("0.1").times(k))), updatedById: adminId });
          }
          continue;
        }
        const rand = prng(hash(source.seed, region.code, ind.gen?.levelOf ?? ind.code));
        for (const series of generateSeries(region, ind, YEARS, rand)) {
          if (series.target) {
            targets.push({ tenantId, regionId, indicatorId, year: series.year, value: toStored(series.target), updatedById: adminId });
            unitTargets.set(`${region.code}|${ind.code}|${series.year}`, series.target);
          }
          const lastMonth = series.year === DEMO_CURRENT_YEAR ? DEMO_LAST_MONTH : 12;
          for (let month = 1; month <= lastMonth; month++) {
            const plan = planFill(source, region, series.year, month, ind.code);
            fills.push({
              tenantId, regionId, indicatorId, year: series.year, month,
              value: toStored(series.months[month - 1]),
              ...plan,
              createdById: reporterId,
              updatedById: reporterId,
              reviewedById: plan.reviewedAt ? adminId : null,
              note: "",
            });
          }
        }
      }
    }
    // The city's own targets from the province (the province's from the ministry): a little
    // below the sum of the county targets for additive indicators (so the sum check has
    // something to show), fixed for ratios.
    for (const owner of def.owners) {
      for (const ind of INDICATORS) {
        const indicatorId = indicatorIds.get(ind.code)!;
        for (const [k, year] of YEARS.entries()) {
          const sum = owner.units.reduce<Decimal | undefined>((total, u) => {
            const t = unitTargets.get(`${u.region.code}|${ind.code}|${year}`);
            return t === undefined ? total : (total ?? new Decimal(0)).plus(t);
          }, undefined);
          let value: Decimal | undefined;
          if (ind.kind === "RATIO") value = new Decimal(ind.ratioTarget!.city).plus(new Decimal("0.1").times(k));
          else if (ind.kind === "STOCK") value = sum;
          else value = sum?.times("0.95");
          if (value) targets.push({ tenantId, regionId: regionIds.get(owner.code)!, indicatorId, year, value: toStored(value.toDecimalPlaces(ind.precision)), updatedById: adminId });
        }
      }
    }
    for (let i = 0; i < targets.length; i += BATCH) await db.target.createMany({ data: targets.slice(i, i + BATCH) });
    for (let i = 0; i < fills.length; i += BATCH) await db.fill.createMany({ data: fills.slice(i, i + BATCH) });
    summary.targets += targets.length;
    summary.fills += fills.length;

    // The audit trail of the latest two months (older months arrive as an import).
    const recent = await db.fill.findMany({
      where: { tenantId, year: DEMO_CURRENT_YEAR, month: { gte: DEMO_LAST_MONTH - 1 } },
      select: { id: true, value: true, status: true, submittedAt: true, reviewedAt: true, reviewReason: true, createdById: true, reviewedById: true },
    });
    const audits = recent.flatMap((f) => {
      const entries = [{ tenantId, fillId: f.id, action: "CREATE" as const, newValue: f.value, newStatus: "DRAFT" as const, actorId: f.createdById, createdAt: f.submittedAt ?? chinaTime(DEMO_CURRENT_YEAR, DEMO_LAST_MONTH + 1, 2, 10) }];
      if (f.status !== "DRAFT") entries.push({ tenantId, fillId: f.id, action: "SUBMIT" as const, newValue: f.value, newStatus: "SUBMITTED" as const, actorId: f.createdById, createdAt: f.submittedAt! } as never);
      if (f.status === "RETURNED") entries.push({ tenantId, fillId: f.id, action: "RETURN" as const, oldStatus: "SUBMITTED", newStatus: "RETURNED", actorId: f.reviewedById, reason: f.reviewReason, createdAt: f.reviewedAt! } as never);
      return entries;
    });
    for (let i = 0; i < audits.length; i += BATCH) await db.fillAudit.createMany({ data: audits.slice(i, i + BATCH) });

    // A supervision note (督办) on the county furthest behind, with the county's reply.
    const laggard = def.units.map((u) => u.region).reduce((a, b) => ((a.pace[DEMO_CURRENT_YEAR] ?? 1) <= (b.pace[DEMO_CURRENT_YEAR] ?? 1) ? a : b));
    const note = await db.supervisionNote.create({
      data: {
        tenantId,
        regionId: regionIds.get(laggard.code)!,
        indicatorId: indicatorIds.get("RD_EXP"),
        year: DEMO_CURRENT_YEAR,
        month: DEMO_LAST_MONTH - 1,
        body: `${laggard.name}全社会研发经费投入严重滞后于序时进度，请于本月底前报送整改措施并加快推进。`,
        dueDate: chinaTime(DEMO_CURRENT_YEAR, DEMO_LAST_MONTH + 1, 30, 18),
        authorId: userIds.get(`${def.slug}-leader`),
        createdAt: chinaTime(DEMO_CURRENT_YEAR, DEMO_LAST_MONTH, 15, 9),
      },
    });
    await db.noteReply.create({
      data: {
        tenantId,
        noteId: note.id,
        authorId: userIds.get(`${def.slug}-${laggard.code}`),
        body: "已召开专题会议部署，正督促重点企业补报研发费用加计扣除数据。",
        createdAt: chinaTime(DEMO_CURRENT_YEAR, DEMO_LAST_MONTH, 18, 15),
      },
    });
  }
  return summary;
}
