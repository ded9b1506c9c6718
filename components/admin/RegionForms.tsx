"use client";
/** Forms of the region administration: add a region, edit (rename, level, order) and move one. */
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { moveRegion } from "@/lib/actions/move-region";
import { saveRegion } from "@/lib/actions/save-region";
import { errorId, type ActionResult } from "@/lib/actions/result";

const LEVELS = ["PROVINCE", "PREFECTURE", "COUNTY", "COUNTY_CITY", "DISTRICT", "ZONE"] as const;
const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-sky-500";
const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-sky-500 disabled:opacity-60";

type Option = { id: string; code: string; name: string };
type Result = ActionResult<undefined> | null;

function Errors({ form, field, result }: { form: string; field: string; result: Result }) {
  const errs = result && !result.ok ? result.errors[field] : undefined;
  return errs ? (
    <p id={errorId(form, field)} className="mt-1 text-sm text-red-700">
      {errs.join(" ")}
    </p>
  ) : null;
}
function Status({ result }: { result: Result }) {
  return result ? (
    <p role="status" className={`text-sm ${result.ok ? "text-emerald-700" : "text-red-700"}`}>
      {result.message}
    </p>
  ) : null;
}
const described = (form: string, field: string, result: Result) =>
  result && !result.ok && result.errors[field] ? { "aria-describedby": errorId(form, field), "aria-invalid": true as const } : {};

export function AddRegionForm({ parents, defaultParentId }: { parents: Option[]; defaultParentId: string }) {
  const t = useTranslations("RegionAdmin");
  const [result, action, pending] = useActionState<Result, FormData>(saveRegion, null);
  const f = "region-add";
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-6 sm:items-end" data-testid="region-add">
      <div>
        <label htmlFor={`${f}-code`} className="block text-sm font-medium text-slate-700">{t("fields.code")}</label>
        <input id={`${f}-code`} name="code" inputMode="numeric" maxLength={6} required className={`${input} font-mono`} {...described(f, "code", result)} />
        <Errors form={f} field="code" result={result} />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor={`${f}-name`} className="block text-sm font-medium text-slate-700">{t("fields.name")}</label>
        <input id={`${f}-name`} name="name" required className={input} {...described(f, "name", result)} />
        <Errors form={f} field="name" result={result} />
      </div>
      <div>
        <label htmlFor={`${f}-level`} className="block text-sm font-medium text-slate-700">{t("fields.level")}</label>
        <select id={`${f}-level`} name="level" defaultValue="COUNTY" className={input}>
          {LEVELS.map((l) => <option key={l} value={l}>{t(`levels.${l}`)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor={`${f}-parent`} className="block text-sm font-medium text-slate-700">{t("fields.parent")}</label>
        <select id={`${f}-parent`} name="parentId" defaultValue={defaultParentId} className={input} {...described(f, "parentId", result)}>
          {parents.map((p) => <option key={p.id} value={p.id}>{p.name}（{p.code}）</option>)}
        </select>
        <Errors form={f} field="parentId" result={result} />
      </div>
      <div>
        <button type="submit" disabled={pending} className={button}>{t("add")}</button>
      </div>
      <div className="sm:col-span-6"><Status result={result} /></div>
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
        <div className="sm:col-span-2">
          <label htmlFor={`${f}-name`} className="block text-sm font-medium text-slate-700">{t("fields.name")}</label>
          <input id={`${f}-name`} name="name" defaultValue={region.name} required className={input} {...described(f, "name", saved)} />
          <Errors form={f} field="name" result={saved} />
        </div>
        <div>
          <label htmlFor={`${f}-level`} className="block text-sm font-medium text-slate-700">{t("fields.level")}</label>
          <select id={`${f}-level`} name="level" defaultValue={region.level} className={input}>
            {LEVELS.map((l) => <option key={l} value={l}>{t(`levels.${l}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={`${f}-order`} className="block text-sm font-medium text-slate-700">{t("fields.sortOrder")}</label>
          <input id={`${f}-order`} name="sortOrder" type="number" min={0} max={9999} defaultValue={region.sortOrder} className={input} />
        </div>
        <div>
          <button type="submit" disabled={saving} className={button}>{t("save")}</button>
        </div>
        <div className="sm:col-span-5"><Status result={saved} /></div>
      </form>
      {isRoot ? null : (
        <form action={move} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="id" value={region.id} />
          <div>
            <label htmlFor={`${f}-parent`} className="block text-sm font-medium text-slate-700">{t("moveUnder")}</label>
            <select id={`${f}-parent`} name="parentId" defaultValue={region.parentId ?? ""} className={input} {...described(f, "parentId", moved)}>
              {parents.map((p) => <option key={p.id} value={p.id}>{p.name}（{p.code}）</option>)}
            </select>
            <Errors form={f} field="parentId" result={moved} />
          </div>
          <button type="submit" disabled={moving} className={button}>{t("move")}</button>
          <Status result={moved && moved.ok ? moved : null} />
        </form>
      )}
    </div>
  );
}
