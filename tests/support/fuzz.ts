/**
 * Generated bad input for every write path (tests/integration/fuzz-*.test.ts): an action's
 * fields are read from its zod schema, payloads are a valid base with fields replaced by
 * invalid values (wrong types, control characters, NUL, huge strings, negative / NaN /
 * Infinity / exponent numbers, numbers beyond the column, unknown enum values, other
 * tenants' ids), with required fields dropped, or not an object at all. Every answer must
 * be a refusal naming a field (or a row and column of an import), never a thrown error or
 * the generic failure, and the database digest — every row of every table — must not change.
 *
 * The seed is FUZZ_SEED when set, else random; fast-check prints it with the counterexample.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import type { z } from "zod";
import type { Db } from "../../lib/db/client";
import { hasControlCharacters } from "../../lib/schemas/text";
import { testProvider } from "./db";

// ------------------------------------------------------------------ the database digest

const jsonSafe = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v instanceof Date ? v.toISOString() : v);

async function tableNames(db: Db): Promise<string[]> {
  const rows =
    testProvider() === "sqlite"
      ? await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'")
      : await db.$queryRawUnsafe<{ name: string }[]>("SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE '_prisma%'");
  return rows.map((r) => r.name).sort();
}

/** Every table's rows, one SELECT per table, hashed in an order independent of the database's. */
export async function databaseDigest(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await tableNames(db)) {
    const rows =
      testProvider() === "sqlite"
        ? await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}"`)
        : (await db.$queryRawUnsafe<{ j: string }[]>(`SELECT row_to_json(t)::text AS j FROM "${name}" t`)).map((r) => JSON.parse(r.j) as Record<string, unknown>);
    const lines = rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k]]), jsonSafe)).sort();
    out[name] = createHash("sha256").update(`${rows.length}\n${lines.join("\n")}`).digest("hex");
  }
  return out;
}

/** The tables whose digest differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}

// ------------------------------------------------------------------ fields from the schema

export type FieldKind = "text" | "id" | "int" | "enum" | "bool" | "list" | "file" | "object";

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  optional: boolean;
  /** an enum's values */
  values?: readonly string[];
  /** an integer's range, a text's longest length */
  min?: number;
  max?: number;
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; entries?: Record<string, string>; element?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The type a field's value ends up as, through optional / default / preprocess / transform. */
function coreOf(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (def.innerType) return coreOf(def.innerType);
  if (def.type === "pipe") {
    const out = defOf(def.out!);
    return out.type === "transform" ? coreOf(def.in!) : coreOf(def.out!);
  }
  return schema;
}

const finite = (n: unknown) => (typeof n === "number" && Number.isFinite(n) ? n : undefined);

function kindOf(name: string, def: Def): FieldKind {
  switch (def.type) {
    case "number":
      return "int";
    case "enum":
      return "enum";
    case "boolean":
      return "bool";
    case "array":
      return "list";
    case "custom":
      return "file";
    case "object":
      return "object";
    default:
      return /^(id|.+Id|.+Ids)$/.test(name) ? "id" : "text";
  }
}

/** The fields of an object schema, with what kind of value each takes and whether it may be absent. */
export function fieldsOf(schema: z.ZodType): FieldSpec[] {
  const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
  return Object.entries(shape).map(([name, field]) => {
    const core = coreOf(field);
    const def = defOf(core);
    const bounds = core as unknown as { minValue?: number; maxValue?: number; maxLength?: number };
    return {
      name,
      kind: kindOf(name, def),
      optional: field.safeParse(undefined).success,
      values: def.entries ? Object.values(def.entries) : undefined,
      min: finite(bounds.minValue),
      max: finite(bounds.maxValue) ?? finite(bounds.maxLength),
    };
  });
}

// ------------------------------------------------------------------ invalid values

const CONTROL = [..."\u0000\u0001\u0007\u0008\u000B\u000C\u000E\u001B\u001F\u007F"];

