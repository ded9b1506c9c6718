#!/usr/bin/env bash
# The whole suite: types, lint (ESLint), unused code (knip), unit tests, integration tests
# on SQLite (and on PostgreSQL when POSTGRES_TEST_URL names a server, e.g.
# postgresql://postgres@127.0.0.1:5432/postgres), then the browser tests against the built
# app.   npm install && npm test
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
mkdir -p .tmp

if [ -z "${POSTGRES_TEST_URL:-}" ]; then
  echo "POSTGRES_TEST_URL is not set: integration tests run on SQLite only."
fi
npx tsc --noEmit
npx eslint --max-warnings 0 .
npx knip --no-progress
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json
bash scripts/e2e.sh
node scripts/test-summary.mjs .tmp/vitest.json .tmp/playwright.json
