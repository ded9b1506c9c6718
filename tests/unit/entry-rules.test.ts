import { describe, expect, it } from "vitest";
import { liveActual, liveCompletion, liveFlags, parseValues } from "../../components/entry/rules";
import type { EntryRow } from "../../lib/data/fills";
import { Decimal } from "../../lib/decimal";

function row(over: Partial<EntryRow>): EntryRow {
  return {
    indicatorId: "i",
    code: "X",
    name: "X",
    unit: "亿元",
    kind: "CUMULATIVE",
    direction: "HIGHER_IS_BETTER",
    precision: 2,
    frequency: "MONTHLY",
    numeratorId: null,
    denominatorId: null,
    ratioFactor: null,
    curve: null,
    target: "12",
    last: null,
    baseline: null,
    history: [],
    fill: null,
    lock: { locked: false, reason: null, since: null },
    ...over,
  } as EntryRow;
}

const values: Record<string, Decimal> = { num: new Decimal("3"), den: new Decimal("150"), inc: new Decimal("130") };
const valueOf = (id: string | null) => (id ? (values[id] ?? null) : null);

describe("the entry form's live figures (the engine's rules)", () => {
  it("computes a RATIO from its typed parts with its factor, and none over a zero denominator", () => {
    const r = row({ kind: "RATIO", numeratorId: "num", denominatorId: "den", ratioFactor: "100" });
    expect(liveActual(r, 6, valueOf)?.toString()).toBe("2");
    expect(liveActual({ ...r, denominatorId: "missing" }, 6, valueOf)).toBeNull();
  });

  it("takes an INCREMENT net of last year's level, and none without it", () => {
    const r = row({ indicatorId: "inc", kind: "INCREMENT", baseline: "100" });
    expect(liveActual(r, 6, valueOf)?.toString()).toBe("30");
    expect(liveActual({ ...r, baseline: null }, 6, valueOf)).toBeNull();
  });

  it("measures completion against 序时进度 and gives its tone", () => {
    const r = row({ indicatorId: "half", target: "12" });
    const { completion, tone } = liveCompletion(r, 6, liveActual(r, 6, () => new Decimal("6")));
    expect(completion.value?.toString()).toBe("0.5");
    expect(tone).toBe("ahead");
    expect(liveCompletion(r, 6, liveActual(r, 6, () => new Decimal("4"))).tone).toBe("serious");
  });

  it("parses typed values with the precision and checks only changed ones", () => {
    const rows = [row({ indicatorId: "a" }), row({ indicatorId: "b" }), row({ indicatorId: "c" })];
    const text: Record<string, string> = { a: "1,234.5", b: "", c: "1.234" };
    const parsed = parseValues(rows, (r) => text[r.indicatorId]);
    expect(String(parsed.a)).toBe("1234.5");
    expect(parsed.b).toBeNull();
    expect(parsed.c).toBe("error");
    const saved = row({ fill: { id: "f", value: "5", note: "", status: "DRAFT", version: 1, reviewReason: null, updatedBy: null, updatedAt: "" } });
    expect(liveFlags(saved, 6, new Decimal("5")).flags).toEqual([]);
  });

  it("warns on an INCREMENT total below last year-end's with the figures of what was probably meant", () => {
    const r = row({ indicatorId: "hte", kind: "INCREMENT", unit: "家", precision: 0, target: "4", last: "24", baseline: "23" });
    const live = liveFlags(r, 11, new Decimal("2"));
    expect(live.flags).toEqual(["BELOW_BASELINE"]);
    expect(live.values).toMatchObject({ baseline: "23", value: "2", decrease: "21", meant: "25", unit: "家" });
    expect(liveActual(r, 11, () => new Decimal("2"))?.toString()).toBe("-21");
    expect(liveFlags(r, 11, new Decimal("25")).flags).toEqual([]);
  });
});
