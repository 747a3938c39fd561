-- wrk script for tools/team-bench.sh: the realistic mix of MCP traffic against /mcp.
--
-- Each wrk connection's first request is an `initialize` (the Mcp-Session-Id of its answer is
-- captured in response()), the next one sent from that thread is that session's
-- `notifications/initialized`, and from then on the thread's connections send tool calls, round
-- robin over the thread's sessions, in the mix of `wfstudio bench` (engine/loadgen/loadtest.cpp):
--   40 % workflow_list
--   30 % workflow_get (full or metadata) of a bundled workflow
--   20 % workflow_next with 0..3 completedSteps: half of them with one of a fixed set of
--        arguments (cache hits after warm-up), half with a context unique to the call
--        ({"benchRun": "<thread>-<n>"}: a cache miss every time, as a real agent's context is)
--   10 % workflow_validate of a top-level step's output
-- Answers other than 200 (202 for the notification) are counted per status, and JSON-RPC
-- errors / tool errors inside a 200 are counted too; done() prints one RESULT line.
--
-- Environment: WFS_TOKEN (bearer token, optional), WFS_BENCH_SEED (default 1).

local token = os.getenv("WFS_TOKEN")
local threads = {}
local thread_counter = 0

-- Bundled workflows (resources/workflows) and their first top-level step ids.
local workflows = {
  { id = "bug-triage",            steps = { "collect-facts", "ask-reporter", "classify" } },
  { id = "code-review-per-file",  steps = { "list-changes", "verdict" } },
  { id = "docs-writing",          steps = { "define-audience", "outline", "reference-tables" } },
  { id = "refactoring-in-passes", steps = { "baseline", "report" } },
  { id = "release-checklist",     steps = { "freeze-scope", "migration-notes", "deploy-environment" } },
  { id = "tdd-cycle",             steps = { "list-criteria", "red-green-refactor", "coverage-gap" } },
}

function setup(thread)
  thread_counter = thread_counter + 1
  thread:set("tid", thread_counter)
  table.insert(threads, thread)
end

local function json_str_array(list, n)
  local parts = {}
  for i = 1, n do parts[#parts + 1] = '"' .. list[i] .. '"' end
  return "[" .. table.concat(parts, ",") .. "]"
end

function call_body(name, arguments)
  return '"method":"tools/call","params":{"name":"' .. name .. '","arguments":' .. arguments .. '}}'
end

function init(args)
  sessions = {}        -- ready session ids of this thread
  pending = {}         -- sessions that still owe notifications/initialized
  next_session = 0
  rpc_id = 0
  calls = {}           -- the mix: bodies without the id
  status = {}          -- status -> count (non-200/202 only)
  errors = 0           -- non-2xx answers
  rpcerrors = 0        -- JSON-RPC errors or isError tool answers in a 200
  toolcalls = 0
  math.randomseed((tonumber(os.getenv("WFS_BENCH_SEED") or "1")) * 1000 + tid)

  unique = 0
  local call = call_body
  local list, gets, nexts, validates = {}, {}, {}, {}
  list[1] = call("workflow_list", "{}")
  for _, w in ipairs(workflows) do
    gets[#gets + 1] = call("workflow_get", '{"id":"' .. w.id .. '"}')
    gets[#gets + 1] = call("workflow_get", '{"id":"' .. w.id .. '","mode":"metadata"}')
    nexts[#nexts + 1] = '{"workflowId":"' .. w.id .. '"}'
    for i = 1, #w.steps do
      nexts[#nexts + 1] = '{"workflowId":"' .. w.id ..
        '","completedSteps":' .. json_str_array(w.steps, i) .. '}'
      validates[#validates + 1] = call("workflow_validate", '{"workflowId":"' .. w.id ..
        '","stepId":"' .. w.steps[i] .. '","output":"Analysis complete."}')
    end
  end
  mix = { list = list, gets = gets, nexts_raw = nexts, validates = validates }
end

local function headers(session)
  local h = {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json, text/event-stream",
    ["MCP-Protocol-Version"] = "2025-06-18",
  }
  if session then h["Mcp-Session-Id"] = session end
  if token and token ~= "" then h["Authorization"] = "Bearer " .. token end
  return h
end

local function pick()
  local m = math.random(0, 99)
  local t
  if m < 40 then t = mix.list
  elseif m < 70 then t = mix.gets
  elseif m < 90 then
    local c = mix.nexts_raw[math.random(1, #mix.nexts_raw)]
    if math.random(0, 1) == 0 then
      return call_body("workflow_next", c)
    end
    unique = unique + 1
    return call_body("workflow_next", c:sub(1, -2) .. ',"context":{"benchRun":"' .. tid .. '-' .. unique .. '"}}')
  else t = mix.validates end
  return t[math.random(1, #t)]
end

function request()
  -- A session whose initialize was answered sends notifications/initialized first.
  if #pending > 0 then
    local s = table.remove(pending, 1)
    sessions[#sessions + 1] = s
    return wrk.format("POST", "/mcp", headers(s),
      '{"jsonrpc":"2.0","method":"notifications/initialized"}')
  end
  -- No session ready (a connection's first request): open one.
  if #sessions == 0 then
    rpc_id = rpc_id + 1
    return wrk.format("POST", "/mcp", headers(nil),
      '{"jsonrpc":"2.0","id":' .. rpc_id .. ',"method":"initialize","params":' ..
      '{"protocolVersion":"2025-06-18","capabilities":{},' ..
      '"clientInfo":{"name":"team-bench","version":"1"}}}')
  end
  next_session = next_session % #sessions + 1
  rpc_id = rpc_id + 1
  toolcalls = toolcalls + 1
  return wrk.format("POST", "/mcp", headers(sessions[next_session]),
    '{"jsonrpc":"2.0","id":' .. rpc_id .. ',' .. pick())
end

function response(code, hdrs, body)
  local sid = hdrs["Mcp-Session-Id"] or hdrs["mcp-session-id"]
  if sid and code == 200 and body:find('"protocolVersion"', 1, true) then
    pending[#pending + 1] = sid
  end
  if code ~= 200 and code ~= 202 then
    errors = errors + 1
    status[code] = (status[code] or 0) + 1
  elseif code == 200 and (body:find('"error":{', 1, true) or body:find('"isError":true', 1, true)) then
    rpcerrors = rpcerrors + 1
  end
end

function done(summary, latency, requests)
  local errs, rpcerrs, calls_sent, sessions_opened = 0, 0, 0, 0
  local by_status = {}
  for _, t in ipairs(threads) do
    errs = errs + t:get("errors")
    rpcerrs = rpcerrs + t:get("rpcerrors")
    calls_sent = calls_sent + t:get("toolcalls")
    sessions_opened = sessions_opened + #t:get("sessions")
    for code, n in pairs(t:get("status")) do by_status[code] = (by_status[code] or 0) + n end
  end
  local codes = {}
  for code, n in pairs(by_status) do codes[#codes + 1] = code .. ":" .. n end
  local secs = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d rpc_errors=%d " ..
    "socket_errors=%d tool_calls=%d sessions=%d statuses=%s\n",
    summary.requests, summary.requests / secs, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errs, rpcerrs,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    calls_sent, sessions_opened, (#codes > 0) and table.concat(codes, ",") or "-"))
end
