/**
 * Isolation cases of the Access feature: user administration, the password change and
 * tenant creation. Tenant A (xiangxi) roles attack tenant B's (huaihua) users and regions;
 * leaders and reporters also attack tenant A's own users (they may not manage users at all);
 * no tenant role may create a tenant.
 */
import type { Attack, IsolationCase } from "../../support/isolation";

const ALL = ["ADMIN", "LEADER", "REPORTER"] as const;
const NOT_ADMIN = ["LEADER", "REPORTER"] as const;

export const cases: IsolationCase[] = [
  {
    kind: "action",
    module: "lib/actions/create-user",
    exportName: "createUser",
    attacks: async ({ a, b }) => {
      const out: Attack[] = b.regionIds.map((regionId, i) => ({
        label: `reporter in tenant B's region #${i}`,
        input: { account: `intruder-${i}`, name: "入侵者", role: "REPORTER", regionId },
        roles: [...ALL],
      }));
      out.push(
        { label: "admin of tenant A in B's root region", input: { account: "intruder-root", name: "入侵者", role: "REPORTER", regionId: b.rootRegionId }, roles: [...ALL] },
        { label: "reporter of another region of A", input: { account: "intruder-a", name: "入侵者", role: "REPORTER", regionId: a.otherRegionId }, roles: [...NOT_ADMIN] },
        { label: "leader of tenant A", input: { account: "intruder-leader", name: "入侵者", role: "ADMIN" }, roles: [...NOT_ADMIN] },
        { label: "tenantId smuggled in the form", input: { account: "intruder-t", name: "入侵者", role: "ADMIN", tenantId: b.tenantId }, roles: [...NOT_ADMIN] },
      );
      return out;
    },
  },
  {
    kind: "action",
    module: "lib/actions/update-user",
    exportName: "updateUser",
    attacks: async ({ db, a, b }) => {
      const bUsers = await db.user.findMany({ where: { tenantId: b.tenantId }, orderBy: { account: "asc" } });
      const aOther = await db.user.findFirstOrThrow({ where: { tenantId: a.tenantId, membership: { regionId: a.otherRegionId } } });
      return [
        ...bUsers.map((u) => ({
          label: `tenant B's user ${u.account} → admin`,
          input: { userId: u.id, name: "改名", role: "ADMIN" },
          roles: [...ALL],
        })),
        ...bUsers.slice(0, 3).map((u) => ({
          label: `tenant B's user ${u.account} → reporter of A`,
          input: { userId: u.id, name: "改名", role: "REPORTER", regionId: a.reporterRegionId },
          roles: [...ALL],
        })),
        { label: "another region's reporter of A", input: { userId: aOther.id, name: "改名", role: "ADMIN" }, roles: [...NOT_ADMIN] },
        { label: "own account → admin", input: { userId: "self", name: "改名", role: "ADMIN" }, roles: [...NOT_ADMIN] },
      ];
    },
  },
  {
    kind: "action",
    module: "lib/actions/reset-password",
    exportName: "resetPassword",
    attacks: async ({ db, a, b }) => {
      const bUsers = await db.user.findMany({ where: { tenantId: b.tenantId }, orderBy: { account: "asc" } });
      const platform = await db.user.findFirstOrThrow({ where: { isPlatformAdmin: true } });
      const aUsers = await db.user.findMany({ where: { tenantId: a.tenantId }, take: 3, orderBy: { account: "asc" } });
      return [
        ...bUsers.map((u) => ({ label: `tenant B's user ${u.account}`, input: { userId: u.id }, roles: [...ALL] })),
        { label: "the platform admin", input: { userId: platform.id }, roles: [...ALL] },
        ...aUsers.map((u) => ({ label: `tenant A's user ${u.account}`, input: { userId: u.id }, roles: [...NOT_ADMIN] })),
      ];
    },
  },
  {
    kind: "action",
    module: "lib/actions/set-user-active",
    exportName: "setUserActive",
    attacks: async ({ db, a, b }) => {
      const bUsers = await db.user.findMany({ where: { tenantId: b.tenantId }, orderBy: { account: "asc" } });
      const aOther = await db.user.findFirstOrThrow({ where: { tenantId: a.tenantId, membership: { regionId: a.otherRegionId } } });
      return [
        ...bUsers.map((u) => ({ label: `deactivate tenant B's ${u.account}`, input: { userId: u.id, active: "false" }, roles: [...ALL] })),
        { label: "re-activate tenant B's first user", input: { userId: bUsers[0]!.id, active: "true" }, roles: [...ALL] },
        { label: "deactivate another region's reporter of A", input: { userId: aOther.id, active: "false" }, roles: [...NOT_ADMIN] },
      ];
    },
  },
  {
    kind: "action",
    module: "lib/actions/change-password",
    exportName: "changePassword",
    attacks: async ({ db, b }) => {
      const bAdmin = await db.user.findFirstOrThrow({ where: { tenantId: b.tenantId, account: `${b.slug}-admin` } });
      return [
        {
          label: "naming tenant B's admin without the current password",
          input: { userId: bAdmin.id, account: bAdmin.account, currentPassword: "wrong-password", newPassword: "taken-over-1", confirmPassword: "taken-over-1" },
          roles: [...ALL],
        },
        {
          label: "with tenant B's tenantId and a wrong current password",
          input: { tenantId: b.tenantId, currentPassword: "not-mine-123", newPassword: "taken-over-2", confirmPassword: "taken-over-2" },
          roles: [...ALL],
        },
      ];
    },
  },
  {
    kind: "action",
    module: "lib/actions/create-tenant",
    exportName: "createTenant",
    attacks: async ({ b }) => [
      { label: "a new tenant by a tenant member", input: { slug: "rogue", name: "流氓租户", rootCode: "430000", rootName: "湖南省", rootLevel: "PROVINCE", issuer: "湖南省科学技术厅", adminAccount: "rogue-admin", adminName: "流氓" }, roles: [...ALL] },
      { label: "tenant B's slug again", input: { slug: b.slug, name: "怀化市二", rootCode: "431200", rootName: "怀化市", rootLevel: "PREFECTURE", issuer: "怀化市科学技术局", adminAccount: "huaihua-admin2", adminName: "冒充" }, roles: [...ALL] },
      { label: "a duplicate platform account", input: { slug: "rogue2", name: "流氓租户二", rootCode: "430100", rootName: "长沙市", rootLevel: "PREFECTURE", issuer: "长沙市科学技术局", adminAccount: "platform", adminName: "冒充" }, roles: [...ALL, "PLATFORM_ADMIN"] },
    ],
  },
];
