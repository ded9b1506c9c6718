// Type augmentation of next-auth: what the JWT and the session carry.
import type { SessionUser } from "./types";

declare module "next-auth" {
  interface Session {
    /** absent when the token could not be read as a SessionUser */
    user?: SessionUser;
    /** when the user signed in (epoch seconds); sessions older than a password change are refused */
    signedInAt?: number;
  }

  /** What the credentials provider's authorize() returns. */
  interface User extends SessionUser {
    id: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT extends Partial<SessionUser> {
    signedInAt?: number;
  }
}
