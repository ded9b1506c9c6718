/**
 * Per-tenant tokens for the read API. A token is `sti_` + 32 random bytes (base64url);
 * only its SHA-256 is stored, so it is shown once, at creation. Requests carry it as
 * `Authorization: Bearer sti_…`; the tenant in the URL must be the token's tenant.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { writeAudit } from "./audit";
import type { TenantContext } from "./context";

const TOKEN_PREFIX = "sti_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: string;
  createdByName: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function listApiTokens(db: Db, ctx: TenantContext): Promise<ApiTokenView[]> {
  const rows = await db.apiToken.findMany({ where: { tenantId: ctx.tenantId }, orderBy: { createdAt: "desc" } });
  const ids = [...new Set(rows.map((r) => r.createdById).filter((x): x is string => !!x))];
  const users = ids.length ? await db.user.findMany({ where: { tenantId: ctx.tenantId, id: { in: ids } }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdById ? (nameOf.get(r.createdById) ?? null) : null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** Creates a token; returns the token text (shown once) and its id. */
export async function createApiToken(db: Db, ctx: TenantContext, name: string): Promise<{ id: string; token: string }> {
  const token = newToken();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { tenantId: ctx.tenantId, name, tokenHash: hashToken(token), createdById: ctx.userId } });
    await writeAudit(tx, ctx, { action: "apiToken.create", entity: "ApiToken", entityId: created.id, detail: { after: { name } } });
    return created;
  });
  return { id: row.id, token };
}

export async function apiTokenExists(db: Db, tenantId: string, tokenId: string): Promise<boolean> {
  return !!(await db.apiToken.findUnique({ where: { tenantId_id: { tenantId, id: tokenId } }, select: { id: true } }));
}

/** Records that a token answered a request (called after a successful answer only). */
export async function markApiTokenUsed(db: Db, ctx: TenantContext, tokenId: string): Promise<void> {
  await db.apiToken.update({ where: { tenantId_id: { tenantId: ctx.tenantId, id: tokenId } }, data: { lastUsedAt: new Date() } });
}

export async function revokeApiToken(db: Db, ctx: TenantContext, tokenId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.apiToken.findUniqueOrThrow({ where: { tenantId_id: { tenantId: ctx.tenantId, id: tokenId } } });
    if (before.revokedAt) return;
    await tx.apiToken.update({ where: { tenantId_id: { tenantId: ctx.tenantId, id: tokenId } }, data: { revokedAt: new Date() } });
    await writeAudit(tx, ctx, { action: "apiToken.revoke", entity: "ApiToken", entityId: tokenId, detail: { before: { name: before.name } } });
  });
}

export type TokenCheck = { ok: true; ctx: TenantContext; tokenId: string } | { ok: false; status: 401 | 404 };

/**
 * Authorizes an API request for the tenant named by `slug`: a missing/unknown/revoked
 * token → 401; a valid token of another tenant (or an unknown slug) → 404.
 */
export async function authorizeApiRequest(db: Db, slug: string, authorization: string | null): Promise<TokenCheck> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  const token = match?.[1];
  if (!token || !token.startsWith(TOKEN_PREFIX)) return { ok: false, status: 401 };
  const hash = hashToken(token);
  const tenant = await db.tenant.findUnique({ where: { slug }, select: { id: true, active: true } });
  if (tenant && tenant.active) {
    const row = await db.apiToken.findUnique({ where: { tenantId_tokenHash: { tenantId: tenant.id, tokenHash: hash } } });
    if (row) {
      if (row.revokedAt) return { ok: false, status: 401 };
      return { ok: true, tokenId: row.id, ctx: { tenantId: tenant.id, userId: null, role: "LEADER", regionId: null } };
    }
  }
  // a token of another tenant: the URL's tenant is not found for it
  const elsewhere = await db.apiToken.findFirst({ where: { tokenHash: hash, revokedAt: null }, select: { id: true } });
  return { ok: false, status: elsewhere ? 404 : 401 };
}
