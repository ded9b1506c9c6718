/**
 * The import readers against the number of rows: `npx tsx bench/import-readers.ts [--runs N]`.
 *
 * For 1,250 / 5,000 / 10,000 / 20,000 rows of the fill template's layout (区域代码, 指标代码,
 * 年, 月, 数值, 备注) it writes the file as .xlsx (lib/xlsx.ts), as UTF-8 CSV with a BOM and
 * as GBK CSV, then times `readUpload` on each — the step every import takes before checking a
 * row — and prints the median of N runs (default 3) with the time per 1,000 rows, which stays
 * flat when the reader is linear. A benchmark, not a test: the figures move with the machine.
 */
import iconv from "iconv-lite";
import { performance } from "node:perf_hooks";
import { readUpload, writeSheet } from "../lib/xlsx";

const SIZES = [1_250, 5_000, 10_000, 20_000];
const HEADER = ["区域代码", "指标代码", "年", "月", "数值", "备注"];
const INDICATORS = ["RD_EXP", "TECH_CONTRACT", "HT_INVEST", "HTE_NEW", "TSME", "TALENT", "PLATFORM", "GDP"];

function rows(n: number): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => [String(433101 + (i % 10)), INDICATORS[i % INDICATORS.length]!, 2020 + Math.floor(i / 960), 1 + (Math.floor(i / 80) % 12), ((i * 37) % 100_000) / 100, i % 7 === 0 ? "含技改投入" : ""]);
}

function csv(data: (string | number)[][]): string {
  return [HEADER, ...data].map((r) => r.join(",")).join("\r\n") + "\r\n";
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main() {
  const at = process.argv.indexOf("--runs");
  const runs = at > 0 ? Math.max(1, Number(process.argv[at + 1]) || 3) : 3;
  console.log(`import readers — median of ${runs} runs (ms; ms per 1,000 rows in brackets)\n`);
  console.log(["rows", ".xlsx", "CSV UTF-8", "CSV GBK", "xlsx size"].map((h) => h.padStart(16)).join(""));
  for (const n of SIZES) {
    const data = rows(n);
    const xlsx = await writeSheet("填报模板", HEADER, data);
    const utf8 = new TextEncoder().encode("\uFEFF" + csv(data));
    const gbk = new Uint8Array(iconv.encode(csv(data), "gbk"));
    const cells: string[] = [];
    for (const [name, bytes] of [["a.xlsx", xlsx], ["a.csv", utf8], ["b.csv", gbk]] as const) {
      const read = await readUpload(name, bytes);
      if (read.length !== n + 1) throw new Error(`${name}: read ${read.length} rows, expected ${n + 1}`);
      const ms = await median(runs, () => readUpload(name, bytes));
      cells.push(`${ms.toFixed(0)} (${((ms / n) * 1000).toFixed(0)})`);
    }
    console.log([n.toLocaleString("en"), ...cells, `${(xlsx.byteLength / 1024).toFixed(0)} KiB`].map((c) => c.padStart(16)).join(""));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
