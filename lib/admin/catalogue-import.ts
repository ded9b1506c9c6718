/**
 * The indicator catalogue from a sheet (pure): every field of the indicator form — code,
 * name, unit, definition, group (无 takes it out of its group), kind, direction, precision, weight, frequency, the ratio's parts
 * (by code) and factor, and the expected-progress curve (12 cumulative percentages joined
 * by "/", or 线性 for the linear default). A known code updates its non-blank cells; a new
 * code creates an indicator (name, unit and kind required). An indicator holding figures
 * refuses the changes the form refuses (lib/admin/catalogue.ts).
 */
import { Decimal, parseDecimalInput, toStored } from "../decimal";
import { DIRECTIONS, FREQUENCIES, INDICATOR_KINDS } from "../schemas/admin";
import { cellText, type SheetRow } from "../xlsx";
import { MAX_RATIO_FACTOR, parseCurve, refusedChanges } from "./catalogue";
import { enumValue, sheetBody, type ColumnSpec, type PlannedRow, type SheetIssue } from "./sheet-import";

type Field = "code" | "name" | "unit" | "definition" | "group" | "kind" | "direction" | "precision" | "weight" | "frequency" | "numerator" | "denominator" | "ratioFactor" | "curve";

export const CATALOGUE_COLUMNS: Record<Field, ColumnSpec> = {
  code: { label: "指标代码", aliases: ["代码", "code"] },
  name: { label: "指标名称", aliases: ["名称", "name"] },
  unit: { label: "单位", aliases: ["unit"] },
  definition: { label: "统计口径", aliases: ["口径", "definition"] },
  group: { label: "指标分组", aliases: ["分组", "group"] },
  kind: { label: "类型", aliases: ["kind"] },
  direction: { label: "方向", aliases: ["direction"] },
  precision: { label: "小数位数", aliases: ["小数位", "precision"] },
  weight: { label: "权重", aliases: ["综合评分权重", "weight"] },
  frequency: { label: "报送频率", aliases: ["频率", "frequency"] },
  numerator: { label: "分子指标代码", aliases: ["分子", "numerator"] },
  denominator: { label: "分母指标代码", aliases: ["分母", "denominator"] },
  ratioFactor: { label: "系数", aliases: ["比率系数", "ratiofactor"] },
  curve: { label: "进度曲线", aliases: ["curve"] },
};

const KIND_LABELS: Record<(typeof INDICATOR_KINDS)[number], readonly string[]> = { CUMULATIVE: ["累计值", "累计"], STOCK: ["保有量"], INCREMENT: ["净增量"], RATIO: ["比率（计算）", "比率", "比率(计算)"] };
const DIRECTION_LABELS: Record<(typeof DIRECTIONS)[number], readonly string[]> = { HIGHER_IS_BETTER: ["越高越好"], LOWER_IS_BETTER: ["越低越好"] };
const FREQUENCY_LABELS: Record<(typeof FREQUENCIES)[number], readonly string[]> = { MONTHLY: ["月报"], QUARTERLY: ["季报"], HALF_YEARLY: ["半年报"], YEARLY: ["年报"] };
const LINEAR = "线性";
/** The group cell that takes an indicator out of its group (a blank cell changes nothing). */
const NO_GROUP = "无";

export interface IndicatorState {
  id: string | null;
  code: string;
  name: string;
  unit: string;
  definition: string;
  /** null: ungrouped */
  group: string | null;
  kind: string;
  direction: string;
  precision: number;
  /** decimal text */
  weight: string;
  frequency: string;
  numeratorCode: string | null;
  denominatorCode: string | null;
  /** decimal text, RATIO only */
  ratioFactor: string | null;
  /** 12 percentages joined by "/", or null for the linear default */
  curve: string | null;
}

export interface CataloguePlanRow extends PlannedRow {
  next: IndicatorState;
}

/** Figures held by an existing indicator (by code): how many, and their most decimal places. */
export type FigureFacts = ReadonlyMap<string, { count: number; maxDecimals: number }>;

const STATE_FIELDS = ["name", "unit", "definition", "group", "kind", "direction", "precision", "weight", "frequency", "numeratorCode", "denominatorCode", "ratioFactor", "curve"] as const;