/** Text with a control character (NUL among them) somewhere in it. */
export const withControl = (text = "数据"): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...CONTROL), fc.nat({ max: text.length })).map(([c, at]) => `${text.slice(0, at)}${c}${text.slice(at)}`);

/** Longer than any text field of the product takes (the longest, a bulletin paragraph, takes 5,000). */
const huge = fc.oneof(fc.integer({ min: 5_001, max: 20_000 }).map((n) => "长".repeat(n)), fc.constant("x".repeat(1_000_000)));

/** Not a text: what a tampered request or a JSON body can send instead. */
const notTextValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom({}, { toString: "x" }, [], [1, 2], ["a", "b"], new Date(0), { __proto__: { x: 1 } }),
);

/** Numbers an integer field must refuse, as text and as numbers. */
const badIntegers = (min: number, max: number) =>
  fc.oneof(
    fc.constantFrom(NaN, Infinity, -Infinity, min + 0.5, min - 1, max + 1, 1e21, -1e21),
    fc.constantFrom("NaN", "Infinity", "-Infinity", "2.02e3", "1e1", "0x7E7", "0b11", "0o7", "2026abc", "2,026", "２０２６", "1.5", " - 1", "99999999999999999999", "١", `${max + 1}`, `${min - 1}`, `${min}.0`),
    fc.double({ noInteger: true }).filter((d) => Number.isFinite(d)),
    ...(max < Number.MAX_SAFE_INTEGER ? [fc.integer({ min: max + 1 })] : []),
    fc.integer({ max: min - 1 }),
    fc.constantFrom(true, false, [], ["5"], {}, null),
  );

function badEnum(values: readonly string[]) {
  const lower = values.map((v) => v.toLowerCase()).filter((v) => !values.includes(v));
  return fc.oneof(
    fc.constantFrom("__proto__", "constructor", "toString", "", " ", "null", "undefined"),
    ...(lower.length > 0 ? [fc.constantFrom(...lower)] : []),
    fc.constantFrom(...values).map((v) => ` ${v}`),
    fc.constantFrom(...values).map((v) => [v]),
    fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !values.includes(s)),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
}

export interface FuzzContext {
  /** ids of another tenant's rows and ids of no row: well-formed, but not this tenant's */
  foreignIds: string[];
}

/** An invalid value for one field (its own arbitrary, or by its kind). */
export function invalidValue(field: FieldSpec, ctx: FuzzContext, own?: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const control = withControl();
  // an optional field may read null as absent (an empty select)
  const notText = field.optional ? notTextValue.filter((v) => v !== null) : notTextValue;
  switch (field.kind) {
    case "int":
      return fc.oneof(badIntegers(field.min ?? 0, field.max ?? Number.MAX_SAFE_INTEGER), control);
    case "enum":
      return fc.oneof(badEnum(field.values ?? []), control);
    case "bool":
      return control; // a checkbox reads anything but "on" / "true" as unchecked
    case "file":
      return fc.oneof(notText, fc.string(), control, fc.constant(new Blob(["x"])));
    case "list":
    case "object":
      return fc.oneof(notText.filter((v) => !Array.isArray(v)), control, fc.array(withControl(), { minLength: 1, maxLength: 3 }), fc.constant(Array(2_001).fill("x")));
    case "id":
      return fc.oneof(own ?? fc.constantFrom(...ctx.foreignIds), control, huge, notText, ...(field.optional ? [] : [fc.constantFrom("", "   ")]));
    default: {
      const over = field.max !== undefined ? [fc.constant("x".repeat(field.max + 1))] : [];
      return fc.oneof(...(own ? [own] : []), control, huge, ...over, notText, ...(field.optional ? [] : [fc.constantFrom("", "   ")]));
    }
  }
}

// ------------------------------------------------------------------ payloads

export type Mutation =
  | { kind: "fields"; fields: string[] }
  | { kind: "missing"; fields: string[] }
  | { kind: "body" };

