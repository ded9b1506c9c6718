import { describe, expect, it } from "vitest";
import { hostileAddress, unreadableActionBody } from "../../proxy";
import { fieldsWithControlCharacters, hasControlCharacters } from "../../lib/schemas/text";

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
