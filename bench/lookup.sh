#!/usr/bin/env bash
# Lookup benchmark: seeds 1,000,000 clients (primary + secondary email each) into a SQLite file,
# runs the real service on 127.0.0.1 in Release and reports p50/p99/throughput of POST /api/lookup
# with a bearer token, next to the same lookup done straight on the file. Extra args pass through
# (--clients N, --requests N, --concurrency 1,4,8,16, --reseed).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build service -c Release --nologo -v q
dotnet run --project bench/Benchmarks -c Release -- lookup "$@"
