// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "runtimebackend.h"

#include "engine/runtime.h"

#include <cassert>

namespace wfs::mcp {

RuntimeBackend::RuntimeBackend(std::function<Runtime *()> provider)
    : m_provider(std::move(provider))
    , m_engine([this] { return &ensureRuntime().engine(); })
{
    assert(m_provider && "RuntimeBackend needs a runtime provider");
}

RuntimeBackend::RuntimeBackend(Runtime *runtime)
    : RuntimeBackend([runtime] { return runtime; })
{
    assert(runtime && "RuntimeBackend needs a runtime");
}

Runtime &RuntimeBackend::ensureRuntime()
{
    std::call_once(m_once, [this] {
        Runtime *r = m_provider();
        assert(r && "the runtime provider returned no runtime");
        m_runtime.store(r);
    });
    return *m_runtime.load();
}

Runtime &RuntimeBackend::runtime()
{
    Runtime &r = ensureRuntime();
    m_engine.engine(); // connects list_changed even when only tools are ever called
    return r;
}

ToolResult RuntimeBackend::callTool(std::string_view name, const Json &arguments,
                                    const CallContext &context)
{
    return runtime().toolCall(name, arguments, context);
}

} // namespace wfs::mcp
