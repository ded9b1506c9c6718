/**
 * The boundary file an administrator uploads: a GeoJSON FeatureCollection of Polygon and
 * MultiPolygon features in longitude/latitude. Each message is a problem key
 * (MapUpload.problems) that lib/geo/boundaries.ts turns into "第 n 个要素：…".
 */
import { z } from "zod";

const longitude = z.number({ message: "position" }).min(-180, { message: "longitude" }).max(180, { message: "longitude" });
const latitude = z.number({ message: "position" }).min(-90, { message: "latitude" }).max(90, { message: "latitude" });
/** [lng, lat] with an optional altitude (ignored) */
const position = z.tuple([longitude, latitude], { message: "position" }).rest(z.number({ message: "position" }));
/** a closed ring: at least four positions (the first repeated at the end) */
const ring = z.array(position, { message: "coordinates" }).min(4, { message: "ring" });
const polygon = z.array(ring, { message: "coordinates" }).min(1, { message: "coordinates" });

const geometry = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("Polygon"), coordinates: polygon }),
    z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(polygon, { message: "coordinates" }).min(1, { message: "coordinates" }) }),
  ],
  { message: "geometryType" },
);

const feature = z.object(
  {
    type: z.literal("Feature", { message: "featureType" }),
    id: z.union([z.string(), z.number()]).optional(),
    properties: z.record(z.string(), z.unknown()).nullable().default(null),
    geometry: geometry,
  },
  { message: "featureType" },
);

export const featureCollectionSchema = z.object(
  {
    type: z.literal("FeatureCollection", { message: "collection" }),
    features: z.array(feature, { message: "collection" }).min(1, { message: "empty" }).max(5000, { message: "tooManyFeatures" }),
  },
  { message: "collection" },
);

export type BoundaryFeature = z.output<typeof feature>;
export type BoundaryGeometry = BoundaryFeature["geometry"];

/** The upload form: the file, the property naming each feature's region code, the attribution. */
export const uploadBoundariesSchema = z.object({
  file: z.instanceof(File),
  /** empty: the feature's id, then properties.code / adcode / id */
  codeProperty: z.string().trim().max(40).regex(/^[A-Za-z0-9_.-]*$/, { message: "invalidFormat" }).default(""),
  attribution: z.string().trim().max(300).default(""),
});
