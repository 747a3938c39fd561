// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The tool table. kWorkRailTools is WorkRail 0.3.0's tools/list answer (names, order,
// descriptions, input schemas): agents configured for WorkRail see exactly the same text, and
// tests/mcp compares it with the recorded answer byte for byte. Output schemas describe the
// payloads of engine.h's ToolResult; they are deliberately loose (required top-level members
// only) so that every answer WorkRail gives validates.
#include "toolcatalog.h"

#include "model/jsonschema/validator.h"

#include <cassert>

namespace wfs::mcp {

namespace {

constexpr const char *kWorkRailTools = R"WR([
  {
    "name": "workflow_list",
    "description": "Your primary tool for any complex or multi-step request. Call this FIRST to see if a reliable, pre-defined workflow exists, as this is the preferred method over improvisation.\n\n  Your process:\n  1. Call this tool to get a list of available workflows.\n  2. Analyze the returned descriptions to find a match for the user's goal.\n  3. If a good match is found, suggest it to the user and use `workflow_get` to start.\n  4. If NO match is found, inform the user and then attempt to solve the task using your general abilities.",
    "inputSchema": {
      "type": "object",
      "properties": {},
      "additionalProperties": false
    }
  },
  {
    "name": "workflow_get",
    "description": "Retrieves workflow information with configurable detail level. Supports progressive disclosure to prevent \"workflow spoiling\" while providing necessary context for workflow selection and initiation.",
    "inputSchema": {
      "type": "object",
      "properties": {
        "id": {
          "type": "string",
          "description": "The unique identifier of the workflow to retrieve",
          "pattern": "^[A-Za-z0-9_-]+$"
        },
        "mode": {
          "type": "string",
          "enum": [
            "metadata",
            "preview"
          ],
          "description": "The level of detail to return: 'metadata' returns workflow info without steps, 'preview' (default) returns metadata plus the first eligible step",
          "default": "preview"
        }
      },
      "required": [
        "id"
      ],
      "additionalProperties": false
    }
  },
  {
    "name": "workflow_next",
    "description": "Executes a workflow by getting the next step. Use this tool in a loop to progress through a workflow. You must provide the `workflowId` and a list of `completedSteps`. For conditional workflows, provide `context` with variables that will be used to evaluate step conditions.",
    "inputSchema": {
      "type": "object",
      "properties": {
        "workflowId": {
          "type": "string",
          "description": "The unique identifier of the workflow",
          "pattern": "^[A-Za-z0-9_-]+$"
        },
        "completedSteps": {
          "type": "array",
          "items": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]+$"
          },
          "description": "Array of step IDs that have been completed",
          "default": []
        },
        "context": {
          "type": "object",
          "description": "Optional context variables for conditional step execution",
          "additionalProperties": true
        }
      },
      "required": [
        "workflowId"
      ],
      "additionalProperties": false
    }
  },
  {
    "name": "workflow_validate",
    "description": "(Optional but Recommended) Verifies the output of a step before proceeding. Use this after completing a step to check if your work is valid to prevent errors.",
    "inputSchema": {
      "type": "object",
      "properties": {
        "workflowId": {
          "type": "string",
          "description": "The unique identifier of the workflow",
          "pattern": "^[A-Za-z0-9_-]+$"
        },
        "stepId": {
          "type": "string",
          "description": "The unique identifier of the step to validate",
          "pattern": "^[A-Za-z0-9_-]+$"
        },
        "output": {
          "type": "string",
          "description": "The output or result produced for this step",
          "maxLength": 10000
        }
      },
      "required": [
        "workflowId",
        "stepId",
        "output"
      ],
      "additionalProperties": false
    }
  },
  {
    "name": "workflow_validate_json",
    "description": "Validates workflow JSON content directly without external tools. Use this tool when you need to verify that a workflow JSON file is syntactically correct and follows the proper schema.\n\n  This tool provides comprehensive validation including:\n  - JSON syntax validation with detailed error messages\n  - Workflow schema compliance checking\n  - User-friendly error reporting with actionable suggestions\n  - Support for all workflow features (steps, conditions, validation criteria, etc.)\n\n  Example usage:\n  - Validate a newly created workflow before saving\n  - Check workflow syntax when editing workflow files\n  - Verify workflow structure when troubleshooting issues\n  - Ensure workflow compliance before deployment",
    "inputSchema": {
      "type": "object",
      "properties": {
        "workflowJson": {
          "type": "string",
          "description": "The complete workflow JSON content as a string to validate",
          "minLength": 1
        }
      },
      "required": [
        "workflowJson"
      ],
      "additionalProperties": false
    }
  },
  {
    "name": "workflow_get_schema",
    "description": "Retrieves the complete workflow JSON schema for reference and development purposes. Use this tool when you need to understand the structure, required fields, and validation rules for workflows.\n\n  This tool provides:\n  - Complete JSON schema definition with all properties and constraints\n  - Field descriptions and validation rules\n  - Examples of valid patterns and formats\n  - Schema version and metadata information\n  - Comprehensive reference for workflow structure\n\n  Example usage:\n  - Understanding workflow structure before creating new workflows\n  - Checking required fields and their types\n  - Verifying validation rules and constraints\n  - Reference during workflow development and debugging\n  - Learning about available workflow features and options",
    "inputSchema": {
      "type": "object",
      "properties": {},
      "additionalProperties": false
    }
  }
])WR";

