// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// wfstudio get ID [--mode metadata|preview]: the workflow_get answer.
#include "command.h"

#include "engine/toolcommand.h"

static wfs::cli::CommandRegistration reg{
    {"get", "get ID [--mode metadata|preview] [--workflows DIR]...",
     "Print workflow_get's answer for one workflow", [](const QStringList &args) {
         std::vector<std::pair<QString, QString>> values;
         const wfs::ToolCommandArgs a =
             wfs::parseToolCommandArgs(args, {QStringLiteral("--mode")}, &values);
         if (!a.error.empty() || a.positional.size() != 1) {
             wfs::cli::printErr(
                 "usage: wfstudio get ID [--mode metadata|preview] [--workflows DIR]...\n");
             return int(wfs::cli::ExitUsage);
         }
         wfs::Json arguments = {{"id", a.positional.first().toStdString()}};
         for (const auto &[k, v] : values)
             arguments["mode"] = v.toStdString();
         return wfs::runToolCommand("workflow_get", arguments, a.workflowDirs);
     }}};
