"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { publishBulletin } from "@/lib/actions/publish-bulletin";
import type { ActionResult } from "@/lib/actions/result";
import { Button } from "@/components/ui";

export function PublishForm({ id }: { id: string }) {
  const t = useTranslations("Bulletins");
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(publishBulletin, null);
  return (
    <form action={action} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="bulletin-publish">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-slate-600">{t("publishHint")}</p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button variant="primary" pending={pending}>
          {pending ? t("publishing") : t("publish")}
        </Button>
        <div role="status" aria-live="polite" className="text-sm">
          {state ? <span className={state.ok ? "text-emerald-700" : "text-red-700"}>{state.message}</span> : null}
        </div>
      </div>
    </form>
  );
}
