// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "mcplistener.h"

#include "engine/mcp/dispatcher.h"
#include "engine/services/listenaddress.h"
#include "ui/mainwindow.h"
#include "ui/settings/appsettings.h"

#include <QApplication>

namespace wfs::studio {

std::unique_ptr<mcp::HttpServer> startMcpListener(MainWindow &window, mcp::Dispatcher &dispatcher,
                                                  const McpListenerOptions &options)
{
    std::unique_ptr<mcp::HttpServer> server;
    // The MCP listener: settings mcp/enabled, mcp/host, mcp/port (the command line overrides
    // the port) and mcp/token. Secure by default: a per-installation bearer token (32 bytes
    // from the system CSPRNG, generated and stored on first run) is always required.
    if (options.disabled) {
        window.setMcpStatus(QApplication::translate("main", "MCP listener: off (--no-mcp)"));
    } else if (!settings::mcpEnabled()) {
        window.setMcpStatus(
            QApplication::translate("main", "MCP listener: off (disabled in the settings)"));
    } else {
        bool ok = true;
        const int port = options.port.isNull() ? settings::mcpPort() : options.port.toInt(&ok);
        const auto endpoint = services::listenEndpoint(settings::mcpHost().toStdString(), port);
        if (!ok || !endpoint) {
            window.setMcpStatus(
                QApplication::translate("main", "MCP listener: invalid port %1").arg(options.port));
        } else {
            mcp::HttpServer::Options serverOptions;
            serverOptions.host = endpoint->host;
            serverOptions.port = endpoint->port;
            serverOptions.token = settings::ensureMcpToken().toStdString();
            server = std::make_unique<mcp::HttpServer>(dispatcher, serverOptions);
            // The status bar and Connect an Agent follow the listener that actually runs
            // (its port may be --mcp-port's or, for 0, whatever the system gave).
            const auto showState = [&window, s = server.get()](bool running) {
                window.setMcpStatus(running
                                        ? QApplication::translate(
                                              "main", "MCP listener: %1 (bearer token required)")
                                              .arg(QString::fromStdString(s->url()))
                                        : QApplication::translate("main", "MCP listener: stopped"));
                window.setMcpListener(running ? QString::fromStdString(s->url()) : QString(),
                                      QString::fromStdString(s->options().token));
            };
            QObject::connect(server.get(), &mcp::HttpServer::stateChanged, &window, showState);
            if (const auto started = server->start(); !started)
                window.setMcpStatus(QApplication::translate("main", "MCP listener: off (%1)")
                                        .arg(QString::fromStdString(started.error())));
            else
                showState(true);
        }
    }
    return server;
}

} // namespace wfs::studio
