// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "diagnostic.h"

#include <algorithm>

namespace wfs {

const char *severityName(Severity s)
{
    switch (s) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "info";
    }
    return "error";
}

std::string formatDiagnostic(const Diagnostic &d)
{
    std::string out = d.file.empty() ? std::string("<input>") : d.file;
    out += ':';
    out += std::to_string(d.line);
    out += ':';
    out += std::to_string(d.column);
    out += ": ";
    out += severityName(d.severity);
    out += ": ";
    out += d.message;
    out += " [";
    out += d.pointer;
    out += ']';
    return out;
}

Json diagnosticToJson(const Diagnostic &d)
{
    Json j = Json::object();
    j["file"] = d.file;
    j["line"] = d.line;
    j["column"] = d.column;
    j["pointer"] = d.pointer;
    j["severity"] = severityName(d.severity);
    j["message"] = d.message;
    if (!d.source.empty())
        j["source"] = d.source;
    return j;
}

bool hasErrors(const Diagnostics &ds)
{
    return std::any_of(ds.begin(), ds.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

} // namespace wfs
