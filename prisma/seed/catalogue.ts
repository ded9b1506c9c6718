/**
 * The demo catalogue and the demo tenants of domain.md §3 and §8 (fixed, so the docs and
 * tests can rely on them). Figures are generated deterministically in figures.ts.
 */
import type { Direction, Frequency, IndicatorKind, RegionLevel } from "../../generated/sqlite/enums";

export const DEMO_PASSWORD = "demo1234";
/** The demo ledger runs from January of FIRST_YEAR to LAST_MONTH of CURRENT_YEAR. */
export const DEMO_FIRST_YEAR = 2025;
export const DEMO_CURRENT_YEAR = 2026;
export const DEMO_LAST_MONTH = 10;

export interface IndicatorDef {
  code: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  direction?: Direction;
  precision: number;
  /** weight in the composite score */
  weight: string;
  frequency?: Frequency;
  definition: string;
  /** the tenant's domain (研发投入, 企业培育, 成果转化, 人才引进, 平台建设); none for the ratios' inputs */
  group?: string;
  numerator?: string;
  denominator?: string;
  ratioFactor?: string;
  /** cumulative expected-progress curve (12 fractions), when not linear */
  curve?: string[];
  /**
   * Generation: the annual target of a county of scale 1 (for STOCK the year-end rise,
   * for INCREMENT the net increase), the opening level of a county of scale 1 (STOCK and
   * INCREMENT), whether the amount grows with the county's scale, and the shared level
   * series (an INCREMENT and a STOCK indicator can read the same level).
   */
  gen?: { base: string; opening?: string; scaled?: boolean; levelOf?: string; noTarget?: boolean };
  /** RATIO: the county target of a county, and the city's own target */
  ratioTarget?: { county: string; city: string };
}

/** Late-year batches: high-tech enterprise certification is published in Oct–Dec. */
const HTE_CURVE = ["0", "0", "0.02", "0.05", "0.08", "0.12", "0.15", "0.2", "0.3", "0.55", "0.8", "1"];

export const INDICATORS: IndicatorDef[] = [
  { code: "RD_EXP", group: "研发投入", name: "全社会研发经费投入", unit: "亿元", kind: "CUMULATIVE", precision: 2, weight: "15",
    definition: "辖区内全社会研究与试验发展（R&D）经费支出，按统计部门口径，年初至本月累计。", gen: { base: "1.2" } },
  { code: "GDP", name: "地区生产总值", unit: "亿元", kind: "CUMULATIVE", precision: 2, weight: "0",
    definition: "地区生产总值（GDP）年初至本月累计，用于计算研发投入强度。", gen: { base: "100" } },
  { code: "RD_INTENSITY", group: "研发投入", name: "研发投入强度", unit: "%", kind: "RATIO", precision: 2, weight: "10",
    definition: "全社会研发经费投入占地区生产总值的比重：研发经费 ÷ GDP × 100。",
    numerator: "RD_EXP", denominator: "GDP", ratioFactor: "100", ratioTarget: { county: "1.30", city: "1.45" } },
  { code: "HTE_NEW", group: "企业培育", name: "新增高新技术企业", unit: "家", kind: "INCREMENT", precision: 0, weight: "10",
    definition: "本年认定的高新技术企业净增数：月末有效高新技术企业数减上年末数。", curve: HTE_CURVE,
    gen: { base: "4", opening: "22", levelOf: "HTE" } },
  { code: "HTE_TOTAL", group: "企业培育", name: "高新技术企业数", unit: "家", kind: "STOCK", precision: 0, weight: "5",
    definition: "月末在有效期内的高新技术企业数（保有量）。", curve: HTE_CURVE, gen: { base: "4", opening: "22", levelOf: "HTE" } },
  { code: "TSME", group: "企业培育", name: "科技型中小企业入库", unit: "家", kind: "INCREMENT", precision: 0, weight: "8",
    definition: "本年新入库科技型中小企业净增数：月末入库数减上年末数。", gen: { base: "12", opening: "45" } },
  { code: "TECH_CONTRACT", group: "成果转化", name: "技术合同成交额", unit: "亿元", kind: "CUMULATIVE", precision: 2, weight: "12",
    definition: "在技术市场登记的技术合同成交金额，年初至本月累计。", gen: { base: "1.1" } },
  { code: "TECH_CONTRACT_COUNT", group: "成果转化", name: "技术合同登记项数", unit: "项", kind: "CUMULATIVE", precision: 0, weight: "4",
    definition: "在技术市场登记的技术合同项数，年初至本月累计。", gen: { base: "40" } },
  { code: "HT_VALUE_ADDED", group: "高新产业", name: "高新技术产业增加值", unit: "亿元", kind: "CUMULATIVE", precision: 2, weight: "10",
    definition: "高新技术产业增加值，年初至本月累计。", gen: { base: "18" } },
  { code: "HT_INVEST", group: "高新产业", name: "高新技术产业投资", unit: "亿元", kind: "CUMULATIVE", precision: 2, weight: "8",
    definition: "高新技术产业固定资产投资完成额，年初至本月累计。", gen: { base: "7.5" } },
  { code: "TALENT", group: "人才引进", name: "引进科技人才", unit: "人", kind: "CUMULATIVE", precision: 0, weight: "5",
    definition: "本年引进的各类科技人才人数，年初至本月累计。", gen: { base: "60" } },
  { code: "FOREIGN_EXPERT", group: "人才引进", name: "引进外国专家", unit: "人次", kind: "CUMULATIVE", precision: 0, weight: "3",
    definition: "本年引进外国专家人次，年初至本月累计。", gen: { base: "4" } },
  { code: "TECH_ACHIEVEMENT", group: "成果转化", name: "技术成果登记", unit: "项", kind: "CUMULATIVE", precision: 0, weight: "4",
    definition: "在科技成果登记系统登记的技术成果项数，年初至本月累计。", gen: { base: "15" } },
  { code: "PLATFORM", group: "平台建设", name: "省级以上创新创业平台", unit: "个", kind: "STOCK", precision: 0, weight: "5",
    definition: "月末省级以上工程技术研究中心、重点实验室、众创空间、星创天地等平台数。", gen: { base: "2", opening: "5" } },
  { code: "PUBLICITY", group: "科技宣传", name: "科技宣传及政务信息报送", unit: "篇", kind: "CUMULATIVE", precision: 0, weight: "2",
    definition: "被州（市）级以上媒体和政务信息采用的科技宣传及政务信息篇数，年初至本月累计。", gen: { base: "48", scaled: false } },
  { code: "PATENT_STOCK", name: "有效发明专利拥有量", unit: "件", kind: "STOCK", precision: 0, weight: "0",
    definition: "月末有效发明专利件数，用于计算万人发明专利拥有量。", gen: { base: "12", opening: "70" } },
  { code: "POPULATION", name: "常住人口", unit: "万人", kind: "STOCK", precision: 2, weight: "0",
    definition: "年末常住人口，用于计算万人发明专利拥有量；不下达目标。", gen: { base: "0", opening: "26", noTarget: true } },
  { code: "PATENT_PER_10K", group: "成果转化", name: "万人发明专利拥有量", unit: "件/万人", kind: "RATIO", precision: 2, weight: "5",
    definition: "有效发明专利拥有量 ÷ 常住人口（万人）。", numerator: "PATENT_STOCK", denominator: "POPULATION",
    ratioFactor: "1", ratioTarget: { county: "3.20", city: "3.60" } },
];

