/** Client-safe: the error code next-auth passes back for a throttled sign-in ("THROTTLED:<seconds>"). */
export const THROTTLED_PREFIX = "THROTTLED:";

/** The error code of a sign-in that failed for another reason than the credentials (logged on the server). */
export const SIGN_IN_UNAVAILABLE = "UNAVAILABLE";

/** Seconds to wait from a sign-in error code, or null when it is not a throttling error. */
export function parseThrottledSeconds(error: string | null | undefined): number | null {
  if (!error || !error.startsWith(THROTTLED_PREFIX)) return null;
  const seconds = Number(error.slice(THROTTLED_PREFIX.length));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}
