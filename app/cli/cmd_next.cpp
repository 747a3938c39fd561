// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// wfstudio next ID [--completed a,b,c] [--context JSON]: the workflow_next answer.
#include "command.h"

#include "engine/toolcommand.h"
#include "model/jsonio.h"

static wfs::cli::CommandRegistration reg{
    {"next", "next ID [--completed a,b,c] [--context JSON] [--workflows DIR]...",
     "Print workflow_next's answer: the next step, blocked or complete",
     [](const QStringList &args) {
         std::vector<std::pair<QString, QString>> values;
         const wfs::ToolCommandArgs a = wfs::parseToolCommandArgs(
             args, {QStringLiteral("--completed"), QStringLiteral("--context")}, &values);
         if (!a.error.empty() || a.positional.size() != 1) {
             wfs::cli::printErr("usage: wfstudio next ID [--completed a,b,c] [--context JSON] "
                                "[--workflows DIR]...\n");
             return int(wfs::cli::ExitUsage);
         }
         wfs::Json arguments = {{"workflowId", a.positional.first().toStdString()}};
         for (const auto &[k, v] : values) {
             if (k == QLatin1String("--completed")) {
                 wfs::Json list = wfs::Json::array();
                 for (const QString &id : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
                     list.push_back(id.trimmed().toStdString());
                 arguments["completedSteps"] = list;
             } else {
                 const wfs::ParsedJson ctx = wfs::parseJson(v.toStdString(), "--context");
                 if (!ctx.ok) {
                     const wfs::Diagnostic &d = ctx.diagnostics.front();
                     wfs::cli::printErr("wfstudio next: --context is not JSON (" +
                                        std::to_string(d.line) + ":" + std::to_string(d.column) +
                                        "): " + d.message + "\n");
                     return int(wfs::cli::ExitUsage);
                 }
                 arguments["context"] = ctx.value;
             }
         }
         return wfs::runToolCommand("workflow_next", arguments, a.workflowDirs);
     }}};