constexpr const char *kOutputSchemas = R"OS({
  "workflow_list": {
    "type": "object",
    "properties": {
      "workflows": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "id": {"type": "string"},
            "name": {"type": "string"},
            "description": {"type": "string"},
            "category": {"type": "string"},
            "version": {"type": "string"}
          },
          "required": ["id"]
        }
      }
    },
    "required": ["workflows"]
  },
  "workflow_get": {
    "type": "object",
    "properties": {
      "id": {"type": "string"},
      "name": {"type": "string"},
      "description": {"type": "string"},
      "version": {"type": "string"},
      "totalSteps": {"type": "integer"},
      "firstStep": {"type": ["object", "null"]}
    },
    "required": ["id"]
  },
  "workflow_next": {
    "type": "object",
    "properties": {
      "step": {"type": ["object", "null"]},
      "guidance": {"type": "object", "properties": {"prompt": {"type": "string"}}},
      "isComplete": {"type": "boolean"},
      "context": {}
    },
    "required": ["step", "guidance", "isComplete"]
  },
  "workflow_validate": {
    "type": "object",
    "properties": {
      "valid": {"type": "boolean"},
      "issues": {"type": "array", "items": {"type": "string"}},
      "suggestions": {"type": "array", "items": {"type": "string"}}
    },
    "required": ["valid", "issues", "suggestions"]
  },
  "workflow_validate_json": {
    "type": "object",
    "properties": {
      "valid": {"type": "boolean"},
      "issues": {"type": "array", "items": {"type": "string"}},
      "suggestions": {"type": "array", "items": {"type": "string"}}
    },
    "required": ["valid", "issues", "suggestions"]
  },
  "workflow_get_schema": {
    "type": "object",
    "properties": {
      "schema": {"type": "object"},
      "metadata": {"type": "object"},
      "commonPatterns": {"type": "object"}
    },
    "required": ["schema"]
  }
})OS";

struct Extra
{
    const char *name;
    const char *title;
    bool readOnly;
    bool idempotent;
};

// workflow_next and workflow_validate compute answers from their arguments and change nothing;
// every tool is read-only and closed-world (no network, no file writes).
constexpr Extra kExtras[] = {
    {"workflow_list", "List workflows", true, true},
    {"workflow_get", "Get a workflow", true, true},
    {"workflow_next", "Next workflow step", true, true},
    {"workflow_validate", "Validate a step's output", true, true},
    {"workflow_validate_json", "Validate workflow JSON", true, true},
    {"workflow_get_schema", "Get the workflow schema", true, true},
};

