"use server";
/** A leader or admin closes a supervision note (done). */
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { ActionError, defineAction } from "./client";
import { closeNoteSchema } from "../schemas/dashboard";
import { closeNote as markClosed, noteResource } from "../data/notes";

const action = defineAction(
  {
    action: "note.write",
    schema: closeNoteSchema,
    resource: (input, { db, tenant }) => noteResource(db, tenant.tenantId, input.noteId),
  },
  async (input, { db, tenant, user }) => {
    const t = await getTranslations("Notes");
    const note = await noteResource(db, tenant.tenantId, input.noteId);
    if (note?.status !== "OPEN") throw new ActionError(t("alreadyClosed"));
    await markClosed(db, tenant, input.noteId);
    revalidatePath(`/${user.tenantSlug}`, "layout");
    return { ok: true, message: t("closed"), data: undefined };
  },
);

export async function closeNote(prev: Parameters<typeof action>[0], input: Parameters<typeof action>[1]) {
  return action(prev, input);
}
