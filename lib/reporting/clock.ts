/**
 * "Now" for reporting: actions and pages read the clock once at their entry and pass it
 * down; the lock rules and checks never read it. STI_NOW (an ISO instant) pins it for
 * demos and tests.
 */
export function reportingNow(): Date {
  const pinned = process.env.STI_NOW;
  return pinned ? new Date(pinned) : new Date();
}
