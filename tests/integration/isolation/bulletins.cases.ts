/**
 * Isolation cases of the bulletins. Every action names its bulletin by id; the
 * id of tenant B's (huaihua) bulletin must be refused to every role of tenant A (xiangxi),
 * whatever tenant the input claims. Bulletins are tenant-wide documents (no region scope),
 * so there is no other-region attack within tenant A.
 */
import type { Db } from "../../../lib/db/client";
import type { IsolationCase, TenantRefs } from "../../support/isolation";

/** A draft and a published bulletin of tenant B (created once per database). */
async function bulletinsOf(db: Db, b: TenantRefs): Promise<{ draft: string; published: string }> {
  const existing = await db.bulletin.findMany({ where: { tenantId: b.tenantId, title: { startsWith: "isolation-" } } });
  const find = (status: string) => existing.find((x) => x.status === status)?.id;
  const make = async (status: "DRAFT" | "PUBLISHED") =>
    (
      await db.bulletin.create({
        data: {
          tenantId: b.tenantId,
          periodType: "HALF_YEAR",
          year: 2026,
          period: 1,
          title: `isolation-${status}`,
          content: JSON.stringify({ version: 1, title: `isolation-${status}`, issuer: "", dateText: "", period: { type: "HALF_YEAR", year: 2026, period: 1 }, month: 6, sections: [{ id: "next", heading: "", paragraphs: [] }], tables: [], charts: [], dataHash: "" }),
          status,
          publishedAt: status === "PUBLISHED" ? new Date() : null,
        },
      })
    ).id;
  return { draft: find("DRAFT") ?? (await make("DRAFT")), published: find("PUBLISHED") ?? (await make("PUBLISHED")) };
}

export const cases: IsolationCase[] = [
  {
    kind: "action",
    module: "lib/actions/generate-bulletin",
    exportName: "generateBulletin",
    // The input names no row: the tenant is always the session's. Claiming tenant B changes
    // nothing (an ADMIN of A legitimately generates A's own bulletin, so ADMIN is not attacked);
    // every other role of A is refused.
    attacks: async ({ b }) => [
      { label: "leader/reporter generate, claiming tenant B", input: { periodType: "HALF_YEAR", year: 2026, period: 1, tenantId: b.tenantId, tenant: b.slug }, roles: ["LEADER", "REPORTER", "PLATFORM_ADMIN"] },
    ],
  },
  {
    kind: "action",
    module: "lib/actions/save-bulletin",
    exportName: "saveBulletin",
    attacks: async ({ db, b }) => {
      const ids = await bulletinsOf(db, b);
      return [
        { label: "edit tenant B's draft", input: { id: ids.draft, "add:next": "injected" } },
        { label: "edit tenant B's published bulletin", input: { id: ids.published, "add:next": "injected" } },
      ];
    },
  },
  {
    kind: "action",
    module: "lib/actions/publish-bulletin",
    exportName: "publishBulletin",
    attacks: async ({ db, b }) => {
      const ids = await bulletinsOf(db, b);
      return [{ label: "publish tenant B's draft", input: { id: ids.draft } }];
    },
  },
  {
    kind: "route",
    file: "app/[tenant]/bulletins/[id]/export/route.ts",
    method: "GET",
    attacks: async ({ db, a, b }) => {
      const ids = await bulletinsOf(db, b);
      const req = (tenant: string, id: string) => new Request(`http://localhost/${tenant}/bulletins/${id}/export`);
      return [
        { label: "export tenant B's published bulletin under B's slug", request: req(b.slug, ids.published), params: { tenant: b.slug, id: ids.published } },
        { label: "export tenant B's published bulletin under A's slug", request: req(a.slug, ids.published), params: { tenant: a.slug, id: ids.published } },
        { label: "export tenant B's draft under A's slug", request: req(a.slug, ids.draft), params: { tenant: a.slug, id: ids.draft } },
      ];
    },
  },
  {
    kind: "route",
    file: "app/[tenant]/bulletins/[id]/docx/route.ts",
    method: "GET",
    attacks: async ({ db, a, b }) => {
      const ids = await bulletinsOf(db, b);
      const req = (tenant: string, id: string) => new Request(`http://localhost/${tenant}/bulletins/${id}/docx`);
      return [
        { label: "download tenant B's published bulletin as .docx under B's slug", request: req(b.slug, ids.published), params: { tenant: b.slug, id: ids.published } },
        { label: "download tenant B's published bulletin as .docx under A's slug", request: req(a.slug, ids.published), params: { tenant: a.slug, id: ids.published } },
        { label: "download tenant B's draft as .docx under A's slug", request: req(a.slug, ids.draft), params: { tenant: a.slug, id: ids.draft } },
      ];
    },
  },
];
