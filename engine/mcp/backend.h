// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// What the MCP dispatcher needs from the engine, as a small interface: tool calls, the
// workflow set (for prompts and resources), the workflow schema and a change callback.
// EngineBackend adapts wfs::Engine and can create it lazily (the stdio server answers
// initialize before any workflow is loaded); tests plug in fakes.
#pragma once

#include "engine/engine.h"
#include "model/json.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wfs::mcp {

struct WorkflowInfo
{
    std::string id;
    std::string name;
    std::string description;
    std::string version;
};

class Backend
{
public:
    virtual ~Backend() = default;

    // One tools/call, as engine.h's Engine::callTool. May be called from many threads at once.
    virtual ToolResult callTool(std::string_view name, const Json &arguments,
                                const CallContext &context) = 0;
    // The served workflows, in workflow_list order.
    virtual std::vector<WorkflowInfo> workflows() = 0;
    // The full document of one workflow; nullopt when unknown.
    virtual std::optional<Json> workflowDocument(std::string_view id) = 0;
    // The workflow JSON Schema document.
    virtual Json workflowSchema() = 0;
    // `callback` runs (on any thread) whenever the workflow set changes. Set once, before serving.
    virtual void setChangeCallback(std::function<void()> callback) = 0;
    // The MCP session `id` closed or expired: its engine session ends (SessionManager::end).
    virtual void sessionClosed(const std::string &id) { (void)id; }
};

// The production backend over wfs::Engine.
class EngineBackend final : public Backend
{
public:
    // `provider` returns the engine; it is called at most once, on first use, from whichever
    // thread needs the engine first (the provider must cope: see app/cli/cmd_mcp.cpp).
    explicit EngineBackend(std::function<Engine *()> provider);
    // Uses an existing engine.
    explicit EngineBackend(Engine *engine);

    ToolResult callTool(std::string_view name, const Json &arguments,
                        const CallContext &context) override;
    std::vector<WorkflowInfo> workflows() override;
    std::optional<Json> workflowDocument(std::string_view id) override;
    Json workflowSchema() override;
    void setChangeCallback(std::function<void()> callback) override;
    void sessionClosed(const std::string &id) override;

    // The engine if it was created already (never creates it).
    Engine *engineIfCreated() const;
    // The engine, created (and its change signal connected) on first use.
    Engine &engine();

private:
    std::function<Engine *()> m_provider;
    std::once_flag m_once;
    std::atomic<Engine *> m_engine{nullptr};
    std::mutex m_callbackMutex;
    std::shared_ptr<std::function<void()>> m_callback;
};

} // namespace wfs::mcp
