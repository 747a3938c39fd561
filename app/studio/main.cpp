// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// workflow-studio: compose engine and widgets, then run the event loop.
#include "engine/engine.h"
#include "ui/mainwindow.h"
#include "ui/testhooks.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

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
    const QCommandLineOption workflowsDir(
        QStringLiteral("workflows"),
        QApplication::translate("main", "Also serve the workflows in DIR (repeatable)."),
        QStringLiteral("DIR"));
    parser.addOption(workflowsDir);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "Workflow files to open"),
                                 QStringLiteral("[FILE.json...]"));
    parser.process(app);

    wfs::Engine::Options options;
    for (const QString &dir : parser.values(workflowsDir))
        options.extraDirs.push_back(dir.toStdString());
    wfs::Engine engine(options);
    wfs::MainWindow window(&engine);
    window.show();

    const QStringList files = parser.positionalArguments();
    QTimer::singleShot(0, &window, [&window, files] {
        for (const QString &file : files)
            window.openFile(file);
        window.offerRecovery();
        if (window.pages().isEmpty())
            window.newDocument();
        wfs::studio::applyTestHooks(window);
    });
    return app.exec();
}
