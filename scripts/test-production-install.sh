#!/usr/bin/env bash
# The production install, tested without Docker: the Dockerfile's install steps on this tree
# (tracked and new files, uncommitted changes included) in a temporary folder, then
# `kontakta serve` in production mode, as an unprivileged user, against a throw-away PostgreSQL
# server. Checks that /readyz answers 200, that production has no development routes, that an
# incomplete configuration is refused naming the variable, and that SIGTERM stops it cleanly.
# Needs the built web app (`npm run build:web`) and PostgreSQL (scripts/ensure-system-packages.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

say() { printf '  %s\n' "$*"; }
fail() {
  printf 'production install: FAILED: %s\n' "$*" >&2
  exit 1
}

[ -f packages/web/dist/index.html ] || fail "packages/web/dist is missing: run \`npm run build:web\` first"
pg_bin="$(find /usr/lib/postgresql -path '*/bin/pg_ctl' 2>/dev/null | sort -V | tail -n 1 | xargs -r dirname)"
[ -n "$pg_bin" ] || fail 'PostgreSQL is not installed: run scripts/ensure-system-packages.sh'

work="$(mktemp -d "${TMPDIR:-/tmp}/kontakta-production-XXXXXX")"
chmod 755 "$work"
app="$work/app"
server_pid=''
pg_run=()
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  if [ -f "$work/pg/postmaster.pid" ]; then
    "${pg_run[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# As root (CI, the test machines), PostgreSQL runs as its package's user and Kontakta as nobody,
# as in the container: the install is root's and read-only to the server.
if [ "$(id -u)" = 0 ]; then
  pg_run=(runuser -u postgres --)
  server_user="$(id -u nobody):$(id -g nobody)"
  as_server=(setpriv --reuid="$(id -u nobody)" --regid="$(id -g nobody)" --clear-groups --)
else
  pg_run=(env)
  server_user="$(id -u):$(id -g)"
  as_server=(env)
fi

echo "production install in $work"
# What the Dockerfile's `install` stage copies: the manifests, then the server's sources, without
# the tests (.dockerignore), so the server is shown to need none of them.
mkdir -p "$app"
git ls-files -z --cached --others --exclude-standard |
  grep -zE '^(package\.json|package-lock\.json|\.npmrc|packages/[^/]+/package\.json|packages/(domain|contract|server)/(src|bin)/)' |
  grep -zvE '\.test\.tsx?$' |
  while IFS= read -r -d '' file; do if [ -e "$file" ]; then printf '%s\0' "$file"; fi; done |
  tar --null -T - -cf - | tar -xf - -C "$app"
(cd "$app" && npm ci --omit=dev --workspace=@kontakta/server --include-workspace-root \
  --no-audit --no-fund --loglevel=error >"$work/npm-ci.log" 2>&1) || {
  cat "$work/npm-ci.log" >&2
  fail 'npm ci --omit=dev failed'
}
rm -rf "$app"/node_modules/node/node_modules/node-*/include
cp -R packages/web/dist "$app/packages/web/dist"
node="$app/node_modules/.bin/node"
kontakta=("$node" "$app/packages/server/bin/kontakta.js")
node_version="$("$node" --version)"
[[ "$node_version" == v24.* ]] || fail "the install's node is $node_version, not Node 24"
for dev_only in vite vitest typescript @biomejs/biome react; do
  [ ! -e "$app/node_modules/$dev_only" ] || fail "$dev_only was installed: it is not a server dependency"
done
say "npm ci --omit=dev: $(du -sh "$app/node_modules" | cut -f1) in node_modules, node $node_version ($((SECONDS - started)) s)"

# An old Node (the host's, if it has one: `npm test` puts Node 24 first in PATH) gets one line and
# exit code 1, not a syntax error from the TypeScript sources.
old_node=''
for candidate in $(type -ap node); do
  if [ "$("$candidate" -p 'process.versions.node.split(".")[0]')" -lt 24 ]; then
    old_node="$candidate"
    break
  fi
