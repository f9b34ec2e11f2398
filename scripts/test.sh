#!/usr/bin/env bash
# Runs every test suite: the service (.NET, real SQLite files, real HTTP pipeline), the task pane's
# unit tests (vitest) and the end-to-end tests in headless Chromium against the real service.
# Ends with one line: "N passed, N failed, N skipped". Every suite and check leaves its exit code in
# artifacts/test-results/<name>.exit next to its report; scripts/summarize-tests.mjs judges them all
# and its exit code is this script's.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"

step() { printf '\n== %s\n' "$*"; }
# record NAME COMMAND...: runs the command and keeps its exit code for the summary. NAME is the
# suite's report file, or a check's name when the command writes no report.
record() {
  local name=$1
  shift
  "$@"
  echo $? > "$results/$name.exit"
}
in_dir() { (cd "$1" && shift && "$@"); }
# dotnet test with its output trimmed; the exit code is dotnet's, not the filter's.
dotnet_test() {
  dotnet test "$@" 2>&1 | grep -vE '^\s*$' | tail -n 30
  return "${PIPESTATUS[0]}"
}
vitest_json() { npx vitest run --reporter=default --reporter=json --outputFile.json="$results/$1"; }

step "The test summary's own tests"
record summarize-tests.tap node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$results/summarize-tests.tap" scripts/summarize-tests.test.mjs

step "Installing front-end dependencies"
record addin-install scripts/npm-install-if-needed.sh addin

step "Service tests (.NET)"
# The Azure Storage emulator the attachment store's tests start and stop themselves.
record azurite-install scripts/npm-install-if-needed.sh tests/azurite
record service.trx dotnet_test OutlookCrm.sln --nologo --logger "trx;LogFileName=service.trx" --results-directory "$results"
if [ -n "${OUTLOOKCRM_TEST_SQLSERVER:-}" ]; then
  step "Service tests on SQL Server"
  record sqlserver.trx dotnet_test tests/OutlookCrm.Service.Tests --no-build --nologo --filter "Database!=SqliteOnly" \
    --logger "trx;LogFileName=sqlserver.trx" --results-directory "$results"
else
  echo "set OUTLOOKCRM_TEST_SQLSERVER to a SQL Server connection string to run it; see docs/sqlserver.md" > "$results/sqlserver.not-run"
fi

step "Manifests: generation and offline validation"
record manifest-install scripts/npm-install-if-needed.sh manifest
record manifest.vitest.json in_dir manifest vitest_json manifest.vitest.json

step "Task pane: type check, unit tests, build"
record addin-typecheck in_dir addin npm run --silent typecheck
record addin.vitest.json in_dir addin vitest_json addin.vitest.json
record addin-build in_dir addin npm run --silent build

if [ -d tests/e2e ]; then
  step "End-to-end tests (headless Chromium, real service)"
  record e2e-install scripts/npm-install-if-needed.sh tests/e2e
  record e2e.vitest.json in_dir tests/e2e vitest_json e2e.vitest.json
fi

step "Summary"
exec node scripts/summarize-tests.mjs "$results"
