// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The one place that turns a listen address into the endpoint the MCP HTTP listener binds:
// `wfstudio mcp --http [HOST:]PORT` and the studio's settings (mcp/host, mcp/port, --mcp-port).
//
//   auto ep = services::parseListenAddress("localhost:8765");   // {"127.0.0.1", 8765}
//   auto ep = services::listenEndpoint(settingsHost, port);      // host normalised, port checked
//
// "localhost" binds the IPv4 loopback (127.0.0.1), "[::1]" is written without its brackets.
#pragma once

#include "model/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace wfs::services {

struct ListenEndpoint
{
    std::string host = "127.0.0.1";
    std::uint16_t port = 0; ///< 0 = any free port
};

// "localhost" → "127.0.0.1", "[::1]" → "::1"; anything else unchanged.
std::string normalizeListenHost(std::string_view host);
// True for 127.0.0.1 and ::1 (after normalizeListenHost): no token needed to stay local.
bool isLoopbackHost(std::string_view host);
// "0".."65535"; fails with "'TEXT' is not a port number (0-65535)".
Result<std::uint16_t> parseListenPort(std::string_view text);
// "[HOST:]PORT" (HOST may be "[v6]"); the host defaults to `defaultHost`.
Result<ListenEndpoint> parseListenAddress(std::string_view text,
                                          std::string_view defaultHost = "127.0.0.1");
// A host and a port given separately (settings): the host normalised, the port range-checked
// (fails with "invalid port N").
Result<ListenEndpoint> listenEndpoint(std::string_view host, int port);

} // namespace wfs::services