export interface Payload {
  input: unknown;
  mutation: Mutation;
}

export interface ActionSpec {
  label: string;
  fields: FieldSpec[];
  /** a payload the schema accepts; every generated payload is this one spoiled */
  base: Record<string, unknown>;
  /** per field: invalid values the kind cannot know (e.g. a negative target, a decimal beyond the column) */
  invalid?: Record<string, fc.Arbitrary<unknown>>;
  /** fields never spoiled: nothing sent in them is wrong (e.g. ignored by the handler) */
  skip?: string[];
  /** error keys that name a field of the form other than the schema's (e.g. a settings tier row) */
  alsoNamed?: string[];
}

/** The FormData a form would post, when every value is text or a file (lists of text repeat the field). */
function asForm(input: Record<string, unknown>, base: Record<string, unknown>): FormData | null {
  const form = new FormData();
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    // a one-element list would reach the server as a single value: only the base's own lists travel as lists
    const values = Array.isArray(v) && Array.isArray(base[k]) ? v : [v];
    for (const one of values) {
      if (typeof one === "string" || one instanceof Blob) form.append(k, one);
      else return null; // other values reach an action only in a crafted object body
    }
  }
  return form;
}

/** As an object, or (when its values allow) as the FormData a form posts. */
const delivered = (input: Record<string, unknown>, base: Record<string, unknown>) => fc.boolean().map((form) => (form ? (asForm(input, base) ?? input) : input));

export function invalidPayload(spec: ActionSpec, ctx: FuzzContext): fc.Arbitrary<Payload> {
  const spoilable = spec.fields.filter((f) => !spec.skip?.includes(f.name));
  const required = spec.fields.filter((f) => !f.optional);
  const byName = new Map(spoilable.map((f) => [f.name, invalidValue(f, ctx, spec.invalid?.[f.name])]));
  const fields = fc
    .subarray(spoilable, { minLength: 1, maxLength: Math.min(3, spoilable.length) })
    .chain((chosen) => fc.tuple(fc.constant(chosen.map((f) => f.name)), fc.tuple(...chosen.map((f) => byName.get(f.name)!))))
    .chain(([names, values]) => {
      const input = { ...spec.base, ...Object.fromEntries(names.map((n, i) => [n, values[i]])) };
      return delivered(input, spec.base).map((delivered): Payload => ({ input: delivered, mutation: { kind: "fields", fields: names } }));
    });
  const missing = fc.subarray(required, { minLength: 1 }).chain((gone) => {
    const input = Object.fromEntries(Object.entries(spec.base).filter(([k]) => !gone.some((f) => f.name === k)));
    return delivered(input, spec.base).map((delivered): Payload => ({ input: delivered, mutation: { kind: "missing", fields: gone.map((f) => f.name) } }));
  });
  const body = fc
    .oneof(fc.constantFrom(null, undefined, 0, -1, NaN, "", "{}", "x", true, [], [spec.base], new Date(0), new FormData()), fc.string(), fc.integer(), fc.array(fc.string(), { maxLength: 3 }))
    .map((input): Payload => ({ input, mutation: { kind: "body" } }));
  return fc.oneof({ arbitrary: fields, weight: 8 }, ...(required.length > 0 ? [{ arbitrary: missing, weight: 1 }] : []), { arbitrary: body, weight: 1 });
}

// ------------------------------------------------------------------ the answer

interface Refusal {
  ok: boolean;
  message: string;
  errors?: Record<string, string[]>;
}

/** The field an error key belongs to: "cells.<id>" → cells, "curve.3" → curve. */
const fieldOfKey = (key: string) => key.split(/[.|]/)[0]!;

/**
 * Why the answer is not a proper refusal of the payload, or null. A spoiled field must be
 * named; a well-formed id of another tenant (or of no row) may instead be answered "not
 * found", since no form lets a person type an id (accepted messages in `notFound`).
 */
