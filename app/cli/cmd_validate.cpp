// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio validate [--json] PATH...`: checks workflow files (JSON, schema, semantics) and
// prints one line per problem, or one JSON array with --json. Exit 0 when nothing is an error,
// 1 when something is, 2 on usage errors. The checks live in model/validatefiles.h.
#include "command.h"

#include "model/validatefiles.h"

namespace {

const char *const kHelp =
    "Usage: wfstudio validate [--json] PATH...\n"
    "\n"
    "Checks workflow files: JSON syntax, the workflow schema and semantic rules (duplicate\n"
    "step ids, loop bodies, conditions, regexes, function calls, ...). A directory means every\n"
    "*.json file below it, recursively.\n"
    "\n"
    "Output: one line per problem, `path:line:column: error|warning: message [json-pointer]`.\n"
    "\n"
    "Options:\n"
    "  --json      print one JSON array of {file, line, column, pointer, severity, message,\n"
    "              source} objects instead\n"
    "  -h, --help  show this help\n"
    "\n"
    "Exit status: 0 when nothing is an error (warnings allowed), 1 when something is,\n"
    "2 on usage errors (no path, unknown option, a path that does not exist).\n";

struct Options
{
    bool json = false;
    bool help = false;
    std::vector<std::string> paths;
};

// Parses the arguments; returns an error text for bad usage. Options may appear anywhere;
// `--` ends option parsing.
std::string parseOptions(const QStringList &args, Options &o)
{
    bool optionsDone = false;
    for (const QString &a : args) {
        if (!optionsDone && a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            if (a == QLatin1String("--"))
                optionsDone = true;
            else if (a == QLatin1String("--json"))
                o.json = true;
            else if (a == QLatin1String("--help") || a == QLatin1String("-h"))
                o.help = true;
            else
                return "unknown option '" + a.toStdString() + "'";
            continue;
        }
        o.paths.push_back(a.toStdString());
    }
    if (!o.help && o.paths.empty())
        return "no PATH given";
    return {};
}

int run(const QStringList &args)
{
    using namespace wfs::cli;
    Options o;
    const std::string usageError = parseOptions(args, o);
    if (o.help) {
        printOut(kHelp);
        return ExitOk;
    }
    if (!usageError.empty()) {
        printErr("wfstudio validate: " + usageError + "\nUsage: wfstudio validate [--json] "
                                                      "PATH...  (see --help)\n");
        return ExitUsage;
    }
    const auto files = wfs::collectWorkflowFiles(o.paths);
    if (!files) {
        printErr("wfstudio validate: " + files.error() + "\n");
        return ExitUsage;
    }
    const wfs::Diagnostics ds = wfs::validateWorkflowFiles(*files);
    if (o.json) {
        wfs::Json out = wfs::Json::array();
        for (const wfs::Diagnostic &d : ds)
            out.push_back(wfs::diagnosticToJson(d));
        printOut(out.dump(2, ' ', false, wfs::Json::error_handler_t::replace) + "\n");
    } else {
        std::string text;
        for (const wfs::Diagnostic &d : ds)
            text += wfs::formatDiagnostic(d) + "\n";
        printOut(text);
    }
    return wfs::hasErrors(ds) ? ExitFailure : ExitOk;
}

wfs::cli::CommandRegistration reg{{"validate", "validate [--json] PATH...",
                                   "Check workflow files (JSON, schema, semantics)", run}};

} // namespace
