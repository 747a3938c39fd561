// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "sessionswidget.h"

#include "engine/engine.h"
#include "engine/session.h"
#include "engine/store/heatmap.h"
#include "engine/store/sessionstore.h"
#include "engine/workflowrepository.h"
#include "ui/stepper/stepperrun.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace wfs::studio {

namespace {

enum Column { ColId, ColWorkflow, ColClient, ColCompleted, ColCurrent, ColUpdated, ColCount };

// At most one refresh per this period while sessions change continuously (a load test).
constexpr qint64 kMinFlushIntervalMs = 50;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

SessionsWidget::SessionsWidget(Engine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_tree(new QTreeWidget(this))
    , m_coalesce(new QTimer(this))
{
    setObjectName(QStringLiteral("sessionsWidget"));
    m_tree->setObjectName(QStringLiteral("sessionsTree"));
    m_tree->setColumnCount(ColCount);
    m_tree->setHeaderLabels({tr("Session"), tr("Workflow"), tr("Client"), tr("Completed"),
                             tr("Current step"), tr("Updated")});
    m_tree->setRootIsDecorated(false);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(ColUpdated, Qt::DescendingOrder);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setToolTip(tr("Select a session to follow it on the canvas (read-only)."));

    // Updates can come from any thread (MCP server threads): queue them, then coalesce bursts
    // into one refresh (well within the 1 s the canvas must follow in; see armFlush()).
    m_coalesce->setSingleShot(true);
    connect(m_coalesce, &QTimer::timeout, this, &SessionsWidget::flush);
    SessionManager &sessions = m_engine->sessions();
    connect(&sessions, &SessionManager::sessionCreated, this, &SessionsWidget::scheduleUpdate,
            Qt::QueuedConnection);
    connect(&sessions, &SessionManager::sessionUpdated, this, &SessionsWidget::scheduleUpdate,
            Qt::QueuedConnection);
    connect(
        &sessions, &SessionManager::sessionRemoved, this,
        [this](const QString &id) {
            m_removed.insert(id);
            m_dirty.remove(id);
            armFlush();
        },
        Qt::QueuedConnection);

    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, [this] {
        const QList<QTreeWidgetItem *> sel = m_tree->selectedItems();
        if (!sel.isEmpty())
            follow(sel.first()->data(ColId, Qt::UserRole).toString());
    });
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        emit resumeRequested(item->data(ColId, Qt::UserRole).toString());
    });
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QTreeWidgetItem *item = m_tree->itemAt(pos);
        if (!item)
            return;
        const QString id = item->data(ColId, Qt::UserRole).toString();
        QMenu menu;
        QAction *followAction = menu.addAction(tr("&Follow on Canvas"));
        QAction *resumeAction = menu.addAction(tr("&Resume in Stepper"));
        menu.addSeparator();
        QAction *removeAction = menu.addAction(tr("&Delete Session"));
        QAction *chosen = menu.exec(m_tree->viewport()->mapToGlobal(pos));
        if (chosen == followAction)
            follow(id);
        else if (chosen == resumeAction)
            emit resumeRequested(id);
        else if (chosen == removeAction &&
                 QMessageBox::question(this, tr("Delete Session"),
                                       tr("Delete session %1 and its history?").arg(id)) ==
                     QMessageBox::Yes)
            m_engine->sessions().remove(id.toStdString());
    });

    auto *resume = new QPushButton(tr("Resume in Stepper"), this);
    resume->setObjectName(QStringLiteral("sessionsResume"));
    connect(resume, &QPushButton::clicked, this, [this] {
        const QList<QTreeWidgetItem *> sel = m_tree->selectedItems();
        if (!sel.isEmpty())
            emit resumeRequested(sel.first()->data(ColId, Qt::UserRole).toString());
    });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(resume);
    // Replay: a slider over the followed session's calls, what was sent and answered.
    auto *replay = new QWidget(this);
    m_replaySlider = new QSlider(Qt::Horizontal, replay);
    m_replaySlider->setObjectName(QStringLiteral("sessionsReplaySlider"));
    m_replaySlider->setEnabled(false);
    m_replaySlider->setPageStep(1);
    m_replaySlider->setToolTip(
        tr("Replay: drag to see the step, what was sent and the answer at each call"));
    m_replayLabel = new QLabel(tr("Select a session to replay its calls."), replay);
    m_replayLabel->setObjectName(QStringLiteral("sessionsReplayLabel"));
    m_replayLabel->setWordWrap(true);
    const auto jsonPane = [replay](const QString &name) {
        auto *edit = new QPlainTextEdit(replay);
        edit->setObjectName(name);
        edit->setReadOnly(true);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        return edit;
    };
    m_replaySent = jsonPane(QStringLiteral("sessionsReplaySent"));
    m_replayAnswer = jsonPane(QStringLiteral("sessionsReplayAnswer"));
    auto *panes = new QTabWidget(replay);
    panes->addTab(m_replaySent, tr("Sent"));
    panes->addTab(m_replayAnswer, tr("Answer"));
    auto *replayLayout = new QVBoxLayout(replay);
    replayLayout->setContentsMargins(0, 0, 0, 0);
    replayLayout->addWidget(m_replaySlider);
    replayLayout->addWidget(m_replayLabel);
    replayLayout->addWidget(panes, 1);
    connect(m_replaySlider, &QSlider::valueChanged, this, &SessionsWidget::showCall);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_tree, 1);
    topLayout->addLayout(buttons);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(replay);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(split, 1);

    for (const Session &s : sessions.list())
        updateRow(s);
}

