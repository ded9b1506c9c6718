/** Applies all pending migrations to the database named by DATABASE_URL (SQLite by default). */
import { databaseUrl, parseDatabaseUrl } from "../lib/db/url";
import { prisma } from "./prisma-cli";

const url = databaseUrl();
const { provider } = parseDatabaseUrl(url);
prisma(provider, ["migrate", "deploy"], url, { quiet: true });
console.log(`migrations applied (${provider})`);
