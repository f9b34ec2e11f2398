#!/usr/bin/env bash
# npm ci in the given folder unless node_modules already matches package-lock.json (saves a minute locally).
set -euo pipefail
dir=$1
stamp="$dir/node_modules/.lock-hash"
hash=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
  echo "$dir: dependencies up to date"
  exit 0
fi
(cd "$dir" && npm ci --no-audit --no-fund)
echo "$hash" > "$stamp"