SessionsWidget::~SessionsWidget()
{
    m_sharedWatcher.waitForFinished();
}

int SessionsWidget::sessionCount() const
{
    return m_tree->topLevelItemCount();
}

QTreeWidgetItem *SessionsWidget::rowFor(const QString &id) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(ColId, Qt::UserRole).toString() == id)
            return item;
    }
    return nullptr;
}

void SessionsWidget::scheduleUpdate(const QString &id)
{
    m_dirty.insert(id);
    armFlush();
}

void SessionsWidget::armFlush()
{
    if (m_coalesce->isActive())
        return;
    // Leading edge: the first change after a quiet period is shown at once — after the events
    // already queued, so a burst still becomes one refresh; then at most one refresh per
    // kMinFlushIntervalMs while changes keep coming.
    const qint64 since = m_sinceFlush.isValid() ? m_sinceFlush.elapsed() : kMinFlushIntervalMs;
    m_coalesce->start(int(std::max<qint64>(0, kMinFlushIntervalMs - since)));
}

void SessionsWidget::flush()
{
    m_sinceFlush.start();
    const bool sorting = m_tree->isSortingEnabled();
    m_tree->setSortingEnabled(false);
    for (const QString &id : std::as_const(m_removed))
        delete rowFor(id);
    bool followedChanged = m_removed.contains(m_followed);
    m_removed.clear();
    const QSet<QString> dirty = std::exchange(m_dirty, {});
    for (const QString &id : dirty) {
        if (const std::optional<Session> s = sessionOf(id))
            updateRow(*s);
        followedChanged = followedChanged || id == m_followed;
    }
    m_tree->setSortingEnabled(sorting);
    if (followedChanged) {
        reloadReplay();
        emitMarks();
    }
}

void SessionsWidget::updateRow(const Session &s)
{
    const QString id = qs(s.id);
    QTreeWidgetItem *item = rowFor(id);
    if (!item) {
        item = new QTreeWidgetItem(m_tree);
        item->setData(ColId, Qt::UserRole, id);
    }
    item->setText(ColId, id);
    item->setText(ColWorkflow, qs(s.workflowId));
    item->setText(ColClient, qs(s.client));
    item->setData(ColCompleted, Qt::DisplayRole,
                  int(s.completedSteps.is_array() ? s.completedSteps.size() : 0));
    QString current;
    if (s.complete)
        current = tr("✓ complete");
    else if (s.currentStep.is_object() && s.currentStep.contains("id") &&
             s.currentStep["id"].is_string())
        current = qs(s.currentStep["id"].get<std::string>());
    item->setText(ColCurrent, current);
    const QDateTime updated = QDateTime::fromMSecsSinceEpoch(s.updatedMs);
    item->setData(ColUpdated, Qt::UserRole, qlonglong(s.updatedMs));
    item->setText(ColUpdated, updated.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    item->setToolTip(ColId, tr("%n tool call(s); created %1", nullptr, s.calls)
                                .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.createdMs),
                                                        QLocale::ShortFormat)));
}

std::optional<Session> SessionsWidget::sessionOf(const QString &id) const
{
    if (std::optional<Session> s = m_engine->sessions().get(id.toStdString()))
        return s;
    // A team store's session that this engine does not hold (another instance's, or one
    // written through and dropped from memory): as the last read of the store has it.
    const auto it = m_shared.find(id);
    if (it == m_shared.end())
        return std::nullopt;
    return it->second;
}

void SessionsWidget::follow(const QString &id)
{
    const std::optional<Session> s = sessionOf(id);
    if (!s)
        return;
    const bool other = id != m_followed;
    m_followed = id;
    emit followRequested(id, qs(s->workflowId));
    if (other)
        m_calls.clear(); // the slider goes to the new session's last call
    reloadReplay();
    emitMarks();
}

void SessionsWidget::stopFollowing()
{
    m_followed.clear();
}

void SessionsWidget::emitMarks()
{
    if (m_followed.isEmpty() || replaying())
        return;
    const std::optional<Session> s = sessionOf(m_followed);
    if (!s) {
        m_followed.clear();
        return;
    }
    const auto snap = m_engine->snapshot();
    const WorkflowEntry *e = snap ? snap->find(s->workflowId) : nullptr;
    if (!e)
        return;
    emit marksChanged(qs(s->workflowId), StepperRun::marksFor(*e->workflow(), *s));
}

void SessionsWidget::setCallLog(std::function<store::AbstractSessionStore *()> sessions)
{
    m_callLog = std::move(sessions);
}

