// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// A problem found in a file: where (file, line:column, JSON pointer), how bad, and what to change.
#pragma once

#include "json.h"

#include <string>
#include <vector>

namespace wfs {

enum class Severity {
    Error,   ///< the file is unusable or violates the format
    Warning, ///< legal, but probably not what the author meant
    Info     ///< a hint
};

struct Diagnostic
{
    std::string file;    ///< path as given by the user; may be empty for in-memory text
    int line = 0;        ///< 1-based; 0 when unknown
    int column = 0;      ///< 1-based, counted in Unicode code points; 0 when unknown
    std::string pointer; ///< RFC 6901 JSON pointer of the offending value ("" = the root)
    Severity severity = Severity::Error;
    std::string message; ///< says what is wrong and what to change
    std::string source;  ///< who found it: "json", "schema", "semantic", ...

    bool operator==(const Diagnostic &) const = default;
};

using Diagnostics = std::vector<Diagnostic>;

const char *severityName(Severity s);

// `path:line:col: error: message [pointer]`, the CLI's one-line form.
std::string formatDiagnostic(const Diagnostic &d);

// {"file","line","column","pointer","severity","message","source"} for `--json` output.
Json diagnosticToJson(const Diagnostic &d);

bool hasErrors(const Diagnostics &ds);

} // namespace wfs
