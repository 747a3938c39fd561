// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// MainWindow and the runtime: the data status (where sessions, cache and metrics are kept, or
// why they are not), the offer to repair a database that did not open, the MCP listener's
// status and the About text.
#include "mainwindow.h"

#include "canvas/workflowscene.h"
#include "canvas/workflowview.h"
#include "dashboard/dashboardsource.h"
#include "dashboard/dashboardwidget.h"
#include "dashboard/fleetsource.h"
#include "editorpage.h"
#include "engine/engine.h"
#include "engine/runtime.h"
#include "engine/services/storehandle.h"
#include "engine/session.h"
#include "engine/store/sessionsink.h"
#include "engine/store/sessionstore.h"
#include "engine/workflowrepository.h"
#include "inspector/inspectorwidget.h"
#include "jsonview/jsonview.h"
#include "library/librarywidget.h"
#include "model/jsonio.h"
#include "problems/diagnosticsrunner.h"
#include "problems/problemspanel.h"
#include "recoverymanager.h"
#include "sessions/sessionswidget.h"
#include "settings/appsettings.h"
#include "settings/connectagentdialog.h"
#include "settings/settingsdialog.h"
#include "ui/document/workflowdocument.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoGroup>
#include <QVBoxLayout>

#include <algorithm>

namespace wfs {

using namespace studio;

void MainWindow::setRuntime(Runtime *runtime)
{
    if (m_runtime)
        disconnect(m_runtime, nullptr, this, nullptr);
    m_runtime = runtime;
    if (m_runtime) {
        connect(m_runtime, &Runtime::databaseReopened, this, [this] {
            if (RegistrySource *source = dashboardSource())
                source->setHistoryDatabase(m_runtime->database());
            updateDataStatus();
        });
        connect(m_runtime, &Runtime::teamStoreConnected, this, &MainWindow::updateDataStatus);
    }
    if (m_library)
        m_library->setPublishedFolder(
            m_runtime ? QString::fromStdString(m_runtime->publishedFolder()) : QString());
    connectTeamViews();
    updateDataStatus();
}

// On a team server the Sessions list and the dashboard (View: Team fleet, Instances) show
// every instance writing into the team store, read in the background.
void MainWindow::connectTeamViews()
{
    DashboardWidget *board = dashboard();
    SessionsWidget *list = sessionsList();
    if (board && board->fleetSource()) {
        FleetSource *old = board->fleetSource();
        board->setFleetSource(nullptr);
        old->deleteLater();
    }
    if (list)
        list->setSharedSessions({});
    if (!m_runtime || !m_runtime->isTeamServer())
        return;
    Runtime *runtime = m_runtime;
    if (board) {
        auto *fleet = new FleetSource(
            [runtime](std::int64_t sinceMs) -> Result<store::FleetMetrics> {
                services::StoreHandle *team = runtime->teamStore();
                if (!team)
                    return Result<store::FleetMetrics>::failure(runtime->databaseError().empty()
                                                                    ? "not connected yet"
                                                                    : runtime->databaseError());
                return team->fleetMetrics(sinceMs);
            },
            this);
        board->setFleetSource(fleet);
        // The fleet's instances are listed (Instances tab, View) from the start.
        fleet->poll();
    }
    if (list) {
        list->setSharedSessions([runtime]() -> std::vector<Session> {
            std::vector<Session> out;
            services::StoreHandle *team = runtime->teamStore();
            if (!team)
                return out;
            if (auto records = team->sessions().loadAll(kTeamSessionsListed)) {
                for (const store::SessionRecord &r : *records) {
                    if (std::optional<Session> s = store::sessionOfRecord(r))
                        out.push_back(std::move(*s));
                }
            }
            return out;
        });
    }
}

namespace {

QString homeRelative(const QString &path)
{
    const QString home = QDir::homePath();
    const QString native = QDir::toNativeSeparators(path);
    if (!home.isEmpty() && home != QLatin1String("/") && path.startsWith(home + QLatin1Char('/')))
        return QStringLiteral("~") + QDir::toNativeSeparators(path.mid(home.size()));
    return native;
}

} // namespace

void MainWindow::updateDataStatus()
{
    if (!m_runtime) {
        m_dataLabel->hide();
        return;
    }
    const Runtime::DatabaseState s = m_runtime->databaseState();
    const QString path = QString::fromStdString(s.path);
    QString text;
    QString tip;
    bool warning = false;
    if (m_runtime->isTeamServer()) {
        // A team store: the URL without its password, or why it cannot be reached (retried).
        if (m_runtime->teamStore()) {
            text = tr("Team store: %1").arg(path);
            tip = tr("Sessions, metrics and published workflows are shared with the team "
                     "server's instances in %1; the Sessions list, heat map and dashboard (View: "
                     "Team fleet) show all of them.")
                      .arg(path);
        } else {
            text = tr("Team store: not reachable (retrying)");
            tip = tr("The team store %1 cannot be reached: %2. The studio works from memory and "
                     "connects by itself when the store is back.")
                      .arg(path, QString::fromStdString(s.reason));
            warning = true;
        }
    } else if (s.open && path == QLatin1String(":memory:")) {
        text = tr("Data: in memory only");
        tip = tr("The database is in memory: sessions and metrics last until the studio quits.");
    } else if (s.open) {
        text = tr("Data: %1").arg(homeRelative(path));
        tip = tr("Sessions, metrics and cached answers are kept in %1")
                  .arg(QDir::toNativeSeparators(path));
    } else if (s.disabled) {
        text = tr("Data: not kept (disabled)");
        tip = tr("The database is disabled: sessions and metrics stay in memory.");
    } else {
        text = tr("Data: not kept (database unavailable)");
        tip = tr("Sessions and metrics are not kept: %1").arg(QString::fromStdString(s.reason));
        warning = true;
    }
    m_dataText = text;
    elideDataStatus();
    m_dataLabel->setToolTip(tip);
    m_dataLabel->setProperty("warning", warning);
    if (warning) {
        const bool dark = palette().color(QPalette::Window).lightness() < 128;
        m_dataLabel->setStyleSheet(
            QStringLiteral("QLabel { color: %1; font-weight: bold; }")
                .arg(dark ? QStringLiteral("#ffb74d") : QStringLiteral("#b34700")));
    } else {
        m_dataLabel->setStyleSheet(QString());
    }
    m_dataLabel->show();
}

QString MainWindow::aboutText() const
{
    QString text = tr("<b>Workflow Studio</b> %1<br>Visual editor, validator and MCP "
                      "server for AI-agent workflows (WorkRail-compatible).")
                       .arg(QApplication::applicationVersion());
    if (!m_runtime)
        return text;
    const Runtime::DatabaseState s = m_runtime->databaseState();
    const QString path = QDir::toNativeSeparators(QString::fromStdString(s.path)).toHtmlEscaped();
    QString state;
    if (s.open)
        state = tr("open: sessions, metrics and cached answers are kept");
    else if (s.disabled)
        state = tr("disabled: nothing is kept");
    else
        state = tr("not open: sessions and metrics are not kept");
    text += QStringLiteral("<p>") + tr("Database: %1").arg(path.isEmpty() ? tr("none") : path) +
            QStringLiteral("<br>") + tr("State: %1").arg(state);
    if (!s.open && !s.reason.empty())
        text += QStringLiteral("<br>") +
                tr("Reason: %1").arg(QString::fromStdString(s.reason).toHtmlEscaped());
    text += QStringLiteral("</p>");
    return text;
}

QMessageBox *MainWindow::databaseOffer() const
{
    return m_databaseOffer;
}

void MainWindow::offerDatabaseRepair()
{
    // A team store that cannot be reached is retried by the runtime (the status bar says so);
    // there is no file to repair or move aside.
    if (!m_runtime || m_databaseOffer || m_runtime->isTeamServer())
        return;
    const Runtime::DatabaseState s = m_runtime->databaseState();
    if (s.open || s.disabled)
        return;
    using Problem = Runtime::DatabaseProblem;
    const QString path = QDir::toNativeSeparators(QString::fromStdString(s.path));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Database Unavailable"), QString(),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("databaseOffer"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->setDetailedText(QString::fromStdString(s.reason));
    const auto button = [box](const QString &text, QMessageBox::ButtonRole role,
                              const char *choice) {
        QPushButton *b = box->addButton(text, role);
        b->setObjectName(QString::fromLatin1(choice));
        return b;
    };
    const QString notKept = tr("Until then, sessions and metrics are not kept.");
    QPushButton *preferred = nullptr;
    switch (s.problem) {
    case Problem::Corrupt:
        box->setText(tr("The database %1 cannot be opened: it is damaged or not a Workflow "
                        "Studio database.")
                         .arg(path));
        box->setInformativeText(tr("Move it aside (it is renamed, nothing is deleted) and start "
                                   "with a fresh database? %1")
                                    .arg(notKept));
        preferred = button(tr("Move Aside and Start Fresh"), QMessageBox::AcceptRole, "moveAside");
        button(tr("Continue Without Saving Data"), QMessageBox::RejectRole, "continue");
        break;
    case Problem::NewerSchema:
        box->setText(tr("The database %1 was written by a newer version of Workflow Studio. "
                        "This version leaves it untouched.")
                         .arg(path));
        box->setInformativeText(tr("Keep it for the newer version and continue without saving "
                                   "data, or move it aside (it is renamed, nothing is deleted) "
                                   "and start with a fresh database."));
        preferred = button(tr("Keep It and Continue Without Saving Data"), QMessageBox::RejectRole,
                           "continue");
        button(tr("Move Aside and Start Fresh"), QMessageBox::DestructiveRole, "moveAside");
        break;
    case Problem::ReadOnly:
        box->setText(tr("The database %1 is in a read-only place: sessions and metrics cannot "
                        "be kept.")
                         .arg(path));
        box->setInformativeText(tr("The file cannot be moved aside there either. Make the folder "
                                   "writable and choose Retry, or continue without saving "
                                   "data."));
        button(tr("Retry"), QMessageBox::AcceptRole, "retry");
        preferred = button(tr("Continue Without Saving Data"), QMessageBox::RejectRole, "continue");
        break;
    case Problem::None:
    case Problem::Unavailable:
        box->setText(tr("The database %1 cannot be opened.").arg(path));
        box->setInformativeText(s.canMoveAside
                                    ? tr("Move it aside (it is renamed, nothing is deleted) and "
                                         "start with a fresh database, or retry once the cause "
                                         "is fixed. %1")
                                          .arg(notKept)
                                    : tr("Retry once the cause is fixed, or continue without "
                                         "saving data."));
        button(tr("Retry"), QMessageBox::AcceptRole, "retry");
        if (s.canMoveAside)
            button(tr("Move Aside and Start Fresh"), QMessageBox::DestructiveRole, "moveAside");
        preferred = button(tr("Continue Without Saving Data"), QMessageBox::RejectRole, "continue");
        break;
    }
    box->setDefaultButton(preferred);
    connect(box, &QMessageBox::buttonClicked, this, [this](QAbstractButton *clicked) {
        databaseChoice(clicked ? clicked->objectName() : QString());
    });
    m_databaseOffer = box;
    box->open();
}

void MainWindow::databaseChoice(const QString &choice)
{
    if (!m_runtime)
        return;
    const auto tell = [this](const QString &text) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Database Unavailable"), text,
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("databaseNotice"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        box->open();
    };
    const QString goingOn = tr("Workflow Studio goes on without keeping sessions and metrics.");
    if (choice == QLatin1String("moveAside")) {
        const Result<std::string> moved = m_runtime->moveDatabaseAside();
        if (!moved) {
            tell(tr("The database was not moved aside: %1\n\n%2")
                     .arg(QString::fromStdString(moved.error()), goingOn));
        } else if (const Result<void> opened = m_runtime->reopenDatabase(); !opened) {
            tell(tr("The damaged database was moved aside to %1, but a fresh one cannot be "
                    "opened: %2\n\n%3")
                     .arg(QDir::toNativeSeparators(QString::fromStdString(*moved)),
                          QString::fromStdString(opened.error()), goingOn));
        } else {
            statusBar()->showMessage(
                tr("The damaged database was kept as %1; a fresh database is in use.")
                    .arg(QFileInfo(QString::fromStdString(*moved)).fileName()),
                15000);
        }
    } else if (choice == QLatin1String("retry")) {
        if (const Result<void> opened = m_runtime->reopenDatabase(); !opened)
            tell(tr("The database still cannot be opened: %1\n\n%2")
                     .arg(QString::fromStdString(opened.error()), goingOn));
        else
            statusBar()->showMessage(tr("The database is open; sessions and metrics are kept."),
                                     8000);
    }
    updateDataStatus();
}

void MainWindow::setMcpStatus(const QString &text)
{
    m_mcpLabel->setText(text);
}

QString MainWindow::mcpStatus() const
{
    return m_mcpLabel->text();
}

void MainWindow::setMcpListener(const QString &url, const QString &token)
{
    m_listenerUrl = url;
    m_listenerToken = url.isEmpty() ? QString() : token;
}

AgentSetup MainWindow::agentSetup() const
{
    QStringList dirs;
    if (m_engine) {
        for (const std::string &d : m_engine->repository().directories()) {
            if (d.rfind(":/", 0) != 0)
                dirs << QString::fromStdString(d);
        }
    }
    return agentSetupFor(dirs, m_listenerUrl, m_listenerToken, mcpStatus());
}

void MainWindow::elideDataStatus()
{
    // Long paths are shortened in the middle; the tooltip has all of it.
    const int room = std::max(200, width() / 3);
    m_dataLabel->setText(m_dataLabel->fontMetrics().elidedText(m_dataText, Qt::ElideMiddle, room));
}

} // namespace wfs
