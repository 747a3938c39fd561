// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The six WorkRail tools as MCP advertises them: names, order, descriptions and input schemas
// byte-identical to WorkRail 0.3.0's tools/list, plus what newer revisions add (title,
// annotations, outputSchema) and compiled validators for the input schemas.
#pragma once

#include "protocol.h"

#include "model/json.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wfs::mcp {

struct ToolDefinition
{
    std::string name;
    std::string title; ///< R3+ `title`
    Json definition;   ///< WorkRail's {name, description, inputSchema}, exactly
    Json outputSchema; ///< R3+ `outputSchema` (root type object)
    Json annotations;  ///< R2+ `annotations` (readOnlyHint, ...)
    std::vector<std::string> requiredArguments; ///< inputSchema.required
};

class ToolCatalog
{
public:
    // The process-wide catalog (built once, thread-safe, immutable afterwards).
    static const ToolCatalog &instance();

    const std::vector<ToolDefinition> &tools() const { return m_tools; }
    const ToolDefinition *find(std::string_view name) const;

    // The tools/list entry of `tool` for a session at revision `v`.
    Json listEntry(const ToolDefinition &tool, ProtocolVersion v) const;

    // Checks `arguments` against the tool's input schema. Returns the empty string when they
    // are valid or when a required argument is missing or falsy (the engine answers those with
    // WorkRail's texts); otherwise one readable line naming every failing JSON pointer.
    std::string checkArguments(const ToolDefinition &tool, const Json &arguments) const;

private:
    ToolCatalog();
    std::vector<ToolDefinition> m_tools;
    struct Validators;
    std::shared_ptr<const Validators> m_validators;
};

} // namespace wfs::mcp
