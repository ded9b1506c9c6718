/**
 * The region tree from a sheet (pure): columns 区域代码, 区域名称, 级别, 上级代码, 排序,
 * 启用 — the export's layout. A row whose code exists updates that region with its
 * non-blank cells; a new code creates a region (name and level required; a blank parent
 * code puts it under the root). The tree the file would leave is checked as a whole:
 * parents exist (in the tenant or earlier or later in the file), no region under itself,
 * no active region under an inactive one, the root stays the root and active.
 */
import { cellText, type SheetRow } from "../xlsx";
import { REGION_LEVELS } from "../schemas/admin";
import { enumValue, sheetBody, flagValue, type ColumnSpec, type PlannedRow, type SheetIssue } from "./sheet-import";
import { isSelfOrDescendant, REGION_CODE } from "./regions";

type Level = (typeof REGION_LEVELS)[number];
type Field = "code" | "name" | "level" | "parent" | "sortOrder" | "active";

export const REGION_COLUMNS: Record<Field, ColumnSpec> = {
  code: { label: "区域代码", aliases: ["行政区划代码", "代码", "code"] },
  name: { label: "区域名称", aliases: ["名称", "name"] },
  level: { label: "级别", aliases: ["层级", "level"] },
  parent: { label: "上级代码", aliases: ["上级区域代码", "parent", "parentcode"] },
  sortOrder: { label: "排序", aliases: ["sortorder", "order"] },
  active: { label: "启用", aliases: ["状态", "active"] },
};

/** Levels as written in Chinese ledgers (the codes are accepted too). */
const LEVEL_LABELS: Record<Level, readonly string[]> = {
  PROVINCE: ["省"],
  PREFECTURE: ["市州", "市", "州", "地级市", "自治州"],
  COUNTY: ["县", "自治县"],
  COUNTY_CITY: ["县级市"],
  DISTRICT: ["区", "市辖区"],
  ZONE: ["园区", "开发区", "高新区"],
};

export interface RegionState {
  id: string | null;
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  sortOrder: number;
  active: boolean;
}

export interface RegionPlanRow extends PlannedRow {
  /** the region as the file leaves it */
  next: RegionState;
}

/** Region rows of the file → what changes, or every problem (row, column, reason). */
export function planRegionImport(sheet: SheetRow[], existing: RegionState[]): { planned: RegionPlanRow[]; issues: SheetIssue[] } {
  const read = sheetBody(sheet, REGION_COLUMNS, ["code"]);
  if ("issues" in read) return { planned: [], issues: read.issues };
  const { body, col } = read;
  const issues: SheetIssue[] = [];
  const byCode = new Map(existing.map((r) => [r.code, r]));
  const seen = new Map<string, number>();
  const planned: RegionPlanRow[] = [];
  for (const r of body) {
    const cell = (f: Field) => (col[f] === undefined ? "" : cellText(r.cells[col[f]!]));
    const bad = (f: Field, reason: string, params?: Record<string, string | number>) => issues.push({ row: r.row, column: REGION_COLUMNS[f].label, reason, ...(params ? { params } : {}) });
    const before = issues.length;
    const code = cell("code");
    if (!REGION_CODE.test(code)) {
      bad("code", code ? "regionCode" : "empty");
      continue;
    }
    if (seen.has(code)) {
      bad("code", "duplicate", { row: seen.get(code)! });
      continue;
    }
    seen.set(code, r.row);
    const old = byCode.get(code) ?? null;
    const level = cell("level") ? enumValue(cell("level"), LEVEL_LABELS) : null;
    if (cell("level") && !level) bad("level", "levelUnknown");
    const sortText = cell("sortOrder");
    // the form's range (lib/schemas/admin.ts): 0–9999
    if (sortText && !/^\d{1,4}$/.test(sortText)) bad("sortOrder", "notInteger");
    const active = cell("active") ? flagValue(cell("active")) : null;
    if (cell("active") && active === null) bad("active", "notFlag");
    const parentCode = cell("parent");
    if (parentCode && !REGION_CODE.test(parentCode)) bad("parent", "regionCode");
    if (!old && !cell("name")) bad("name", "requiredNew");
    if (!old && !level && !cell("level")) bad("level", "requiredNew");
    // the form's limit (lib/schemas/admin.ts): a name imported longer could not be saved there again
    if (cell("name").length > 40) bad("name", "tooLong", { max: 40 });
    if (issues.length > before) continue;
    const root = old !== null && old.parentCode === null;
    if (root && parentCode) bad("parent", "rootParent");
    if (root && active === false) bad("active", "deactivateRoot");
    const next: RegionState = {
      id: old?.id ?? null,
      code,
      name: cell("name") || old?.name || "",
      level: level ?? old?.level ?? "COUNTY",
      parentCode: root ? null : parentCode || old?.parentCode || (existing.find((e) => e.parentCode === null)?.code ?? null),
      sortOrder: sortText ? Number(sortText) : (old?.sortOrder ?? 0),
      active: active ?? old?.active ?? true,
    };
    const fields = old ? (["name", "level", "parentCode", "sortOrder", "active"] as const).filter((k) => next[k] !== old[k]) : [];
    planned.push({ row: r.row, code, name: next.name, change: !old ? "create" : fields.length ? "update" : "unchanged", fields: fields.map((f) => (f === "parentCode" ? "parent" : f)), next });
  }
  if (issues.length === 0) checkTree(planned, existing, issues);
  return { planned: issues.length ? [] : planned, issues };
}

/** The tree the file would leave: every parent known, no cycles, no active region under an inactive one. */
function checkTree(planned: RegionPlanRow[], existing: RegionState[], issues: SheetIssue[]): void {
  const final = new Map(existing.map((r) => [r.code, r]));
  for (const p of planned) final.set(p.code, p.next);
  const nodes = [...final.values()].map((r) => ({ id: r.code, parentId: r.parentCode }));
  const children = new Map<string, RegionState[]>();
  for (const r of final.values()) if (r.parentCode) (children.get(r.parentCode) ?? children.set(r.parentCode, []).get(r.parentCode)!).push(r);
  for (const p of planned) {
    const bad = (column: string, reason: string) => issues.push({ row: p.row, column, reason, params: { code: p.next.parentCode ?? "" } });
    const parent = p.next.parentCode ? final.get(p.next.parentCode) : undefined;
    if (p.next.parentCode && !parent) bad(REGION_COLUMNS.parent.label, "parentUnknown");
    else if (p.next.parentCode && isSelfOrDescendant(nodes, p.code, p.next.parentCode)) bad(REGION_COLUMNS.parent.label, "moveIntoSelf");
    else if (parent && p.next.active && !parent.active) bad(REGION_COLUMNS.active.label, "parentInactive");
    else if (!p.next.active && (children.get(p.code) ?? []).some((c) => c.active)) bad(REGION_COLUMNS.active.label, "activeChildren");
  }
}

/** The export's rows: every region in tree order, in the import's columns. */
export function regionExportRows(regions: RegionState[]): (string | number)[][] {
  return regions.map((r) => [r.code, r.name, LEVEL_LABELS[r.level as Level]?.[0] ?? r.level, r.parentCode ?? "", r.sortOrder, r.active ? "是" : "否"]);
}
