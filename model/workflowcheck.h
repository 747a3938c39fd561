// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Everything we check about one workflow document, in one call: the model's shape checks,
// the JSON Schema check and the semantic checks, with file, line:column attached and the
// findings sorted by position.
#pragma once

#include "diagnostic.h"
#include "json.h"

#include <string>
#include <string_view>

namespace wfs {

// What the caller knows beyond the document (an editor knows what the user just did).
struct CheckOptions
{
    // Pointer of the step whose id the user changed last ("/steps/3"; "" = none): when it
    // shares its id with another step, the duplicate-id error goes on it, not on the other.
    std::string editedStep;
};

// Runs every check on a parsed document. `sourceText` is the text `doc` was parsed from (for
// line:column; may be empty, then positions stay 0); `file` is put into every diagnostic.
// Sorted by line:column (file-level findings, at 0:0, first); ties keep check order.
Diagnostics checkWorkflowDocument(const Json &doc, std::string_view sourceText,
                                  const std::string &file, const CheckOptions &options = {});

// Reads, parses and checks one file: I/O and JSON errors, then (when it parsed)
// checkWorkflowDocument. Never throws.
Diagnostics checkWorkflowFile(const std::string &path);

// Sorts by (line, column), stable; line 0 first.
void sortByPosition(Diagnostics &diagnostics);

} // namespace wfs
