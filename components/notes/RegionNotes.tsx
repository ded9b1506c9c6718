/**
 * The open supervision notes (督办) of one region with their replies and a reply form.
 * Self-contained server component: place it on any page of a member who may read the
 * region (the county page, the entry page).
 */
import { getTranslations } from "next-intl/server";
import type { TenantMember } from "@/lib/auth/types";
import type { TenantData } from "@/lib/data/tenant";
import { can } from "@/lib/permissions";
import { CloseNoteButton, ReplyForm } from "./NoteForms";

export async function RegionNotes({ user, data, regionId }: { user: TenantMember; data: TenantData; regionId: string }) {
  const resource = { tenantId: user.tenantId, regionId };
  if (!can(user, "region.read", resource)) return null;
  const [notes, t] = await Promise.all([data.notes({ regionId, status: "OPEN" }), getTranslations("Notes")]);
  const mayReply = can(user, "note.reply", resource);
  const mayClose = can(user, "note.write", resource);
  return (
    <section aria-labelledby="region-notes-heading" id="notes" className="mb-8" data-testid="region-notes">
      <h2 id="region-notes-heading" className="mb-3 text-lg font-semibold text-slate-900">{t("title")}</h2>
      {notes.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="space-y-3">
          {notes.map((n) => (
            <li key={n.id} className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="note">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <p className="text-xs text-slate-700">
                  <span className="font-semibold text-amber-900">{t("badge")}</span>
                  {" · "}
                  {n.indicatorName ?? t("allIndicators")}
                  {" · "}
                  {t("period", { year: n.year, month: n.month })}
                  {n.dueDate ? ` · ${t("due", { date: n.dueDate })}` : ""}
                  {n.authorName ? ` · ${n.authorName}` : ""}
                </p>
                {mayClose ? <CloseNoteButton noteId={n.id} /> : null}
              </div>
              <p className="mt-2 whitespace-pre-line text-sm text-slate-900">{n.body}</p>
              {n.replies.length > 0 ? (
                <ul className="mt-3 space-y-2 border-l-2 border-amber-300 pl-3" aria-label={t("replies")}>
                  {n.replies.map((r) => (
                    <li key={r.id} className="text-sm">
                      <p className="text-xs text-slate-700">{r.authorName ?? ""} · {r.createdAt.slice(0, 10)}</p>
                      <p className="whitespace-pre-line text-slate-900">{r.body}</p>
                    </li>
                  ))}
                </ul>
              ) : null}
              {mayReply ? <ReplyForm noteId={n.id} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
