/** Loads (or reloads) the demo tenants into the database named by DATABASE_URL. */
import { createDb } from "../lib/db/client";
import { databaseUrl, parseDatabaseUrl } from "../lib/db/url";
import { seedDemo } from "../prisma/seed";

const url = databaseUrl();
const db = createDb(url);
const started = Date.now();
try {
  const s = await seedDemo(db);
  console.log(
    `demo data loaded (${parseDatabaseUrl(url).provider}): ${s.tenants} tenants, ${s.regions} regions, ` +
      `${s.indicators} indicators, ${s.users} accounts, ${s.targets} targets, ${s.fills} monthly fills ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  await db.$disconnect();
}
