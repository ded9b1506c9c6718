# Sourced by the scripts: quiet, offline tooling.
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1

# A NEXTAUTH_SECRET for this installation, generated once and kept in file $1 when none is
# set; a production server refuses one under 32 characters (lib/config.ts), so say it now.
ensure_nextauth_secret() {
  if [ -z "${NEXTAUTH_SECRET:-}" ]; then
    local file="$1"
    mkdir -p "$(dirname "$file")"
    [ -s "$file" ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64url"))' > "$file"
    NEXTAUTH_SECRET="$(cat "$file")"
    export NEXTAUTH_SECRET
  fi
  if [ "${#NEXTAUTH_SECRET}" -lt 32 ]; then
    echo "NEXTAUTH_SECRET must be at least 32 characters: the server refuses a shorter one" >&2
    return 1
  fi
}

# Wait until the app answers on $1 (a URL), at most $2 seconds.
wait_for_http() {
  local url="$1" limit="${2:-60}" i=0
  until node -e 'fetch(process.argv[1]).then(r=>process.exit(r.status<500?0:1),()=>process.exit(1))' "$url" 2>/dev/null; do
    i=$((i + 1))
    if [ "$i" -ge "$limit" ]; then echo "the app did not answer at $url within ${limit}s" >&2; return 1; fi
    sleep 1
  done
}
