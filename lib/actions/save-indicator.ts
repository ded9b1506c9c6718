"use server";
/**
 * Create or edit an indicator. Once an indicator holds figures (fills or targets), a change
 * of kind, unit, ratio parts or ratio factor is refused (not versioned) with a message naming
 * the reason, and a precision change that would cut digits off stored values is refused too.
 */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { MAX_RATIO_FACTOR, parseCurve, refusedChanges } from "../admin/catalogue";
import { writeAudit } from "../data/audit";
import { touchTenantConfig } from "../data/tenant-config";
import { figureFacts } from "../data/catalogue";
import { Decimal, fromStored, parseDecimalInput, toStored } from "../decimal";
import { saveIndicatorSchema } from "../schemas/admin";
import type { z } from "zod";
import type { TenantContext } from "../data/context";
import type { Db } from "../db/client";
import { ActionError, defineAction } from "./client";

type Translate = Awaited<ReturnType<typeof getTranslations<"Catalogue">>>;
type Input = z.output<typeof saveIndicatorSchema>;
type Shape = Parameters<typeof refusedChanges>[0];

/** A RATIO's parts (two other non-ratio indicators of the tenant) and factor; none for other kinds. */
async function ratioParts(db: Db, tenantId: string, input: Input, selfId: string | undefined, t: Translate) {
  if (input.kind !== "RATIO") return { numeratorId: null, denominatorId: null, ratioFactor: null };
  const errors: Record<string, string[]> = {};
  const parts = await db.indicator.findMany({ where: { tenantId, id: { in: [input.numeratorId ?? "-", input.denominatorId ?? "-"] } }, select: { id: true, kind: true } });
  const ok = (pid: string | undefined) => !!pid && pid !== selfId && parts.some((p) => p.id === pid && p.kind !== "RATIO");
  if (!ok(input.numeratorId)) errors.numeratorId = [t("errors.ratioPart")];
  if (!ok(input.denominatorId)) errors.denominatorId = [t("errors.ratioPart")];
  const factor = parseDecimalInput(input.ratioFactor || "1");
  if (!factor || !factor.greaterThan(0) || factor.greaterThan(MAX_RATIO_FACTOR) || factor.decimalPlaces() > 6) errors.ratioFactor = [t("errors.ratioFactor")];
  if (Object.keys(errors).length) throw new ActionError(t("errors.fix"), errors);
  return { numeratorId: input.numeratorId!, denominatorId: input.denominatorId!, ratioFactor: toStored(factor!) };
}

/** Refuses the changes an indicator holding figures cannot take (lib/admin/catalogue.ts), each on its field. */
async function refuseLockedChanges(db: Db, tenant: TenantContext, existing: Shape & { id: string }, next: Shape, t: Translate): Promise<void> {
  const facts = await figureFacts(db, tenant, existing.id);
  const refused = refusedChanges(
    { kind: existing.kind, unit: existing.unit, precision: existing.precision, numeratorId: existing.numeratorId, denominatorId: existing.denominatorId, ratioFactor: existing.ratioFactor },
    next,
    facts.count > 0,
    facts.maxDecimals,
  );
  if (refused.length === 0) return;
  const errors: Record<string, string[]> = {};
  const field = { kind: "kind", unit: "unit", ratioParts: "numeratorId", ratioFactor: "ratioFactor", precision: "precision" } as const;
  for (const r of refused) errors[field[r]] = [t(`refused.${r}`, { count: facts.count, digits: facts.maxDecimals })];
  throw new ActionError(t("refused.summary", { count: facts.count }), errors);
}

