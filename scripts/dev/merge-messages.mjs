// Resolves a git merge conflict in a message catalogue with a three-way merge of the JSON
// (base, ours, theirs): keys added on either side are kept, a key changed on one side takes
// that change, a key changed differently on both sides stops the merge.
//   node scripts/dev/merge-messages.mjs messages/zh-CN.json messages/en.json
import { execFileSync } from "node:child_process";
import fs from "node:fs";

function stage(n, file) {
  try {
    return JSON.parse(execFileSync("git", ["show", `:${n}:${file}`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  } catch {
    return undefined;
  }
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

function merge3(base, ours, theirs, path) {
  if (same(ours, theirs)) return ours;
  if (same(base, ours)) return theirs;
  if (same(base, theirs)) return ours;
  if (isObject(ours) && isObject(theirs)) {
    const b = isObject(base) ? base : {};
    const out = {};
    for (const k of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
      const v = merge3(b[k], ours[k], theirs[k], `${path}.${k}`);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  throw new Error(`both sides changed ${path}: ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`);
}

for (const file of process.argv.slice(2)) {
  const merged = merge3(stage(1, file), stage(2, file), stage(3, file), file);
  fs.writeFileSync(file, JSON.stringify(merged, null, 2) + "\n");
  execFileSync("git", ["add", file]);
  console.log(`merged ${file}`);
}
