"use server";
/** 督办: a leader or admin attaches a supervision note to (region, indicator?, period). */
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { ActionError, defineAction } from "./client";
import { createNoteSchema } from "../schemas/dashboard";
import { createNote as insertNote, indicatorExists, regionResource } from "../data/notes";

const action = defineAction(
  {
    action: "note.write",
    schema: createNoteSchema,
    resource: (input, { db, tenant }) => regionResource(db, tenant.tenantId, input.regionId),
  },
  async (input, { db, tenant, user }) => {
    const t = await getTranslations("Notes");
    if (input.indicatorId && !(await indicatorExists(db, tenant.tenantId, input.indicatorId))) {
      throw new ActionError(t("unknownIndicator"), { indicatorId: [t("unknownIndicator")] });
    }
    const note = await insertNote(db, tenant, input);
    revalidatePath(`/${user.tenantSlug}`, "layout");
    return { ok: true, message: t("created"), data: { id: note.id } };
  },
);

export async function createNote(prev: Parameters<typeof action>[0], input: Parameters<typeof action>[1]) {
  return action(prev, input);
}
