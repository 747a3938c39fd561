// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// workflow-studio: compose engine and widgets, then run the event loop.
#include "engine/engine.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Workflow Studio"));
    QApplication::setOrganizationName(QStringLiteral("WorkflowStudio"));
    QApplication::setApplicationVersion(QStringLiteral(WFS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Visual editor, validator and MCP server for agent workflows"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "Workflow files to open"),
                                 QStringLiteral("[FILE.json...]"));
    parser.process(app);

    wfs::Engine engine(wfs::Engine::Options{});
    wfs::MainWindow window(&engine);
    window.show();
    return app.exec();
}
