#!/usr/bin/env bash
# Browser tests: a fresh seeded SQLite database, a production build, Playwright in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/ensure-browser-deps.sh

E2E_PORT="${E2E_PORT:-3210}"
export E2E_BASE_URL="http://127.0.0.1:$E2E_PORT"
export DATABASE_URL="file:./.tmp/e2e/e2e.db"
export NEXTAUTH_URL="$E2E_BASE_URL"
export NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-e2e-only-secret-not-for-production-0123456789}"
ensure_nextauth_secret
rm -rf .tmp/e2e && mkdir -p .tmp/e2e

npm run -s db:migrate
npm run -s db:seed
npx next build
# its own process group, so that stopping it stops next-server too
setsid node scripts/serve.mjs -p "$E2E_PORT" -H 127.0.0.1 > .tmp/e2e/server.log 2>&1 &
server=$!
trap 'kill -- -"$server" 2>/dev/null || true' EXIT
wait_for_http "$E2E_BASE_URL/signin" 120
PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/playwright.json npx playwright test --reporter=list,json "$@"
