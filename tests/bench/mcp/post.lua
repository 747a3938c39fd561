-- SPDX-FileCopyrightText: 2026 Workflow Studio authors
-- SPDX-License-Identifier: MIT
-- wrk script: POST one JSON-RPC message per request on keep-alive connections.
-- The session id, the body and an optional bearer token (MCP_TOKEN) come from the environment
-- (see http_bench.sh, tools/dashboard_screenshot.sh).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["Mcp-Session-Id"] = os.getenv("MCP_SESSION")
wrk.headers["MCP-Protocol-Version"] = "2025-06-18"
wrk.body = os.getenv("MCP_BODY")
if os.getenv("MCP_TOKEN") then
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("MCP_TOKEN")
end
-- Optional think time per connection between requests (MCP_DELAY_MS), for steady load.
local delayMs = tonumber(os.getenv("MCP_DELAY_MS") or "")
if delayMs then
  function delay() return delayMs end
end
