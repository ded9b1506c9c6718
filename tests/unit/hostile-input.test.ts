import { describe, expect, it } from "vitest";
import { hostileAddress, unreadableActionBody } from "../../proxy";
import { fieldsWithControlCharacters, hasControlCharacters } from "../../lib/schemas/text";
import { integer } from "../../lib/schemas/integer";
import { controlCharacterCells } from "../../lib/xlsx";

const url = (s: string) => new URL(s, "http://sti.test");
const action = (body: string, contentType = "text/plain;charset=UTF-8") =>
  new Request("http://sti.test/xiangxi/entry", { method: "POST", headers: { "next-action": "abc123", "content-type": contentType }, body });

describe("control characters", () => {
  it("refuses NUL and the other C0 controls and DEL, but not tab, line feed or carriage return", () => {
    for (const c of ["\u0000", "\u0001", "\u0008", "\u000B", "\u001B", "\u007F"]) expect(hasControlCharacters(`a${c}b`)).toBe(true);
    expect(hasControlCharacters("第一行\r\n第二行\t（说明）")).toBe(false);
  });
  it("names the action fields that hold one, however deep", () => {
    expect(fieldsWithControlCharacters({ body: "ok", note: "x\u0000", list: ["a", "b\u0007"], nested: { deep: ["\u0000"] }, n: 3 })).toEqual(["note", "list", "nested"]);
  });
});

describe("integer fields", () => {
  const month = integer(1, 12);
  it("take plain digits, trimmed, and numbers", () => {
    for (const [input, out] of [["7", 7], [" 12 ", 12], ["+3", 3], [5, 5]] as const) expect(month.parse(input)).toBe(out);
  });
  it("refuse exponents, hex, octal, fractions, full-width digits, booleans and lists, which a coercion would read as numbers", () => {
    for (const input of ["1e1", "0x7", "0o7", "0b11", "7.0", "１２", true, [], ["5"], NaN, Infinity, "13", "0"]) expect(month.safeParse(input).success, String(input)).toBe(false);
  });
  it("read a blank as absent: required, or the fallback", () => {
    expect(month.safeParse("").error?.issues[0]?.code).toBe("invalid_type");
    expect(integer(0, 9999, 0).parse("")).toBe(0);
    expect(integer(1, 60, 7).parse(undefined)).toBe(7);
  });
});

describe("control characters in a sheet", () => {
  it("are found by row and the column's header, or its letter where the header cannot name it", () => {
    const rows = [
      { row: 1, cells: ["区域代码", "备\u0000注"] },
      { row: 3, cells: ["433125", "说\u0007明", 1] },
    ];
    expect(controlCharacterCells(rows)).toEqual([
      { row: 1, column: "B" },
      { row: 3, column: "B" },
    ]);
    expect(controlCharacterCells([{ row: 1, cells: ["区域代码"] }, { row: 2, cells: ["\u0000"] }])).toEqual([{ row: 2, column: "区域代码" }]);
  });
});

describe("hostile addresses", () => {
  it("refuses a control character in a path segment or a query value, and broken percent-encoding", () => {
    expect(hostileAddress(url("/xiangxi/regions/4331%0022"))).toBe(true);
    expect(hostileAddress(url("/xiangxi/overview?year=2026%00"))).toBe(true);
    expect(hostileAddress(url("/xiangxi/overview?%01=1"))).toBe(true);
    expect(hostileAddress(url("/xiangxi/regions/%E4%B8"))).toBe(true);
  });
  it("lets ordinary addresses through, Chinese text included", () => {
    expect(hostileAddress(url("/xiangxi/regions/433122?year=2026&month=6"))).toBe(false);
    expect(hostileAddress(url("/xiangxi/admin/audit?q=%E5%90%89%E9%A6%96"))).toBe(false);
  });
});

describe("server action bodies", () => {
  it("refuses an empty body or one that is neither a form nor JSON", async () => {
    expect(await unreadableActionBody(action(""))).toBe(true);
    expect(await unreadableActionBody(action("{not json"))).toBe(true);
  });
  it("lets JSON arguments, forms and other requests through", async () => {
    expect(await unreadableActionBody(action('[null,"$K1"]'))).toBe(false);
    expect(await unreadableActionBody(action("--x\r\n", "multipart/form-data; boundary=x"))).toBe(false);
    expect(await unreadableActionBody(new Request("http://sti.test/xiangxi/entry", { method: "POST", body: "" }))).toBe(false);
  });
});