const action = defineAction(
  {
    action: "catalogue.manage",
    schema: saveIndicatorSchema,
    resource: async (input, { db, tenant }) => {
      if (!input.id) return { tenantId: tenant.tenantId };
      const found = await db.indicator.findFirst({ where: { tenantId: tenant.tenantId, id: input.id }, select: { id: true } });
      return found ? { tenantId: tenant.tenantId } : null;
    },
  },
  async (input, { db, tenant, user }) => {
    const t = await getTranslations("Catalogue");
    const { tenantId } = tenant;
    const existing = input.id ? await db.indicator.findFirst({ where: { tenantId, id: input.id }, include: { curve: { orderBy: { month: "asc" } } } }) : null;

    const weight = parseDecimalInput(input.weight);
    if (!weight || weight.isNegative() || weight.greaterThan(1000) || weight.decimalPlaces() > 6) throw new ActionError(t("errors.weight"), { weight: [t("errors.weight")] });

    const { numeratorId, denominatorId, ratioFactor } = await ratioParts(db, tenantId, input, existing?.id, t);

    // curve
    let shares: Decimal[] | null = null;
    if (!input.curve.every((v) => v === "")) {
      const parsed = parseCurve(input.curve);
      if ("problem" in parsed) throw new ActionError(t(`errors.${parsed.problem}`, { month: parsed.month ?? 12 }), { curve: [t(`errors.${parsed.problem}`, { month: parsed.month ?? 12 })] });
      shares = parsed.shares;
    }

    // the code is unique in the tenant and does not change once set
    if (existing && existing.code !== input.code) throw new ActionError(t("errors.codeFixed"), { code: [t("errors.codeFixed")] });
    if (!existing) {
      const clash = await db.indicator.findFirst({ where: { tenantId, code: input.code }, select: { id: true } });
      if (clash) throw new ActionError(t("errors.codeTaken"), { code: [t("errors.codeTaken")] });
    }

    if (existing) await refuseLockedChanges(db, tenant, existing, { kind: input.kind, unit: input.unit, precision: input.precision, numeratorId, denominatorId, ratioFactor }, t);

    const data = {
      name: input.name,
      unit: input.unit,
      definition: input.definition,
      group: input.group || null,
      kind: input.kind,
      direction: input.direction,
      precision: input.precision,
      weight: toStored(weight),
      frequency: input.frequency,
      numeratorId,
      denominatorId,
      ratioFactor,
    };
    const snapshot = (d: typeof data & { code: string }, curve: Decimal[] | null) => ({
      code: d.code, name: d.name, unit: d.unit, group: d.group, kind: d.kind, direction: d.direction, precision: d.precision,
      weight: fromStored(d.weight).toString(), frequency: d.frequency,
      ratioFactor: d.ratioFactor === null ? null : fromStored(d.ratioFactor).toString(),
      curve: curve ? curve.map((s) => s.times(100).toString()).join("/") : null,
    });
    const saved = await db.$transaction(async (tx) => {
      let row;
      if (existing) {
        row = await tx.indicator.update({ where: { tenantId_id: { tenantId, id: existing.id } }, data });
      } else {
        const last = await tx.indicator.aggregate({ where: { tenantId }, _max: { sortOrder: true } });
        row = await tx.indicator.create({ data: { ...data, tenantId, code: input.code, sortOrder: (last._max.sortOrder ?? 0) + 1 } });
      }
      await tx.indicatorCurvePoint.deleteMany({ where: { tenantId, indicatorId: row.id } });
      if (shares) await tx.indicatorCurvePoint.createMany({ data: shares.map((s, i) => ({ tenantId, indicatorId: row.id, month: i + 1, share: toStored(s) })) });
      await touchTenantConfig(tx, tenant.tenantId);
      await writeAudit(tx, tenant, {
        action: existing ? "update" : "create",
        entity: "Indicator",
        entityId: row.id,
        detail: {
          label: `${row.code} ${row.name}`,
          before: existing ? snapshot({ ...existing }, existing.curve.length === 12 ? existing.curve.map((p) => fromStored(p.share)) : null) : null,
          after: snapshot({ ...data, code: row.code }, shares),
        },
      });
      return row;
    });
    revalidatePath(`/${user.tenantSlug}/admin/indicators`);
    return { ok: true, message: t(existing ? "updated" : "created", { code: saved.code }), data: { code: saved.code } };
  },
);

export async function saveIndicator(...args: Parameters<typeof action>) {
  return action(...args);
}
