#!/usr/bin/env bash
# Runs every test suite: the service (.NET, real SQLite files, real HTTP pipeline), the task pane's
# unit tests (vitest) and the end-to-end tests in headless Chromium against the real service.
# Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
expected="service.trx,manifest.vitest.json,addin.vitest.json"
status=0

step() { printf '\n== %s\n' "$*"; }

step "Installing front-end dependencies"
scripts/npm-install-if-needed.sh addin || status=1

step "Service tests (.NET)"
dotnet test OutlookCrm.sln --nologo --logger "trx;LogFileName=service.trx" --results-directory "$results" 2>&1 | grep -vE '^\s*$' | tail -n 30 || true

step "Manifests: generation and offline validation"
scripts/npm-install-if-needed.sh manifest || status=1
(cd manifest && npx vitest run --reporter=default --reporter=json --outputFile.json="$results/manifest.vitest.json") || true

step "Task pane: type check, unit tests, build"
(cd addin && npm run --silent typecheck) || status=1
(cd addin && npx vitest run --reporter=default --reporter=json --outputFile.json="$results/addin.vitest.json") || true
(cd addin && npm run --silent build) || status=1

if [ -d tests/e2e ]; then
  expected="$expected,e2e.vitest.json"
  step "End-to-end tests (headless Chromium, real service)"
  scripts/npm-install-if-needed.sh tests/e2e || status=1
  (cd tests/e2e && npx vitest run --reporter=default --reporter=json --outputFile.json="$results/e2e.vitest.json") || true
fi

step "Summary"
EXPECTED_REPORTS="$expected" node scripts/summarize-tests.mjs "$results" || status=1
exit $status