bool SessionsWidget::replaying() const
{
    return !m_calls.empty() && m_replaySlider->value() < int(m_calls.size()) - 1;
}

void SessionsWidget::reloadReplay()
{
    store::AbstractSessionStore *store = m_callLog && !m_followed.isEmpty() ? m_callLog() : nullptr;
    const bool atEnd = !replaying();
    const int was = m_replaySlider->value();
    std::vector<store::CallRecord> calls;
    if (store) {
        if (auto r = store->calls(m_followed.toStdString()))
            calls = std::move(*r);
    }
    m_calls = std::move(calls);
    const QSignalBlocker block(m_replaySlider);
    m_replaySlider->setEnabled(m_calls.size() > 1);
    m_replaySlider->setRange(0, std::max(0, int(m_calls.size()) - 1));
    m_replaySlider->setValue(atEnd ? m_replaySlider->maximum() : was);
    showCall(m_replaySlider->value());
}

void SessionsWidget::showCall(int index)
{
    if (m_calls.empty() || index < 0 || index >= int(m_calls.size())) {
        m_replayLabel->setText(m_followed.isEmpty() ? tr("Select a session to replay its calls.")
                                                    : tr("No recorded calls for this session."));
        m_replaySent->clear();
        m_replayAnswer->clear();
        return;
    }
    const store::CallRecord &c = m_calls[std::size_t(index)];
    const auto pretty = [](const std::string &text) {
        const Json j = Json::parse(text, nullptr, false);
        return qs(j.is_discarded() ? text : j.dump(2, ' ', false, Json::error_handler_t::replace));
    };
    QString what;
    if (c.tool == "workflow_next")
        what = c.isError          ? tr("error")
               : c.complete       ? tr("✓ complete")
               : c.stepId.empty() ? tr("no eligible step")
               : c.loopId.empty()
                   ? qs(c.stepId)
                   : tr("%1 (loop %2, pass %3)").arg(qs(c.stepId), qs(c.loopId)).arg(c.pass);
    else
        what = QStringLiteral("%1: %2").arg(qs(c.stepId),
                                            c.valid == 1 ? tr("valid") : tr("not valid"));
    m_replayLabel->setText(
        tr("Call %1 of %2 · %3 · %4 → %5")
            .arg(index + 1)
            .arg(m_calls.size())
            .arg(QDateTime::fromMSecsSinceEpoch(c.atMs).toString(QStringLiteral("HH:mm:ss.zzz")),
                 qs(c.tool), what));
    m_replaySent->setPlainText(pretty(c.arguments));
    m_replayAnswer->setPlainText(pretty(c.answer));
    // The canvas as it was right after this call.
    const Session at = store::sessionAtCall(m_calls, std::size_t(index));
    const auto snap = m_engine->snapshot();
    const WorkflowEntry *e = snap ? snap->find(at.workflowId) : nullptr;
    if (e)
        emit marksChanged(qs(at.workflowId), StepperRun::marksFor(*e->workflow(), at));
}

void SessionsWidget::setSharedSessions(std::function<std::vector<Session>()> fetch, int intervalMs)
{
    m_sharedFetch = std::move(fetch);
    if (!m_sharedTimer) {
        m_sharedTimer = new QTimer(this);
        connect(m_sharedTimer, &QTimer::timeout, this, &SessionsWidget::refreshShared);
        connect(&m_sharedWatcher, &QFutureWatcher<std::vector<Session>>::finished, this, [this] {
            const std::vector<Session> sessions = m_sharedWatcher.result();
            const bool sorting = m_tree->isSortingEnabled();
            m_tree->setSortingEnabled(false);
            QSet<QString> listed;
            bool followedChanged = false;
            for (const Session &s : sessions) {
                const QString id = qs(s.id);
                listed.insert(id);
                m_shared[id] = s;
                QTreeWidgetItem *row = rowFor(id);
                if (row && row->data(ColUpdated, Qt::UserRole).toLongLong() == s.updatedMs)
                    continue;
                updateRow(s);
                followedChanged = followedChanged || id == m_followed;
            }
            // Gone from the store (deleted, pruned) and not one of this engine's own.
            for (const QString &id : std::as_const(m_sharedIds)) {
                if (listed.contains(id))
                    continue;
                m_shared.erase(id);
                if (!m_engine->sessions().get(id.toStdString()))
                    delete rowFor(id);
            }
            m_sharedIds = listed;
            m_tree->setSortingEnabled(sorting);
            if (followedChanged) {
                reloadReplay();
                emitMarks();
            }
            emit sharedSessionsRead();
        });
    }
    if (!m_sharedFetch) {
        m_sharedTimer->stop();
        return;
    }
    m_sharedTimer->start(intervalMs);
    refreshShared();
}

void SessionsWidget::refreshShared()
{
    if (!m_sharedFetch || m_sharedWatcher.isRunning())
        return;
    m_sharedWatcher.setFuture(QtConcurrent::run([fetch = m_sharedFetch] { return fetch(); }));
}

} // namespace wfs::studio
