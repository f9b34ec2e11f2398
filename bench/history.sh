#!/usr/bin/env bash
# History benchmark: one client with 10,000 saved emails and record events (plus 50 other clients),
# the real service on 127.0.0.1 in Release, p50/p99 of its first history page and of a page 200 pages
# deep. Extra args pass through (--items N, --requests N, --concurrency 1,4).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build service -c Release --nologo -v q
dotnet run --project bench/Benchmarks -c Release -- history "$@"
