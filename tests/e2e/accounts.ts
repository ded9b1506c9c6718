/** The demo tenants, regions and accounts of domain.md §8 (password demo1234). */
export interface DemoTenant {
  slug: string;
  name: string;
  regions: ReadonlyArray<{ code: string; name: string }>;
}

export const XIANGXI: DemoTenant = {
  slug: "xiangxi",
  name: "湘西土家族苗族自治州",
  regions: [
    { code: "433101", name: "吉首市" },
    { code: "433122", name: "泸溪县" },
    { code: "433123", name: "凤凰县" },
    { code: "433124", name: "花垣县" },
    { code: "433125", name: "保靖县" },
    { code: "433126", name: "古丈县" },
    { code: "433127", name: "永顺县" },
    { code: "433130", name: "龙山县" },
    { code: "433199", name: "湘西高新区" },
  ],
};

export const HUAIHUA: DemoTenant = {
  slug: "huaihua",
  name: "怀化市",
  regions: [
    { code: "431202", name: "鹤城区" },
    { code: "431221", name: "中方县" },
    { code: "431222", name: "沅陵县" },
    { code: "431223", name: "辰溪县" },
    { code: "431224", name: "溆浦县" },
    { code: "431225", name: "会同县" },
    { code: "431226", name: "麻阳苗族自治县" },
    { code: "431227", name: "新晃侗族自治县" },
    { code: "431228", name: "芷江侗族自治县" },
    { code: "431229", name: "靖州苗族侗族自治县" },
    { code: "431230", name: "通道侗族自治县" },
    { code: "431271", name: "洪江区" },
    { code: "431281", name: "洪江市" },
  ],
};

export interface DemoAccount {
  account: string;
  /** where the account lands after signing in */
  home: string;
  /** the organisation named in the header: the tenant's name (or the platform area) */
  title: string;
  /** the region scope named in the header (the root region for admins and leaders) */
  region: string | null;
}

export function tenantAccounts(t: DemoTenant): DemoAccount[] {
  return [
    { account: `${t.slug}-admin`, home: `/${t.slug}/overview`, title: t.name, region: t.name },
    { account: `${t.slug}-leader`, home: `/${t.slug}/overview`, title: t.name, region: t.name },
    ...t.regions.map((r) => ({ account: `${t.slug}-${r.code}`, home: `/${t.slug}/entry`, title: t.name, region: r.name })),
  ];
}

export const PLATFORM_ACCOUNT: DemoAccount = { account: "platform", home: "/platform", title: "平台管理", region: null };
