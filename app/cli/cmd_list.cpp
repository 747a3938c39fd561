// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// wfstudio list: the workflow_list answer.
#include "command.h"

#include "engine/toolcommand.h"

static wfs::cli::CommandRegistration reg{
    {"list", "list [--workflows DIR]...", "Print workflow_list's answer (the workflows served)",
     [](const QStringList &args) {
         const wfs::ToolCommandArgs a = wfs::parseToolCommandArgs(args, {}, nullptr);
         if (!a.error.empty() || !a.positional.isEmpty()) {
             wfs::cli::printErr("usage: wfstudio list [--workflows DIR]...\n");
             return int(wfs::cli::ExitUsage);
         }
         return wfs::runToolCommand("workflow_list", wfs::Json::object(), a.workflowDirs);
     }}};
