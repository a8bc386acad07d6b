-- wrk script for bench/run: the mixed API load of one signed-in user (jobs search with filters 35 %, job detail 40 %,
-- proposals list 10 % (a page of 25, as a list client asks), analytics dashboard 10 %, job analysis 5 % of the first 200 ids: repeated analyses). Env: UA_TOKEN (access token), UA_IDS (file of job ids, one a line).
-- done() prints one machine-readable line: WRK|requests|seconds|socket errors|non-2xx|p50 ms|p95 ms|p99 ms|max ms
local token = os.getenv("UA_TOKEN")
local ids = {}
for line in io.lines(os.getenv("UA_IDS")) do ids[#ids + 1] = line end
local searches = {
  "/api/v1/upwork/jobs?limit=25",
  "/api/v1/upwork/jobs?q=python&limit=25",
  "/api/v1/upwork/jobs?q=react+dashboard&jobType=fixed&budgetMin=500&limit=25",
  "/api/v1/upwork/jobs?jobType=hourly&experienceLevel=expert&limit=25",
  "/api/v1/upwork/jobs?skill=Python&paymentVerified=true&limit=25",
}
local headers = { ["Authorization"] = "Bearer " .. token }
local post = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local n = 0

request = function()
  n = n + 1
  local r = n % 20
  local path
  if r < 7 then path = searches[(n % #searches) + 1]
  elseif r < 15 then path = "/api/v1/upwork/jobs/" .. ids[math.random(#ids)]
  elseif r < 17 then path = "/api/v1/upwork/proposals?limit=25"
  elseif r < 19 then path = "/api/v1/analytics/dashboard"
  else
    return wrk.format("POST", "/api/v1/ai/analyze-job", post, '{"jobPostingId":"' .. ids[math.random(math.min(200, #ids))] .. '"}')
  end
  return wrk.format("GET", path, headers)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK|%d|%.2f|%d|%d|%.1f|%.1f|%.1f|%.1f\n", summary.requests, summary.duration / 1e6,
    e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
