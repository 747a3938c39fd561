// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The CLI face of the engine: one tool call per process, printed byte for byte as the MCP
// tool's text.
#include "toolcommand.h"

#include "engine.h"
#include "workflowrepository.h"

#include <cstdio>

namespace wfs {

ToolCommandArgs parseToolCommandArgs(const QStringList &args, const QStringList &valueOptions,
                                     std::vector<std::pair<QString, QString>> *values)
{
    ToolCommandArgs out;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        QString name = a;
        QString value;
        bool inlineValue = false;
        if (a.startsWith(QLatin1String("--")) && a.contains(QLatin1Char('='))) {
            name = a.section(QLatin1Char('='), 0, 0);
            value = a.section(QLatin1Char('='), 1);
            inlineValue = true;
        }
        const bool known = name == QLatin1String("--workflows") || valueOptions.contains(name);
        if (!known) {
            if (a.startsWith(QLatin1String("--")) && a.size() > 2) {
                out.error = "unknown option " + a.toStdString();
                return out;
            }
            out.positional << a;
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= args.size()) {
                out.error = "option " + name.toStdString() + " needs a value";
                return out;
            }
            value = args[++i];
        }
        if (name == QLatin1String("--workflows"))
            out.workflowDirs.push_back(value.toStdString());
        else if (values)
            values->emplace_back(name, value);
    }
    return out;
}

int runToolCommand(const std::string &tool, const Json &arguments,
                   const std::vector<std::string> &workflowDirs)
{
    Engine::Options o;
    o.extraDirs = workflowDirs;
    o.watchFiles = false;
    Engine engine(o);
    for (const SourceDiagnostic &d : engine.snapshot()->diagnostics()) {
        if (d.kind == SourceDiagnostic::Kind::Overridden)
            continue;
        std::fprintf(stderr, "wfstudio: %s\n", d.message.c_str());
    }
    const ToolResult r = engine.callTool(tool, arguments, {{}, "cli"});
    const std::string text = r.contentText() + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return r.isError ? 1 : 0;
}

} // namespace wfs
