#!/usr/bin/env bash
# Attachment benchmark: saving an email with 10 MB of attachments (4 files of 2.5 MB read from the
# fake Graph), against a save without attachments and the floor (fetch + hash + write of the same
# 10 MB) in the same run; target: under 2 s. --requests N sets the number of saves (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project bench/Benchmarks -c Release -- attachments "$@"
