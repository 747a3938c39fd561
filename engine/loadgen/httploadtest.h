// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The load test over the MCP Streamable HTTP transport: each virtual user holds one keep-alive
// connection (Boost.Beast, on the user's thread) and one MCP session — initialize, then
// notifications/initialized, then JSON-RPC tools/call requests with Mcp-Session-Id,
// MCP-Protocol-Version and "Authorization: Bearer <token>" — with the mix of loadtest.h.
//
//   metrics::HttpLoadTestTarget t{"http://127.0.0.1:8765/mcp", token};
//   auto report = metrics::runHttpLoadTest(t, *runtime.engine().snapshot(), options);
//
// Failures never end the run: refused connections, timeouts, HTTP statuses (401, 404, 429, ...),
// JSON-RPC errors and tool results with isError are counted as errors of the request and named
// in LoadTestReport::errorKinds (a failed session set-up as "initialize: HTTP 401 Unauthorized").
// A refused connection is retried after a 50 ms pause. Cancel and the deadline interrupt
// requests in flight; the users end their sessions with DELETE.
#pragma once

#include "loadtest.h"

#include <string>

namespace wfs::metrics {

struct HttpLoadTestTarget
{
    std::string url;                            ///< http://host:port/path (no https)
    std::string token;                          ///< bearer token; empty = no Authorization
    std::string protocolVersion = "2025-06-18"; ///< offered in initialize
    int timeoutMs = 5000;                       ///< per HTTP exchange
};

// The request set comes from `workflows` (the workflows the listener serves). Fails when the
// URL is not an http:// URL or when there is no workflow to call.
Result<LoadTestReport> runHttpLoadTest(const HttpLoadTestTarget &target,
                                       const WorkflowSnapshot &workflows,
                                       const LoadTestOptions &options);

} // namespace wfs::metrics
