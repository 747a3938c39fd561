// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The Sessions dock: every session of the engine's SessionManager — the studio's stepper runs
// and the walks MCP clients drive (HTTP or a stdio process sharing the database) — updated live
// through queued connections. Selecting a session follows it on the canvas (read-only);
// studio sessions can be resumed in the stepper.
#pragma once

#include "ui/canvas/workflowscene.h"

#include <QElapsedTimer>
#include <QSet>
#include <QWidget>

class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace wfs {
class Engine;
struct Session;
} // namespace wfs

namespace wfs::studio {

class SessionsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit SessionsWidget(Engine *engine, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    // The session being followed ("" = none).
    QString followedSession() const { return m_followed; }
    // Follows `id`: emits followRequested, then marksChanged on every update of that session.
    void follow(const QString &id);
    void stopFollowing();
    // Rows in the list (for tests).
    int sessionCount() const;

signals:
    // Open the session's workflow read-only; marks follow through marksChanged.
    void followRequested(const QString &sessionId, const QString &workflowId);
    void marksChanged(const QString &workflowId, const wfs::studio::WorkflowScene::RunMarks &marks);
    void resumeRequested(const QString &sessionId);

private:
    void scheduleUpdate(const QString &id);
    void armFlush();
    void flush();
    void updateRow(const Session &s);
    void emitMarks();
    QTreeWidgetItem *rowFor(const QString &id) const;

    Engine *m_engine;
    QTreeWidget *m_tree;
    QTimer *m_coalesce;
    QElapsedTimer m_sinceFlush; ///< since the last flush (invalid before the first)
    QSet<QString> m_dirty;
    QSet<QString> m_removed;
    QString m_followed;
};

} // namespace wfs::studio
