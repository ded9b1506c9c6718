/** Every namespace a client component reads reaches the browser (i18n/client-messages.ts). */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages } from "@/i18n/client-messages";
import zh from "@/messages/zh-CN.json";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("client messages", () => {
  it("lists every namespace a client component reads", () => {
    const listed = new Set<string>(Object.values(CLIENT_NAMESPACES).flat());
    const read = new Set<string>();
    for (const file of ["app", "components", "lib"].flatMap(sources)) {
      const text = readFileSync(file, "utf8");
      if (!text.startsWith('"use client"')) continue;
      for (const m of text.matchAll(/useTranslations\("([A-Za-z]+)/g)) read.add(m[1]!);
    }
    expect(read.size).toBeGreaterThan(5);
    expect([...read].filter((n) => !listed.has(n))).toEqual([]);
    expect([...listed].filter((n) => !(n in zh))).toEqual([]);
  });

  it("hands a part of the app the shell's namespaces and its own, nothing else", () => {
    expect(Object.keys(clientMessages(zh, "regions")).sort()).toEqual(["Errors", "Header", "Notes"]);
  });
});
