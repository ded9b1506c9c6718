/**
 * Where a user lands after signing in, and which callback URLs may be honoured.
 * Pure functions, safe on the client.
 */
import { can } from "../permissions";
import { isTenantMember, type SessionUser } from "./types";

export const SIGN_IN_PATH = "/signin";
const PLATFORM_HOME = "/platform";
/** Where an account that must change its password is sent before anything else. */
export const PASSWORD_PATH = "/account/password";

/**
 * Home page: the password page while a change is pending; platform admins → /platform,
 * members who read the overview → overview, the others (reporters) → their entry page.
 */
export function homePath(user: SessionUser): string {
  if (user.mustChangePassword) return PASSWORD_PATH;
  if (user.isPlatformAdmin) return PLATFORM_HOME;
  if (isTenantMember(user)) {
    return can(user, "overview.read") ? `/${user.tenantSlug}/overview` : `/${user.tenantSlug}/entry`;
  }
  return SIGN_IN_PATH;
}

/**
 * A callback URL (from /signin?callbackUrl=…) is used only when it is a local path inside
 * the user's own area: their tenant's pages, or /platform for a platform admin. Anything
 * else (other hosts, other tenants, protocol-relative URLs) falls back to the home page.
 */
export function safeCallbackPath(callbackUrl: string | null | undefined, user: SessionUser): string | null {
  if (user.mustChangePassword) return null;
  if (!callbackUrl || !callbackUrl.startsWith("/") || callbackUrl.startsWith("//") || callbackUrl.includes("\\")) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(callbackUrl, "http://local.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://local.invalid") return null;
  const path = url.pathname;
  const allowed =
    (user.isPlatformAdmin && (path === PLATFORM_HOME || path.startsWith(`${PLATFORM_HOME}/`))) ||
    (isTenantMember(user) && path.startsWith(`/${user.tenantSlug}/`));
  return allowed ? `${path}${url.search}` : null;
}
