// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "command.h"

#include <cstdio>

namespace wfs::cli {

static std::vector<Command> &table()
{
    static std::vector<Command> t;
    return t;
}

const std::vector<Command> &commands()
{
    return table();
}

CommandRegistration::CommandRegistration(Command command)
{
    table().push_back(std::move(command));
}

void printOut(const std::string &text)
{
    std::fwrite(text.data(), 1, text.size(), stdout);
}

void printErr(const std::string &text)
{
    std::fwrite(text.data(), 1, text.size(), stderr);
}

} // namespace wfs::cli
