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

/**
 * An absolute path of M/L/Z commands (d3's) as the same path in whole units, each point
 * relative to the one before: a third of the characters. A unit is 1/600 of the map's width,
 * under a pixel at the size the map is drawn. Points are rounded before they are
 * differenced, so rounding never accumulates; points that round onto the one before are dropped.
 */
export function compactPath(d: string): string {
  let out = "";
  let [x, y, startX, startY] = [0, 0, 0, 0];
  // a number follows a digit with a space; a minus sign or a command letter separates by itself
  const put = (n: number) => (out += n >= 0 && /\d$/.test(out) ? ` ${n}` : `${n}`);
  for (const [, cmd, args] of d.matchAll(/([MLZ])([^MLZ]*)/gi)) {
    if (cmd!.toUpperCase() === "Z") {
      out += "z";
      [x, y] = [startX, startY];
      continue;
    }
    const [ax, ay] = args!.split(",").map((v) => Math.round(Number(v))) as [number, number];
    const moving = cmd!.toUpperCase() === "M";
    if (moving) {
      out += "m";
      [startX, startY] = [ax, ay];
    } else if (ax === x && ay === y) continue;
    // the pairs after an m are relative line-tos
    put(ax - x);
    put(ay - y);
    [x, y] = [ax, ay];
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
