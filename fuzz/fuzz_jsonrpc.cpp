// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// libFuzzer target over the MCP JSON-RPC entry point: each input is split into lines and fed,
// in order, to Dispatcher::handleText on a fresh session (so initialize/initialized sequences
// and tool calls are reachable), with the real engine serving the bundled workflows. Every
// answer must be valid JSON-RPC text. Also feeds the whole input as one HTTP-style body, and
// checks that the wire serialiser (mcp::serialize) is byte-identical to nlohmann's dump on
// every parsed line and on the raw input as a string (invalid UTF-8 included).
#include "engine/engine.h"
#include "engine/mcp/backend.h"
#include "engine/mcp/dispatcher.h"
#include "engine/runtime.h"
#include "engine/services/runtimebackend.h"
#include "engine/session.h"

#include <QCoreApplication>

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

// As `wfstudio mcp --no-db` serves: the engine behind the result cache, so answers spliced from
// the cache (rawJson) are fuzzed too.
struct Harness
{
    wfs::Runtime runtime;
    wfs::Engine &engine;
    std::shared_ptr<wfs::mcp::RuntimeBackend> backend;
    wfs::mcp::Dispatcher dispatcher;

    static wfs::Runtime::Options runtimeOptions()
    {
        wfs::Runtime::Options o;
        o.useStandardLocations = false;
        o.useEnvironment = false;
        o.watchFiles = false;
        o.storage = wfs::Runtime::Storage::Disabled;
        o.warmLimit = 0;
        o.tickMetrics = false;
        return o;
    }
    Harness()
        : runtime(runtimeOptions())
        , engine(runtime.engine())
        , backend(std::make_shared<wfs::mcp::RuntimeBackend>(&runtime))
        , dispatcher(backend)
    {}
};

void checkSerialize(const wfs::Json &value)
{
    if (wfs::mcp::serialize(value) !=
        value.dump(-1, ' ', false, wfs::Json::error_handler_t::replace))
        std::abort(); // the fast serialiser must match nlohmann byte for byte
}

void checkReply(const std::string &reply)
{
    if (reply.empty())
        return;
    const wfs::Json j = wfs::Json::parse(reply, nullptr, false);
    if (j.is_discarded() || !(j.is_object() || j.is_array()))
        std::abort(); // an answer that is not JSON-RPC text is a bug
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static int argc = 1;
    static char arg0[] = "fuzz_jsonrpc";
    static char *argv[] = {arg0, nullptr};
    static QCoreApplication app(argc, argv);
    static Harness harness;

    const std::string_view input(reinterpret_cast<const char *>(data), size);
    auto session = harness.dispatcher.createSession("fuzz");
    std::size_t start = 0;
    while (start <= input.size()) {
        std::size_t nl = input.find('\n', start);
        if (nl == std::string_view::npos)
            nl = input.size();
        const std::string_view line = input.substr(start, nl - start);
        if (!line.empty()) {
            if (const auto parsed = wfs::mcp::Dispatcher::parse(line); parsed.ok)
                checkSerialize(parsed.value);
            checkReply(harness.dispatcher.handleText(*session, line, [](const wfs::Json &) {}));
        }
        start = nl + 1;
    }
    checkSerialize(wfs::Json(std::string(input)));
    auto body = harness.dispatcher.createSession("fuzz-body");
    checkReply(harness.dispatcher.handleText(*body, input));
    harness.dispatcher.closeSession(session->id());
    harness.dispatcher.closeSession(body->id());
    // The engine keeps a run record per session: drop them so memory stays flat.
    harness.engine.sessions().remove(session->id());
    harness.engine.sessions().remove(body->id());
    return 0;
}
