// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// workflow-studio: compose engine, MCP listener and widgets, then run the event loop.
#include "engine/engine.h"
#include "engine/mcp/backend.h"
#include "engine/mcp/dispatcher.h"
#include "engine/mcp/httpserver.h"
#include "ui/mainwindow.h"
#include "ui/testhooks.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>

#include <memory>

namespace {
constexpr int kDefaultMcpPort = 8765;
}

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
    const QCommandLineOption mcpPort(
        QStringLiteral("mcp-port"),
        QApplication::translate("main", "Port of the MCP HTTP listener on 127.0.0.1 (default: "
                                        "the setting mcp/port, else %1; 0 = any free port).")
            .arg(kDefaultMcpPort),
        QStringLiteral("PORT"));
    const QCommandLineOption noMcp(QStringLiteral("no-mcp"),
                                   QApplication::translate("main", "Do not start the MCP listener."));
    parser.addOptions({workflowsDir, mcpPort, noMcp});
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "Workflow files to open"),
                                 QStringLiteral("[FILE.json...]"));
    parser.process(app);

    wfs::Engine::Options options;
    for (const QString &dir : parser.values(workflowsDir))
        options.extraDirs.push_back(dir.toStdString());
    wfs::Engine engine(options);
    wfs::MainWindow window(&engine);

    auto dispatcher =
        std::make_unique<wfs::mcp::Dispatcher>(std::make_shared<wfs::mcp::EngineBackend>(&engine));
    std::unique_ptr<wfs::mcp::HttpServer> server;
    if (!parser.isSet(noMcp)) {
        bool ok = false;
        const int port = parser.isSet(mcpPort)
                             ? parser.value(mcpPort).toInt(&ok)
                             : QSettings().value(QStringLiteral("mcp/port"), kDefaultMcpPort).toInt(&ok);
        if (!ok || port < 0 || port > 65535) {
            window.setMcpStatus(QApplication::translate("main", "MCP listener: invalid port %1")
                                    .arg(parser.value(mcpPort)));
        } else {
            wfs::mcp::HttpServer::Options serverOptions;
            serverOptions.port = static_cast<std::uint16_t>(port);
            server = std::make_unique<wfs::mcp::HttpServer>(*dispatcher, serverOptions);
            const auto showState = [&window, s = server.get()](bool running) {
                window.setMcpStatus(
                    running ? QApplication::translate("main", "MCP listener: %1")
                                  .arg(QString::fromStdString(s->url()))
                            : QApplication::translate("main", "MCP listener: stopped"));
            };
            QObject::connect(server.get(), &wfs::mcp::HttpServer::stateChanged, &window, showState);
            if (const auto started = server->start(); !started)
                window.setMcpStatus(QApplication::translate("main", "MCP listener: off (%1)")
                                        .arg(QString::fromStdString(started.error())));
            else
                showState(true);
        }
    }
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
    const int rc = app.exec();
    if (server)
        server->stop();
    return rc;
}
