/**
 * The one clock. Everything that depends on "now" — the default period of the dashboards,
 * lateness, locks, completeness, bulletins, the entry page — reads it here, once at the
 * entry of a request or action, and passes it down; lib/metrics and the reporting rules
 * never read a clock themselves.
 *
 * STI_NOW (an ISO instant) pins the clock for tests and demos. It is refused in production
 * (see lib/config.ts), so a pinned clock can never run a real installation.
 */
import { config } from "./config";

export function now(): Date {
  const pinned = config().testClock;
  return pinned ? new Date(pinned.getTime()) : new Date();
}
