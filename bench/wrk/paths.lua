-- Replays random lines of $BENCH_DIR/$SCENARIO.txt ("path<TAB>token", token "-" = none), written by
-- bench/Prepare.java, and prints one machine-readable RESULT line with p50/p95/p99 (wrk's --latency has no p95).
-- Usage: SCENARIO=search BENCH_DIR=/tmp/x wrk -t2 -c200 -d20s -s bench/wrk/paths.lua http://127.0.0.1:8080
-- MAX_REQUESTS (optional) stops each of wrk's THREADS (default 2) after its share of that many answers; -d bounds
-- the time. RATE (optional, requests/s over all connections; CONNS = wrk -c) spaces each connection's requests
-- (Poisson gaps) so that the run offers about that rate instead of as many as it can.
local scenario = os.getenv("SCENARIO")
local dir = os.getenv("BENCH_DIR")
local requests = {}

function init(args)
  local f = assert(io.open(dir .. "/" .. scenario .. ".txt", "r"), "cannot open " .. scenario .. ".txt")
  for line in f:lines() do
    local path, token = line:match("^([^\t]+)\t(.+)$")
    if path then
      local headers = {}
      if token ~= "-" then headers["Authorization"] = "Bearer " .. token end
      requests[#requests + 1] = wrk.format("GET", path, headers)
    end
  end
  f:close()
  assert(#requests > 0, scenario .. ".txt has no request")
  math.randomseed(os.time() + tonumber(tostring(requests):match("0x(%x+)") or "0", 16))
end

function request()
  return requests[math.random(#requests)]
end

local max = tonumber(os.getenv("MAX_REQUESTS") or "")
if max then
  local threads, answered = tonumber(os.getenv("THREADS") or "2"), 0 -- THREADS must match wrk -t
  function response(status, headers, body)
    answered = answered + 1
    if answered >= max / threads then wrk.thread:stop() end
  end
end

local rate = tonumber(os.getenv("RATE") or "")
if rate then
  local mean = tonumber(os.getenv("CONNS") or "200") * 1000 / rate
  function delay()
    return -mean * math.log(1 - math.random())
  end
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT scenario=%s%s requests=%d seconds=%.1f rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f errors=%d non2xx=%d\n",
    scenario, rate and ("@" .. rate) or "", summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end
