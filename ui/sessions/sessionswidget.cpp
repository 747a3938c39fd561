// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "sessionswidget.h"

#include "engine/engine.h"
#include "engine/session.h"
#include "engine/workflowrepository.h"
#include "ui/stepper/stepperrun.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

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
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);

    for (const Session &s : sessions.list())
        updateRow(s);
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
        if (const std::optional<Session> s = m_engine->sessions().get(id.toStdString()))
            updateRow(*s);
        followedChanged = followedChanged || id == m_followed;
    }
    m_tree->setSortingEnabled(sorting);
    if (followedChanged)
        emitMarks();
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
    item->setText(ColUpdated, updated.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    item->setToolTip(ColId, tr("%n tool call(s); created %1", nullptr, s.calls)
                                .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.createdMs),
                                                        QLocale::ShortFormat)));
}

void SessionsWidget::follow(const QString &id)
{
    const std::optional<Session> s = m_engine->sessions().get(id.toStdString());
    if (!s)
        return;
    m_followed = id;
    emit followRequested(id, qs(s->workflowId));
    emitMarks();
}

void SessionsWidget::stopFollowing()
{
    m_followed.clear();
}

void SessionsWidget::emitMarks()
{
    if (m_followed.isEmpty())
        return;
    const std::optional<Session> s = m_engine->sessions().get(m_followed.toStdString());
    if (!s) {
        m_followed.clear();
        return;
    }
    const auto snap = m_engine->snapshot();
    const WorkflowEntry *e = snap ? snap->find(s->workflowId) : nullptr;
    if (!e)
        return;
    emit marksChanged(qs(s->workflowId), StepperRun::marksFor(*e->workflow, *s));
}

} // namespace wfs::studio
