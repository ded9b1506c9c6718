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
