// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Shared logic of the `wfstudio list|get|next|check-step` commands: build an engine over the
// standard sources plus --workflows directories, report every skipped source file on stderr,
// run one tool and print exactly the content text the MCP tool would return.
#pragma once

#include "model/json.h"

#include <QStringList>

#include <string>
#include <vector>

namespace wfs {

struct ToolCommandArgs
{
    std::vector<std::string> workflowDirs; ///< --workflows DIR (repeatable)
    QStringList positional;                ///< everything else that is not an option
    std::string error;                     ///< set when an option is malformed
};

// Splits `args` into --workflows DIR options, the named options in `valueOptions` (each
// "--name VALUE" or "--name=VALUE", stored in *values) and positional arguments.
ToolCommandArgs parseToolCommandArgs(const QStringList &args, const QStringList &valueOptions,
                                     std::vector<std::pair<QString, QString>> *values);

// Runs `tool` with `arguments`; prints the content text and a newline on stdout. Returns 0,
// or 1 when the answer is an error.
int runToolCommand(const std::string &tool, const Json &arguments,
                   const std::vector<std::string> &workflowDirs);

} // namespace wfs
