// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// How main() connects the dashboard to what the studio runs, shared with the scenario tests
// (tests/scenario/tst_scenario_dashboard.cpp) so that they drive the same composition: the load
// test against the runtime and the listener, cache figures and history from the runtime, the
// request log from the MCP dispatcher (kind and reason of every failure), the memory mark.
#pragma once

#include "engine/mcp/dispatcher.h"
#include "engine/mcp/httpserver.h"
#include "engine/mcp/requestlog.h"
#include "engine/runtime.h"
#include "ui/dashboard/dashboardsource.h"
#include "ui/dashboard/dashboardwidget.h"
#include "ui/dashboard/loadtestpanel.h"
#include "ui/dashboard/requestlogview.h"
#include "ui/mainwindow.h"

#include <vector>

namespace wfs::studio {

// The studio's request log rows from the dispatcher's log (both transports).
inline std::vector<RequestLogEntry> requestLogRows(const mcp::RequestLog &log)
{
    std::vector<RequestLogEntry> rows;
    for (const mcp::RequestLogEntry &e : log.snapshot()) {
        RequestLogEntry row;
        row.timeMs = e.timeMs;
        row.client = QString::fromStdString(e.client);
        row.session = QString::fromStdString(e.session);
        row.method = QString::fromStdString(e.method);
        row.tool = QString::fromStdString(e.tool);
        row.latencyMs = double(e.latencyUs) / 1000.0;
        row.status = e.status != 0 ? e.status : 200;
        row.kind = QString::fromStdString(e.kind);
        if (e.isError)
            row.error =
                e.errorCode != 0
                    ? QStringLiteral("%1: %2").arg(e.errorCode).arg(QString::fromStdString(e.error))
                    : QString::fromStdString(e.error);
        rows.push_back(std::move(row));
    }
    return rows;
}

// `server` may be null (no listener). `cacheBudgetBytes`: the L1 cache budget the memory chart
// marks (the studio has no memory budget of its own).
inline void wireDashboard(MainWindow &window, Runtime &runtime, mcp::Dispatcher &dispatcher,
                          mcp::HttpServer *server, std::size_t cacheBudgetBytes)
{
    DashboardWidget *dashboard = window.dashboard();
    if (!dashboard)
        return;
    // The load test: in-process against this runtime; over HTTP against the listener while it
    // runs (URL and token follow its state; the status text says why it is off).
    LoadTestPanel *loadTest = dashboard->loadTest();
    loadTest->setRuntime(&runtime);
    const auto followListener = [loadTest, &window, server](bool running) {
        if (server && running)
            loadTest->setListener(QString::fromStdString(server->url()),
                                  QString::fromStdString(server->options().token));
        else
            loadTest->setListener({}, {}, window.mcpStatus());
    };
    if (server)
        QObject::connect(server, &mcp::HttpServer::stateChanged, loadTest, followListener);
    followListener(server && server->isRunning());
    // Cache figures and history from the runtime, requests from the MCP log.
    window.dashboardSource()->setCacheStats([&runtime] { return runtime.cache().stats(); });
    window.dashboardSource()->setHistoryDatabase(runtime.database());
    mcp::RequestLog &requestLog = dispatcher.requestLog();
    dashboard->requestLog()->setFetch([&requestLog] { return requestLogRows(requestLog); });
    QObject::connect(&requestLog, &mcp::RequestLog::appended, dashboard->requestLog(),
                     &RequestLogView::notify, Qt::QueuedConnection);
    dashboard->setMemoryBudget(double(cacheBudgetBytes) / (1024.0 * 1024.0));
}

} // namespace wfs::studio