done
if [ -n "$old_node" ]; then
  set +e
  old_output="$("$old_node" "$app/packages/server/bin/kontakta.js" --help 2>&1)"
  old_status=$?
  set -e
  if [ "$old_status" != 1 ] || [[ "$old_output" != 'Kontakta needs Node.js 24'* ]]; then
    fail "Node $("$old_node" --version) was not refused with one line (exit $old_status): $old_output"
  fi
  say "Node $("$old_node" --version) is refused: $old_output"
fi

# A throw-away PostgreSQL server with password authentication and fsync, synchronous_commit on.
free_port() { "$node" -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
pg_port="$(free_port)"
db_password="$("$node" -p "require('node:crypto').randomBytes(18).toString('base64url')")"
mkdir -p "$work/pg"
printf '%s\n' "$db_password" >"$work/pg-password"
if [ "$(id -u)" = 0 ]; then chown postgres: "$work/pg" "$work/pg-password"; fi
"${pg_run[@]}" "$pg_bin/initdb" -D "$work/pg" -U kontakta --pwfile="$work/pg-password" --auth=scram-sha-256 \
  --no-sync -E UTF8 --locale=C >"$work/initdb.log" 2>&1 || {
  cat "$work/initdb.log" >&2
  fail 'initdb failed'
}
"${pg_run[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w -o \
  "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg -c fsync=on -c synchronous_commit=on" start >/dev/null
PGPASSWORD="$db_password" "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U kontakta kontakta
say "PostgreSQL $("$pg_bin/pg_ctl" --version | awk '{print $3}') on port $pg_port"

# The server's own folders: data (the volume in the container), the master key file outside it,
# and the register files (read-only to the server).
mkdir -p "$work/data" "$work/secrets" "$work/register"
chown "$server_user" "$work/data" "$work/secrets"
chmod 700 "$work/secrets"
"${as_server[@]}" "${kontakta[@]}" keys generate "$work/secrets/master-keys.json" >/dev/null
cat >"$work/register/population.json" <<'JSON'
{
  "version": 1,
  "people": [
    {
      "personnummer": "201110152384",
      "name": { "given": "Elsa", "family": "Lindqvist" },
      "address": { "street": "Skördevägen 7", "postalCode": "123 47", "city": "Farsta" },
      "municipality": { "code": "0180", "name": "Stockholm" },
      "guardians": [],
      "protectedIdentity": false,
      "mailForwarding": false
    }
  ]
}
JSON
cat >"$work/register/hsa.json" <<'JSON'
{
  "version": 1,
  "regions": [{ "code": "01", "name": "Region Stockholm" }],
  "careUnits": [
    {
      "hsaId": "SE2321000016-E0101",
      "name": "Vårdcentralen Solgläntan",
      "regionCode": "01",
      "municipality": { "code": "0180", "name": "Stockholm" },
      "address": { "street": "Gläntvägen 14", "postalCode": "123 52", "city": "Farsta" },
      "kind": "primary-care"
    }
  ],
  "employees": [
    {
      "hsaId": "SE2321000016-P01002",
      "personnummer": "196901282373",
      "name": { "given": "Gustav", "family": "Lundin" },
      "profession": "nurse",
      "commissions": [{ "unitHsaId": "SE2321000016-E0101", "roles": ["caregiver", "receiver"] }],
      "regionCommissions": []
    }
  ]
}
JSON
chmod 644 "$work/register"/*.json

# A complete production configuration and nothing from this shell (env -i): the issuer is only
# contacted at the first login and the mail server and SMS gateway when there is something to
# send, so made-up ones will do.
# NODE_ENV=production is not needed by Kontakta any more; it stays to mimic a typical deployment.
port="$(free_port)"
production_env=(
  PATH=/usr/bin:/bin
  HOME="$work/data"
  NODE_ENV=production
  PORT="$port"
  KONTAKTA_HOST=127.0.0.1
  KONTAKTA_PUBLIC_URL=https://kontakta.example.org
  KONTAKTA_DATABASE_URL="postgres://kontakta:$db_password@127.0.0.1:$pg_port/kontakta"
  KONTAKTA_DATA_DIR="$work/data"
  KONTAKTA_REGISTER_DIR="$work/register"
  KONTAKTA_MASTER_KEY_FILE="$work/secrets/master-keys.json"
  KONTAKTA_OIDC_ISSUER=https://e-id.example.org
  KONTAKTA_OIDC_CLIENT_SECRET=not-a-real-secret
  KONTAKTA_SMTP_URL=smtp://kontakta:not-a-real-password@127.0.0.1:2525
  KONTAKTA_SMS_GATEWAY_URL=https://sms.example.org/a1/sms
  KONTAKTA_SMS_GATEWAY_USERNAME=kontakta
  KONTAKTA_SMS_GATEWAY_PASSWORD=not-a-real-password
)
# The Dockerfile's HEALTHCHECK, taken from it: `node -e "<this>"`.
healthcheck="$(sed -n 's/^ *CMD \["[^"]*", "-e", "\(.*\)"\]$/\1/p' Dockerfile)"
[ -n "$healthcheck" ] || fail 'no HEALTHCHECK CMD ["…node", "-e", "…"] found in the Dockerfile'
status_of() { "$node" -e "fetch('http://127.0.0.1:$port$1').then(r=>console.log(r.status),()=>console.log('none'))"; }

# Refused: the same configuration without the e-ID issuer. One message naming the variable.
refused_env=()
for setting in "${production_env[@]}"; do
  [[ "$setting" == KONTAKTA_OIDC_ISSUER=* ]] || refused_env+=("$setting")
done
set +e
refusal="$(cd "$work" && "${as_server[@]}" env -i "${refused_env[@]}" timeout 60 "${kontakta[@]}" serve 2>&1)"
refusal_status=$?
set -e
if [ "$refusal_status" = 0 ] || [ "$refusal_status" = 124 ]; then
  fail "serve without KONTAKTA_OIDC_ISSUER exited $refusal_status (124: still running after 60 s)"
fi
[[ "$refusal" == *KONTAKTA_OIDC_ISSUER* ]] || fail "the refusal does not name KONTAKTA_OIDC_ISSUER: $refusal"
say "without KONTAKTA_OIDC_ISSUER: refused (exit $refusal_status): $(grep -m1 KONTAKTA_OIDC_ISSUER <<<"$refusal")"

# Started: the whole configuration, from a folder that is neither the install nor the data.
# exec all the way down (setpriv, env), so that $! is the server's own process.
(cd "$work" && exec "${as_server[@]}" env -i "${production_env[@]}" "${kontakta[@]}" serve) >"$work/server.log" 2>&1 &
server_pid=$!
deadline=$((SECONDS + 90))
until env -i PORT="$port" "$node" -e "$healthcheck" 2>/dev/null; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$work/server.log" >&2
    fail 'kontakta serve exited before /readyz answered'
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    cat "$work/server.log" >&2
    fail '/readyz did not answer 200 within 90 s'
  fi
  sleep 0.5
done
say "kontakta serve: /readyz answers 200 ($((SECONDS - started)) s)"
if grep -q '"level":[456]0' "$work/server.log"; then
  say 'warnings or errors at start:'
  grep '"level":[456]0' "$work/server.log" | sed 's/^/    /'
fi
[ "$(status_of /)" = 200 ] || fail "the web app is not served at / (status $(status_of /))"
for development_only in /dev/outbox.json /dev-idp/.well-known/openid-configuration /api/docs/json; do
  status="$(status_of "$development_only")"
  [ "$status" = 404 ] || fail "$development_only answers $status in production mode, not 404"
done
say 'the web app is served; /dev/outbox, /dev-idp and /api/docs are not'

kill -TERM "$server_pid"
set +e
wait "$server_pid"
server_status=$?
set -e
server_pid=''
[ "$server_status" = 0 ] || {
  cat "$work/server.log" >&2
  fail "kontakta serve exited $server_status on SIGTERM"
}
say 'SIGTERM: stopped cleanly'
"${pg_run[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null
echo "production install: passed in $((SECONDS - started)) s"
