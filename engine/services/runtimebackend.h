// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// RuntimeBackend: the MCP dispatcher's backend over the composition root (wfs::Runtime). It lives
// in wfs_services, above wfs_mcp, because it knows the Runtime; the dispatcher only sees the
// Backend interface (engine/mcp/backend.h).
#pragma once

#include "engine/mcp/backend.h"

#include <atomic>
#include <functional>
#include <mutex>

namespace wfs {
class Runtime;
}

namespace wfs::mcp {

// The production backend over wfs::Runtime: tool calls go through its CachingEngine (calls of
// a session are recorded in that session and persisted by the runtime); workflows, prompts and
// resources come from its engine. Created lazily like EngineBackend.
class RuntimeBackend final : public Backend
{
public:
    // `provider` returns the runtime; called at most once, on first use, from any thread.
    explicit RuntimeBackend(std::function<Runtime *()> provider);
    explicit RuntimeBackend(Runtime *runtime);

    ToolResult callTool(std::string_view name, const Json &arguments,
                        const CallContext &context) override;
    std::vector<WorkflowInfo> workflows() override { return m_engine.workflows(); }
    std::optional<Json> workflowDocument(std::string_view id) override
    {
        return m_engine.workflowDocument(id);
    }
    Json workflowSchema() override { return m_engine.workflowSchema(); }
    void setChangeCallback(std::function<void()> callback) override
    {
        m_engine.setChangeCallback(std::move(callback));
    }
    void sessionClosed(const std::string &id) override { m_engine.sessionClosed(id); }

private:
    Runtime &ensureRuntime(); ///< creates the runtime on first use
    Runtime &runtime();       ///< ensureRuntime(), and the engine's change signal connected

    std::function<Runtime *()> m_provider;
    std::once_flag m_once;
    std::atomic<Runtime *> m_runtime{nullptr};
    EngineBackend m_engine; ///< the runtime's engine, for everything but tool calls
};

} // namespace wfs::mcp
