// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// wfstudio: validate, inspect, step and serve workflows from the command line.
#include "command.h"

#include <QCoreApplication>

#include <algorithm>

using namespace wfs::cli;

static std::string helpText()
{
    std::string out =
        "Usage: wfstudio COMMAND [OPTIONS]\n\n"
        "Validate, inspect, step through and serve workflows for AI coding agents.\n\n"
        "Commands:\n";
    std::vector<const Command *> sorted;
    for (const Command &c : commands())
        sorted.push_back(&c);
    std::sort(sorted.begin(), sorted.end(),
              [](const Command *a, const Command *b) { return a->name < b->name; });
    for (const Command *c : sorted) {
        std::string line = "  " + c->usage;
        if (line.size() < 44)
            line.resize(44, ' ');
        else
            line += "\n" + std::string(44, ' ');
        out += line + c->summary + "\n";
    }
    out += "\nOptions:\n  -h, --help                                Show this help\n"
           "  -V, --version                             Show the version\n"
           "\n`wfstudio COMMAND --help` describes one command.\n";
    return out;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wfstudio"));
    QCoreApplication::setOrganizationName(QStringLiteral("WorkflowStudio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WFS_VERSION));

    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args.isEmpty()) {
        printErr(helpText());
        return ExitUsage;
    }
    const QString first = args.takeFirst();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        printOut(helpText());
        return ExitOk;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-V")) {
        printOut("wfstudio " WFS_VERSION "\n");
        return ExitOk;
    }
    for (const Command &c : commands()) {
        if (first.toStdString() == c.name)
            return c.run(args);
    }
    printErr("wfstudio: unknown command '" + first.toStdString() +
             "'; run 'wfstudio --help' for the list\n");
    return ExitUsage;
}
