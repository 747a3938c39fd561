// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// workflow_validate_json and workflow_get_schema (workrail-compat.md §2.8, §2.9), against our
// bundled schema (:/schema/workflow.schema.json).
#pragma once

#include "engine.h"

#include <string>

namespace wfs::engine {

// `workflowJson` is the raw argument (already known to be truthy).
ToolResult validateWorkflowJson(const Json &workflowJson);
ToolResult workflowSchemaResult();

// JSON.parse's error message as Node 20 words it, for text that fails to parse ("" = parses).
std::string v8JsonParseError(const std::string &text);

} // namespace wfs::engine
