-- POST /api/cases/declarations: request g (g = OFFSET + i * THREADS + thread) is farmer g mod F declaring for
-- village (g div F) mod V, so no farmer declares twice for one village while g < F x V (runs of one benchmark get
-- disjoint OFFSET ranges); every request has its own Idempotency-Key. Files from bench/Prepare.java: $BENCH_DIR/declarants.txt, villages.txt.
-- RATE (optional, requests/s over all connections; CONNS = wrk -c) spaces each connection's requests so that the
-- run offers about that rate instead of as many as it can.
-- Usage: BENCH_DIR=/tmp/x THREADS=2 CONNS=200 [RATE=1000] wrk -t2 -c200 -d20s -s bench/wrk/declare.lua http://127.0.0.1:8080
local dir = os.getenv("BENCH_DIR")
local threads = tonumber(os.getenv("THREADS") or "2")
local conns = tonumber(os.getenv("CONNS") or "200")
local rate = tonumber(os.getenv("RATE") or "")
local run = os.getenv("RUN") or tostring(os.time())
local offset = tonumber(os.getenv("OFFSET") or "0") -- where this run starts in the farmer x village grid
local counter = 0
local farmers, villages = {}, {}

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter - 1)
end

local function lines(path)
  local t = {}
  local f = assert(io.open(path, "r"), "cannot open " .. path)
  for line in f:lines() do
    if line ~= "" then t[#t + 1] = line end
  end
  f:close()
  return t
end

function init(args)
  math.randomseed(os.time() + tid * 7919)
  farmers = lines(dir .. "/declarants.txt")
  villages = lines(dir .. "/villages.txt")
  counter = 0
end

function request()
  local g = offset + counter * threads + tid
  counter = counter + 1
  local farmer = farmers[(g % #farmers) + 1]
  local village = villages[(math.floor(g / #farmers) % #villages) + 1]
  local body = '{"villageCode":"' .. village .. '","applicantName":"压测农户","riskTypes":["ILLNESS"],'
      .. '"description":"压测：住院自付费用较多","medicalExpense":12000,"contactPhone":"13800138000","consent":true}'
  return wrk.format("POST", "/api/cases/declarations", {
    ["Authorization"] = "Bearer " .. farmer,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. run .. "-" .. g,
  }, body)
end

if rate then
  -- Exponential gaps (a Poisson arrival per connection) rather than a fixed pause, so that the connections do not
  -- fire in step.
  local mean = conns * 1000 / rate
  function delay()
    return -mean * math.log(1 - math.random())
  end
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT scenario=declare%s requests=%d seconds=%.1f rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f errors=%d non2xx=%d\n",
    rate and ("@" .. rate) or "", summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end