export function refusalProblem(spec: ActionSpec, payload: Payload, answer: Refusal, notFound: readonly string[]): string | null {
  if (answer.ok) return "accepted";
  if (/^Actions\.(failed|busy)$/.test(answer.message)) return `the generic failure ${answer.message}`;
  const keys = Object.keys(answer.errors ?? {});
  const names = new Set([...spec.fields.map((f) => f.name), ...(spec.alsoNamed ?? [])]);
  const extra = keys.filter((k) => !names.has(fieldOfKey(k)) && !spec.fields.some((f) => f.kind === "object" && k.startsWith(f.name)));
  if (extra.length > 0) return `errors on keys that are no field: ${extra.join(", ")}`;
  if (payload.mutation.kind === "body") return keys.length > 0 ? null : "no field named for a body that is not an object";
  const named = payload.mutation.fields.filter((f) => keys.some((k) => fieldOfKey(k) === f));
  if (named.length > 0) return null;
  if (notFound.includes(answer.message)) return null;
  return `no spoiled field (${payload.mutation.fields.join(", ")}) named: ${answer.message} ${JSON.stringify(answer.errors)}`;
}

/** FUZZ_SEED when set (to replay a failure), else fast-check's random seed. */
export function fuzzSeed(): number | undefined {
  const seed = process.env.FUZZ_SEED;
  return seed ? Number(seed) : undefined;
}

/** A short description of a payload for failure messages (huge strings cut). */
export function describePayload(p: Payload): string {
  const input = p.input instanceof FormData ? Object.fromEntries([...p.input.keys()].map((k) => [k, (p.input as FormData).getAll(k)])) : p.input;
  return `${JSON.stringify(p.mutation)} ${JSON.stringify(input, (_k, v: unknown) => (typeof v === "string" && v.length > 80 ? `${v.slice(0, 40)}…(${v.length})` : v))}`;
}

// ------------------------------------------------------------------ imports

export interface SheetSpec {
  /** the header and data rows of a sheet the import takes as it is */
  header: string[];
  rows: string[][];
  /** per column (by header): cell values the import must refuse */
  bad: Record<string, readonly string[]>;
}

/** A generated upload, and where the import must find the problem. */
export interface BadFile {
  file: File;
  /** the spoiled data rows (1-based, the header is row 1), or "any" for a file with no usable shape */
  rows: number[] | "any";
  describe: string;
}

const toCsv = (table: string[][]) => table.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\r\n") + "\r\n";

/** Bytes that are no spreadsheet, an empty file, or a file of another type. */
export function garbageFile(): fc.Arbitrary<BadFile> {
  return fc.oneof(
    fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 2_000 }), fc.constantFrom("a.xlsx", "a.csv", "a.xls", "a.txt", "a", "a.csv.exe", ".xlsx")).map(([bytes, name]) => ({ file: new File([bytes], name), rows: "any" as const, describe: `${bytes.length} random bytes as ${name}` })),
    fc.constantFrom("a.xlsx", "a.csv").map((name) => ({ file: new File([], name), rows: "any" as const, describe: `empty ${name}` })),
    fc.constant({ file: new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])], "truncated.xlsx"), rows: "any" as const, describe: "a truncated zip" }),
  );
}

