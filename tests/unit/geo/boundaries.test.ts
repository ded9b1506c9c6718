import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { featureCode, matchBoundaries, parseBoundaries, positionCount, simplifyGeometry } from "../../../lib/geo/boundaries";
import { projectShapes, shortRegionName } from "../../../lib/geo/project";
import zh from "../../../messages/zh-CN.json";
import en from "../../../messages/en.json";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const square = (lng: number, lat: number, size = 0.1) => [[[lng, lat], [lng + size, lat], [lng + size, lat + size], [lng, lat + size], [lng, lat]]];
const feature = (props: Record<string, unknown>, coordinates: unknown = square(109.5, 28.2), extra: Record<string, unknown> = {}) => ({ type: "Feature", properties: props, geometry: { type: "Polygon", coordinates }, ...extra });
const collection = (...features: unknown[]) => JSON.stringify({ type: "FeatureCollection", features });

describe("reading a boundary file", () => {
  it("accepts Polygon and MultiPolygon features, with a byte-order mark and altitudes", () => {
    const multi = { type: "Feature", properties: { code: "433101" }, geometry: { type: "MultiPolygon", coordinates: [square(109, 28), square(110, 28)] } };
    const altitude = feature({ code: "433122" }, [[[109, 28, 120], [109.1, 28, 120], [109.1, 28.1, 120], [109, 28, 120]]]);
    const parsed = parseBoundaries("\uFEFF" + collection(multi, altitude));
    expect(parsed.ok && parsed.features.map((f) => f.geometry.type)).toEqual(["MultiPolygon", "Polygon"]);
  });

  it("names what is wrong and in which feature", () => {
    const check = (text: string) => {
      const parsed = parseBoundaries(text);
      return parsed.ok ? [] : parsed.problems.map((p) => [p.reason, p.feature, p.path]);
    };
    expect(check("{not json")).toEqual([["json", null, ""]]);
    expect(check(JSON.stringify({ type: "Feature" }))).toEqual([["collection", null, "type"]]);
    expect(check(collection())).toEqual([["empty", null, "features"]]);
    expect(check(collection(feature({}), { type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [109, 28] } }))).toEqual([["geometryType", 2, "features.1.geometry.type"]]);
    // latitude and longitude swapped: the first position's latitude is 109.6
    expect(check(collection(feature({}, [[[28.2, 109.6], [28.3, 109.7], [28.2, 109.8], [28.2, 109.6]]])))).toEqual([["latitude", 1, "features.0.geometry.coordinates.0.0.1"]]);
    expect(check(collection(feature({}, [[[181, 28], [109, 28], [109, 29], [181, 28]]])))).toEqual([["longitude", 1, "features.0.geometry.coordinates.0.0.0"]]);
    expect(check(collection(feature({}, [[[109, 28], [109.1, 28], [109, 28]]])))).toEqual([["ring", 1, "features.0.geometry.coordinates.0"]]);
    expect(check(collection(feature({}, [[["109", 28], [109.1, 28], [109.1, 28.1], [109, 28]]])))).toEqual([["position", 1, "features.0.geometry.coordinates.0.0.0"]]);
  });

  it("reports one problem per feature and reason, at most five", () => {
    const bad = Array.from({ length: 8 }, () => feature({}, [[[109, 95], [109, 96], [109, 97], [109, 95]]]));
    const parsed = parseBoundaries(collection(...bad));
    expect(parsed.ok ? null : parsed.problems.map((p) => p.feature)).toEqual([1, 2, 3, 4, 5]);
  });

  it("every problem has a message in both languages", () => {
    const reasons = ["json", "collection", "empty", "tooManyFeatures", "featureType", "geometryType", "coordinates", "ring", "position", "longitude", "latitude", "invalid"];
    for (const messages of [zh, en]) expect(Object.keys(messages.MapUpload.problems).sort()).toEqual([...reasons].sort());
  });
});

