/**
 * A V8 CPU profile of a piece of async work (node:inspector), summarised as self time
 * per category: Prisma runtime, query compiler, driver adapter, driver, Decimal, the
 * metrics engine, the data layer, GC, idle (waiting for the database server), …
 */
import { Session } from "node:inspector/promises";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface CpuSummary {
  totalMs: number;
  /** self time per category, ms, largest first */
  categories: { category: string; ms: number; share: number }[];
  /** the heaviest functions by self time */
  topFunctions: { fn: string; category: string; ms: number }[];
}

const PROFILER = "profiler overhead";

function categoryOf(functionName: string, url: string): string | null {
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "(idle)") return "idle (waiting for the database / I/O)";
  if (functionName === "(program)") return "V8 / native (program)";
  if (functionName === "(root)") return "V8 / native (program)";
  if (!url) return null; // a native function: charged to its JS caller's category
  if (url.includes("/decimal.js/")) return "decimal.js arithmetic";
  if (url.includes("/lib/metrics/")) return "metrics engine (lib/metrics)";
  if (url.includes("/lib/data/plain")) return "data layer: toPlain";
  if (url.includes("/lib/data/")) return "data layer (lib/data)";
  if (url.includes("/lib/decimal")) return "lib/decimal (fromStored)";
  if (url.includes("query_compiler") || url.startsWith("wasm://")) return "Prisma query compiler (wasm)";
  if (url.includes("@prisma/adapter") || url.includes("driver-adapter-utils")) return "Prisma driver adapter";
  if (url.includes("@prisma/client") || url.includes("/generated/")) return "Prisma client runtime (materialisation)";
  if (url.includes("better-sqlite3")) return "driver (better-sqlite3)";
  if (/node_modules\/pg(-[a-z-]+)?\//.test(url) || url.includes("postgres-")) return "driver (pg)";
  if (url.startsWith("node:")) return "node internals";
  if (url.includes("/bench/")) return "bench harness";
  return "other JS";
}

/** Runs `fn` under the V8 sampling profiler and summarises where the time went. */
export async function profileCpu(fn: () => Promise<unknown>): Promise<CpuSummary> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  let profile: Profile;
  try {
    await fn();
  } finally {
    ({ profile } = (await session.post("Profiler.stop")) as { profile: Profile });
    await session.post("Profiler.disable");
    session.disconnect();
  }
  return summarise(profile);
}

export function summarise(profile: Profile): CpuSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const category = new Map<number, string>();
  const resolve = (id: number): string => {
    const hit = category.get(id);
    if (hit) return hit;
    const node = byId.get(id)!;
    let cat = categoryOf(node.callFrame.functionName, node.callFrame.url);
    if (cat === null && parent.get(id) !== undefined && byId.get(parent.get(id)!)!.callFrame.url === "node:inspector") {
      cat = PROFILER; // building the profile itself (Profiler.stop)
    }
    if (cat === null && node.callFrame.functionName) {
      // a native function called from JS: better-sqlite3's statement methods are the driver
      const p = parent.get(id);
      const callerUrl = p === undefined ? "" : byId.get(p)!.callFrame.url;
      if (callerUrl.includes("@prisma/adapter-better-sqlite3") || callerUrl.includes("better-sqlite3")) cat = "driver (better-sqlite3, native)";
    }
    if (cat === null) {
      const p = parent.get(id);
      const parentCat = p === undefined ? "native" : resolve(p);
      cat = parentCat === "V8 / native (program)" ? "native" : `${parentCat}`;
    }
    category.set(id, cat);
    return cat;
  };
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, k) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0)));
  const perCategory = new Map<string, number>();
  const perFunction = new Map<string, { category: string; us: number }>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const cat = resolve(id);
    if (cat === PROFILER) continue;
    total += us;
    perCategory.set(cat, (perCategory.get(cat) ?? 0) + us);
    const f = byId.get(id)!.callFrame;
    const name = `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\/(node_modules|work\/main)\//, "")}`.trim();
    const entry = perFunction.get(name) ?? { category: cat, us: 0 };
    entry.us += us;
    perFunction.set(name, entry);
  }
  return {
    totalMs: total / 1000,
    categories: [...perCategory]
      .map(([c, us]) => ({ category: c, ms: us / 1000, share: total ? us / total : 0 }))
      .sort((a, b) => b.ms - a.ms),
    topFunctions: [...perFunction]
      .map(([fn, e]) => ({ fn, category: e.category, ms: e.us / 1000 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 15),
  };
}
