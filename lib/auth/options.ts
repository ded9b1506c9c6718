/**
 * next-auth 4 configuration: credentials sign-in (账号 + 密码), JWT sessions of 8 hours.
 * The secret comes from lib/config.ts (a production server checks it at start); next-auth
 * reads NEXTAUTH_URL itself. Server only.
 */
import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { authorizeCredentials } from "./authorize";
import { SIGN_IN_PATH } from "./home";
import { clientAddress } from "./throttle";
import { isTenantRole, type SessionUser } from "./types";

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** The SessionUser stored in a token, or null if the token does not hold a complete one. */
function sessionUserFromToken(token: JWT): SessionUser | null {
  const str = (v: unknown): v is string => typeof v === "string" && v.length > 0;
  const strOrNull = (v: unknown): v is string | null => v === null || str(v);
  const { userId, account, name, isPlatformAdmin, tenantId, tenantSlug, tenantName, role } = token;
  const { regionId, regionCode, regionName, mustChangePassword } = token;
  if (!str(userId) || !str(account) || !str(name)) return null;
  if (typeof isPlatformAdmin !== "boolean" || typeof mustChangePassword !== "boolean") return null;
  if (!strOrNull(tenantId) || !strOrNull(tenantSlug) || !strOrNull(tenantName)) return null;
  if (!strOrNull(regionId) || !strOrNull(regionCode) || !strOrNull(regionName)) return null;
  if (role !== null && !isTenantRole(role)) return null;
  return {
    userId,
    account,
    name,
    isPlatformAdmin,
    tenantId,
    tenantSlug,
    tenantName,
    role: role ?? null,
    regionId,
    regionCode,
    regionName,
    mustChangePassword,
  };
}

export const authOptions: NextAuthOptions = {
  secret: config().nextAuthSecret,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "account",
      credentials: {
        account: { label: "account", type: "text" },
        password: { label: "password", type: "password" },
      },
      async authorize(credentials, req) {
        const user = await authorizeCredentials(db, credentials, clientAddress(req?.headers));
        return user ? { id: user.userId, ...user } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        // sign-in: copy the claims into the token (a fresh object, no stale fields)
        const claims: SessionUser = {
          userId: user.userId,
          account: user.account,
          name: user.name ?? user.account,
          isPlatformAdmin: user.isPlatformAdmin,
          tenantId: user.tenantId,
          tenantSlug: user.tenantSlug,
          tenantName: user.tenantName,
          role: user.role,
          regionId: user.regionId,
          regionCode: user.regionCode,
          regionName: user.regionName,
          mustChangePassword: user.mustChangePassword,
        };
        return { sub: user.userId, ...claims, signedInAt: Math.floor(Date.now() / 1000) };
      }
      return token;
    },
    session({ session, token }) {
      const user = sessionUserFromToken(token);
      return {
        expires: session.expires,
        ...(user ? { user } : {}),
        ...(typeof token.signedInAt === "number" ? { signedInAt: token.signedInAt } : {}),
      };
    },
  },
};
