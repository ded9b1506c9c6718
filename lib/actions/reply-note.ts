"use server";
/** The county (or a leader/admin) replies to a supervision note. */
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { ActionError, defineAction } from "./client";
import { replyNoteSchema } from "../schemas/dashboard";
import { addReply, noteResource } from "../data/notes";

const action = defineAction(
  {
    action: "note.reply",
    schema: replyNoteSchema,
    resource: (input, { db, tenant }) => noteResource(db, tenant.tenantId, input.noteId),
  },
  async (input, { db, tenant, user }) => {
    const t = await getTranslations("Notes");
    const note = await noteResource(db, tenant.tenantId, input.noteId);
    if (note?.status !== "OPEN") throw new ActionError(t("alreadyClosed"));
    await addReply(db, tenant, input.noteId, input.body);
    revalidatePath(`/${user.tenantSlug}`, "layout");
    return { ok: true, message: t("replied"), data: undefined };
  },
);

export async function replyNote(prev: Parameters<typeof action>[0], input: Parameters<typeof action>[1]) {
  return action(prev, input);
}
