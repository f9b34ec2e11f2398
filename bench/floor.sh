#!/usr/bin/env bash
# The lookup against its floor (issue 18): the real service and bench/Floor (a minimal app: RS256 JWT
# validated on every request + the same prepared lookup SQL, nothing else) on the same 1,000,000-client
# SQLite file, driven by wrk (2 threads, bench/lookup.lua's request mix), interleaved floor, service,
# floor, service… at each concurrency. Prints requests/s, p99 and the ratio service/floor.
#   bench/floor.sh [--rounds 3] [--duration 10] [--concurrency "8 32"] [--reseed] [--wait-quiet]
# --wait-quiet: first wait (polling every 30 s, at most 15 minutes) for the 1-minute load average to
# fall below 0.8; the load at the start is printed either way.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rounds=3 duration=10 concurrency="8 32" reseed="" wait_quiet=""
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --reseed) reseed=--reseed; shift ;;
    --wait-quiet) wait_quiet=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
tenant=0b5e7c1a-0000-4000-8000-00000000b001   # LookupBenchmark.TenantId
service_port=5199 floor_port=5198
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

dotnet build service -c Release --nologo -v q | grep -E "error|warn" || true
dotnet build bench/Floor -c Release --nologo -v q | grep -E "error|warn" || true
dotnet build bench/Benchmarks -c Release --nologo -v q | grep -E "error|warn" || true
database=$(dotnet run --project bench/Benchmarks -c Release --no-build -- seed $reseed | tail -n 1)
echo "database: $database"

wait_for() { for _ in $(seq 1 300); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; echo "$1 never answered" >&2; exit 1; }

# The service exactly as bench/lookup.sh runs it (ServiceHost.cs): Development auth, rate limits raised for one busy user.
(cd service/bin/Release/net10.0 && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=http://127.0.0.1:$service_port \
  Database__DataDirectory="$(dirname "$database")" Logging__LogLevel__Default=Warning \
  RateLimits__UserPermitsPerMinute=100000000 RateLimits__TenantPermitsPerMinute=100000000 \
  exec dotnet OutlookCrm.Service.dll) > "$work/service.log" 2>&1 &
service_pid=$!
pids+=($service_pid)
(cd bench/Floor/bin/Release/net10.0 && ASPNETCORE_URLS=http://127.0.0.1:$floor_port \
  exec dotnet Floor.dll --database "$database" --tenant $tenant --token-file "$work/floor.token") > "$work/floor.log" 2>&1 &
