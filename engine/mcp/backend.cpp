// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// EngineBackend: the dispatcher's view of wfs::Engine. Workflow enumeration reads the engine's
// immutable snapshot (no tool-call round trip, no lock).
#include "backend.h"

#include "engine/session.h"
#include "engine/workflowrepository.h"
#include "model/jsonschema/validator.h"

#include <cassert>

namespace wfs::mcp {

EngineBackend::EngineBackend(std::function<Engine *()> provider)
    : m_provider(std::move(provider))
{
    assert(m_provider && "EngineBackend needs an engine provider");
}

EngineBackend::EngineBackend(Engine *engine)
    : m_provider([engine] { return engine; })
{
    assert(engine && "EngineBackend needs an engine");
}

Engine &EngineBackend::engine()
{
    std::call_once(m_once, [this] {
        Engine *e = m_provider();
        assert(e && "the engine provider returned no engine");
        std::shared_ptr<std::function<void()>> callback;
        {
            std::lock_guard lock(m_callbackMutex);
            callback = m_callback;
        }
        // The callback pointer is read at emission time, so a late setChangeCallback works too.
        QObject::connect(
            e, &Engine::workflowsChanged, e,
            [this] {
                std::shared_ptr<std::function<void()>> cb;
                {
                    std::lock_guard lock(m_callbackMutex);
                    cb = m_callback;
                }
                if (cb && *cb)
                    (*cb)();
            },
            Qt::DirectConnection);
        m_engine.store(e);
    });
    return *m_engine.load();
}

Engine *EngineBackend::engineIfCreated() const
{
    return m_engine.load();
}

ToolResult EngineBackend::callTool(std::string_view name, const Json &arguments,
                                   const CallContext &context)
{
    return engine().callTool(name, arguments, context);
}

std::vector<WorkflowInfo> EngineBackend::workflows()
{
    std::vector<WorkflowInfo> out;
    const auto snapshot = engine().snapshot();
    out.reserve(snapshot->entries().size());
    for (const WorkflowEntry &entry : snapshot->entries()) {
        WorkflowInfo info;
        info.id = entry.id;
        info.name = entry.summaryText("name");
        info.description = entry.summaryText("description");
        info.version = entry.summaryText("version");
        out.push_back(std::move(info));
    }
    return out;
}

std::optional<Json> EngineBackend::workflowDocument(std::string_view id)
{
    const auto snapshot = engine().snapshot();
    const WorkflowEntry *entry = snapshot->find(id);
    if (!entry)
        return std::nullopt;
    return entry->workflow()->document();
}

Json EngineBackend::workflowSchema()
{
    return schema::workflowSchemaDocument();
}

void EngineBackend::setChangeCallback(std::function<void()> callback)
{
    std::lock_guard lock(m_callbackMutex);
    m_callback = std::make_shared<std::function<void()>>(std::move(callback));
}

void EngineBackend::sessionClosed(const std::string &id)
{
    if (Engine *engine = engineIfCreated())
        engine->sessions().end(id);
}

} // namespace wfs::mcp
