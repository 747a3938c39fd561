// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The Sessions dock: every session of the engine's SessionManager — the studio's stepper runs
// and the walks MCP clients drive (HTTP or a stdio process sharing the database) — updated live
// through queued connections. Selecting a session follows it on the canvas (read-only);
// studio sessions can be resumed in the stepper. Below the list, the replay of the selected
// session: a slider over its recorded calls (the database's call log) shows the step, what was
// sent and what was answered at each call, with the canvas marks as they were then. On a team
// server (setSharedSessions) the list is the whole fleet's: every instance's sessions.
#pragma once

#include "ui/canvas/workflowscene.h"

#include "engine/session.h"
#include "engine/store/sessionstore.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QSet>
#include <QWidget>

#include <functional>
#include <map>
#include <optional>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QSlider;
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
    ~SessionsWidget() override;

    QTreeWidget *tree() const { return m_tree; }
    // The session being followed ("" = none).
    QString followedSession() const { return m_followed; }
    // Follows `id`: emits followRequested, then marksChanged on every update of that session.
    void follow(const QString &id);
    void stopFollowing();
    // Rows in the list (for tests).
    int sessionCount() const;

    // Where the recorded calls are read for replay (null: no session store, no replay): the
    // embedded database's or a team store's.
    void setCallLog(std::function<store::AbstractSessionStore *()> sessions);
    // Replay of the followed session: its recorded calls, the slider over them (at the last
    // call = live), what the labels show.
    const std::vector<store::CallRecord> &replayCalls() const { return m_calls; }
    QSlider *replaySlider() const { return m_replaySlider; }
    QLabel *replayLabel() const { return m_replayLabel; }
    QPlainTextEdit *replaySent() const { return m_replaySent; }
    QPlainTextEdit *replayAnswer() const { return m_replayAnswer; }
    // Reads the followed session's calls again (the slider stays where it was, or at the end).
    void reloadReplay();

    // A team server: every instance's sessions from the team store, read by `fetch` (on a
    // worker thread) every `intervalMs` and listed with the engine's own; a followed session
    // that another instance moves on follows on the canvas and in the replay.
    void setSharedSessions(std::function<std::vector<Session>()> fetch, int intervalMs = 2000);
    // Reads the team store's sessions now (asynchronously; sharedSessionsRead() follows).
    void refreshShared();

signals:
    void sharedSessionsRead();

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
    // The engine's session, else the team store's as last read (setSharedSessions).
    std::optional<Session> sessionOf(const QString &id) const;
    void showCall(int index);
    bool replaying() const; ///< the slider is before the last call: live marks wait

    Engine *m_engine;
    QTreeWidget *m_tree;
    QTimer *m_coalesce;
    QElapsedTimer m_sinceFlush; ///< since the last flush (invalid before the first)
    QSet<QString> m_dirty;
    QSet<QString> m_removed;
    QString m_followed;
    std::function<store::AbstractSessionStore *()> m_callLog;
    std::vector<store::CallRecord> m_calls;
    QSlider *m_replaySlider = nullptr;
    QLabel *m_replayLabel = nullptr;
    QPlainTextEdit *m_replaySent = nullptr;
    QPlainTextEdit *m_replayAnswer = nullptr;
    std::function<std::vector<Session>()> m_sharedFetch;
    QTimer *m_sharedTimer = nullptr;
    QFutureWatcher<std::vector<Session>> m_sharedWatcher;
    QSet<QString> m_sharedIds;           ///< listed because the team store has them
    std::map<QString, Session> m_shared; ///< their last read
};

} // namespace wfs::studio
