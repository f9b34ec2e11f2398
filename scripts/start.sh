#!/usr/bin/env bash
# Runs the product locally: builds the task pane, starts the service (Development: SQLite file under
# service/data, development sign-in) on http://localhost:5080, which also serves the pane and the
# browser preview of Outlook at http://localhost:5080/preview. Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-5080}

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is needed: https://dotnet.microsoft.com/download" >&2; exit 1; }
command -v node >/dev/null || { echo "Node.js 20 or later is needed: https://nodejs.org" >&2; exit 1; }

scripts/npm-install-if-needed.sh addin
(cd addin && npm run --silent build)

cat <<MSG

  OutlookCrm is starting on http://localhost:$port
    Outlook preview (try the pane in a browser):  http://localhost:$port/preview
    API reference:                                 http://localhost:$port/scalar
  Data is kept in service/data/outlookcrm.db (delete it to start afresh).

MSG
export ASPNETCORE_ENVIRONMENT=Development
exec dotnet run --project service --no-launch-profile --urls "http://localhost:$port"
