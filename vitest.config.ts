import { defineConfig } from "vitest/config";

/**
 * Three kinds of tests (README "Tests"):
 * - unit: pure logic, no database;
 * - integration-sqlite: against a real SQLite file per test file, copied from a migrated template;
 * - integration-postgresql: the same files against PostgreSQL, when POSTGRES_TEST_URL names a
 *   server (an admin connection; a database is created per test file from a migrated template).
 */
const root = import.meta.dirname;
const integration = (provider: "sqlite" | "postgresql") => ({
  extends: true as const,
  test: {
    name: `integration-${provider}`,
    include: ["tests/integration/**/*.test.ts"],
    globalSetup: [`tests/support/global-setup-${provider}.ts`],
    setupFiles: ["tests/support/integration-setup.ts"],
    env: { TEST_DB_PROVIDER: provider },
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    environment: "node",
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts", "lib/**/*.test.ts"] } },
      integration("sqlite"),
      ...(process.env.POSTGRES_TEST_URL ? [integration("postgresql")] : []),
    ],
  },
});
