"use client";
/** Forms of the region administration: add a region, edit (rename, level, order) and move one. */
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { moveRegion } from "@/lib/actions/move-region";
import { saveRegion } from "@/lib/actions/save-region";
import type { ActionResult } from "@/lib/actions/result";
import { REGION_LEVELS } from "@/lib/schemas/admin";
import { Button, Field, FormMessage, type FormResult } from "@/components/ui";


type Option = { id: string; code: string; name: string };
type Result = ActionResult<undefined> | null;

function LevelField({ form, defaultValue, result }: { form: string; defaultValue: string; result: FormResult }) {
  const t = useTranslations("RegionAdmin");
  return (
    <Field form={form} name="level" label={t("fields.level")} result={result}>
      {(p) => (
        <select {...p} defaultValue={defaultValue}>
          {REGION_LEVELS.map((l) => <option key={l} value={l}>{t(`levels.${l}`)}</option>)}
        </select>
      )}
    </Field>
  );
}

function ParentField({ form, label, parents, defaultValue, result }: { form: string; label: string; parents: Option[]; defaultValue: string; result: FormResult }) {
  return (
    <Field form={form} name="parentId" label={label} result={result}>
      {(p) => (
        <select {...p} defaultValue={defaultValue}>
          {parents.map((o) => <option key={o.id} value={o.id}>{o.name}（{o.code}）</option>)}
        </select>
      )}
    </Field>
  );
}

export function AddRegionForm({ parents, defaultParentId }: { parents: Option[]; defaultParentId: string }) {
  const t = useTranslations("RegionAdmin");
  const [result, action, pending] = useActionState<Result, FormData>(saveRegion, null);
  const f = "region-add";
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-6 sm:items-end" data-testid="region-add">
      <Field form={f} name="code" label={t("fields.code")} result={result}>
        {(p) => <input {...p} inputMode="numeric" maxLength={6} required className={`${p.className} font-mono`} />}
      </Field>
      <Field form={f} name="name" label={t("fields.name")} result={result} className="sm:col-span-2">
        {(p) => <input {...p} required />}
      </Field>
      <LevelField form={f} defaultValue="COUNTY" result={result} />
      <ParentField form={f} label={t("fields.parent")} parents={parents} defaultValue={defaultParentId} result={result} />
      <div>
        <Button pending={pending}>{t("add")}</Button>
      </div>
      <div className="sm:col-span-6"><FormMessage result={result} /></div>
    </form>
  );
}

export function EditRegionForms({ region, parents, isRoot }: { region: { id: string; code: string; name: string; level: string; sortOrder: number; parentId: string | null }; parents: Option[]; isRoot: boolean }) {
  const t = useTranslations("RegionAdmin");
  const [saved, save, saving] = useActionState<Result, FormData>(saveRegion, null);
  const [moved, move, moving] = useActionState<Result, FormData>(moveRegion, null);
  const f = `region-${region.code}`;
  return (
    <div className="mt-2 space-y-3 rounded-md bg-slate-50 p-3">
      <form action={save} className="grid gap-3 sm:grid-cols-5 sm:items-end">
        <input type="hidden" name="id" value={region.id} />
        <Field form={f} name="name" label={t("fields.name")} result={saved} className="sm:col-span-2">
          {(p) => <input {...p} defaultValue={region.name} required />}
        </Field>
        <LevelField form={f} defaultValue={region.level} result={saved} />
        <Field form={f} name="sortOrder" label={t("fields.sortOrder")} result={saved}>
          {(p) => <input {...p} type="number" min={0} max={9999} defaultValue={region.sortOrder} />}
        </Field>
        <div>
          <Button pending={saving}>{t("save")}</Button>
        </div>
        <div className="sm:col-span-5"><FormMessage result={saved} /></div>
      </form>
      {isRoot ? null : (
        <form action={move} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="id" value={region.id} />
          <ParentField form={`${f}-move`} label={t("moveUnder")} parents={parents} defaultValue={region.parentId ?? ""} result={moved} />
          <Button pending={moving}>{t("move")}</Button>
          <FormMessage result={moved && moved.ok ? moved : null} />
        </form>
      )}
    </div>
  );
}
