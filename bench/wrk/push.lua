-- POST /api/external/tickets: a third-party platform pushes tickets, each with its own external number
-- (RUN-thread-counter), about a village drawn from $BENCH_DIR/villages.txt. Token: $BENCH_DIR/push-token.txt.
-- Usage: BENCH_DIR=/tmp/x RUN=r1 wrk -t2 -c200 -d20s -s bench/wrk/push.lua http://127.0.0.1:8080
local dir = os.getenv("BENCH_DIR")
local run = os.getenv("RUN") or tostring(os.time())
local counter = 0
local villages, token = {}, nil

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
  villages = lines(dir .. "/villages.txt")
  token = lines(dir .. "/push-token.txt")[1]
  counter = 0
end

function request()
  counter = counter + 1
  local village = villages[math.random(#villages)]
  local body = '{"externalNo":"' .. run .. '-' .. tid .. '-' .. counter .. '","channel":"HOTLINE_12345",'
      .. '"category":"SUBSIDY","title":"补贴未到账","description":"压测：来电反映今年的产业奖补资金至今未到账，请核实。",'
      .. '"regionCode":"' .. village .. '","complainantName":"压测","complainantPhone":"13800138000",'
      .. '"receivedAt":"2026-11-23T09:00:00+08:00"}'
  return wrk.format("POST", "/api/external/tickets", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, body)
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT scenario=push requests=%d seconds=%.1f rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f errors=%d non2xx=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end