export interface RegionDef {
  code: string;
  name: string;
  level: RegionLevel;
  /** economic size relative to an average county */
  scale: number;
  /** completion relative to time progress, per year: 1 = exactly on schedule */
  pace: Record<number, number>;
  /** how the region reports (affects statuses and submission times of the latest months) */
  reporting?: "late" | "draft" | "returned";
}

export interface TenantDef {
  slug: string;
  name: string;
  /** how account names call the bureau's region (湘西州) */
  short: string;
  root: { code: string; name: string; level: RegionLevel };
  /** the tenant's words (TenantSettings): issuing organ, short name, area word */
  wording: { issuer: string; shortName: string; areaWord: string };
  deadlineDay: number;
  seriousGap: string;
  regions: RegionDef[];
  /** a deterministic seed for the figures of this tenant */
  seed: number;
}

export const TENANTS: TenantDef[] = [
  {
    slug: "xiangxi",
    name: "湘西土家族苗族自治州",
    short: "湘西州",
    root: { code: "433100", name: "湘西土家族苗族自治州", level: "PREFECTURE" },
    wording: { issuer: "湘西土家族苗族自治州科学技术局", shortName: "湘西州", areaWord: "全州" },
    deadlineDay: 5,
    seriousGap: "-10",
    seed: 433100,
    regions: [
      { code: "433101", name: "吉首市", level: "COUNTY_CITY", scale: 2.6, pace: { 2025: 1.06, 2026: 1.1 } },
      { code: "433122", name: "泸溪县", level: "COUNTY", scale: 1.2, pace: { 2025: 0.97, 2026: 0.84 }, reporting: "returned" },
      { code: "433123", name: "凤凰县", level: "COUNTY", scale: 1.5, pace: { 2025: 1.02, 2026: 0.99 } },
      { code: "433124", name: "花垣县", level: "COUNTY", scale: 1.3, pace: { 2025: 0.96, 2026: 0.94 } },
      { code: "433125", name: "保靖县", level: "COUNTY", scale: 0.9, pace: { 2025: 0.9, 2026: 0.5 } },
      { code: "433126", name: "古丈县", level: "COUNTY", scale: 0.5, pace: { 2025: 0.94, 2026: 0.92 }, reporting: "late" },
      { code: "433127", name: "永顺县", level: "COUNTY", scale: 1.1, pace: { 2025: 1.0, 2026: 1.03 } },
      { code: "433130", name: "龙山县", level: "COUNTY", scale: 1.2, pace: { 2025: 0.95, 2026: 0.76 }, reporting: "draft" },
      { code: "433199", name: "湘西高新区", level: "ZONE", scale: 1.6, pace: { 2025: 1.12, 2026: 1.22 } },
    ],
  },
  {
    slug: "huaihua",
    name: "怀化市",
    short: "怀化市",
    root: { code: "431200", name: "怀化市", level: "PREFECTURE" },
    wording: { issuer: "怀化市科学技术局", shortName: "怀化市", areaWord: "全市" },
    deadlineDay: 10,
    seriousGap: "-15",
    seed: 431200,
    regions: [
      { code: "431202", name: "鹤城区", level: "DISTRICT", scale: 3.0, pace: { 2025: 1.08, 2026: 1.09 } },
      { code: "431221", name: "中方县", level: "COUNTY", scale: 1.0, pace: { 2025: 0.98, 2026: 0.97 } },
      { code: "431222", name: "沅陵县", level: "COUNTY", scale: 1.4, pace: { 2025: 0.95, 2026: 0.88 }, reporting: "returned" },
      { code: "431223", name: "辰溪县", level: "COUNTY", scale: 1.1, pace: { 2025: 0.93, 2026: 0.83 } },
      { code: "431224", name: "溆浦县", level: "COUNTY", scale: 1.5, pace: { 2025: 1.01, 2026: 1.0 } },
      { code: "431225", name: "会同县", level: "COUNTY", scale: 0.8, pace: { 2025: 0.9, 2026: 0.78 } },
      { code: "431226", name: "麻阳苗族自治县", level: "COUNTY", scale: 0.8, pace: { 2025: 0.97, 2026: 0.95 } },
      { code: "431227", name: "新晃侗族自治县", level: "COUNTY", scale: 0.7, pace: { 2025: 0.86, 2026: 0.58 } },
      { code: "431228", name: "芷江侗族自治县", level: "COUNTY", scale: 0.9, pace: { 2025: 1.02, 2026: 1.05 } },
      { code: "431229", name: "靖州苗族侗族自治县", level: "COUNTY", scale: 0.9, pace: { 2025: 0.96, 2026: 0.92 } },
      { code: "431230", name: "通道侗族自治县", level: "COUNTY", scale: 0.5, pace: { 2025: 0.92, 2026: 0.9 }, reporting: "draft" },
      { code: "431271", name: "洪江区", level: "DISTRICT", scale: 0.4, pace: { 2025: 1.1, 2026: 1.18 } },
      { code: "431281", name: "洪江市", level: "COUNTY_CITY", scale: 1.0, pace: { 2025: 0.99, 2026: 0.99 } },
    ],
  },
];