floor_pid=$!
pids+=($floor_pid)
wait_for http://127.0.0.1:$service_port/health/ready
for _ in $(seq 1 300); do [ -s "$work/floor.token" ] && break; sleep 0.2; done
service_token=$(curl -sf -X POST -H 'Content-Type: application/json' \
  -d "{\"tenantId\":\"$tenant\",\"userId\":\"$(cat /proc/sys/kernel/random/uuid)\",\"name\":\"Benchmark\",\"email\":\"bench@example.com\"}" \
  http://127.0.0.1:$service_port/dev/token | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
floor_token=$(cat "$work/floor.token")

# CPU time (user + system, clock ticks) a process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# run TARGET CONNECTIONS SECONDS: one wrk run; prints "rps p50 p99 non2xx socketerrors cpu-µs-per-request".
# CPU per request is the target process's own CPU time over the requests it answered: on a shared
# machine it moves less than throughput does with what else runs.
run() {
  local port token pid before
  if [ "$1" = floor ]; then port=$floor_port token=$floor_token pid=$floor_pid; else port=$service_port token=$service_token pid=$service_pid; fi
  before=$(cpu_ticks "$pid")
  TOKEN=$token CLIENTS=1000000 wrk -t2 -c"$2" -d"$3"s -s bench/lookup.lua "http://127.0.0.1:$port" \
    | awk -v ticks="$(getconf CLK_TCK)" -v before="$before" -v after_file="/proc/$pid/stat" -v seconds="$3" '
        /^RESULT/ { getline stat < after_file; split(stat, f, " "); cpu = (f[14] + f[15] - before) / ticks
                    print $2, $3, $4, $5, $6, cpu * 1e6 / ($2 * seconds) }'
}

# Bytes the audit trail holds (table + its indexes, pages as stored) and its record count: measured
# before and after the runs, the difference per record is what one audited lookup costs on disk.
audit_bytes() {
  sqlite3 "$database" "SELECT (SELECT sum(pgsize) FROM dbstat WHERE name IN (SELECT name FROM sqlite_schema WHERE tbl_name = 'AuditRecords')), (SELECT count(*) FROM AuditRecords);"
}
if [ -n "$wait_quiet" ]; then
  for _ in $(seq 1 30); do
    awk '{ exit !($1 < 0.8) }' /proc/loadavg && break
    echo "waiting for a quiet machine: load $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 30
  done
fi
audit_before=$(audit_bytes)
echo "machine: $(nproc) cores; $(uptime)"
echo "warm-up (15 s each, not counted: tiered JIT compilation is still busy after 10 s)"
run floor 8 15 > /dev/null; run service 8 15 > /dev/null
results="$work/results"
for round in $(seq 1 "$rounds"); do
  for c in $concurrency; do
    for target in floor service; do
      line=$(run $target "$c" "$duration")
      read -r rps p50 p99 bad errors cpu <<< "$line"
      printf 'round %d  c=%-3s %-8s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  CPU %4.0f µs/request  non-2xx %s  socket errors %s\n' "$round" "$c" "$target" "$rps" "$p50" "$p99" "$cpu" "$bad" "$errors"
      if [ "$bad" != 0 ] || [ "$errors" != 0 ]; then echo "  $target answered errors; see its log:" >&2; tail -n 20 "$work/$target.log" >&2; exit 1; fi
      echo "$round $c $target $rps $p99 $cpu" >> "$results"
    done
  done
done
echo "machine after: $(uptime)"
audit_after=$(audit_bytes)
IFS='|' read -r bytes0 records0 <<< "$audit_before"
IFS='|' read -r bytes1 records1 <<< "$audit_after"
echo "audit trail: $((records1 - records0)) records written by the service's runs, $(( (bytes1 - bytes0) / (records1 - records0) )) bytes each (table + indexes, dbstat)"

# Median over rounds per target and concurrency; the ratio is of the medians.
echo
echo "| concurrency | floor req/s | floor p99 | service req/s | service p99 | ratio (service/floor) | CPU µs/request floor / service (ratio floor/service) |"
echo "|---|---|---|---|---|---|---|"
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for c in $concurrency; do
  f_rps=$(awk -v c="$c" '$2 == c && $3 == "floor" { print $4 }' "$results" | median)
  f_p99=$(awk -v c="$c" '$2 == c && $3 == "floor" { print $5 }' "$results" | median)
  s_rps=$(awk -v c="$c" '$2 == c && $3 == "service" { print $4 }' "$results" | median)
  s_p99=$(awk -v c="$c" '$2 == c && $3 == "service" { print $5 }' "$results" | median)
  f_cpu=$(awk -v c="$c" '$2 == c && $3 == "floor" { print $6 }' "$results" | median)
  s_cpu=$(awk -v c="$c" '$2 == c && $3 == "service" { print $6 }' "$results" | median)
  printf '| %s | %.0f | %.2f ms | %.0f | %.2f ms | %.2f | %.0f / %.0f (%.2f) |\n' "$c" "$f_rps" "$f_p99" "$s_rps" "$s_p99" "$(echo "$s_rps / $f_rps" | bc -l)" "$f_cpu" "$s_cpu" "$(echo "$f_cpu / $s_cpu" | bc -l)"
done
echo "(median of $rounds interleaved ${duration}-second runs per cell; wrk 2 threads; $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- service || echo ' + uncommitted service changes'))"
