// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The table of `wfstudio` subcommands. Each cmd_<name>.cpp defines one static CommandRegistration,
// so adding a command touches no other file.
#pragma once

#include <QStringList>

#include <functional>
#include <string>
#include <vector>

namespace wfs::cli {

// Exit codes shared by every command.
enum ExitCode : int {
    ExitOk = 0,      ///< success / nothing is an error
    ExitFailure = 1, ///< the command ran and found errors
    ExitUsage = 2    ///< bad usage or unusable input
};

struct Command
{
    std::string name;    ///< as typed: "validate"
    std::string usage;   ///< one line: "validate [--json] PATH..."
    std::string summary; ///< one sentence for --help
    // Runs the command; `args` excludes the program and command names.
    std::function<int(const QStringList &args)> run;
};

const std::vector<Command> &commands();

struct CommandRegistration
{
    explicit CommandRegistration(Command command);
};

// Prints to stdout/stderr as UTF-8 (never through a locale-dependent codec).
void printOut(const std::string &text);
void printErr(const std::string &text);

} // namespace wfs::cli
