/**
 * Outlines → SVG paths (pure). The positions are taken to the Mercator plane first and
 * then fitted with a planar identity transform: a spherical d3 projection would read a
 * ring wound the other way round as "the whole globe but this county", and files differ in
 * their winding. At a city's scale the result is the web-map look leaders know.
 */
import { geoIdentity, geoPath } from "d3-geo";
import type { BoundaryGeometry } from "../schemas/geo";

export interface ShapeInput {
  code: string;
  geometry: BoundaryGeometry;
}

export interface ProjectedShape {
  code: string;
  /** the SVG path, in the map's viewBox */
  d: string;
  /** the same path in whole viewBox units, relative (compactPath): what the page sends */
  outline: string;
  /** where the label goes (the outline's centroid) */
  label: [number, number];
}

export interface ProjectedMap {
  width: number;
  height: number;
  shapes: ProjectedShape[];
}

const RAD = Math.PI / 180;
/** longitude/latitude in degrees → Mercator x/y (radians of longitude; y grows northwards) */
const mercator = ([lng, lat]: number[]): [number, number] => [lng! * RAD, Math.log(Math.tan(Math.PI / 4 + (lat! * RAD) / 2))];

function toPlane(geometry: BoundaryGeometry): BoundaryGeometry {
  const ring = (r: number[][]) => r.map(mercator);
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: geometry.coordinates.map(ring) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map((p) => p.map(ring)) };
}

/**
 * Fits every outline into a `width`-wide box (height follows the extent's shape, within
 * `maxAspect` × width) with `padding` around it.
 */
export function projectShapes(shapes: readonly ShapeInput[], width = 600, padding = 8, maxAspect = 1.4): ProjectedMap {
  if (shapes.length === 0) return { width, height: 0, shapes: [] };
  const planes = shapes.map((s) => ({ code: s.code, geometry: toPlane(s.geometry) }));
  const collection = { type: "FeatureCollection" as const, features: planes.map((p) => ({ type: "Feature" as const, properties: {}, geometry: p.geometry })) };
  const [[x0, y0], [x1, y1]] = geoPath().bounds(collection);
  const aspect = x1 - x0 > 0 ? (y1 - y0) / (x1 - x0) : 1;
  const height = Math.round(Math.min(maxAspect, Math.max(0.4, aspect)) * width);
  const projection = geoIdentity().reflectY(true).fitExtent([[padding, padding], [width - padding, height - padding]], collection);
  const path = geoPath(projection).digits(1);
  return {
    width,
    height,
    shapes: planes.map((p) => {
      const [cx, cy] = path.centroid(p.geometry);
      const d = path(p.geometry) ?? "";
      return { code: p.code, d, outline: compactPath(d), label: [Math.round(cx * 10) / 10, Math.round(cy * 10) / 10] };
    }),
  };
}

/** Douglas–Peucker: the points of a ring that keep it within `tolerance` of its course. */
function keepWithin(ring: [number, number][], tolerance: number): [number, number][] {
  if (ring.length < 3) return ring;
  const keep = new Array<boolean>(ring.length).fill(false);
  keep[0] = keep[ring.length - 1] = true;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length > 0) {
    const [i, j] = stack.pop()!;
    const [[ax, ay], [bx, by]] = [ring[i]!, ring[j]!];
    const len = Math.hypot(bx - ax, by - ay);
    let [far, at] = [0, -1];
    for (let k = i + 1; k < j; k++) {
      const [px, py] = ring[k]!;
      const dist = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (dist > far) [far, at] = [dist, k];
    }
    if (far > tolerance) {
      keep[at] = true;
      stack.push([i, at], [at, j]);
    }
  }
  return ring.filter((_, k) => keep[k]);
}

/**
 * An absolute path of M/L/Z commands (d3's) as the same outline in whole units, each point
 * relative to the one before: a third of the characters. A unit is 1/600 of the map's width,
 * under a pixel at the size the map is drawn; points rounded onto the one before, or within
 * half a unit of the line through their neighbours, are dropped. Points are rounded before
 * they are differenced, so rounding never accumulates.
 */
export function compactPath(d: string): string {
  const rings: [number, number][][] = [];
  for (const [, cmd, args] of d.matchAll(/([ML])([^MLZ]*)/gi)) {
    const point = args!.split(",").map((v) => Math.round(Number(v))) as [number, number];
    const ring = cmd!.toUpperCase() === "M" ? [] : rings.at(-1)!;
    if (ring.length === 0) rings.push(ring);
    const last = ring.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) ring.push(point);
  }
  let out = "";
  let [x, y] = [0, 0];
  // a number follows a digit with a space; a minus sign or a command letter separates by itself
  const put = (n: number) => (out += n >= 0 && /\d$/.test(out) ? ` ${n}` : `${n}`);
  for (const ring of rings) {
    out += "m";
    // the pairs after an m are relative line-tos; z returns to the ring's first point
    for (const [px, py] of keepWithin(ring, 0.5)) {
      put(px - x);
      put(py - y);
      [x, y] = [px, py];
    }
    out += "z";
    [x, y] = ring[0]!;
  }
  return out;
}

/** 民族 whose names precede 自治县 in county names. */
const NATIONALITIES = "(?:土家族|苗族|侗族|瑶族|回族|壮族|彝族|藏族|蒙古族|满族|白族|黎族|畲族|水族|仫佬族|毛南族|仡佬族|布依族|哈尼族|傣族|纳西族|羌族|土族|撒拉族|锡伯族|达斡尔族|鄂温克族|朝鲜族|哈萨克族|各族)";
const AUTONOMOUS = new RegExp(`${NATIONALITIES}+自治县$`);

/** The name as maps label it: 麻阳苗族自治县 → 麻阳县, 靖州苗族侗族自治县 → 靖州县. */
export function shortRegionName(name: string): string {
  const short = name.replace(AUTONOMOUS, "县");
  return short.length >= 2 ? short : name;
}
