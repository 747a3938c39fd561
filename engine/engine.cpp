// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "engine.h"

#include "model/jsonio.h"

namespace wfs {

std::string ToolResult::contentText() const
{
    return payload.is_null() ? text : toJsJson(payload, 2);
}

struct Engine::Private
{
    Options options;
};

Engine::Engine(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->options = std::move(options);
}

Engine::~Engine() = default;

ToolResult Engine::callTool(std::string_view name, const Json &, const CallContext &)
{
    ToolResult r;
    r.isError = true;
    r.text = "Unknown tool: " + std::string(name);
    return r;
}

} // namespace wfs
