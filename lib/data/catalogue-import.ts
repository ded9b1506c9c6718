/**
 * The indicator catalogue as the sheet import and export see it (parts by code, weights and
 * factors as decimal text, the curve as percentages), and the commit of a checked plan
 * (lib/admin/catalogue-import.ts) in one transaction, audited.
 */
import type { Db } from "../db/client";
import type { CataloguePlanRow, FigureFacts, IndicatorState } from "../admin/catalogue-import";
import { Decimal, fromStored, toStored } from "../decimal";
import { writeAudit, type AuditEntryInput } from "./audit";
import { figureFacts } from "./catalogue";
import type { TenantContext } from "./context";
import { touchTenantConfig } from "./tenant-config";

/** Every indicator of the tenant (active or not) in catalogue order. */
export async function indicatorStates(db: Db, ctx: TenantContext): Promise<IndicatorState[]> {
  const rows = await db.indicator.findMany({ where: { tenantId: ctx.tenantId }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], include: { curve: { orderBy: { month: "asc" } } } });
  const codeOf = new Map(rows.map((r) => [r.id, r.code]));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    unit: r.unit,
    definition: r.definition,
    group: r.group,
    kind: r.kind,
    direction: r.direction,
    precision: r.precision,
    weight: fromStored(r.weight).toString(),
    frequency: r.frequency,
    numeratorCode: r.numeratorId ? (codeOf.get(r.numeratorId) ?? null) : null,
    denominatorCode: r.denominatorId ? (codeOf.get(r.denominatorId) ?? null) : null,
    ratioFactor: r.ratioFactor === null ? null : fromStored(r.ratioFactor).toString(),
    curve: r.curve.length === 12 ? r.curve.map((p) => fromStored(p.share).times(100).toString()).join("/") : null,
  }));
}

/** The figures held by the named indicators. */
export async function figureFactsOf(db: Db, ctx: TenantContext, states: IndicatorState[], codes: string[]): Promise<FigureFacts> {
  const out = new Map<string, { count: number; maxDecimals: number }>();
  for (const s of states) if (s.id && codes.includes(s.code)) out.set(s.code, await figureFacts(db, ctx, s.id));
  return out;
}

type Kind = "CUMULATIVE" | "STOCK" | "INCREMENT" | "RATIO";
type Direction = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
type Frequency = "MONTHLY" | "QUARTERLY" | "HALF_YEARLY" | "YEARLY";

/**
 * Writes the plan: new indicators (ratios last, so their parts exist), then updates, each
 * audited with before and after and the import's reason; a changed curve is replaced.
 */
export async function applyCatalogueImport(db: Db, ctx: TenantContext, planned: CataloguePlanRow[], before: IndicatorState[], reason: string): Promise<void> {
  const { tenantId } = ctx;
  await db.$transaction(
    async (tx) => {
      const idOf = new Map((await tx.indicator.findMany({ where: { tenantId }, select: { id: true, code: true } })).map((i) => [i.code, i.id]));
      const last = await tx.indicator.aggregate({ where: { tenantId }, _max: { sortOrder: true } });
      // new indicators follow the existing ones in the file's order (ratios are created last, listed where the file has them)
      const sortOrderOf = new Map(planned.filter((p) => p.change === "create").map((p, k) => [p.code, (last._max.sortOrder ?? 0) + k + 1]));
      const audits: AuditEntryInput[] = [];
      const data = (n: IndicatorState) => ({
        name: n.name, unit: n.unit, definition: n.definition, group: n.group, kind: n.kind as Kind, direction: n.direction as Direction, precision: n.precision,
        weight: toStored(n.weight), frequency: n.frequency as Frequency,
        numeratorId: n.numeratorCode ? idOf.get(n.numeratorCode)! : null, denominatorId: n.denominatorCode ? idOf.get(n.denominatorCode)! : null,
        ratioFactor: n.ratioFactor === null ? null : toStored(n.ratioFactor),
      });
      const creates = planned.filter((p) => p.change === "create").sort((a, b) => Number(a.next.kind === "RATIO") - Number(b.next.kind === "RATIO"));
      const written: { id: string; p: CataloguePlanRow }[] = [];
      for (const p of creates) {
        const row = await tx.indicator.create({ data: { ...data(p.next), tenantId, code: p.code, sortOrder: sortOrderOf.get(p.code)! } });
        idOf.set(row.code, row.id);
        written.push({ id: row.id, p });
      }
      for (const p of planned.filter((x) => x.change === "update")) {
        const id = idOf.get(p.code)!;
        await tx.indicator.update({ where: { tenantId_id: { tenantId, id } }, data: data(p.next) });
        written.push({ id, p });
      }
      for (const { id, p } of written) {
        const old = before.find((b) => b.code === p.code) ?? null;
        if (!old || old.curve !== p.next.curve) {
          await tx.indicatorCurvePoint.deleteMany({ where: { tenantId, indicatorId: id } });
          const shares = p.next.curve?.split("/").map((s) => new Decimal(s).dividedBy(100)) ?? [];
          if (shares.length === 12) await tx.indicatorCurvePoint.createMany({ data: shares.map((s, i) => ({ tenantId, indicatorId: id, month: i + 1, share: toStored(s) })) });
        }
        audits.push({ action: old ? "update" : "create", entity: "Indicator", entityId: id, detail: { label: `${p.code} ${p.next.name}`, before: old ? { ...old, id: undefined } : null, after: { ...p.next, id: undefined }, reason } });
      }
      if (audits.length > 0) {
        await touchTenantConfig(tx, tenantId);
        await writeAudit(tx, ctx, audits);
      }
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