/** The sheet with cells spoiled (a refused value, a control character or a value far too long), as CSV (UTF-8, BOM or GBK) or .xlsx. */
export function spoiledSheet(spec: SheetSpec, write: (table: string[][], encoding: "utf8" | "bom" | "gbk" | "xlsx") => Promise<File> | File): fc.Arbitrary<Promise<BadFile>> {
  const cell = fc.record({ row: fc.nat({ max: spec.rows.length - 1 }), col: fc.nat({ max: spec.header.length - 1 }) }).chain(({ row, col }) => {
    const bad = spec.bad[spec.header[col]!] ?? [];
    const values = fc.oneof(withControl(spec.rows[row]![col] || "x"), ...(bad.length ? [fc.constantFrom(...bad)] : []));
    return values.map((value) => ({ row, col, value }));
  });
  const keyed = fc.uniqueArray(cell, { minLength: 1, maxLength: 3, selector: (c) => `${c.row}|${c.col}` });
  return fc.tuple(keyed, fc.constantFrom("utf8", "bom", "gbk", "utf8", "xlsx") as fc.Arbitrary<"utf8" | "bom" | "gbk" | "xlsx">).map(async ([cells, chosen]) => {
    // XML cannot hold control characters: an .xlsx never carries one, a CSV does
    const encoding = chosen === "xlsx" && cells.some((c) => hasControlCharacters(c.value)) ? "utf8" : chosen;
    const rows = spec.rows.map((r) => [...r]);
    for (const c of cells) rows[c.row]![c.col] = c.value;
    const file = await write([spec.header, ...rows], encoding);
    return { file, rows: [...new Set(cells.map((c) => c.row + 2))], describe: `${encoding}: ${JSON.stringify(cells.map((c) => ({ row: c.row + 2, column: spec.header[c.col], value: c.value.length > 40 ? `${c.value.slice(0, 20)}…(${c.value.length})` : c.value })))}` };
  });
}

/** The sheet with its key column's header misspelt or dropped. */
export function wrongHeader(spec: SheetSpec, write: (table: string[][], encoding: "utf8") => Promise<File> | File): fc.Arbitrary<Promise<BadFile>> {
  return fc.constantFrom("misspelt", "dropped").map(async (how) => {
    const header = [how === "misspelt" ? `${spec.header[0]}x` : "", ...spec.header.slice(1)];
    return { file: await write([header, ...spec.rows], "utf8"), rows: [1], describe: `header ${how}: ${JSON.stringify(header)}` };
  });
}

export function csvFile(table: string[][], encoding: "utf8" | "bom" | "gbk", encode: (text: string) => Uint8Array): File {
  const text = toCsv(table);
  const bytes = encoding === "gbk" ? encode(text) : new TextEncoder().encode(encoding === "bom" ? `\uFEFF${text}` : text);
  return new File([new Uint8Array(bytes)], "sheet.csv", { type: "text/csv" });
}

interface ImportAnswer {
  ok: boolean;
  message: string;
  errors?: Record<string, string[]>;
  data?: { written?: boolean; issues?: { row: number; column: string; message: string }[] } | null;
}

/**
 * Why an import's answer is not a refusal of the bad file by file field or by row and
 * column, or null: the file field for what cannot be read; otherwise issues with a row and
 * a column (a column may be blank only for a file without data rows), one on a spoiled row.
 */
export function importProblem(answer: ImportAnswer, bad: BadFile): string | null {
  if (/^Actions\.(failed|busy)$/.test(answer.message)) return `the generic failure ${answer.message}`;
  if (answer.ok && answer.data?.written) return "written";
  let cells: { row: number; column: string }[];
  if (!answer.ok) {
    const keys = Object.keys(answer.errors ?? {});
    if (keys.includes("file")) return keys.length === 1 ? null : `the file refused with other keys: ${keys.join(", ")}`;
    cells = keys.map((k) => ({ row: Number(k.split("|")[0]), column: k.split("|").slice(1).join("|") }));
    if (keys.length === 0 || keys.some((k) => !/^\d+\|/.test(k))) return `not refused by row and column: ${answer.message} ${JSON.stringify(answer.errors)}`;
  } else {
    cells = answer.data?.issues ?? [];
    if (cells.length === 0) return "accepted";
  }
  if (cells.some((c) => !(c.row >= 1))) return `an issue without a row: ${JSON.stringify(cells)}`;
  if (bad.rows === "any") return null;
  const rows = bad.rows;
  return cells.some((c) => rows.includes(c.row)) ? null : `no issue on the spoiled rows ${rows.join(", ")}: ${JSON.stringify(cells.slice(0, 5))}`;
}