/** 12 percentages as written ("/", "、" or spaces between them) → the normalised curve text, or the problem. */
function curveText(value: string): { curve: string | null } | { problem: string; month?: number } {
  if (value === LINEAR) return { curve: null };
  const parts = value.split(/[/、\s]+/).filter((p) => p !== "");
  const parsed = parseCurve(parts);
  if ("problem" in parsed) return parsed;
  return { curve: parsed.shares.map((s) => s.times(100).toString()).join("/") };
}

function decimalIn(value: string, max: number): string | null {
  const d = parseDecimalInput(value);
  return d && !d.isNegative() && d.lte(max) && d.decimalPlaces() <= 6 ? d.toString() : null;
}

/** One row → its next state, each bad cell reported through `bad`. */
function rowState(cell: (f: Field) => string, old: IndicatorState | null, code: string, bad: (f: Field, reason: string, params?: Record<string, string | number>) => void): IndicatorState {
  const pick = <K extends string>(f: Field, labels: Record<K, readonly string[]>): K | null => {
    if (!cell(f)) return null;
    const v = enumValue(cell(f), labels);
    if (!v) bad(f, "valueUnknown");
    return v;
  };
  const kind = pick("kind", KIND_LABELS);
  const direction = pick("direction", DIRECTION_LABELS);
  const frequency = pick("frequency", FREQUENCY_LABELS);
  if (cell("precision") && !/^[0-6]$/.test(cell("precision"))) bad("precision", "precision");
  const weight = cell("weight") ? decimalIn(cell("weight"), 1000) : null;
  if (cell("weight") && weight === null) bad("weight", "weight");
  const factor = cell("ratioFactor") ? decimalIn(cell("ratioFactor"), MAX_RATIO_FACTOR) : null;
  if (cell("ratioFactor") && (factor === null || new Decimal(factor).isZero())) bad("ratioFactor", "ratioFactor");
  let curve = old?.curve ?? null;
  if (cell("curve")) {
    const c = curveText(cell("curve"));
    if ("problem" in c) bad("curve", c.problem, { month: c.month ?? 12 });
    else curve = c.curve;
  }
  for (const [f, max] of [["name", 60], ["unit", 20], ["definition", 2000], ["group", 20]] as const) if (cell(f).length > max) bad(f, "tooLong", { max });
  if (!old) for (const f of ["name", "unit", "kind"] as const) if (!cell(f)) bad(f, "requiredNew");
  const nextKind = kind ?? old?.kind ?? "CUMULATIVE";
  const ratio = nextKind === "RATIO";
  return {
    id: old?.id ?? null,
    code,
    name: cell("name") || old?.name || "",
    unit: cell("unit") || old?.unit || "",
    definition: cell("definition") || old?.definition || "",
    group: cell("group") === NO_GROUP ? null : cell("group") || old?.group || null,
    kind: nextKind,
    direction: direction ?? old?.direction ?? "HIGHER_IS_BETTER",
    precision: cell("precision") ? Number(cell("precision")) : (old?.precision ?? 2),
    weight: weight ?? old?.weight ?? "0",
    frequency: frequency ?? old?.frequency ?? "MONTHLY",
    numeratorCode: ratio ? cell("numerator").toUpperCase() || old?.numeratorCode || null : null,
    denominatorCode: ratio ? cell("denominator").toUpperCase() || old?.denominatorCode || null : null,
    ratioFactor: ratio ? (factor ?? old?.ratioFactor ?? "1") : null,
    curve,
  };
}

/**
 * Indicator rows of the file → what changes (the rows that could be read, also when others
 * could not), and every problem (row, column, reason); nothing may be written unless
 * `issues` is empty.
 */
