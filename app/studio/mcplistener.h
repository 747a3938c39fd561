// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The studio's MCP HTTP listener, from the settings (mcp/enabled, mcp/host, mcp/port, mcp/token)
// and the command line (--mcp-port, --no-mcp); the window's status bar and Connect an Agent
// follow the listener that actually runs.
#pragma once

#include "engine/mcp/httpserver.h"

#include <QString>

#include <memory>

namespace wfs {
class MainWindow;
namespace mcp {
class Dispatcher;
}
} // namespace wfs

namespace wfs::studio {

struct McpListenerOptions
{
    bool disabled = false; ///< --no-mcp
    QString port;          ///< --mcp-port's value; null = the setting mcp/port
};

// Starts the listener unless it is disabled (then, or when it cannot start, null; the window
// says why either way).
std::unique_ptr<mcp::HttpServer> startMcpListener(MainWindow &window, mcp::Dispatcher &dispatcher,
                                                  const McpListenerOptions &options);

} // namespace wfs::studio
