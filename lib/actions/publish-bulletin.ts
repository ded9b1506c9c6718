"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { publishDraft } from "../data/bulletins";
import { bulletinIdSchema } from "../schemas/bulletins";
import { ActionError, defineAction } from "./client";

/** Publishes a draft bulletin: from then on every member of the tenant reads it, and it is no longer editable. */
export const publishBulletin = defineAction(
  {
    action: "bulletin.manage",
    schema: bulletinIdSchema,
    resource: async (input, ctx) => {
      const row = await ctx.db.bulletin.findUnique({ where: { tenantId_id: { tenantId: ctx.tenant.tenantId, id: input.id } }, select: { tenantId: true } });
      return row ? { tenantId: row.tenantId } : null;
    },
  },
  async (input, ctx) => {
    const t = await getTranslations("Bulletins");
    const outcome = await publishDraft(ctx.db, ctx.tenant, input.id);
    if (!outcome.ok) throw new ActionError(t(outcome.reason === "published" ? "alreadyPublished" : "notFound"));
    refresh(ctx.user.tenantSlug);
    return { ok: true, message: t("published"), data: undefined };
  },
);

function refresh(slug: string) {
  try {
    revalidatePath(`/${slug}/bulletins`, "layout");
  } catch {
    /* outside a Next request (tests) there is nothing to revalidate */
  }
}
