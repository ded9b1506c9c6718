import { describe, expect, it } from "vitest";
import { compactPath } from "../../../lib/geo/project";

/** The absolute points a relative m/z path (as compactPath writes it) visits, per subpath. */
function points(compact: string): [number, number][][] {
  const rings: [number, number][][] = [];
  let [x, y] = [0, 0];
  for (const [, body] of compact.matchAll(/m([^z]*)z/g)) {
    const n = body!.match(/-?\d+/g)!.map(Number);
    const ring: [number, number][] = [];
    for (let k = 0; k < n.length; k += 2) {
      x += n[k]!;
      y += n[k + 1]!;
      ring.push([x, y]);
    }
    [x, y] = ring[0]!;
    rings.push(ring);
  }
  return rings;
}

describe("the map's compact outlines", () => {
  it("draw the same points in whole units, without drift, over several rings", () => {
    const d = "M100.4,200.6L103.2,199.5L103.4,199.6L110.5,210.5ZM300,10L305.7,12.2L299.1,20Z";
    const compact = compactPath(d);
    expect(points(compact)).toEqual([
      [[100, 201], [103, 200], [111, 211]],
      [[300, 10], [306, 12], [299, 20]],
    ]);
    expect(compact.length).toBeLessThan(d.length / 2);
    expect(compact).toMatch(/^m100 201 3-1 8 11zm200-191 6 2-7 8z$/);
  });
});
