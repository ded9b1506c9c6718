/**
 * Access: sign-in throttling per account and per address (kept in the database),
 * the forced password change, user administration with its audit trail, tenant creation,
 * and the setup command of a real installation. Runs on SQLite and PostgreSQL.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-intl/server", async () => (await import("../support/intl-mock")).intlServerModule);
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionModule);

import { seedDemo } from "../../prisma/seed";
import type { Db } from "../../lib/db/client";
import { authorizeCredentials, ThrottledError } from "../../lib/auth/authorize";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, BLOCK_S } from "../../lib/auth/throttle";
import { parseThrottledSeconds } from "../../lib/auth/throttle-message";
import { verifyPassword } from "../../lib/auth/password";
import { changePassword } from "../../lib/actions/change-password";
import { createUser } from "../../lib/actions/create-user";
import { resetPassword } from "../../lib/actions/reset-password";
import { setUserActive } from "../../lib/actions/set-user-active";
import { updateUser } from "../../lib/actions/update-user";
import { createTenant } from "../../lib/actions/create-tenant";
import { setupPlatformAdmin, SetupError } from "../../scripts/setup-admin";
import { testDb, testProvider } from "../support/db";
import { isNavigationRefusal, sessionUserFor, setSessionUser } from "../support/session-mock";
import { regionNamed, requireTenantPage, requireTenantRoute } from "../../lib/auth/guard";

const fd = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.append(k, v);
  return f;
};

describe(`access (${testProvider()})`, () => {
  let db: Db;
  beforeAll(async () => {
    db = testDb();
    await seedDemo(db);
  }, 180_000);

  it("locks an account after repeated failures, before checking the password, with the time to wait", async () => {
    const creds = { account: "xiangxi-433101", password: "wrong" };
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      expect(await authorizeCredentials(db, creds, `10.0.0.${i}`)).toBeNull();
    }
    // even the right password is refused now, from any address
    const error = await authorizeCredentials(db, { account: "xiangxi-433101", password: "demo1234" }, "10.9.9.9").catch((e) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    const seconds = parseThrottledSeconds((error as Error).message);
    expect(seconds).toBeGreaterThan(BLOCK_S - 60);
    expect(seconds).toBeLessThanOrEqual(BLOCK_S);
    // other accounts are not affected
    expect(await authorizeCredentials(db, { account: "xiangxi-433122", password: "demo1234" }, "10.9.9.9")).not.toBeNull();
  });

  it("locks an address after repeated failures on many accounts", async () => {
    const address = "203.0.113.7";
    for (let i = 0; i < ADDRESS_LIMIT; i++) {
      expect(await authorizeCredentials(db, { account: `nobody-${i}`, password: "x" }, address)).toBeNull();
    }
    await expect(authorizeCredentials(db, { account: "huaihua-admin", password: "demo1234" }, address)).rejects.toBeInstanceOf(ThrottledError);
    expect(await authorizeCredentials(db, { account: "huaihua-admin", password: "demo1234" }, "203.0.113.8")).not.toBeNull();
  });

  it("creates a user who must change the password; the change follows the rules and is audited", async () => {
    const admin = await sessionUserFor(db, "xiangxi-admin");
    setSessionUser(admin);
    const region = await db.region.findFirstOrThrow({ where: { tenantId: admin.tenantId!, code: "433123" } });
    const created = await createUser(null, fd({ account: "fenghuang-2", name: "凤凰县填报员二", role: "REPORTER", regionId: region.id }));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const password = created.data.password;
    const user = await authorizeCredentials(db, { account: "fenghuang-2", password }, "10.1.1.1");
    expect(user?.mustChangePassword).toBe(true);
    expect(user?.regionCode).toBe("433123");

    setSessionUser(user);
    // the rules: too short, the account name, the same as the old one, a wrong current password
    const short = await changePassword(null, fd({ currentPassword: password, newPassword: "short", confirmPassword: "short" }));
    expect(short.ok).toBe(false);
    const asAccount = await changePassword(null, fd({ currentPassword: password, newPassword: "fenghuang-2", confirmPassword: "fenghuang-2" }));
    expect(!asAccount.ok && asAccount.errors.newPassword).toEqual(["Account.rule.sameAsAccount"]);
    const same = await changePassword(null, fd({ currentPassword: password, newPassword: password, confirmPassword: password }));
    expect(!same.ok && same.errors.newPassword).toEqual(["Account.rule.sameAsOld"]);
    const wrong = await changePassword(null, fd({ currentPassword: "nope-nope", newPassword: "Fenghuang#2026", confirmPassword: "Fenghuang#2026" }));
    expect(!wrong.ok && wrong.errors.currentPassword).toEqual(["Account.wrongCurrent"]);
    const differ = await changePassword(null, fd({ currentPassword: password, newPassword: "Fenghuang#2026", confirmPassword: "Fenghuang#2027" }));
    expect(!differ.ok && differ.errors.confirmPassword).toBeTruthy();
    // other actions are refused while the change is pending
    setSessionUser({ ...admin, mustChangePassword: true });
    expect((await resetPassword(null, fd({ userId: user!.userId }))).ok).toBe(false);
    setSessionUser(user);

    const ok = await changePassword(null, fd({ currentPassword: password, newPassword: "Fenghuang#2026", confirmPassword: "Fenghuang#2026" }));
    expect(ok.ok).toBe(true);
    const row = await db.user.findUniqueOrThrow({ where: { account: "fenghuang-2" } });
    expect(row.mustChangePassword).toBe(false);
    expect(row.passwordChangedAt).not.toBeNull();
    expect(await verifyPassword(row.passwordHash, "Fenghuang#2026")).toBe(true);

    const audits = await db.auditEntry.findMany({ where: { tenantId: admin.tenantId!, entityId: row.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["user.create", "user.changePassword"]);
    expect(audits[0]!.actorId).toBe(admin.userId);
  });

  it("lets a tenant admin reset, deactivate, re-activate and re-role users of their tenant — audited", async () => {
    const admin = await sessionUserFor(db, "xiangxi-admin");
    setSessionUser(admin);
    const target = await db.user.findUniqueOrThrow({ where: { account: "xiangxi-433126" } });
    const sessionVersion = async () => (await db.user.findUniqueOrThrow({ where: { id: target.id } })).sessionVersion;

    const reset = await resetPassword(null, fd({ userId: target.id }));
    expect(reset.ok).toBe(true);
    // the reset and the deactivation each end the user's sessions (sessions.test.ts)
    expect(await sessionVersion()).toBe(target.sessionVersion + 1);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).mustChangePassword).toBe(true);
    expect(await authorizeCredentials(db, { account: "xiangxi-433126", password: "demo1234" }, "10.2.2.2")).toBeNull();

    expect((await setUserActive(null, fd({ userId: target.id, active: "false" }))).ok).toBe(true);
    expect(await sessionVersion()).toBe(target.sessionVersion + 2);
    if (reset.ok) expect(await authorizeCredentials(db, { account: "xiangxi-433126", password: reset.data.password }, "10.2.2.3")).toBeNull();
    expect((await setUserActive(null, fd({ userId: target.id, active: "true" }))).ok).toBe(true);
    if (reset.ok) expect(await authorizeCredentials(db, { account: "xiangxi-433126", password: reset.data.password }, "10.2.2.4")).not.toBeNull();

    expect((await updateUser(null, fd({ userId: target.id, name: "古丈县领导", role: "LEADER" }))).ok).toBe(true);
    const m = await db.membership.findFirstOrThrow({ where: { userId: target.id } });
    const root = await db.region.findFirstOrThrow({ where: { tenantId: admin.tenantId!, parentId: null } });
    expect(m.role).toBe("LEADER");
    expect(m.regionId).toBe(root.id);

    // a reporter needs a county; an admin cannot lock themselves out
    const noRegion = await updateUser(null, fd({ userId: target.id, name: "x", role: "REPORTER" }));
    expect(!noRegion.ok && noRegion.errors.regionId).toEqual(["Admin.regionRequired"]);
    expect((await setUserActive(null, fd({ userId: admin.userId, active: "false" }))).ok).toBe(false);

    const actions = (await db.auditEntry.findMany({ where: { tenantId: admin.tenantId!, entityId: target.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["user.resetPassword", "user.deactivate", "user.activate", "user.update"]);
  });

  it("lets only the platform admin create a tenant with its first admin, who must change the password", async () => {
    setSessionUser(await sessionUserFor(db, "xiangxi-admin"));
    const input = { slug: "changde", name: "常德市", rootCode: "430700", rootName: "常德市", rootLevel: "PREFECTURE", issuer: "常德市科学技术局", adminAccount: "changde-admin", adminName: "常德管理员" };
    expect((await createTenant(null, fd(input))).ok).toBe(false);

    setSessionUser(await sessionUserFor(db, "platform"));
    const bad = await createTenant(null, fd({ ...input, slug: "Bad Slug", rootCode: "12" }));
    expect(!bad.ok && Object.keys(bad.errors).sort()).toEqual(["rootCode", "slug"]);
    const dup = await createTenant(null, fd({ ...input, slug: "xiangxi" }));
    expect(!dup.ok && dup.errors.slug).toEqual(["PlatformAdmin.slugTaken"]);

    const made = await createTenant(null, fd(input));
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const user = await authorizeCredentials(db, { account: "changde-admin", password: made.data.password }, "10.3.3.3");
    expect(user).toMatchObject({ tenantSlug: "changde", role: "ADMIN", regionCode: "430700", mustChangePassword: true });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { tenantId: user!.tenantId!, action: "tenant.create" } });
    expect(audit.actorId).toBe((await db.user.findUniqueOrThrow({ where: { account: "platform" } })).id);
    // the words are chosen at creation; blank ones default to the name and to the root's level
    const wordingOf = (tenantId: string) => db.tenantSettings.findUniqueOrThrow({ where: { tenantId }, select: { issuer: true, shortName: true, areaWord: true } });
    expect(await wordingOf(user!.tenantId!)).toEqual({ issuer: "常德市科学技术局", shortName: "常德市", areaWord: "全市" });
    expect((await db.region.findFirstOrThrow({ where: { tenantId: user!.tenantId!, code: "430700" } })).level).toBe("PREFECTURE");

    const province = { ...input, slug: "hnsheng", name: "湖南省", rootCode: "430000", rootName: "湖南省", rootLevel: "PROVINCE", issuer: "湖南省科学技术厅", adminAccount: "hnsheng-admin" };
    const prefecture = { ...input, slug: "xxz", name: "湘西土家族苗族自治州", rootCode: "433100", rootName: "湘西土家族苗族自治州", issuer: "湘西土家族苗族自治州科学技术局", shortName: "湘西州", adminAccount: "xxz-admin" };
    const named = { ...input, slug: "yy", name: "岳阳市", rootCode: "430600", rootName: "岳阳市", issuer: "岳阳市科学技术局", areaWord: "全岳阳", adminAccount: "yy-admin" };
    for (const tenant of [province, prefecture, named]) expect((await createTenant(null, fd(tenant))).ok).toBe(true);
    const tenantOf = async (slug: string) => (await db.tenant.findUniqueOrThrow({ where: { slug } })).id;
    expect(await wordingOf(await tenantOf("hnsheng"))).toEqual({ issuer: "湖南省科学技术厅", shortName: "湖南省", areaWord: "全省" });
    expect(await wordingOf(await tenantOf("xxz"))).toEqual({ issuer: "湘西土家族苗族自治州科学技术局", shortName: "湘西州", areaWord: "全州" });
    expect((await wordingOf(await tenantOf("yy"))).areaWord).toBe("全岳阳");
    const noIssuer = await createTenant(null, fd({ ...input, slug: "noissuer", issuer: " ", adminAccount: "noissuer-admin" }));
    expect(!noIssuer.ok && Object.keys(noIssuer.errors)).toEqual(["issuer"]);
  });

  it("sets up a real installation: one platform admin with a one-time password, refused twice unless --reset", async () => {
    // the demo seed already has a platform admin
    await expect(setupPlatformAdmin(db, { account: "operator" })).rejects.toBeInstanceOf(SetupError);
    await db.user.deleteMany({ where: { isPlatformAdmin: true } });
    const first = await setupPlatformAdmin(db, { account: "operator", name: "运维" });
    expect(first.created).toBe(true);
    expect(first.password.length).toBeGreaterThanOrEqual(12);
    const user = await authorizeCredentials(db, { account: "operator", password: first.password }, "10.4.4.4");
    expect(user).toMatchObject({ isPlatformAdmin: true, mustChangePassword: true, tenantId: null });
    await expect(setupPlatformAdmin(db, { account: "operator" })).rejects.toBeInstanceOf(SetupError);
    const again = await setupPlatformAdmin(db, { account: "operator", reset: true });
    expect(again.created).toBe(false);
    expect(await authorizeCredentials(db, { account: "operator", password: first.password }, "10.4.4.5")).toBeNull();
    expect(await authorizeCredentials(db, { account: "operator", password: again.password }, "10.4.4.6")).not.toBeNull();
  });

  it("guards tenant pages and routes in one place: session, password change, membership, permission", async () => {
    const admin = await sessionUserFor(db, "xiangxi-admin");
    const reporter = await sessionUserFor(db, "xiangxi-433125");
    const page = (slug: string, ...rest: Parameters<typeof requireTenantPage> extends [unknown, ...infer R] ? R : never) =>
      requireTenantPage({ tenant: slug }, ...rest).then(
        (a) => a,
        (e: unknown) => (isNavigationRefusal(e) ? String((e as { digest: string }).digest).split(";")[0] : Promise.reject(e)),
      );
    const status = async (slug: string, need: Parameters<typeof requireTenantRoute>[1]) => {
      const r = await requireTenantRoute({ tenant: slug }, need);
      return r instanceof Response ? r.status : 200;
    };

    setSessionUser(null);
    expect(await page("xiangxi", null)).toBe("NEXT_REDIRECT");
    expect(await status("xiangxi", "overview.read")).toBe(401);

    setSessionUser({ ...admin, mustChangePassword: true });
    expect(await page("xiangxi", "overview.read")).toBe("NEXT_REDIRECT");
    expect(await status("xiangxi", "overview.read")).toBe(403);

    setSessionUser(admin);
    expect(await page("huaihua", null)).toBe("NEXT_HTTP_ERROR_FALLBACK");
    expect(await status("huaihua", "overview.read")).toBe(404);
    const access = await page("xiangxi", ["overview.read", "fill.write"]);
    expect(typeof access === "object" && access.ctx).toEqual({ tenantId: admin.tenantId, userId: admin.userId, role: "ADMIN", regionId: admin.regionId });

    setSessionUser(reporter);
    expect(await page("xiangxi", "overview.read")).toBe("NEXT_HTTP_ERROR_FALLBACK");
    expect(await status("xiangxi", "overview.read")).toBe(404);
    expect(await status("xiangxi", ["fill.write", "fill.review"])).toBe(200);
    // a county page: the reporter's own county only, and no county of another tenant
    const own = await requireTenantPage({ tenant: "xiangxi" }, "region.read", regionNamed("433125"));
    expect(own.resource?.regionId).toBe(reporter.regionId);
    expect(await page("xiangxi", "region.read", regionNamed("433122"))).toBe("NEXT_HTTP_ERROR_FALLBACK");
    expect(await page("xiangxi", "region.read", regionNamed("431200"))).toBe("NEXT_HTTP_ERROR_FALLBACK");
  });
});
