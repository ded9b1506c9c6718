"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { saveDraft } from "../data/bulletins";
import { ADDITION_FIELD, PARAGRAPH_FIELD, saveBulletinSchema } from "../schemas/bulletins";
import { ActionError, defineAction } from "./client";

/** Saves an administrator's paragraph edits, additions and 发文字号 to a draft bulletin. */
export const saveBulletin = defineAction(
  {
    action: "bulletin.manage",
    schema: saveBulletinSchema,
    resource: async (input, ctx) => {
      const row = await ctx.db.bulletin.findUnique({ where: { tenantId_id: { tenantId: ctx.tenant.tenantId, id: String(input.id) } }, select: { tenantId: true } });
      return row ? { tenantId: row.tenantId } : null;
    },
  },
  async (input, ctx) => {
    const t = await getTranslations("Bulletins");
    const paragraphs: Record<string, string> = {};
    const additions: Record<string, string> = {};
    for (const [key, value] of Object.entries(input)) {
      if (typeof value !== "string") continue;
      if (key.startsWith(PARAGRAPH_FIELD)) paragraphs[key.slice(PARAGRAPH_FIELD.length)] = value;
      else if (key.startsWith(ADDITION_FIELD)) additions[key.slice(ADDITION_FIELD.length)] = value;
    }
    const outcome = await saveDraft(ctx.db, ctx.tenant, String(input.id), { paragraphs, additions, docNumber: input.docNumber }, input.updatedAt || undefined);
    if (outcome.ok) {
      refresh(ctx.user.tenantSlug);
      return { ok: true, message: t("saved"), data: undefined };
    }
    if (outcome.reason === "problems") {
      const errors: Record<string, string[]> = {};
      for (const p of outcome.problems) errors[`${PARAGRAPH_FIELD}${p.paragraphId}`] = [t(`problem.${p.problem}`, { figure: p.figure ?? "" })];
      throw new ActionError(t("fixParagraphs"), errors);
    }
    throw new ActionError(t(outcome.reason === "stale" ? "stale" : outcome.reason === "published" ? "alreadyPublished" : "notFound"));
  },
);

function refresh(slug: string) {
  try {
    revalidatePath(`/${slug}/bulletins`, "layout");
  } catch {
    /* outside a Next request (tests) there is nothing to revalidate */
  }
}
