-- wrk script for bench/run and bench/jobs-search.sh: the first page of a search for one rare word (about 0.02 % of the
-- generated jobs each, bench/jobs-search.py), every request a query the page cache has never seen: a budgetMax no job
-- reaches (every budget passes, so the matches stay the rare word's) that differs per request. What a user's first
-- search for an unusual skill costs: the database's plan, not the cache. Env: UA_TOKEN (access token).
-- done() prints one machine-readable line: WRK|requests|seconds|socket errors|non-2xx|p50 ms|p95 ms|p99 ms|max ms
local token = os.getenv("UA_TOKEN")
local words = { "kubernetes", "terraform", "elixir", "haskell", "solidity", "fortran", "cobol", "rust", "webassembly", "zig" }
local headers = { ["Authorization"] = "Bearer " .. token }
local n = 0
local thread_id = 0

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

request = function()
  n = n + 1
  -- Unique per thread and request: 10,000,000 + tid * 10,000,000 + n never repeats within a run.
  local budget = 10000000 + (tid or 0) * 10000000 + n
  return wrk.format("GET", "/api/v1/upwork/jobs?q=" .. words[(n % #words) + 1] .. "&budgetMax=" .. budget .. "&limit=25", headers)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK|%d|%.2f|%d|%d|%.1f|%.1f|%.1f|%.1f\n", summary.requests, summary.duration / 1e6,
    e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
