// Type augmentation of next-auth: what the JWT and the session carry.
import type { SessionUser } from "./types";

declare module "next-auth" {
  interface Session {
    /** absent when the token could not be read as a SessionUser */
    user?: SessionUser;
    /** when the user signed in (epoch seconds) */
    signedInAt?: number;
    /** the user's session version at sign-in; the session holds while it is current */
    sessionVersion?: number;
    /** the sign-in's id: signing out revokes it */
    sid?: string;
  }

  /** What the credentials provider's authorize() returns. */
  interface User extends SessionUser {
    id: string;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT extends Partial<SessionUser> {
    signedInAt?: number;
    sessionVersion?: number;
    sid?: string;
  }
}
