/**
 * Boundary files (pure: no React, no database): reading an uploaded GeoJSON, naming the
 * region code of each feature, matching features to the tenant's regions and simplifying
 * the outlines for the browser.
 */
import simplify from "@turf/simplify";
import { featureCollectionSchema, type BoundaryFeature, type BoundaryGeometry } from "../schemas/geo";

/** What is wrong with a file: a MapUpload.problems key, the feature (1-based) and the JSON path. */
export interface BoundaryProblem {
  reason: string;
  feature: number | null;
  path: string;
}

export type ParsedBoundaries = { ok: true; features: BoundaryFeature[] } | { ok: false; problems: BoundaryProblem[] };

/** At most this many problems are reported: the first ones say what to fix. */
const MAX_PROBLEMS = 5;

/** Reads and validates the text of a boundary file. */
export function parseBoundaries(text: string): ParsedBoundaries {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, problems: [{ reason: "json", feature: null, path: "" }] };
  }
  const parsed = featureCollectionSchema.safeParse(json);
  if (parsed.success) return { ok: true, features: parsed.data.features };
  const problems: BoundaryProblem[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const [top, index] = issue.path;
    const feature = top === "features" && typeof index === "number" ? index + 1 : null;
    const reason = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
    const key = `${feature}:${reason}`;
    if (seen.has(key)) continue; // one ring with 500 bad positions is one problem
    seen.add(key);
    problems.push({ reason, feature, path: issue.path.join(".") });
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return { ok: false, problems };
}

/** The property names tried, in order, when the administrator names none (after the feature's id). */
const CODE_PROPERTIES = ["code", "adcode", "id"] as const;

/** A feature's region code: `codeProperty` when given, else its id, then CODE_PROPERTIES. */
export function featureCode(feature: BoundaryFeature, codeProperty = ""): string | null {
  const props = feature.properties ?? {};
  const candidates = codeProperty ? [props[codeProperty]] : [feature.id, ...CODE_PROPERTIES.map((p) => props[p])];
  for (const c of candidates) {
    if (typeof c === "number" && Number.isFinite(c)) return String(c);
    if (typeof c === "string" && c.trim() !== "") return c.trim();
  }
  return null;
}

function featureName(feature: BoundaryFeature): string | null {
  const name = feature.properties?.name;
  return typeof name === "string" ? name : null;
}

export interface MatchRegion {
  id: string;
  code: string;
  name: string;
}

export interface BoundaryMatch<R extends MatchRegion> {
  matched: { region: R; geometry: BoundaryGeometry }[];
  /** features whose code names no region (or a region already matched): 1-based index, code, name */
  unmatched: { feature: number; code: string | null; name: string | null }[];
  /** the regions no feature names */
  missing: R[];
}

/** Matches features to regions by code; the first feature of a code wins. */
export function matchBoundaries<R extends MatchRegion>(features: readonly BoundaryFeature[], regions: readonly R[], codeProperty = ""): BoundaryMatch<R> {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const taken = new Set<string>();
  const result: BoundaryMatch<R> = { matched: [], unmatched: [], missing: [] };
  features.forEach((f, i) => {
    const code = featureCode(f, codeProperty);
    const region = code === null ? undefined : byCode.get(code);
    if (!region || taken.has(region.code)) {
      result.unmatched.push({ feature: i + 1, code, name: featureName(f) });
      return;
    }
    taken.add(region.code);
    result.matched.push({ region, geometry: f.geometry });
  });
  result.missing = regions.filter((r) => !taken.has(r.code));
  return result;
}

/**
 * Tolerance of the simplification in degrees (≈ 200 m): far below a pixel of a county map
 * in a browser (a city ≈ 2° across drawn ≤ 800 px wide is ≈ 0.0025° a pixel).
 */
const SIMPLIFY_TOLERANCE = 0.002;

const round = (v: number) => Math.round(v * 1e5) / 1e5;

/** The outline simplified for the browser, positions rounded to 5 decimals (≈ 1 m). */
export function simplifyGeometry(geometry: BoundaryGeometry, tolerance = SIMPLIFY_TOLERANCE): BoundaryGeometry {
  const simple = simplify({ type: "Feature", properties: {}, geometry } as GeoJSON.Feature<BoundaryGeometry>, { tolerance, highQuality: true }).geometry;
  const ring = (r: number[][]): [number, number][] => r.map((p) => [round(p[0]!), round(p[1]!)]);
  if (simple.type === "Polygon") return { type: "Polygon", coordinates: simple.coordinates.map(ring) };
  return { type: "MultiPolygon", coordinates: simple.coordinates.map((poly) => poly.map(ring)) };
}

/** Number of positions in a geometry (how much the simplification saved). */
export function positionCount(geometry: BoundaryGeometry): number {
  const rings = geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
  return rings.reduce((n, r) => n + r.length, 0);
}
