/**
 * next-auth 4 configuration: credentials sign-in (账号 + 密码), JWT sessions of 8 hours.
 * The secret comes from lib/config.ts (a production server checks it at start); next-auth
 * reads NEXTAUTH_URL itself. Each session has an id (`sid`); signing out revokes it on the
 * server, so a copy of the cookie stops working too (lib/auth/user.ts). Server only.
 */
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { authorizeCredentials, ThrottledError } from "./authorize";
import { handedOnAddress } from "./client-address";
import { SIGN_IN_PATH } from "./home";
import { UNKNOWN_ADDRESS } from "./throttle";
import { SIGN_IN_UNAVAILABLE } from "./throttle-message";
import { isTenantRole, type SessionUser } from "./types";
import { revokeSession } from "./user";
import { logger } from "@/lib/server/log";

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
        try {
          const user = await authorizeCredentials(db, credentials, handedOnAddress(req?.headers) ?? UNKNOWN_ADDRESS);
          return user ? { id: user.userId, ...user } : null;
        } catch (error) {
          if (error instanceof ThrottledError) throw error;
          // next-auth puts the message into the sign-in URL: only the product's own code goes there
          logger().error({ err: error }, "sign-in failed");
          throw new Error(SIGN_IN_UNAVAILABLE);
        }
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
        return { sub: user.userId, ...claims, sessionVersion: user.sessionVersion, sid: randomUUID(), signedInAt: Math.floor(Date.now() / 1000) };
      }
      return token;
    },
    session({ session, token }) {
      const user = sessionUserFromToken(token);
      return {
        expires: session.expires,
        ...(user ? { user } : {}),
        ...(typeof token.signedInAt === "number" ? { signedInAt: token.signedInAt } : {}),
        ...(typeof token.sessionVersion === "number" ? { sessionVersion: token.sessionVersion } : {}),
        ...(typeof token.sid === "string" ? { sid: token.sid } : {}),
      };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.userId !== "string" || typeof token.sid !== "string") return;
      const expiresAt = new Date((typeof token.exp === "number" ? token.exp : Date.now() / 1000 + SESSION_MAX_AGE_SECONDS) * 1000);
      await revokeSession(db, { sid: token.sid, userId: token.userId, expiresAt });
    },
  },
};
