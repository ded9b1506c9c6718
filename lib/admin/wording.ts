/**
 * The tenant's own words (TenantSettings.issuer, shortName, areaWord): the organ that issues
 * its bulletins, its short name and the word for its whole area (全州, 全市, 全省) on the
 * dashboards and in bulletins. Typed by the bureau, never built from the tenant's name;
 * only the area word has a default, taken from the root region's level (pure).
 */
import type { REGION_LEVELS } from "../schemas/admin";

type RegionLevel = (typeof REGION_LEVELS)[number];

export interface TenantWording {
  /** e.g. 湘西土家族苗族自治州科学技术局 */
  issuer: string;
  /** e.g. 湘西州 */
  shortName: string;
  /** e.g. 全州 */
  areaWord: string;
}

const AREA_OF_LEVEL: Record<RegionLevel, string> = {
  PROVINCE: "全省",
  PREFECTURE: "全市",
  COUNTY: "全县",
  COUNTY_CITY: "全市",
  DISTRICT: "全区",
  ZONE: "全区",
};

/** The area word a root of this level calls itself by: an autonomous prefecture (…州) says 全州. */
export function defaultAreaWord(level: RegionLevel, rootName: string): string {
  if (level === "PREFECTURE" && rootName.trim().endsWith("州")) return "全州";
  return AREA_OF_LEVEL[level];
}

/**
 * The word for the regions of a level named together (各市州, 各县市区, 各园区): the bulletin's,
 * always Chinese. A region level this product does not know reads as counties.
 */
export function unitsWord(level: string | undefined): string {
  switch (level) {
    case "PROVINCE":
      return "省";
    case "PREFECTURE":
      return "市州";
    case "ZONE":
      return "园区";
    default:
      return "县市区";
  }
}

/**
 * The level key the dashboards' messages choose their words by (`{units, select, …}`): the
 * level of the regions a scope shows, or COUNTY when it shows none yet.
 */
export function unitsLevel(scope: { levelNames: readonly string[] }, depth = 1): string {
  return scope.levelNames[depth - 1] || "COUNTY";
}

/**
 * The area word of a dashboard's scope: the tenant's own (its setting) at the root, below it
 * the region's by its level (湘西州 under a province says 全州, 怀化市 全市).
 */
export function scopeArea(scope: { parentId: string | undefined; level: string; path: readonly { name: string }[] }, tenantArea: string): string {
  if (scope.parentId === undefined) return tenantArea;
  const level = scope.level as RegionLevel;
  return level in AREA_OF_LEVEL ? defaultAreaWord(level, scope.path.at(-1)?.name ?? "") : tenantArea;
}
