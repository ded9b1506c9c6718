// Unused files, exports and dependencies (knip). The Next.js, next-intl, Vitest and
// Playwright plugins find the app router files, proxy.ts, instrumentation.ts,
// i18n/request.ts, the test files and their setup; the entries below are the rest.
import type { KnipConfig } from "knip";

const config: KnipConfig = {
  entry: [
    "scripts/**/*.{ts,mjs}",
    "bench/*.ts",
    "tests/**/*.ts",
    "prisma/seed/index.ts",
    "prisma.*.config.ts",
    // the schemas the Prisma CLI reads, and the snapshots scripts/new-migration.ts diffs against
    "prisma/**/*.prisma",
  ],
  project: ["**/*.{ts,tsx,mjs,css,prisma}"],
  // a type that is part of another exported type's shape is in use
  ignoreExportsUsedInFile: { interface: true, type: true },
  // the generated Prisma clients (generated/, not in the repository) import it
  ignoreDependencies: ["@prisma/client"],
  // poppler's pdftotext reads the printed bulletins (installed by scripts/ensure-browser-deps.sh)
  ignoreBinaries: ["pdftotext"],
};

export default config;
