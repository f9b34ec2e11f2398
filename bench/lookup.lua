-- wrk request mix for POST /api/lookup (bench/floor.sh): half the lookups name 1 address, half 3
-- (a message's participants); each address is unknown with probability 0.1, else a seeded client's
-- primary or secondary address (LookupSeeder's forms). TOKEN and CLIENTS come from the environment.
local clients = tonumber(os.getenv("CLIENTS") or "1000000")
wrk.method = "POST"
wrk.path = "/api/lookup"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("TOKEN"), "TOKEN is required")

local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("seed", thread_count)
end

function init(args)
  math.randomseed(os.time() * 1000 + seed)
end

local function address()
  if math.random() < 0.1 then
    return "stranger" .. math.random(1, 1000000000) .. "@example.net"
  end
  local i = math.random(0, clients - 1)
  if math.random() < 0.5 then return "client" .. i .. "@example.com" end
  return "client" .. i .. ".home@example.org"
end

function request()
  local count = math.random() < 0.5 and 1 or 3
  local parts = {}
  for k = 1, count do parts[k] = '"' .. address() .. '"' end
  return wrk.format(nil, nil, nil, '{"addresses":[' .. table.concat(parts, ",") .. ']}')
end

-- One machine-readable line for floor.sh: requests/s, p50 and p99 in ms, non-2xx answers, socket errors.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
