// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// workflow-studio: compose the runtime (engine, database, cache), MCP listener and widgets,
// then run the event loop.
#include "dashboardwiring.h"
#include "engine/mcp/backend.h"
#include "engine/mcp/dispatcher.h"
#include "engine/mcp/httpserver.h"
#include "engine/mcp/requestlog.h"
#include "engine/runtime.h"
#include "engine/services/runtimebackend.h"
#include "mcplistener.h"
#include "ui/dashboard/dashboardsource.h"
#include "ui/dashboard/dashboardwidget.h"
#include "ui/dashboard/loadtestpanel.h"
#include "ui/dashboard/requestlogview.h"
#include "ui/mainwindow.h"
#include "ui/settings/appsettings.h"
#ifdef WFS_TEST_HOOKS
#include "ui/testhooks.h"
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QSysInfo>
#include <QTimer>

#include <memory>
#include <string_view>

namespace {
constexpr int kDefaultMcpPort = 8765;
}

// --help and --version only print: they must work without a display (a terminal over ssh, a
// package check), so they run on the offscreen platform unless one is chosen explicitly.
static void useOffscreenForInfoOptions(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h" || arg == "-?" || arg == "--help-all" ||
            arg == "--version" || arg == "-v") {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            return;
        }
    }
}

int main(int argc, char *argv[])
{
    useOffscreenForInfoOptions(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Workflow Studio"));
    QApplication::setOrganizationName(QStringLiteral("WorkflowStudio"));
    QApplication::setApplicationVersion(QStringLiteral(WFS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.workflowstudio.WorkflowStudio"));
    // Language (setting ui/language, else the system's; applies at start-up) and theme.
    wfs::studio::settings::installTranslators(&app, wfs::studio::settings::language());
    wfs::studio::settings::applyTheme(wfs::studio::settings::theme());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Visual editor, validator and MCP server for agent workflows"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workflowsDir(
        QStringLiteral("workflows"),
        QApplication::translate("main", "Also serve the workflows in DIR (repeatable)."),
        QStringLiteral("DIR"));
    const QCommandLineOption mcpPort(
        QStringLiteral("mcp-port"),
        QApplication::translate("main", "Port of the MCP HTTP listener (default: "
                                        "the setting mcp/port, else %1; 0 = any free port).")
            .arg(kDefaultMcpPort),
        QStringLiteral("PORT"));
    const QCommandLineOption noMcp(
        QStringLiteral("no-mcp"),
        QApplication::translate("main", "Do not start the MCP listener."));
    parser.addOptions({workflowsDir, mcpPort, noMcp});
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "Workflow files to open"),
                                 QStringLiteral("[FILE.json...]"));
    parser.process(app);

    // The runtime: engine, product database (sessions restored and persisted), result cache.
    wfs::Runtime::Options options;
    // Workflow folders: the setting workflows/dirs, then --workflows.
    for (const QString &dir : wfs::studio::settings::workflowDirs() + parser.values(workflowsDir))
        options.workflowDirs.push_back(dir.toStdString());
    options.metricsRetentionDays = wfs::studio::settings::retentionDays();
    options.sessionRetentionDays = wfs::studio::settings::sessionRetentionDays();
    // Settings ▸ Team server: the team store and shared cache this studio joins ("" = its own
    // database). Its metrics rows name it among the fleet's instances.
    options.storeUrl = wfs::studio::settings::teamStoreUrl().toStdString();
    options.cacheUrl = wfs::studio::settings::teamCacheUrl().toStdString();
    if (!options.storeUrl.empty())
        options.instanceId = QStringLiteral("studio@%1:%2")
                                 .arg(QSysInfo::machineHostName())
                                 .arg(QCoreApplication::applicationPid())
                                 .toStdString();
    wfs::Runtime runtime(options);
    wfs::MainWindow window(&runtime.engine());
    // Settings' metrics retention applies to the running runtime at once.
    QObject::connect(&window, &wfs::MainWindow::metricsRetentionChanged, &runtime,
                     [&runtime](int days) { runtime.setMetricsRetentionDays(days); });
    QObject::connect(&window, &wfs::MainWindow::sessionRetentionChanged, &runtime,
                     [&runtime](int days) { runtime.setSessionRetentionDays(days); });
    // The status bar says where data is kept (or why it is not); see offerDatabaseRepair().
    window.setRuntime(&runtime);

    // MCP calls go through the runtime's CachingEngine; every request is measured per tool in
    // MetricsRegistry::global() ("mcp/<tool>") and kept in dispatcher->requestLog().
    auto dispatcher = std::make_unique<wfs::mcp::Dispatcher>(
        std::make_shared<wfs::mcp::RuntimeBackend>(&runtime));
    // The MCP listener (settings mcp/*, --mcp-port, --no-mcp); its state shows in the window.
    std::unique_ptr<wfs::mcp::HttpServer> server = wfs::studio::startMcpListener(
        window, *dispatcher,
        {parser.isSet(noMcp), parser.isSet(mcpPort) ? parser.value(mcpPort) : QString()});
    // The dashboard: the load test, cache figures, history, the request log, the memory mark.
    wfs::studio::wireDashboard(window, runtime, *dispatcher, server.get(), options.l1Bytes);
    window.show();

    const QStringList files = parser.positionalArguments();
    QTimer::singleShot(0, &window, [&window, files] {
        for (const QString &file : files)
            window.openFile(file);
        window.offerRecovery();
        if (window.pages().isEmpty())
            window.newDocument();
        // A database that did not open: say why and offer what fits (not blocking).
        window.offerDatabaseRepair();
#ifdef WFS_TEST_HOOKS
        wfs::studio::applyTestHooks(window); // dev and CI builds only (option WFS_TEST_HOOKS)
#endif
    });
    const int rc = app.exec();
    if (server)
        server->stop();
    return rc;
}
