// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Live checking of a document: after each change (debounced), runs the workflow checks on a
// worker thread (QtConcurrent) over a copy of the JSON and of the document's text (positions
// are those of that text), and publishes the diagnostics unless the document changed meanwhile
// (stale results are dropped).
#pragma once

#include "model/diagnostic.h"
#include "model/json.h"
#include "model/workflowcheck.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <functional>

namespace wfs::studio {

class WorkflowDocument;

// Schema + semantic checks of one workflow; positions refer to `text`; `options` carry what
// the document knows about the user's last edit (WorkflowDocument::renamedStep).
using CheckFunction = std::function<Diagnostics(const Json &doc, const std::string &text,
                                                const std::string &file,
                                                const CheckOptions &options)>;

// The project's checks (checkWorkflowDocument from model/).
Diagnostics studioCheck(const Json &doc, const std::string &text, const std::string &file,
                        const CheckOptions &options);

class DiagnosticsRunner : public QObject
{
    Q_OBJECT
public:
    explicit DiagnosticsRunner(WorkflowDocument &doc, CheckFunction check = studioCheck,
                               QObject *parent = nullptr);
    ~DiagnosticsRunner() override;

    const Diagnostics &diagnostics() const { return m_diagnostics; }
    // Starts a check now (skipping the pause).
    void runNow();
    // Checks the document as it is now, on the calling thread, and publishes the result as
    // the current diagnostics (Save uses it: one check, shown in Problems as well).
    const Diagnostics &checkNow();
    bool isRunning() const { return m_watcher.isRunning(); }
    static constexpr int kDelayMs = 300;

signals:
    void diagnosticsChanged();

private:
    void finished();
    void publish(const Diagnostics &result);
    // The check of the document as it is now, ready to run on any thread.
    std::function<Diagnostics()> job() const;

    WorkflowDocument &m_doc;
    CheckFunction m_check;
    QTimer m_delay;
    QFutureWatcher<Diagnostics> m_watcher;
    quint64 m_runningRevision = 0;
    bool m_rerun = false;
    Diagnostics m_diagnostics;
};

} // namespace wfs::studio
