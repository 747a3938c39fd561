// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The dashboard's load test: N virtual users for a duration with a think time between requests
// and the product's tool mix (40% workflow_list, 30% workflow_get, 20% workflow_next, 10%
// workflow_validate), on worker threads, against one of two targets:
//   In-process — the studio's own Runtime (toolCall through its CachingEngine), so the global
//                metrics registry, the cache statistics and the dashboard's charts move live
//                (a private engine when no Runtime was given, e.g. in tests);
//   MCP HTTP   — real JSON-RPC requests to the studio's MCP listener (engine/metrics/
//                httploadtest.h); unavailable, with a tooltip saying why, while the listener is
//                off.
// A progress bar, Cancel, a summary (p50/p95/p99 per operation, requests/s, errors and their
// kinds) and a history of the results (target, users, think time, duration, figures).
//
//   panel->setRuntime(&runtime);
//   panel->setListener(QString::fromStdString(server.url()), token);   // {} when it stops
#pragma once

#include "engine/loadgen/loadtest.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;
class QTreeWidget;

namespace wfs {
class Runtime;
}

namespace wfs::studio {

class LoadTestPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Target { InProcess, Http };

    explicit LoadTestPanel(QWidget *parent = nullptr);
    // Cancels a running test and waits for it (at most about a request timeout).
    ~LoadTestPanel() override;

    void setUsers(int users);
    void setSeconds(double seconds);
    void setThinkMs(int ms);
    // Repeated requests (the cache hit path), varied ones (hits and misses, the default) or
    // only unique next/validate requests (the miss path).
    void setVariety(metrics::LoadTestVariety variety);
    metrics::LoadTestVariety variety() const;
    // Extra workflow folders for the private engine (used only without a Runtime).
    void setWorkflowDirs(std::vector<std::string> dirs) { m_dirs = std::move(dirs); }
    // The studio's runtime (not owned; must outlive the panel): the in-process target, and the
    // workflows the HTTP target calls. nullptr = a private engine.
    void setRuntime(Runtime *runtime) { m_runtime = runtime; }
    // The MCP listener: its URL ("http://127.0.0.1:8765/mcp") and bearer token while it runs;
    // an empty URL when it is off, `offReason` then says why (shown in the tooltip).
    void setListener(const QString &url, const QString &token, const QString &offReason = {});
    QString listenerUrl() const { return m_url; }
    // false when `target` is unavailable (HTTP while the listener is off).
    bool setTarget(Target target);
    Target target() const;
    bool isTargetAvailable(Target target) const;

    // Starts a run on a worker thread; false when one is already running.
    bool start();
    // Asks a running test to stop; it finishes (with what it measured) within ~50 ms.
    void cancel();
    bool isRunning() const;
    const std::vector<metrics::LoadTestReport> &results() const { return m_results; }
    QTreeWidget *historyView() const { return m_history; }
    QLabel *summaryView() const { return m_summary; }

signals:
    void finished(const wfs::metrics::LoadTestReport &report);
    void failed(const QString &message);

private:
    void done();
    void updateTargetAvailability();
    void addHistory(const metrics::LoadTestReport &report);
    QString targetName(const std::string &target) const;
    QString varietyName(metrics::LoadTestVariety variety) const;

    QComboBox *m_target;
    QSpinBox *m_users;
    QDoubleSpinBox *m_seconds;
    QSpinBox *m_think;
    QComboBox *m_variety;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QTreeWidget *m_history;
    QTimer *m_tick;
    QElapsedTimer m_clock;
    double m_runSeconds = 0;
    QFutureWatcher<Result<metrics::LoadTestReport>> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    std::vector<metrics::LoadTestReport> m_results;
    std::vector<std::string> m_dirs;
    Runtime *m_runtime = nullptr;
    QString m_url;
    QString m_token;
    QString m_offReason;
};

} // namespace wfs::studio