export function planCatalogueImport(sheet: SheetRow[], existing: IndicatorState[], facts: FigureFacts): { planned: CataloguePlanRow[]; issues: SheetIssue[] } {
  const read = sheetBody(sheet, CATALOGUE_COLUMNS, ["code"]);
  if ("issues" in read) return { planned: [], issues: read.issues };
  const { body, col } = read;
  const issues: SheetIssue[] = [];
  const byCode = new Map(existing.map((i) => [i.code, i]));
  const seen = new Map<string, number>();
  const planned: CataloguePlanRow[] = [];
  for (const r of body) {
    const cell = (f: Field) => (col[f] === undefined ? "" : cellText(r.cells[col[f]!]));
    const bad = (f: Field, reason: string, params?: Record<string, string | number>) => issues.push({ row: r.row, column: CATALOGUE_COLUMNS[f].label, reason, ...(params ? { params } : {}) });
    const code = cell("code").toUpperCase();
    if (!/^[A-Z][A-Z0-9_]{1,39}$/.test(code)) {
      bad("code", code ? "indicatorCode" : "empty");
      continue;
    }
    if (seen.has(code)) {
      bad("code", "duplicate", { row: seen.get(code)! });
      continue;
    }
    seen.set(code, r.row);
    const old = byCode.get(code) ?? null;
    const before = issues.length;
    const next = rowState(cell, old, code, bad);
    if (issues.length > before) continue;
    const fields = old ? STATE_FIELDS.filter((k) => next[k] !== old[k]) : [];
    planned.push({ row: r.row, code, name: next.name, change: !old ? "create" : fields.length ? "update" : "unchanged", fields, next });
  }
  if (issues.length === 0) checkCatalogue(planned, existing, facts, issues);
  return { planned, issues };
}

const factorStored = (f: string | null) => (f === null ? null : toStored(f));

/** The catalogue the file would leave: ratio parts are other, non-ratio indicators; figures refuse meaning changes. */
function checkCatalogue(planned: CataloguePlanRow[], existing: IndicatorState[], facts: FigureFacts, issues: SheetIssue[]): void {
  const final = new Map(existing.map((i) => [i.code, i]));
  for (const p of planned) final.set(p.code, p.next);
  for (const p of planned) {
    const n = p.next;
    const bad = (f: Field, reason: string, params?: Record<string, string | number>) => issues.push({ row: p.row, column: CATALOGUE_COLUMNS[f].label, reason, ...(params ? { params } : {}) });
    if (n.kind === "RATIO") {
      for (const f of ["numerator", "denominator"] as const) {
        const partCode = f === "numerator" ? n.numeratorCode : n.denominatorCode;
        const part = partCode ? final.get(partCode) : undefined;
        if (!partCode || !part || part.code === n.code || part.kind === "RATIO") bad(f, "ratioPart", { code: partCode ?? "" });
      }
    }
    const old = existing.find((e) => e.code === p.code);
    const f = facts.get(p.code);
    if (!old || !f || f.count === 0) continue;
    const meaning = (s: IndicatorState) => ({ kind: s.kind, unit: s.unit, precision: s.precision, numeratorId: s.numeratorCode, denominatorId: s.denominatorCode, ratioFactor: factorStored(s.ratioFactor) });
    const column = { kind: "kind", unit: "unit", ratioParts: "numerator", ratioFactor: "ratioFactor", precision: "precision" } as const;
    for (const refused of refusedChanges(meaning(old), meaning(n), true, f.maxDecimals)) bad(column[refused], `refused.${refused}`, { count: f.count, digits: f.maxDecimals });
  }
}

/** The export's rows: every indicator in catalogue order, in the import's columns (labels in Chinese). */
export function catalogueExportRows(indicators: IndicatorState[]): (string | number | null)[][] {
  const label = <K extends string>(labels: Record<K, readonly string[]>, k: string) => labels[k as K]?.[0] ?? k;
  return indicators.map((i) => [
    i.code, i.name, i.unit, i.definition, i.group, label(KIND_LABELS, i.kind), label(DIRECTION_LABELS, i.direction), i.precision, i.weight,
    label(FREQUENCY_LABELS, i.frequency), i.numeratorCode, i.denominatorCode, i.ratioFactor, i.curve ?? LINEAR,
  ]);
}

/** The codes of existing indicators whose meaning the planned rows would change (their figures are needed). */
export function meaningChanged(planned: CataloguePlanRow[]): string[] {
  const meaning = new Set(["kind", "unit", "precision", "numeratorCode", "denominatorCode", "ratioFactor"]);
  return planned.filter((p) => p.change === "update" && p.fields.some((f) => meaning.has(f))).map((p) => p.code);
}
