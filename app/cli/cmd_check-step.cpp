// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// wfstudio check-step ID STEP --output TEXT: the workflow_validate answer.
#include "command.h"

#include "engine/toolcommand.h"

static wfs::cli::CommandRegistration reg{
    {"check-step", "check-step ID STEP --output TEXT [--workflows DIR]...",
     "Print workflow_validate's answer for one step output", [](const QStringList &args) {
         std::vector<std::pair<QString, QString>> values;
         const wfs::ToolCommandArgs a =
             wfs::parseToolCommandArgs(args, {QStringLiteral("--output")}, &values);
         if (!a.error.empty() || a.positional.size() != 2 || values.empty()) {
             wfs::cli::printErr(
                 "usage: wfstudio check-step ID STEP --output TEXT [--workflows DIR]...\n");
             return int(wfs::cli::ExitUsage);
         }
         const wfs::Json arguments = {{"workflowId", a.positional[0].toStdString()},
                                      {"stepId", a.positional[1].toStdString()},
                                      {"output", values.back().second.toStdString()}};
         return wfs::runToolCommand("workflow_validate", arguments, a.workflowDirs);
     }}};
