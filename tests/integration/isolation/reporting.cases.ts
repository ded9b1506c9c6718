/**
 * Isolation cases of monthly reporting: each action is called with tenant B's (huaihua)
 * rows, and — for the region-scoped reporter — with another county of tenant A.
 */
import type { IsolationCase } from "../../support/isolation";

const action = (name: string, exportName: string, attacks: Extract<IsolationCase, { kind: "action" }>["attacks"]): IsolationCase => ({
  kind: "action",
  module: `lib/actions/${name}`,
  exportName,
  attacks,
});

export const cases: IsolationCase[] = [
  action("save-fills", "saveFills", async ({ b, a }) => [
    { label: "tenant B's county", input: { regionId: b.reporterRegionId, year: 2026, month: 11, cells: [{ indicatorId: Object.values(b.indicatorIds)[0], value: "1", note: "", version: 0, confirmed: true }] } },
    { label: "tenant A's other county", input: { regionId: a.otherRegionId, year: 2026, month: 11, cells: [{ indicatorId: a.indicatorIds.RD_EXP, value: "1", note: "", version: 0, confirmed: true }] } },
  ]),
  action("submit-fills", "submitFills", async ({ a, b }) => [
    { label: "tenant B's county", input: { regionId: b.reporterRegionId, year: 2026, month: 10 } },
    { label: "tenant A's other county", input: { regionId: a.otherRegionId, year: 2026, month: 10 } },
  ]),
  action("approve-fills", "approveFills", async ({ db, b }) => {
    const fill = await db.fill.findFirstOrThrow({ where: { tenantId: b.tenantId, status: "SUBMITTED" } });
    return [{ label: "tenant B's submitted fill", input: { fillIds: [fill.id] } }];
  }),
  action("return-fill", "returnFill", async ({ db, b }) => {
    const fill = await db.fill.findFirstOrThrow({ where: { tenantId: b.tenantId, status: "SUBMITTED" } });
    return [{ label: "tenant B's submitted fill", input: { fillId: fill.id, reason: "x" } }];
  }),
  action("request-unlock", "requestUnlock", async ({ a, b }) => [
    { label: "tenant B's county", input: { regionId: b.reporterRegionId, year: 2026, month: 10, reason: "x" } },
    { label: "tenant A's other county", input: { regionId: a.otherRegionId, year: 2026, month: 10, reason: "x" } },
  ]),
  action("decide-unlock", "decideUnlock", async ({ db, b }) => {
    const req = await db.unlockRequest.create({ data: { tenantId: b.tenantId, regionId: b.reporterRegionId, year: 2026, month: 10, reason: "B's own request" } });
    return [{ label: "tenant B's unlock request", input: { requestId: req.id, decision: "GRANTED", note: "", days: 7 } }];
  }),
  // set-period-lock takes no ids: the tenant is the caller's own; only ADMIN has period.lock.
  action("set-period-lock", "setPeriodLock", async () => [
    { label: "a non-admin locking the period", input: { year: 2026, month: 11, state: "LOCKED", reason: "x" }, roles: ["LEADER", "REPORTER", "PLATFORM_ADMIN"] },
  ]),
  action("import-fills", "importFills", async () => {
    const file = (code: string) => new File([`区域代码,指标代码,年,月,数值,备注\n${code},RD_EXP,2026,11,1,\n`], "fills.csv", { type: "text/csv" });
    return [
      { label: "a row for tenant B's county (its code is unknown in tenant A)", input: { file: file("431202"), mode: "commit" } },
      { label: "a row for tenant A's other county", input: { file: file("433122"), mode: "commit" }, roles: ["REPORTER", "LEADER"] },
    ];
  }),
  action("import-history", "importHistory", async () => {
    const file = (code: string) => new File([`区域代码,指标代码,年,月,数值,备注\n${code},RD_EXP,2024,11,1,\n`], "history.csv", { type: "text/csv" });
    // an administrator naming tenant B's county gets an unknown-code row (tests/integration/history-import.test.ts)
    return [
      { label: "history of tenant B's county by a non-administrator", input: { file: file("431202"), mode: "commit", reason: "补录历史" }, roles: ["REPORTER", "LEADER", "PLATFORM_ADMIN"] },
      { label: "history of tenant A's county by a non-administrator", input: { file: file("433122"), mode: "commit", reason: "补录历史" }, roles: ["REPORTER", "LEADER", "PLATFORM_ADMIN"] },
    ];
  }),
  ...(["export", "template"] as const).map(
    (name): IsolationCase => ({
      kind: "route",
      file: `app/[tenant]/entry/${name}/route.ts`,
      method: "GET",
      attacks: async ({ b }) => [
        { label: `tenant B's ${name}`, request: new Request(`http://localhost/${b.slug}/entry/${name}?year=2026&month=10`), params: { tenant: b.slug } },
      ],
    }),
  ),
];
