#!/usr/bin/env node
/**
 * The production server (`npm start`): `next start` in WEB_CONCURRENCY worker processes
 * sharing one port through node:cluster — by default one per core on PostgreSQL and one on
 * SQLite. One Node process runs on one core; a save or a page waits behind whatever else
 * that process is doing, so a 2-core server with one process leaves half the machine idle at
 * month end (docs/decisions/028-month-end-capacity.md). Workers share nothing in memory: sessions,
 * sign-in throttling and every figure live in the database. A worker that dies is replaced;
 * SIGTERM/SIGINT reach every worker, which finish their requests in flight and exit.
 *
 *   node scripts/serve.mjs [next start options: -p 3000 -H 127.0.0.1 …]
 */
import cluster from "node:cluster";
import os from "node:os";
import { createRequire } from "node:module";

/**
 * SQLite: one process. better-sqlite3 waits for another process's write lock synchronously,
 * freezing every request of the waiting process, so processes sharing one SQLite file would
 * stall each other; one process admits its writers one at a time without blocking.
 */
function defaultWorkers() {
  const url = process.env.DATABASE_URL ?? "";
  return /^postgres(ql)?:\/\//.test(url.trim()) ? os.availableParallelism() : 1;
}

function workerCount() {
  const raw = process.env.WEB_CONCURRENCY;
  if (raw === undefined || raw === "") return defaultWorkers();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`WEB_CONCURRENCY must be a whole number from 1 to 64, got "${raw}"`);
    process.exit(1);
  }
  return n;
}

const count = workerCount();

if (cluster.isPrimary && count > 1) {
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < count; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
    fork();
  });
  for (const sig of ["SIGTERM", "SIGINT"]) {
    process.on(sig, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(sig);
    });
  }
} else {
  // the worker is `next start` itself, with the same arguments
  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  process.argv = [process.argv[0], next, "start", ...process.argv.slice(2)];
  await import(next);
}
