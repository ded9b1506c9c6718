"use server";
/**
 * The platform admin creates a tenant (slug, name, root region and its level, the tenant's
 * words — issuing organ, short name, area word defaulting to the level's — and default
 * settings) and its first admin with a one-time password (shown once; changed at first sign-in). Audited in
 * the new tenant's log.
 */
import { getTranslations } from "next-intl/server";
import { hashPassword } from "@/lib/auth/password";
import { oneTimePassword } from "@/lib/auth/one-time-password";
import { defaultAreaWord } from "@/lib/admin/wording";
import { writeAudit } from "@/lib/data/audit";
import { createTenantSchema } from "@/lib/schemas/access";
import { ActionError, defineAction } from "./client";
import { refreshPage } from "./refresh";
import type { ActionResult } from "./result";

export const createTenant = defineAction(
  { scope: "account", action: "tenant.manage", schema: createTenantSchema },
  async (input, { user, db }): Promise<ActionResult<{ slug: string; account: string; password: string }>> => {
    const t = await getTranslations("PlatformAdmin");
    const errors: Record<string, string[]> = {};
    if (await db.tenant.findUnique({ where: { slug: input.slug } })) errors.slug = [t("slugTaken")];
    if (await db.user.findUnique({ where: { account: input.adminAccount } })) errors.adminAccount = [t("accountTaken")];
    if (Object.keys(errors).length > 0) throw new ActionError(t("invalid"), errors);
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    const wording = {
      issuer: input.issuer,
      shortName: input.shortName || input.name,
      areaWord: input.areaWord || defaultAreaWord(input.rootLevel, input.rootName),
    };
    await db.$transaction(async (tx) => {
      const tenant = await tx.tenant.create({ data: { slug: input.slug, name: input.name, settings: { create: wording } } });
      const root = await tx.region.create({
        data: { tenantId: tenant.id, code: input.rootCode, name: input.rootName, level: input.rootLevel, sortOrder: 0 },
      });
      const admin = await tx.user.create({
        data: { account: input.adminAccount, name: input.adminName, tenantId: tenant.id, passwordHash, mustChangePassword: true },
      });
      await tx.membership.create({ data: { tenantId: tenant.id, userId: admin.id, role: "ADMIN", regionId: root.id } });
      await writeAudit(tx, { tenantId: tenant.id, userId: user.userId }, {
        action: "tenant.create",
        entity: "Tenant",
        entityId: tenant.id,
        detail: { after: { slug: tenant.slug, name: tenant.name, root: { code: root.code, name: root.name, level: root.level }, ...wording, admin: admin.account } },
      });
    });
    refreshPage("/platform");
    return { ok: true, message: t("created", { slug: input.slug }), data: { slug: input.slug, account: input.adminAccount, password } };
  },
);
