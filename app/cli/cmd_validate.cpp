// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio validate [--json] PATH...`: checks workflow files (JSON, schema, semantics) and
// prints one line per problem, or one JSON array with --json. Exit 0 when nothing is an error,
// 1 when something is, 2 on usage errors. The checks live in model/validatefiles.h.
#include "command.h"

#include "model/jsonschema/schemafiles.h"
#include "model/validatefiles.h"

namespace {

const char *const kHelp =
    "Usage: wfstudio validate [--json] PATH...\n"
    "       wfstudio validate [--json] --schema SCHEMA.json INSTANCE.json...\n"
    "\n"
    "Checks workflow files: JSON syntax, the workflow schema and semantic rules (duplicate\n"
    "step ids, loop bodies, conditions, regexes, function calls, ...). A directory means every\n"
    "*.json file below it, recursively.\n"
    "\n"
    "Output: one line per problem, `path:line:column: error|warning: message [json-pointer]`.\n"
    "\n"
    "With --schema, checks any JSON files against any JSON Schema (draft-07) instead; of each\n"
    "oneOf/anyOf only the best-matching branch's errors are shown.\n"
    "\n"
    "Options:\n"
    "  --schema SCHEMA.json  validate against this schema; its relative $refs are read from\n"
    "                        disk, http(s) $refs are refused (no network)\n"
    "  --json      print one JSON array of {file, line, column, pointer, severity, message,\n"
    "              source} objects instead\n"
    "  -h, --help  show this help\n"
    "\n"
    "Exit status: 0 when nothing is an error (warnings allowed), 1 when something is,\n"
    "2 on usage errors (no path, unknown option, a path that does not exist) and when the\n"
    "--schema file cannot be read or is not a valid schema.\n";

struct Options
{
    bool json = false;
    bool help = false;
    std::string schema; ///< --schema: validate arbitrary JSON against this schema file
    std::vector<std::string> paths;
};

// Parses the arguments; returns an error text for bad usage. Options may appear anywhere;
// `--` ends option parsing.
std::string parseOptions(const QStringList &args, Options &o)
{
    bool optionsDone = false;
    bool expectSchema = false;
    for (const QString &a : args) {
        if (expectSchema) {
            o.schema = a.toStdString();
            expectSchema = false;
            continue;
        }
        if (!optionsDone && a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            if (a == QLatin1String("--schema"))
                expectSchema = true;
            else if (a.startsWith(QLatin1String("--schema=")) && a.size() > 9)
                o.schema = a.mid(9).toStdString();
            else if (a == QLatin1String("--"))
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
    if (expectSchema)
        return "--schema needs a file";
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
        printErr("wfstudio validate: " + usageError +
                 "\nUsage: wfstudio validate [--json] "
                 "[--schema SCHEMA.json] PATH...  (see "
                 "--help)\n");
        return ExitUsage;
    }
    const auto files = wfs::collectWorkflowFiles(o.paths);
    if (!files) {
        printErr("wfstudio validate: " + files.error() + "\n");
        return ExitUsage;
    }
    wfs::Diagnostics ds;
    if (!o.schema.empty()) {
        const wfs::Result<wfs::schema::Validator> validator = wfs::schema::loadSchemaFile(o.schema);
        if (!validator) {
            printErr("wfstudio validate: unusable schema: " + validator.error() + "\n");
            return ExitUsage;
        }
        ds = wfs::schema::validateFilesAgainstSchema(*validator, *files);
    } else {
        ds = wfs::validateWorkflowFiles(*files);
    }
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

wfs::cli::CommandRegistration reg{{"validate", "validate [--json] [--schema SCHEMA.json] PATH...",
                                   "Check workflow files (JSON, schema, semantics)", run}};

} // namespace
