#!/usr/bin/env bash
# Runs the product locally: builds the task pane, starts the service (Development: SQLite file under
# service/data, development sign-in) on http://localhost:5080, which also serves the pane and the
# browser preview of Outlook at http://localhost:5080/preview. Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-5080}
https_port=${HTTPS_PORT:-5081}

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is needed: https://dotnet.microsoft.com/download" >&2; exit 1; }
command -v node >/dev/null || { echo "Node.js 20 or later is needed: https://nodejs.org" >&2; exit 1; }

scripts/npm-install-if-needed.sh addin
(cd addin && npm run --silent build)
# The manifest for sideloading this local service in Outlook on the web (served at /manifest.xml).
node manifest/build.mjs --host "https://localhost:$https_port" --client-id 00000000-0000-0000-0000-000000000000 \
  --version 0.1.0.0 --out manifest/dist/dev >/dev/null

urls="http://localhost:$port"
if dotnet dev-certs https --check >/dev/null 2>&1 || dotnet dev-certs https >/dev/null 2>&1; then
  urls="$urls;https://localhost:$https_port"
fi

cat <<MSG

  OutlookCrm is starting on http://localhost:$port
    Outlook preview (try the pane in a browser):  http://localhost:$port/preview
    API reference:                                 http://localhost:$port/scalar
    Sideload in Outlook on the web (HTTPS, trusted dev certificate needed):
      https://localhost:$https_port/manifest.xml  (see README, "Try it in Outlook")
  Data is kept in service/data/outlookcrm.db (delete it to start afresh).

MSG
export ASPNETCORE_ENVIRONMENT=Development
exec dotnet run --project service --no-launch-profile --urls "$urls"
