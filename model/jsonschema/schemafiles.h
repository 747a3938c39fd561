// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio validate --schema SCHEMA INSTANCE...`: any JSON file against any draft-07 schema.
#pragma once

#include "../diagnostic.h"
#include "validator.h"

#include <string>
#include <vector>

namespace wfs::schema {

// Reads and compiles a schema file. Relative $refs resolve against the file's location and are
// read from disk (file: URIs); http(s) references are refused, never fetched. The error names
// the file and what is wrong.
Result<Validator> loadSchemaFile(const std::string &path);

// For each file: read and parse errors (as diagnostics), then the schema errors (source
// "schema", best-matching oneOf/anyOf branches only, line:column attached), in file order.
Diagnostics validateFilesAgainstSchema(const Validator &validator,
                                       const std::vector<std::string> &files);

} // namespace wfs::schema
