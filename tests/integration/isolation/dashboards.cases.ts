/**
 * Isolation cases of the dashboards: supervision notes, API tokens, the
 * .xlsx exports and the read API. Every input names tenant B's (huaihua) rows or — for
 * the region-scoped reporter — another county of tenant A.
 */
import type { Db } from "../../../lib/db/client";
import { createApiToken } from "../../../lib/data/api-tokens";
import type { IsolationCase, TenantRefs } from "../../support/isolation";

async function codeOf(db: Db, refs: TenantRefs, regionId: string): Promise<string> {
  const r = await db.region.findUniqueOrThrow({ where: { tenantId_id: { tenantId: refs.tenantId, id: regionId } }, select: { code: true } });
  return r.code;
}

async function noteIn(db: Db, refs: TenantRefs, regionId: string): Promise<string> {
  const note = await db.supervisionNote.create({
    data: { tenantId: refs.tenantId, regionId, year: 2026, month: 6, body: "isolation probe" },
  });
  return note.id;
}

const BASE = "http://localhost";
const period = "year=2026&month=6";

export const cases: IsolationCase[] = [
  {
    kind: "action",
    module: "lib/actions/create-note",
    exportName: "createNote",
    attacks: async ({ a, b }) => [
      { label: "a note on tenant B's county", input: { regionId: b.regionIds[0], year: 2026, month: 6, body: "x" } },
      { label: "tenant B's indicator on an own county", input: { regionId: a.regionIds[0], indicatorId: Object.values(b.indicatorIds)[0], year: 2026, month: 6, body: "x" } },
      { label: "a reporter writes a note at all", input: { regionId: a.reporterRegionId, year: 2026, month: 6, body: "x" }, roles: ["REPORTER"] },
    ],
  },
  {
    kind: "action",
    module: "lib/actions/reply-note",
    exportName: "replyNote",
    attacks: async ({ db, a, b }) => [
      { label: "a reply on tenant B's note", input: { noteId: await noteIn(db, b, b.regionIds[0]), body: "x" } },
      { label: "a reply on another county's note", input: { noteId: await noteIn(db, a, a.otherRegionId), body: "x" }, roles: ["REPORTER"] },
    ],
  },
  {
    kind: "action",
    module: "lib/actions/close-note",
    exportName: "closeNote",
    attacks: async ({ db, a, b }) => [
      { label: "closing tenant B's note", input: { noteId: await noteIn(db, b, b.regionIds[0]) } },
      { label: "a reporter closes their own county's note", input: { noteId: await noteIn(db, a, a.reporterRegionId) }, roles: ["REPORTER"] },
    ],
  },
  {
    kind: "action",
    module: "lib/actions/create-api-token",
    exportName: "createApiToken",
    attacks: async () => [{ label: "a non-admin creates a token", input: { name: "probe" }, roles: ["LEADER", "REPORTER"] }],
  },
  {
    kind: "action",
    module: "lib/actions/revoke-api-token",
    exportName: "revokeApiToken",
    attacks: async ({ db, b }) => {
      const { id } = await createApiToken(db, { tenantId: b.tenantId, userId: null, role: "ADMIN", regionId: null }, "probe");
      return [{ label: "revoking tenant B's token", input: { tokenId: id } }];
    },
  },
  {
    kind: "route",
    file: "app/[tenant]/overview/export/route.ts",
    method: "GET",
    attacks: async ({ b }) => [
      { label: "tenant B's overview export", request: new Request(`${BASE}/${b.slug}/overview/export?${period}`), params: { tenant: b.slug } },
      { label: "a reporter exports the overview", request: new Request(`${BASE}/xiangxi/overview/export?${period}`), params: { tenant: "xiangxi" }, roles: ["REPORTER"] },
    ],
  },
  {
    kind: "route",
    file: "app/[tenant]/rankings/export/route.ts",
    method: "GET",
    attacks: async ({ b }) => [
      { label: "tenant B's ranking export", request: new Request(`${BASE}/${b.slug}/rankings/export?${period}`), params: { tenant: b.slug } },
    ],
  },
  {
    kind: "route",
    file: "app/[tenant]/regions/[code]/export/route.ts",
    method: "GET",
    attacks: async ({ db, a, b }) => {
      const bCode = await codeOf(db, b, b.regionIds[0]);
      const otherCode = await codeOf(db, a, a.otherRegionId);
      return [
        { label: "tenant B's county export (B's URL)", request: new Request(`${BASE}/${b.slug}/regions/${bCode}/export`), params: { tenant: b.slug, code: bCode } },
        { label: "tenant B's county code under A's URL", request: new Request(`${BASE}/${a.slug}/regions/${bCode}/export`), params: { tenant: a.slug, code: bCode } },
        { label: "another county's export", request: new Request(`${BASE}/${a.slug}/regions/${otherCode}/export`), params: { tenant: a.slug, code: otherCode }, roles: ["REPORTER"] },
      ];
    },
  },
  {
    kind: "route",
    file: "app/api/v1/[tenant]/overview/route.ts",
    method: "GET",
    attacks: async ({ b }) => [
      { label: "tenant B's overview without a token (a session is not enough)", request: new Request(`${BASE}/api/v1/${b.slug}/overview`), params: { tenant: b.slug } },
      { label: "A's overview without a token", request: new Request(`${BASE}/api/v1/xiangxi/overview`), params: { tenant: "xiangxi" } },
    ],
  },
  {
    kind: "route",
    file: "app/api/v1/[tenant]/rankings/route.ts",
    method: "GET",
    attacks: async ({ db, a, b }) => {
      const { token } = await createApiToken(db, { tenantId: a.tenantId, userId: null, role: "ADMIN", regionId: null }, "probe");
      return [
        { label: "tenant B's rankings with A's token", request: new Request(`${BASE}/api/v1/${b.slug}/rankings`, { headers: { Authorization: `Bearer ${token}` } }), params: { tenant: b.slug } },
      ];
    },
  },
  {
    kind: "route",
    file: "app/api/v1/[tenant]/regions/[code]/route.ts",
    method: "GET",
    attacks: async ({ db, a, b }) => {
      const { token } = await createApiToken(db, { tenantId: a.tenantId, userId: null, role: "ADMIN", regionId: null }, "probe");
      const bCode = await codeOf(db, b, b.regionIds[0]);
      const auth = { Authorization: `Bearer ${token}` };
      return [
        { label: "tenant B's county with A's token", request: new Request(`${BASE}/api/v1/${b.slug}/regions/${bCode}`, { headers: auth }), params: { tenant: b.slug, code: bCode } },
        { label: "tenant B's county code under A's URL", request: new Request(`${BASE}/api/v1/${a.slug}/regions/${bCode}`, { headers: auth }), params: { tenant: a.slug, code: bCode } },
      ];
    },
  },
];
