/** The two message catalogues must hold exactly the same keys (no browser needed). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

function keys(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function load(locale: string): unknown {
  return JSON.parse(readFileSync(path.join(process.cwd(), "messages", `${locale}.json`), "utf8"));
}

test("zh-CN and en catalogues have identical key sets and no empty messages", () => {
  const zh = load("zh-CN");
  const en = load("en");
  expect(keys(en).sort()).toEqual(keys(zh).sort());
  for (const [name, catalogue] of [["zh-CN", zh], ["en", en]] as const) {
    const empty = keys(catalogue).filter((k) => {
      const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], catalogue);
      return typeof v !== "string" || v.trim() === "";
    });
    expect(empty, `${name} has empty or non-string messages`).toEqual([]);
  }
});
