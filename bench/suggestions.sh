#!/usr/bin/env bash
# Suggestions benchmark: seeds 1,000,000 clients with their suggestion keys into a SQLite file, runs the
# real service on 127.0.0.1 in Release and reports p50/p99/throughput of POST /api/suggestions next to
# POST /api/lookup of the same addresses, interleaved (the ratio is the result). Extra args pass
# through (--clients N, --requests N, --concurrency 1,4,8, --reseed).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build service -c Release --nologo -v q
# Arguments given first win over these defaults (Options takes the first occurrence).
dotnet run --project bench/Benchmarks -c Release -- suggestions "$@" --data artifacts/bench-suggestions --port 5198 --requests 5000 --concurrency 1,4,8
