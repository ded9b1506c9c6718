/**
 * Isolation cases of the administration feature (targets, audit). Every attack names
 * tenant B's (huaihua) rows, or — for the region-scoped reporter — another region of
 * tenant A; every role of tenant A must be refused.
 *
 * The import and the copy name no row ids: they act on the caller's own tenant only (the
 * tenant comes from the session; region and indicator codes in a file are looked up inside
 * it, so huaihua's codes are reported as unknown rows and nothing is written). They are
 * attacked as the roles that may not write targets at all.
 */
import fs from "node:fs";
import path from "node:path";
import type { IsolationCase } from "../../support/isolation";

const fixture = path.join(import.meta.dirname, "../../fixtures/targets-2027.xlsx");
const xlsx = () => new File([fs.readFileSync(fixture)], "targets-2027.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
const csv = (lines: string[]) => new File([lines.join("\r\n")], "import.csv", { type: "text/csv" });

export const cases: IsolationCase[] = [
  {
    kind: "action",
    module: "lib/actions/import-regions",
    exportName: "importRegions",
    attacks: async () => [
      { label: "import a region tree", input: { mode: "commit", file: csv(["区域代码,区域名称,级别,上级代码", "433190,新园区,园区,433100", "431221,改名,,"]) }, roles: ["LEADER", "REPORTER", "PLATFORM_ADMIN"] },
    ],
  },
  {
    kind: "action",
    module: "lib/actions/import-catalogue",
    exportName: "importCatalogue",
    attacks: async () => [
      { label: "import a catalogue", input: { mode: "commit", file: csv(["指标代码,指标名称,单位,类型", "NEW_X,新指标,个,累计值", "RD_EXP,改名,,"]) }, roles: ["LEADER", "REPORTER", "PLATFORM_ADMIN"] },
    ],
  },
  {
    kind: "action",
    module: "lib/actions/import-users",
    exportName: "importUsers",
    attacks: async () => [
      { label: "create accounts from a sheet", input: { mode: "commit", file: csv(["账号,姓名,角色,区域代码", "attacker-admin,攻击者,管理员,", "attacker-r,攻击者,填报员,431221"]) }, roles: ["LEADER", "REPORTER", "PLATFORM_ADMIN"] },
    ],
  },
  {
    kind: "action",
    module: "lib/actions/upload-boundaries",
    exportName: "uploadBoundaries",
    attacks: async () => [
      {
        label: "replace the county outlines",
        input: { file: new File([fs.readFileSync(path.join(import.meta.dirname, "../../fixtures/xiangxi-outlines.geojson"))], "outlines.geojson"), codeProperty: "", attribution: "" },
        roles: ["LEADER", "REPORTER", "PLATFORM_ADMIN"],
      },
    ],
  },
  {
    kind: "route",
    file: "app/[tenant]/admin/indicators/export/route.ts",
    method: "GET",
    attacks: async ({ b }) => [{ label: "tenant B's catalogue through B's slug", request: new Request(`http://localhost/${b.slug}/admin/indicators/export`), params: { tenant: b.slug } }],
  },
  {
    kind: "route",
    file: "app/[tenant]/admin/regions/export/route.ts",
    method: "GET",
    attacks: async ({ b }) => [{ label: "tenant B's region tree through B's slug", request: new Request(`http://localhost/${b.slug}/admin/regions/export`), params: { tenant: b.slug } }],
  },
  {
    kind: "route",
    file: "app/[tenant]/admin/users/export/route.ts",
    method: "GET",
    attacks: async ({ b }) => [{ label: "tenant B's accounts through B's slug", request: new Request(`http://localhost/${b.slug}/admin/users/export`), params: { tenant: b.slug } }],
  },
  {
    kind: "action",
    module: "lib/actions/set-target",
    exportName: "setTarget",
    attacks: async ({ a, b }) => [
      { label: "tenant B's region and indicator", input: { regionId: b.regionIds[0], indicatorId: b.indicatorIds.RD_EXP, year: 2027, value: "1" } },
      { label: "tenant B's region, tenant A's indicator", input: { regionId: b.regionIds[0], indicatorId: a.indicatorIds.RD_EXP, year: 2027, value: "1" } },
      { label: "tenant A's region, tenant B's indicator", input: { regionId: a.regionIds[0], indicatorId: b.indicatorIds.RD_EXP, year: 2027, value: "1" } },
      { label: "another region of tenant A", input: { regionId: a.otherRegionId, indicatorId: a.indicatorIds.RD_EXP, year: 2027, value: "1" }, roles: ["LEADER", "REPORTER"] },
      { label: "the reporter's own region (target.write is admin-only)", input: { regionId: a.reporterRegionId, indicatorId: a.indicatorIds.RD_EXP, year: 2027, value: "1" }, roles: ["LEADER", "REPORTER"] },
    ],
  },
  {
    kind: "action",
    module: "lib/actions/import-targets",
    exportName: "importTargets",
    attacks: async () => [{ label: "import a year's targets", input: { year: 2027, mode: "commit", file: xlsx() }, roles: ["LEADER", "REPORTER", "PLATFORM_ADMIN"] }],
  },
  {
    kind: "action",
    module: "lib/actions/copy-targets",
    exportName: "copyTargets",
    attacks: async () => [{ label: "copy last year's targets", input: { year: 2027, percent: "5", overwrite: "on" }, roles: ["LEADER", "REPORTER", "PLATFORM_ADMIN"] }],
  },
  {
    kind: "route",
    file: "app/[tenant]/targets/export/route.ts",
    method: "GET",
    attacks: async ({ b }) => [
      {
        label: "tenant B's targets through B's slug",
        request: new Request(`http://localhost/${b.slug}/targets/export?year=2026`),
        params: { tenant: b.slug },
      },
    ],
  },
  {
    kind: "action",
    module: "lib/actions/save-indicator",
    exportName: "saveIndicator",
    attacks: async ({ b }) => [
      {
        label: "edit tenant B's indicator",
        input: { id: b.indicatorIds.RD_EXP, code: "RD_EXP", name: "x", unit: "亿元", kind: "CUMULATIVE", direction: "HIGHER_IS_BETTER", precision: "2", weight: "1", frequency: "MONTHLY" },
      },
      {
        label: "a ratio built from tenant B's indicators",
        input: { code: "X_RATIO", name: "x", unit: "%", kind: "RATIO", direction: "HIGHER_IS_BETTER", precision: "2", weight: "1", frequency: "MONTHLY", numeratorId: b.indicatorIds.RD_EXP, denominatorId: b.indicatorIds.GDP, ratioFactor: "100" },
      },
    ],
  },
  {
    kind: "action",
    module: "lib/actions/deactivate-indicator",
    exportName: "deactivateIndicator",
    attacks: async ({ b }) => [{ label: "deactivate tenant B's indicator", input: { id: b.indicatorIds.TALENT, active: "false" } }],
  },
  {
    kind: "action",
    module: "lib/actions/save-region",
    exportName: "saveRegion",
    attacks: async ({ b }) => [
      { label: "rename tenant B's region", input: { id: b.regionIds[0], name: "x", level: "COUNTY" } },
      { label: "add a region under tenant B's root", input: { code: "433197", name: "x", level: "ZONE", parentId: b.rootRegionId } },
    ],
  },
  {
    kind: "action",
    module: "lib/actions/move-region",
    exportName: "moveRegion",
    attacks: async ({ a, b }) => [
      { label: "move tenant B's region", input: { id: b.regionIds[0], parentId: b.rootRegionId } },
      { label: "move tenant A's region under tenant B's root", input: { id: a.otherRegionId, parentId: b.rootRegionId } },
    ],
  },
  {
    kind: "action",
    module: "lib/actions/deactivate-region",
    exportName: "deactivateRegion",
    attacks: async ({ a, b }) => [
      { label: "deactivate tenant B's region", input: { id: b.regionIds[0], active: "false" } },
      { label: "deactivate another region of tenant A", input: { id: a.otherRegionId, active: "false" }, roles: ["LEADER", "REPORTER"] },
    ],
  },
  ...(["update-settings", "preview-settings"] as const).map(
    (name): IsolationCase => ({
      kind: "action",
      module: `lib/actions/${name}`,
      exportName: name === "update-settings" ? "updateSettings" : "previewSettings",
      attacks: async ({ b }) => {
        const base = { deadlineDay: "5", behindGap: "0", seriousGap: "-10", fullMarks: "100", bonusPerPercent: "0.1", bonusCap: "4", tierLabel: ["A"], tierMin: ["0"] };
        return [
          { label: "a weight for tenant B's indicator", input: { ...base, weightId: [b.indicatorIds.RD_EXP], weight: ["50"] } },
          { label: "the settings themselves (settings.manage is admin-only)", input: { ...base, weightId: [], weight: [] }, roles: ["LEADER", "REPORTER", "PLATFORM_ADMIN"] },
        ];
      },
    }),
  ),
  {
    kind: "action",
    module: "lib/actions/update-wording",
    exportName: "updateWording",
    attacks: async () => [
      { label: "the tenant's words (settings.manage is admin-only)", input: { issuer: "冒充的发文机关", shortName: "冒充", areaWord: "全市" }, roles: ["LEADER", "REPORTER", "PLATFORM_ADMIN"] },
    ],
  },
];
