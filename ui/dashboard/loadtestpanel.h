// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The dashboard's load test: N virtual users for a duration with the product's tool mix (40%
// workflow_list, 30% workflow_get, 20% workflow_next, 10% workflow_validate), in-process through
// the caching engine (engine/metrics/loadtest.h), on a worker thread; a progress bar, a summary
// (p50/p95/p99 per operation, requests/s, errors) and a history of the results.
#pragma once

#include "engine/metrics/loadtest.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QWidget>

#include <vector>

class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;
class QTreeWidget;

namespace wfs::studio {

class LoadTestPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LoadTestPanel(QWidget *parent = nullptr);
    ~LoadTestPanel() override;

    void setUsers(int users);
    void setSeconds(double seconds);
    // Extra workflow folders to load (the bundled samples are always used).
    void setWorkflowDirs(std::vector<std::string> dirs) { m_dirs = std::move(dirs); }
    // Starts a run on a worker thread; false when one is already running.
    bool start();
    bool isRunning() const;
    const std::vector<metrics::LoadTestReport> &results() const { return m_results; }
    QTreeWidget *historyView() const { return m_history; }
    QLabel *summaryView() const { return m_summary; }

signals:
    void finished(const wfs::metrics::LoadTestReport &report);
    void failed(const QString &message);

private:
    void done();

    QSpinBox *m_users;
    QDoubleSpinBox *m_seconds;
    QPushButton *m_run;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QTreeWidget *m_history;
    QTimer *m_tick;
    QElapsedTimer m_clock;
    double m_runSeconds = 0;
    QFutureWatcher<Result<metrics::LoadTestReport>> m_watcher;
    std::vector<metrics::LoadTestReport> m_results;
    std::vector<std::string> m_dirs;
};

} // namespace wfs::studio
