// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// What the studio serves, for tests that link `mcp`: a Runtime on the bundled samples, the MCP
// dispatcher over it and the Streamable HTTP listener on 127.0.0.1 (a free port) with a bearer
// token, built and torn down in the studio's order.
#pragma once

#include "engine/mcp/backend.h"
#include "engine/mcp/dispatcher.h"
#include "engine/mcp/httpserver.h"
#include "engine/runtime.h"
#include "engine/services/runtimebackend.h"

#include <memory>
#include <string>

namespace wfs::test {

// The bundled samples only: no standard locations, no WORKFLOW_STORAGE_PATH, no file watching,
// no database, no start-up warming.
inline Runtime::Options isolatedRuntimeOptions()
{
    Runtime::Options o;
    o.includeBundled = true;
    o.useStandardLocations = false;
    o.useEnvironment = false;
    o.watchFiles = false;
    o.storage = Runtime::Storage::Disabled;
    o.warmLimit = 0;
    return o;
}

struct ListeningStudio
{
    std::unique_ptr<Runtime> runtime;
    std::unique_ptr<mcp::Dispatcher> dispatcher;
    std::unique_ptr<mcp::HttpServer> server;

    // Rate limit off: a closed-loop load exceeds the default per-session limit (429).
    Result<void> start(Runtime::Options options, const std::string &token)
    {
        runtime = std::make_unique<Runtime>(std::move(options));
        dispatcher =
            std::make_unique<mcp::Dispatcher>(std::make_shared<mcp::RuntimeBackend>(runtime.get()));
        mcp::HttpServer::Options so;
        so.port = 0;
        so.token = token;
        so.rateLimitPerSecond = 0;
        server = std::make_unique<mcp::HttpServer>(*dispatcher, so);
        return server->start();
    }
    void reset()
    {
        server.reset();
        dispatcher.reset();
        runtime.reset();
    }
    ~ListeningStudio() { reset(); }
};

} // namespace wfs::test
