// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Crash recovery: unsaved work of every open document is written to a recovery file
// (QStandardPaths::AppDataLocation/recovery/<pid>-<n>.json) a moment after each change and
// every few seconds, and removed once the document is saved or closed. At start-up, files left
// by a process that is no longer running are offered back.
//
// Environment (tests and tuning): WFS_AUTOSAVE_INTERVAL_MS (periodic, default 30000),
// WFS_AUTOSAVE_DEBOUNCE_MS (after a change, default 2000).
#pragma once

#include "model/json.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace wfs::studio {

class WorkflowDocument;

class RecoveryManager : public QObject
{
    Q_OBJECT
public:
    explicit RecoveryManager(QString directory = defaultDirectory(), QObject *parent = nullptr);
    ~RecoveryManager() override;

    static QString defaultDirectory();
    QString directory() const { return m_dir; }

    // Starts writing recovery data for `doc` (while it has unsaved changes).
    void track(WorkflowDocument *doc);
    // Stops and removes its recovery file (document closed).
    void untrack(WorkflowDocument *doc);
    // Writes (or removes, when unmodified) the recovery file of `doc` now.
    void writeNow(WorkflowDocument *doc);
    QString recoveryFile(WorkflowDocument *doc) const { return m_files.value(doc); }
    // How often every tracked document is written (default: the setting
    // editor/autosaveSeconds, overridden by WFS_AUTOSAVE_INTERVAL_MS for tests).
    void setAutosaveInterval(int ms);
    int autosaveInterval() const { return m_periodic.interval(); }

    struct Orphan
    {
        QString recoveryFile; ///< the file to delete once handled
        QString filePath;     ///< the document's own file ("" = never saved)
        Json workflow;
        QDateTime savedAt;
        qint64 pid = 0;
    };
    // Recovery files of processes that are no longer running; unreadable ones are skipped.
    QList<Orphan> orphans() const;
    static bool processAlive(qint64 pid);

private:
    void writeAll();

    QString m_dir;
    QHash<WorkflowDocument *, QString> m_files;
    QHash<WorkflowDocument *, QTimer *> m_debounce;
    QTimer m_periodic;
    int m_serial = 0;
    int m_debounceMs;
};

} // namespace wfs::studio
