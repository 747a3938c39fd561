-- SPDX-FileCopyrightText: 2026 Workflow Studio authors
-- SPDX-License-Identifier: MIT
-- wrk script: POST one JSON-RPC message per request on keep-alive connections.
-- The session id and the body come from the environment (see http_bench.sh).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["Mcp-Session-Id"] = os.getenv("MCP_SESSION")
wrk.headers["MCP-Protocol-Version"] = "2025-06-18"
wrk.body = os.getenv("MCP_BODY")
