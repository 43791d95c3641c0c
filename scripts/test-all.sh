#!/usr/bin/env bash
# Every check Kontakta has, in order of cost: what `npm test` and CI run.
# Installs what the tests need from Debian's packages when it is missing (PostgreSQL, Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-packages.sh

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

step() { printf '\n==> %s\n' "$*"; }

step "lint and format (biome)"
npx biome ci .
step "dependency rule and import cycles (dependency-cruiser)"
npm run --silent boundaries
step "type check"
npm run --silent typecheck
step "OpenAPI document (redocly lint, rules in redocly.yaml)"
mkdir "$results/openapi"
node scripts/write-openapi.ts "$results/openapi/openapi.json"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx redocly lint --format=stylish "$results/openapi/openapi.json"

step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$results/unit.json"
step "integration tests on SQLite and PostgreSQL"
npx vitest run --project int --reporter=default --reporter=json --outputFile.json="$results/int.json"
step "build the web app"
npm run --silent build:web
step "production install (the Dockerfile's steps, without Docker)"
bash scripts/test-production-install.sh
step "browser tests (Chromium)"
npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json="$results/e2e.json"

node scripts/sum-test-results.ts "$results"/*.json
