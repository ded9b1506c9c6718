/**
 * One dashboard computation for the page requests that were waiting when it started. When
 * thirty leaders open the same overview before a dispatch meeting, their renders queue at
 * the render gate (./render-gate.ts); a computation that started after a request arrived
 * already holds every figure saved before that request, so the request may take its result
 * instead of computing the same figures again. A request never takes a result computed
 * before it arrived: a save that finished before someone opened a page is on that page,
 * whichever process served either. Server only (docs/decisions/028-month-end-capacity.md).
 */
import { cache } from "react";

/** When this request arrived (its first call); outside a page render, each call is "now". */
export const requestArrival = cache((): number => performance.now());

interface Computation {
  started: number;
  value: Promise<unknown>;
}

// the latest computation per key, in this process; results older than this are of no use
// to anyone (every request waiting for them arrived later)
const KEEP_MS = 60_000;
const MAX_KEYS = 200;
const holder = globalThis as unknown as { stiSharedReads?: Map<string, Computation> };
const latest = (holder.stiSharedReads ??= new Map());

function prune(now: number): void {
  for (const [key, c] of latest) if (now - c.started > KEEP_MS || latest.size > MAX_KEYS) latest.delete(key);
}

/**
 * The result of `load` for `key`: the latest computation's, when it started after this
 * request arrived, else a new one. `key` must name everything the result depends on, and
 * callers must not change the result (other requests read the same object).
 */
export function sharedRead<T>(key: string, load: () => Promise<T>): Promise<T> {
  const arrived = requestArrival();
  const hit = latest.get(key);
  if (hit && hit.started >= arrived) return hit.value as Promise<T>;
  const now = performance.now();
  prune(now);
  const computation: Computation = { started: now, value: load() };
  latest.set(key, computation);
  // a failed computation is not shared: the next request computes again
  computation.value.catch(() => latest.get(key) === computation && latest.delete(key));
  return computation.value as Promise<T>;
}
