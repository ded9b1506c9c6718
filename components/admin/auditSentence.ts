/**
 * The audit log in words: each entry as a sentence — who changed which figure (region,
 * indicator, month) from what to what, or which record, and why — instead of codes and
 * recorded JSON. Fields of recorded objects are named from the messages; fields without a
 * name (hashes, ids) are left out.
 */
import type { AuditRow } from "@/lib/data/audit";

/** The "Audit" messages, as getTranslations gives them. */
export interface AuditWords {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

const plain = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : typeof v === "object" ? null : String(v));

/** A figure change: "张三 将 保靖县 2026年10月“全社会研发经费投入”由 1.20 改为 1.35 亿元". */
function fillSentence(r: AuditRow & { fill: NonNullable<AuditRow["fill"]> }, who: string, t: AuditWords): string {
  const f = r.fill;
  const values = {
    who,
    region: f.region,
    period: t("period", { year: f.year, month: f.month }),
    indicator: f.indicator,
    unit: f.unit,
    from: plain(r.before) ?? "—",
    to: plain(r.after) ?? "—",
  };
  const kind = r.action === "UPDATE" || (r.action === "IMPORT" && r.before !== null) ? `${r.action}_change` : r.action;
  return t.has(`fill.${kind}`) ? t(`fill.${kind}`, values) : t("fill.other", values);
}

/** The named fields that differ between two recorded objects: "名称：甲 → 乙" (a new value that only repeats the subject is left out). */
function fieldChanges(before: unknown, after: unknown, subject: string, t: AuditWords): string[] {
  const obj = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const b = obj(before);
  const a = obj(after);
  const out: string[] = [];
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (!t.has(`fields.${key}`)) continue;
    const from = plain(b[key]);
    const to = plain(a[key]);
    if (from === to || (from === null && to === subject)) continue;
    out.push(from === null ? `${t(`fields.${key}`)}：${to ?? "—"}` : `${t(`fields.${key}`)}：${from} → ${to ?? "—"}`);
  }
  return out;
}

/** Figures entered on a region's behalf: "全社会研发经费投入 1.20 → 1.35". */
function figureChanges(before: unknown, after: unknown): string[] {
  if (!Array.isArray(after)) return [];
  const was = new Map((Array.isArray(before) ? before : []).map((x: { indicator?: string; value?: unknown }) => [x.indicator, plain(x.value)]));
  return after.map((x: { indicator?: string; value?: unknown }) => `${x.indicator ?? ""} ${was.get(x.indicator) ?? "—"} → ${plain(x.value) ?? "—"}`);
}

/** What changed, in words (empty when nothing readable was recorded). */
function changeWords(r: AuditRow, t: AuditWords): string {
  const from = plain(r.before);
  const to = plain(r.after);
  if (from !== null || to !== null) {
    if (typeof r.before === "object" && r.before !== null) return to === null ? "" : t("changeTo", { to });
    if (typeof r.after === "object" && r.after !== null) return from === null ? "" : t("changeFrom", { from });
    return from === null ? t("changeTo", { to: to! }) : t("change", { from, to: to ?? "—" });
  }
  const parts = r.action === "fill.enterOnBehalf" ? figureChanges(r.before, r.after) : fieldChanges(r.before, r.after, r.label, t);
  return parts.join("；");
}

/** The whole sentence of an entry, its reason included. */
export function auditSentence(r: AuditRow, t: AuditWords): string {
  const who = r.actor ?? t("system");
  let sentence: string;
  if (r.fill) sentence = fillSentence({ ...r, fill: r.fill }, who, t);
  else {
    const entity = t.has(`entities.${r.entity}`) ? t(`entities.${r.entity}`) : r.entity;
    const key = `sentences.${r.action.replace(/\./g, "_")}`;
    const values = { who, entity, subject: r.label || entity };
    sentence = t.has(key) ? t(key, values) : t("sentences.other", values);
    const change = changeWords(r, t);
    if (change) sentence += t("changed", { change });
  }
  return r.reason ? sentence + t("because", { reason: r.reason }) : sentence + "。";
}