/**
 * A province tenant: the two city tenants' trees below its root, with the same codes and the
 * same monthly figures (so the province's view of a city can be compared with the city's own).
 * The province holds a target of its own per indicator; 湘西州 keeps its own targets, 怀化市
 * has none, so it is measured against the sum of its counties' targets.
 */
export interface ProvinceDef {
  slug: string;
  name: string;
  short: string;
  root: { code: string; name: string; level: RegionLevel };
  wording: { issuer: string; shortName: string; areaWord: string };
  deadlineDay: number;
  seriousGap: string;
  cities: { city: TenantDef; ownTargets: boolean }[];
}

export const PROVINCE: ProvinceDef = {
  slug: "hunan",
  name: "湖南省",
  short: "湖南省",
  root: { code: "430000", name: "湖南省", level: "PROVINCE" },
  wording: { issuer: "湖南省科学技术厅", shortName: "湖南省", areaWord: "全省" },
  deadlineDay: 10,
  seriousGap: "-10",
  cities: [
    { city: TENANTS[0]!, ownTargets: true },
    { city: TENANTS[1]!, ownTargets: false },
  ],
};

/** The reporting units of a tenant: its counties (a province's: every city's). */
export function reportingUnits(def: TenantDef | ProvinceDef): RegionDef[] {
  return "cities" in def ? def.cities.flatMap((c) => c.city.regions) : def.regions;
}

/** The demo accounts of domain.md §8. */
export function demoAccounts(): { account: string; name: string; tenant?: string; role?: "ADMIN" | "LEADER" | "REPORTER"; regionCode?: string }[] {
  const accounts: ReturnType<typeof demoAccounts> = [{ account: "platform", name: "平台管理员" }];
  for (const t of [...TENANTS, PROVINCE]) {
    const bureau = "cities" in t ? "科技厅" : "科技局";
    accounts.push({ account: `${t.slug}-admin`, name: `${t.short}${bureau}管理员`, tenant: t.slug, role: "ADMIN", regionCode: t.root.code });
    accounts.push({ account: `${t.slug}-leader`, name: `${t.short}${bureau}领导`, tenant: t.slug, role: "LEADER", regionCode: t.root.code });
    for (const r of reportingUnits(t)) {
      accounts.push({ account: `${t.slug}-${r.code}`, name: `${r.name}科技局填报员`, tenant: t.slug, role: "REPORTER", regionCode: r.code });
    }
  }
  return accounts;
}
