"use server";
/** One cell of the targets grid: set, change or clear (empty) a region's annual target. */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { MAX_MEASURE, formatMaxMeasure, parseDecimalInput } from "../decimal";
import { applyTargetChanges } from "../data/targets";
import { setTargetSchema } from "../schemas/admin";
import { ActionError, defineAction } from "./client";

const action = defineAction(
  {
    action: "target.write",
    schema: setTargetSchema,
    resource: async (input, { db, tenant }) => {
      const region = await db.region.findFirst({ where: { tenantId: tenant.tenantId, id: input.regionId }, select: { id: true } });
      return region ? { tenantId: tenant.tenantId, regionId: region.id } : null;
    },
  },
  async (input, { db, tenant, user }) => {
    const t = await getTranslations("Targets");
    const indicator = await db.indicator.findFirst({ where: { tenantId: tenant.tenantId, id: input.indicatorId } });
    if (!indicator) throw new ActionError(t("errors.notFound"));
    let value = null;
    if (input.value.trim() !== "") {
      value = parseDecimalInput(input.value);
      if (!value) throw new ActionError(t("errors.notNumber"), { value: [t("errors.notNumber")] });
      if (value.isNegative()) throw new ActionError(t("errors.negative"), { value: [t("errors.negative")] });
      if (value.decimalPlaces() > indicator.precision) {
        const msg = t("errors.tooManyDecimals", { precision: indicator.precision });
        throw new ActionError(msg, { value: [msg] });
      }
      if (value.gt(MAX_MEASURE)) {
        const msg = t("errors.tooLarge", { maximum: formatMaxMeasure() });
        throw new ActionError(msg, { value: [msg] });
      }
    }
    await applyTargetChanges(db, tenant, input.year, [{ regionId: input.regionId, indicatorId: indicator.id, value }], "set");
    revalidatePath(`/${user.tenantSlug}/targets`);
    return { ok: true, message: t("saved"), data: { value: value === null ? "" : value.toFixed(indicator.precision) } };
  },
);

export async function setTarget(...args: Parameters<typeof action>) {
  return action(...args);
}
