#!/usr/bin/env bash
# Runs the demo on the embedded SQLite database: migrate, seed the demo tenants, build, serve.
#   npm install && npm run demo          (PORT=… HOST=… DATABASE_URL=… to change the defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

export DATABASE_URL="${DATABASE_URL:-file:./data/sti-monitor.db}"
PORT="${PORT:-3000}"
HOST="${HOST:-127.0.0.1}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://$HOST:$PORT}"
ensure_nextauth_secret data/.nextauth-secret

npm run -s db:migrate
npm run -s db:seed
npx next build
setsid node scripts/serve.mjs -p "$PORT" -H "$HOST" &
server=$!
trap 'kill -- -"$server" 2>/dev/null || true' INT TERM EXIT
wait_for_http "$NEXTAUTH_URL/signin" 120
cat <<BANNER

  STI Monitor is running at $NEXTAUTH_URL  (database: $DATABASE_URL)

  Demo accounts, password demo1234:
    platform                          platform administrator
    xiangxi-admin / xiangxi-leader    湘西州 administrator / leader
    xiangxi-433125                    保靖县 reporter (one per region: xiangxi-<code>)
    huaihua-admin / huaihua-leader    怀化市 administrator / leader
    huaihua-431202                    鹤城区 reporter (one per region: huaihua-<code>)

  Ctrl+C stops the server.
BANNER
wait $server
