/**
 * The users sheet import's side of the database: what its accounts and region codes name,
 * and the creation of the checked accounts (one-time password hashes already made) in one
 * transaction, each audited as user.create with the import's reason.
 */
import type { Db } from "../db/client";
import type { UserImportRef, UserPlanRow, UserState } from "../admin/users-import";
import { writeAudit } from "./audit";
import type { TenantContext } from "./context";

export async function userImportRef(db: Db, ctx: TenantContext, accounts: string[]): Promise<UserImportRef> {
  const [users, regions] = await Promise.all([
    db.user.findMany({ where: { account: { in: accounts } }, select: { account: true, tenantId: true } }),
    db.region.findMany({ where: { tenantId: ctx.tenantId }, select: { id: true, code: true, name: true, parentId: true, active: true } }),
  ]);
  return {
    accounts: new Map(users.map((u) => [u.account, u.tenantId])),
    tenantId: ctx.tenantId,
    regions: new Map(regions.map((r) => [r.code, { id: r.id, name: r.name, isRoot: r.parentId === null, active: r.active }])),
  };
}

/** The tenant's active members as the sheet import reads them (the export's rows), by account. */
export async function userStates(db: Db, ctx: TenantContext): Promise<UserState[]> {
  const rows = await db.membership.findMany({
    where: { tenantId: ctx.tenantId, user: { active: true } },
    select: { role: true, user: { select: { account: true, name: true } }, region: { select: { code: true, parentId: true } } },
    orderBy: { user: { account: "asc" } },
  });
  return rows.map((m) => ({ account: m.user.account, name: m.user.name, role: m.role, regionCode: m.region.parentId === null ? null : m.region.code }));
}

/** Creates the accounts, each with its password hash and `mustChangePassword`, all or none. */
export async function createImportedUsers(db: Db, ctx: TenantContext, rows: (UserPlanRow & { passwordHash: string })[], reason: string): Promise<void> {
  const { tenantId } = ctx;
  await db.$transaction(
    async (tx) => {
      for (const r of rows) {
        const user = await tx.user.create({ data: { account: r.code, name: r.name, tenantId, passwordHash: r.passwordHash, mustChangePassword: true } });
        await tx.membership.create({ data: { tenantId, userId: user.id, role: r.role, regionId: r.regionId } });
        await writeAudit(tx, ctx, { action: "user.create", entity: "User", entityId: user.id, detail: { after: { account: user.account, name: user.name, role: r.role, regionId: r.regionId }, reason } });
      }
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
