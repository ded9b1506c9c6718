/**
 * Page renders are let in a few at a time per server process. A dashboard page costs tens
 * of milliseconds of CPU; when fifty leaders open the overview at once, fifty renders
 * interleave on the process's one thread and a reporter's save — a few milliseconds of
 * work — waits behind all of them (seconds at month end). Admitted a few at a time, the
 * waiting renders cost nothing and a save waits behind at most these few. The pages come
 * out in the order they were asked for. Server actions and route handlers do not pass
 * through here. See docs/decisions/028-month-end-capacity.md. Server only.
 */
import { Semaphore } from "async-mutex";
import { after } from "next/server";
import { cache } from "react";

/** Renders in flight per process: two, so one waiting on the database leaves the CPU to the other. */
const RENDERS_IN_FLIGHT = 2;
/** A render that never reports its end (a dropped stream) gives its place back after this. */
const LONGEST_RENDER_MS = 30_000;

// one gate per process, whichever bundle layer imports this module
const holder = globalThis as unknown as { stiRenderGate?: Semaphore };
const gate = (holder.stiRenderGate ??= new Semaphore(RENDERS_IN_FLIGHT));

/**
 * Waits for the page's turn; its place is given back once the answer is sent (Next's
 * `after`, which also runs after an error, a redirect or a not-found). Once per request.
 */
export const admitPageRender = cache(async (): Promise<void> => {
  const [, release] = await gate.acquire();
  let released = false;
  const free = () => {
    if (released) return;
    released = true;
    clearTimeout(timer);
    release();
  };
  const timer = setTimeout(free, LONGEST_RENDER_MS);
  timer.unref();
  try {
    after(free);
  } catch {
    // outside a request (a test calling the page guard): nothing renders after this
    free();
  }
});
