// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "diagnosticsrunner.h"

#include "model/jsonio.h"
#include "ui/document/workflowdocument.h"

#include <QtConcurrent>

namespace wfs::studio {

Diagnostics studioCheck(const Json &doc, const std::string &text, const std::string &file,
                        const CheckOptions &options)
{
    return checkWorkflowDocument(doc, text, file, options);
}

DiagnosticsRunner::DiagnosticsRunner(WorkflowDocument &doc, CheckFunction check, QObject *parent)
    : QObject(parent)
    , m_doc(doc)
    , m_check(std::move(check))
{
    m_delay.setSingleShot(true);
    m_delay.setInterval(kDelayMs);
    connect(&m_delay, &QTimer::timeout, this, &DiagnosticsRunner::runNow);
    connect(&m_doc, &WorkflowDocument::contentsChanged, &m_delay, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFutureWatcher<Diagnostics>::finished, this,
            &DiagnosticsRunner::finished);
    m_delay.start();
}

DiagnosticsRunner::~DiagnosticsRunner()
{
    m_watcher.waitForFinished();
}

void DiagnosticsRunner::runNow()
{
    m_delay.stop();
    if (m_watcher.isRunning()) {
        m_rerun = true; // one check at a time; the newest state runs next
        return;
    }
    m_runningRevision = m_doc.revision();
    m_watcher.setFuture(QtConcurrent::run(job()));
}

const Diagnostics &DiagnosticsRunner::checkNow()
{
    m_delay.stop();
    // A check still running for an older revision is re-run when it finishes (finished()).
    publish(job()());
    return m_diagnostics;
}

std::function<Diagnostics()> DiagnosticsRunner::job() const
{
    // Positions refer to the document's text: the file on disk (patched where edited), which
    // the JSON view shows and saving writes.
    CheckOptions options;
    options.editedStep = m_doc.renamedStep();
    return [json = m_doc.json(), text = m_doc.text(), file = m_doc.filePath().toStdString(),
            options, check = m_check] { return check(json, text, file, options); };
}

void DiagnosticsRunner::finished()
{
    const Diagnostics result = m_watcher.result();
    if (m_rerun || m_runningRevision != m_doc.revision()) {
        m_rerun = false;
        runNow(); // stale: the document changed while the check ran
        return;
    }
    publish(result);
}

void DiagnosticsRunner::publish(const Diagnostics &result)
{
    if (result == m_diagnostics)
        return;
    m_diagnostics = result;
    emit diagnosticsChanged();
}

} // namespace wfs::studio