describe("matching features to regions by code", () => {
  const regions = [
    { id: "r1", code: "433101", name: "吉首市" },
    { id: "r2", code: "433122", name: "泸溪县" },
    { id: "r3", code: "433199", name: "湘西高新区" },
  ];

  it("takes the feature id, then code, adcode or id properties, or the property named", () => {
    const parsed = parseBoundaries(collection(feature({ name: "a" }, undefined, { id: "433101" }), feature({ adcode: 433122 }), feature({ 行政代码: "433199", code: "000000" })));
    if (!parsed.ok) throw new Error("fixture");
    expect(parsed.features.map((f) => featureCode(f))).toEqual(["433101", "433122", "000000"]);
    expect(featureCode(parsed.features[2]!, "行政代码")).toBe("433199");
    expect(featureCode(parsed.features[0]!, "adcode")).toBeNull();
  });

  it("reports features naming no region, repeated codes and regions left without an outline", () => {
    const parsed = parseBoundaries(collection(feature({ code: "433101", name: "吉首市" }), feature({ code: "431202", name: "鹤城区" }), feature({ name: "无代码" }), feature({ code: "433101", name: "吉首市（重复）" })));
    if (!parsed.ok) throw new Error("fixture");
    const m = matchBoundaries(parsed.features, regions);
    expect(m.matched.map((x) => x.region.code)).toEqual(["433101"]);
    expect(m.unmatched).toEqual([
      { feature: 2, code: "431202", name: "鹤城区" },
      { feature: 3, code: null, name: "无代码" },
      { feature: 4, code: "433101", name: "吉首市（重复）" },
    ]);
    expect(m.missing.map((r) => r.code)).toEqual(["433122", "433199"]);
  });

  it("matches every county of the demo files; the zones inside another county have no outline", () => {
    for (const [file, zone] of [["433100-xiangxi.geojson", "433199"], ["431200-huaihua.geojson", "431271"]] as const) {
      const parsed = parseBoundaries(fs.readFileSync(path.join(ROOT, "prisma/seed/geo", file), "utf8"));
      if (!parsed.ok) throw new Error(file);
      const codes = parsed.features.map((f) => featureCode(f)!);
      const m = matchBoundaries(parsed.features, [...codes, zone].map((code) => ({ id: code, code, name: code })));
      expect(m.unmatched).toEqual([]);
      expect(m.missing.map((r) => r.code)).toEqual([zone]);
    }
  });
});

describe("simplifying and projecting outlines", () => {
  const file = fs.readFileSync(path.join(ROOT, "prisma/seed/geo/431200-huaihua.geojson"), "utf8");
  const parsed = parseBoundaries(file);
  if (!parsed.ok) throw new Error("demo file");

  it("keeps a few hundred positions per county, rounded to 5 decimals, each ring closed", () => {
    let before = 0;
    let after = 0;
    for (const f of parsed.features) {
      const simple = simplifyGeometry(f.geometry);
      before += positionCount(f.geometry);
      after += positionCount(simple);
      const rings = simple.type === "Polygon" ? simple.coordinates : simple.coordinates.flat();
      for (const ring of rings) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring.at(-1));
        for (const [lng, lat] of ring) expect([Math.round(lng! * 1e5) / 1e5, Math.round(lat! * 1e5) / 1e5]).toEqual([lng, lat]);
      }
    }
    expect(after).toBeLessThan(before / 4);
    expect(after).toBeGreaterThan(parsed.features.length * 50);
  });

  it("fits the outlines into the map's box, north up, wound either way", () => {
    const shapes = parsed.features.map((f) => ({ code: featureCode(f)!, geometry: simplifyGeometry(f.geometry) }));
    // the same outline with its rings reversed (the other winding) draws the same
    const reversed = shapes.map((s) => ({ ...s, geometry: s.geometry.type === "Polygon" ? { ...s.geometry, coordinates: s.geometry.coordinates.map((r) => [...r].reverse()) } : s.geometry }));
    const map = projectShapes(shapes, 600);
    expect(map.width).toBe(600);
    expect(map.height).toBeGreaterThan(600); // 怀化 is taller than wide
    for (const s of map.shapes) {
      const numbers = s.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...numbers)).toBeLessThanOrEqual(map.height);
    }
    expect(projectShapes(reversed, 600).shapes.map((s) => s.label)).toEqual(map.shapes.map((s) => s.label));
    const label = (code: string) => map.shapes.find((s) => s.code === code)!.label;
    // 沅陵县 lies north of 通道县: a smaller y on the screen
    expect(label("431222")[1]).toBeLessThan(label("431230")[1]);
    expect(map.shapes.reduce((n, s) => n + s.d.length, 0)).toBeLessThan(40_000);
  });

  it("labels autonomous counties by their short name", () => {
    expect(shortRegionName("麻阳苗族自治县")).toBe("麻阳县");
    expect(shortRegionName("靖州苗族侗族自治县")).toBe("靖州县");
    expect(shortRegionName("吉首市")).toBe("吉首市");
  });
});
