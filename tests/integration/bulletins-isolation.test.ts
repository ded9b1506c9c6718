/**
 * Runs the bulletins' isolation cases (tests/integration/isolation/bulletins.cases.ts)
 * until the shared harness of the Access issue enumerates them: every attack is refused
 * for every role it names, and tenant B's bulletins are left exactly as they were.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AttackRole, TenantRefs } from "../support/isolation";
import { keyTranslator, signInAs } from "../support/bulletin-mocks";
import { signedIn } from "../support/bulletin-mocks";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => signedIn.user }));
vi.mock("next-intl/server", () => ({ getTranslations: keyTranslator }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { testDb } = await import("../support/db");
const { seedDemo } = await import("../../prisma/seed");
const { cases } = await import("./isolation/bulletins.cases");

const db = testDb();
let a: TenantRefs;
let b: TenantRefs;

async function refs(slug: string): Promise<TenantRefs> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug } });
  const regions = await db.region.findMany({ where: { tenantId: tenant.id }, orderBy: { sortOrder: "asc" } });
  const root = regions.find((r) => r.parentId === null)!;
  const counties = regions.filter((r) => r.parentId === root.id);
  const indicators = await db.indicator.findMany({ where: { tenantId: tenant.id } });
  return {
    tenantId: tenant.id,
    slug,
    rootRegionId: root.id,
    regionIds: counties.map((c) => c.id),
    reporterRegionId: counties[0].id,
    otherRegionId: counties[1].id,
    indicatorIds: Object.fromEntries(indicators.map((i) => [i.code, i.id])),
  };
}

const ACCOUNT: Record<AttackRole, (a: TenantRefs) => Promise<string>> = {
  ADMIN: async (t) => `${t.slug}-admin`,
  LEADER: async (t) => `${t.slug}-leader`,
  REPORTER: async (t) => `${t.slug}-${(await db.region.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenantId, id: t.reporterRegionId } } })).code}`,
  PLATFORM_ADMIN: async () => "platform",
};

beforeAll(async () => {
  await seedDemo(db);
  a = await refs("xiangxi");
  b = await refs("huaihua");
}, 180_000);
afterAll(() => db.$disconnect());

const snapshotB = async () => JSON.stringify(await db.bulletin.findMany({ where: { tenantId: b.tenantId }, orderBy: { id: "asc" } }));

describe("bulletins isolation cases", () => {
  for (const c of cases) {
    if (c.kind === "exempt") continue;
    it(`${c.kind} ${c.kind === "action" ? c.module : c.file} refuses tenant B's rows`, async () => {
      if (c.kind === "action") {
        const mod = (await import(/* @vite-ignore */ `../../${c.module}`)) as Record<string, (prev: null, input: Record<string, unknown>) => Promise<{ ok: boolean }>>;
        const attacks = await c.attacks({ db, a, b });
        const before = await snapshotB();
        for (const attack of attacks) {
          for (const role of attack.roles ?? (["ADMIN", "LEADER", "REPORTER"] as AttackRole[])) {
            await signInAs(db, await ACCOUNT[role](a));
            const result = await mod[c.exportName](null, attack.input);
            expect(result.ok, `${attack.label} as ${role}`).toBe(false);
          }
        }
        expect(await snapshotB()).toBe(before);
      } else {
        const mod = (await import(/* @vite-ignore */ `../../${c.file.replace(/\.ts$/, "")}`)) as Record<string, (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>;
        for (const attack of await c.attacks({ db, a, b })) {
          for (const role of attack.roles ?? (["ADMIN", "LEADER", "REPORTER"] as AttackRole[])) {
            await signInAs(db, await ACCOUNT[role](a));
            const response = await mod[c.method](attack.request.clone(), { params: Promise.resolve(attack.params) });
            expect(response.status, `${attack.label} as ${role}`).toBe(404);
          }
        }
      }
    });
  }
});
