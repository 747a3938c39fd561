// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Crash recovery: unsaved work of every open document is written to a recovery file
// (QStandardPaths::AppDataLocation/recovery/<random uuid>.json) a moment after each change and
// every few seconds, and removed once the document is saved or closed. At start-up, files left
// by an instance that is no longer running are offered back.
//
// Ownership: every instance holds a lock file, recovery/instance-<uuid>.lock (QLockFile), for
// its whole lifetime, and every recovery file names its instance. A file belongs to a live
// instance exactly while that lock is held: the kernel lock QLockFile takes goes away with the
// process however it ends (SIGKILL included), and unlike a process id it is never reused, so
// another instance can neither hide nor take over a crashed one's work. A write that fails is
// reported (writeFailed), never dropped silently.
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

#include <memory>

class QLockFile;

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
    // This instance's id (recorded in its recovery files) and whether it holds its lock.
    QString instanceId() const { return m_instance; }
    bool holdsInstanceLock() const;
    static QString lockFileName(const QString &directory, const QString &instanceId);

    // Starts writing recovery data for `doc` (while it has unsaved changes).
    void track(WorkflowDocument *doc);
    // Stops and removes its recovery file (document closed).
    void untrack(WorkflowDocument *doc);
    // Writes (or removes, when unmodified) the recovery file of `doc` now; false (and
    // writeFailed) when it could not be written.
    bool writeNow(WorkflowDocument *doc);
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
        QString instance; ///< the instance that wrote it ("" = a file of an older version)
    };
    // Recovery files of instances that are no longer running (their lock is free, or for
    // files of older versions without an instance, their process is gone); unreadable ones
    // are skipped. Files of live instances, this one included, are never listed.
    QList<Orphan> orphans() const;
    // Whether the instance `instanceId` (of this directory) is running: its lock is held.
    bool instanceAlive(const QString &instanceId) const;
    static bool processAlive(qint64 pid);
    // The reason the last write failed; "" once a write succeeded again.
    QString lastError() const { return m_lastError; }

signals:
    // A recovery file could not be written: `message` names the document, file and reason.
    void writeFailed(const QString &message);

private:
    void writeAll();
    bool fail(const QString &message);

    QString m_dir;
    QString m_instance;
    std::unique_ptr<QLockFile> m_lock;
    QString m_lastError;
    QHash<WorkflowDocument *, QString> m_files;
    QHash<WorkflowDocument *, QTimer *> m_debounce;
    QTimer m_periodic;
    int m_debounceMs;
};

} // namespace wfs::studio
