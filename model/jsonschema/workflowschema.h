// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The bundled workflow schema and its validator (workflowschema.cpp).
#pragma once

#include "validator.h"

namespace wfs::schema {

// Our bundled workflow schema (:/schema/workflow.schema.json), parsed and compiled once
// (thread-safe lazy initialisation), with lengths in UTF-16 units as WorkRail counts them
// (workrail-compat.md §1). A missing or broken bundled schema is a build defect and asserts
// (release builds then reject every document rather than accept it).
const Json &workflowSchemaDocument();
const Validator &workflowSchemaValidator();

} // namespace wfs::schema