bool isFalsy(const Json &v)
{
    if (v.is_null())
        return true;
    if (v.is_boolean())
        return !v.get<bool>();
    if (v.is_string())
        return v.get_ref<const std::string &>().empty();
    if (v.is_number())
        return v.get<double>() == 0.0;
    return false;
}

} // namespace

struct ToolCatalog::Validators
{
    std::vector<schema::Validator> byTool; ///< same order as m_tools
};

ToolCatalog::ToolCatalog()
{
    const Json tools = Json::parse(kWorkRailTools);
    const Json outputs = Json::parse(kOutputSchemas);
    auto validators = std::make_shared<Validators>();
    for (const Json &t : tools) {
        ToolDefinition def;
        def.name = t.at("name").get<std::string>();
        def.definition = t;
        def.outputSchema = outputs.at(def.name);
        for (const Extra &e : kExtras) {
            if (def.name != e.name)
                continue;
            def.title = e.title;
            def.annotations = Json::object();
            def.annotations["title"] = e.title;
            def.annotations["readOnlyHint"] = e.readOnly;
            def.annotations["destructiveHint"] = false;
            def.annotations["idempotentHint"] = e.idempotent;
            def.annotations["openWorldHint"] = false;
        }
        assert(!def.title.empty() && "every WorkRail tool needs an entry in kExtras");
        const Json &input = t.at("inputSchema");
        if (const auto req = input.find("required"); req != input.end()) {
            for (const Json &r : *req)
                def.requiredArguments.push_back(r.get<std::string>());
        }
        auto compiled = schema::Validator::compile(input);
        assert(compiled.ok() && "WorkRail input schemas compile");
        validators->byTool.push_back(compiled.ok() ? *compiled : schema::Validator());
        m_tools.push_back(std::move(def));
    }
    m_validators = std::move(validators);
}

const ToolCatalog &ToolCatalog::instance()
{
    static const ToolCatalog catalog;
    return catalog;
}

const ToolDefinition *ToolCatalog::find(std::string_view name) const
{
    for (const ToolDefinition &t : m_tools) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

Json ToolCatalog::listEntry(const ToolDefinition &tool, ProtocolVersion v) const
{
    if (v < ProtocolVersion::V2025_03_26)
        return tool.definition;
    Json out = Json::object();
    out["name"] = tool.name;
    if (v >= ProtocolVersion::V2025_06_18)
        out["title"] = tool.title;
    out["description"] = tool.definition.at("description");
    out["inputSchema"] = tool.definition.at("inputSchema");
    if (v >= ProtocolVersion::V2025_06_18)
        out["outputSchema"] = tool.outputSchema;
    out["annotations"] = tool.annotations;
    return out;
}

std::string ToolCatalog::checkArguments(const ToolDefinition &tool, const Json &arguments) const
{
    if (arguments.is_object()) {
        for (const std::string &name : tool.requiredArguments) {
            const auto it = arguments.find(name);
            if (it == arguments.end() || isFalsy(*it))
                return {};
        }
    } else if (!tool.requiredArguments.empty() && (arguments.is_null() || isFalsy(arguments))) {
        return {};
    }
    const std::size_t index = static_cast<std::size_t>(&tool - m_tools.data());
    assert(index < m_validators->byTool.size() && "tool belongs to this catalog");
    std::vector<schema::SchemaError> errors;
    if (m_validators->byTool[index].validate(arguments, &errors))
        return {};
    std::string out = "Invalid arguments for tool " + tool.name + ": ";
    bool first = true;
    for (const schema::SchemaError &e : errors) {
        if (!first)
            out += "; ";
        first = false;
        out += (e.instancePointer.empty() ? std::string("arguments") : e.instancePointer) + ": " +
               e.message;
    }
    return out;
}

} // namespace wfs::mcp
