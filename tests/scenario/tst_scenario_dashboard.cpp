// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The dashboard as a person uses it (#16): opens it with Ctrl+Shift+D, runs a 10 s load test
// from the Load Test tab's widgets and reads the charts — every chart has points inside its
// visible range and axes with distinct labels —; an HTTP client with a wrong token shows up as
// transport errors in the error chart and in the Request Log with its reason; the Sessions dock
// opens wide enough to read. The studio is composed as main() composes it (dashboardwiring.h).
#include "scenariostudio.h"

#include "app/studio/dashboardwiring.h"
#include "engine/mcp/backend.h"
#include "engine/mcp/dispatcher.h"
#include "engine/mcp/httpserver.h"
#include "ui/dashboard/dashboardwidget.h"
#include "ui/dashboard/loadtestpanel.h"
#include "ui/dashboard/requestlogview.h"

#include <QAbstractButton>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTcpSocket>

using namespace wfs;
using namespace wfs::studio;

namespace {

constexpr const char *kToken = "scenario-dashboard-token";

// One POST with a bearer token; returns the HTTP status (0 when there was no answer).
int post(quint16 port, const QByteArray &token)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(3000))
        return 0;
    const QByteArray body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    socket.write("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 "Accept: application/json, text/event-stream\r\nAuthorization: Bearer " +
                 token + "\r\nContent-Length: " + QByteArray::number(body.size()) +
                 "\r\nConnection: close\r\n\r\n" + body);
    QByteArray reply;
    while (socket.waitForReadyRead(3000))
        reply += socket.readAll();
    const QList<QByteArray> first = reply.left(reply.indexOf('\r')).split(' ');
    return first.size() >= 2 ? first[1].toInt() : 0;
}

} // namespace

class TestScenarioDashboard : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void loadTestFillsEveryChart();
    void wrongTokenShowsAsTransportErrors();
    void sessionsDockOpensReadable();
    void closedDashboardGivesTheHeightBack();

private:
    void openDashboard();

    std::unique_ptr<test::ScenarioStudio> m_studio;
    std::unique_ptr<mcp::Dispatcher> m_dispatcher;
    std::unique_ptr<mcp::HttpServer> m_server;
};

void TestScenarioDashboard::init()
{
    test::ScenarioStudio::Config config;
    config.includeBundled = true; // workflows for the load test
    m_studio = std::make_unique<test::ScenarioStudio>(config);
    m_dispatcher = std::make_unique<mcp::Dispatcher>(
        std::make_shared<mcp::RuntimeBackend>(m_studio->runtime.get()));
    mcp::HttpServer::Options so;
    so.port = 0;
    so.token = kToken;
    m_server = std::make_unique<mcp::HttpServer>(*m_dispatcher, so);
    const auto started = m_server->start();
    QVERIFY2(started.ok(), started.ok() ? "" : started.error().c_str());
    wireDashboard(*m_studio->window, *m_studio->runtime, *m_dispatcher, m_server.get(),
                  Runtime::Options().l1Bytes);
}

void TestScenarioDashboard::cleanup()
{
    m_server.reset();
    m_dispatcher.reset();
    m_studio.reset();
}

void TestScenarioDashboard::openDashboard()
{
    m_studio->shortcut(QKeySequence(QStringLiteral("Ctrl+Shift+D")));
    auto *dock = m_studio->window->findChild<QDockWidget *>(QStringLiteral("dashboardDock"));
    QVERIFY(dock);
    QTRY_VERIFY(dock->isVisible());
}

// Run a 10 s load test through the Load Test tab, then read the Charts tab.
void TestScenarioDashboard::loadTestFillsEveryChart()
{
    openDashboard();
    DashboardWidget *dash = m_studio->window->dashboard();
    auto *tabs = dash->findChild<QTabWidget *>(QStringLiteral("dashboardTabs"));
    QVERIFY(tabs);
    tabs->setCurrentIndex(2);
    auto *users = dash->findChild<QSpinBox *>(QStringLiteral("loadTestUsers"));
    auto *seconds = dash->findChild<QDoubleSpinBox *>(QStringLiteral("loadTestSeconds"));
    auto *think = dash->findChild<QSpinBox *>(QStringLiteral("loadTestThink"));
    auto *run = dash->findChild<QPushButton *>(QStringLiteral("loadTestRun"));
    QVERIFY(users && seconds && think && run);
    test::ScenarioStudio::typeInto(users, QStringLiteral("2"));
    test::ScenarioStudio::typeInto(seconds, QStringLiteral("10"));
    test::ScenarioStudio::typeInto(think, QStringLiteral("1")); // paced: the GUI stays live
    QSignalSpy finished(dash->loadTest(), &LoadTestPanel::finished);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(finished.wait(25000));
    QCOMPARE(dash->loadTest()->results().size(), std::size_t(1));
    const metrics::LoadTestReport report = dash->loadTest()->results().back();
    QVERIFY(report.requests > 100);
    QVERIFY2(report.l1HitRate < 0.99, "the default load test exercises the miss path");
    tabs->setCurrentIndex(0);
    // A sample or two more, so that the last second of the run is plotted.
    QTest::qWait(2200);
    // The last minute shows the 10 s run over a sixth of the width, not in 10 pixels.
    auto *range = dash->findChild<QComboBox *>(QStringLiteral("dashboardRange"));
    range->setCurrentIndex(range->findData(60));
    QApplication::processEvents();
    const chart::TimeRange visible = dash->visibleRange();
    for (int c = 0; c < DashboardWidget::ChartCount; ++c) {
        const auto chart = DashboardWidget::Chart(c);
        int inside = 0;
        for (QLineSeries *s : dash->series(chart)) {
            for (int i = 0; i < s->count(); ++i) {
                const double x = s->at(i).x();
                if (x >= double(visible.fromMs) && x <= double(visible.toMs))
                    ++inside;
            }
        }
        QVERIFY2(inside >= 5, qPrintable(QStringLiteral("chart %1: %2 points").arg(c).arg(inside)));
        for (const Qt::Alignment side : {Qt::AlignLeft, Qt::AlignBottom}) {
            const QStringList labels = dash->axisLabels(chart, side);
            QVERIFY2(labels.size() >= 3, qPrintable(labels.join(QLatin1Char(','))));
            QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
        }
    }
    // Seen in the screenshots: the last time label sat half outside the chart ("12:43:4"), and
    // the log axis printed "µs" as "�s" (QtCharts formats labels as Latin-1).
    for (int c = 0; c < DashboardWidget::ChartCount; ++c) {
        QChart *chart = dash->chartView(DashboardWidget::Chart(c))->chart();
        const QFontMetrics fm(chart->axes(Qt::Horizontal).front()->labelsFont());
        const QString last = dash->axisLabels(DashboardWidget::Chart(c), Qt::AlignBottom).last();
        const double lastX = chart
                                 ->mapToPosition(QPointF(double(visible.toMs), 0),
                                                 dash->series(DashboardWidget::Chart(c))[0])
                                 .x();
        QVERIFY2(lastX + fm.horizontalAdvance(last) / 2.0 <= chart->size().width(),
                 qPrintable(QStringLiteral("chart %1: %2 cut at the right edge").arg(c).arg(last)));
    }
    auto *logBox = dash->findChild<QCheckBox *>(QStringLiteral("dashboardLog"));
    QVERIFY(logBox);
    QTest::mouseClick(logBox, Qt::LeftButton, {}, QPoint(8, logBox->height() / 2));
    QVERIFY(dash->isLogScale());
    QAbstractAxis *logAxis =
        dash->chartView(DashboardWidget::LatencyChart)->chart()->axes(Qt::Vertical).front();
    const QString format = qobject_cast<QLogValueAxis *>(logAxis)->labelFormat();
    QCOMPARE(QString::fromLatin1(format.toLatin1()), format);
    QVERIFY2(QString::fromUtf8(format.toLatin1()) == format, qPrintable(format)); // ASCII only
    QVERIFY(logAxis->titleText().contains(QStringLiteral("µs")) ||
            format.contains(QLatin1String("us")));
    logBox->click();
    // Requests/s moved well above zero during the run.
    double peak = 0;
    QLineSeries *rps = dash->series(DashboardWidget::ThroughputChart)[0];
    for (int i = 0; i < rps->count(); ++i)
        peak = std::max(peak, rps->at(i).y());
    QVERIFY2(peak > 50, qPrintable(QString::number(peak)));
}

// An MCP client with a wrong token: its 401s are transport errors on the error chart, and the
// Request Log lists them with their reason.
void TestScenarioDashboard::wrongTokenShowsAsTransportErrors()
{
    openDashboard();
    DashboardWidget *dash = m_studio->window->dashboard();
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 10; ++i)
            QCOMPARE(post(m_server->port(), "wrong-token"), 401);
        QTest::qWait(1100);
    }
    QTest::qWait(1100);
    double worst = 0;
    for (QLineSeries *s : dash->segments(DashboardWidget::ThroughputChart, 1)) // transport
        for (int i = 0; i < s->count(); ++i)
            worst = std::max(worst, s->at(i).y());
    QVERIFY2(worst > 50, qPrintable(QString::number(worst))); // every request of those seconds
    const QString readout = [&] {
        dash->setCursorTime(double(dash->visibleRange().toMs - 2000));
        return dash->readout(DashboardWidget::ThroughputChart);
    }();
    QVERIFY2(readout.contains(QLatin1String("Transport errors")), qPrintable(readout));
    // The Request Log tab, opened now, lists them at once with the reason.
    auto *tabs = dash->findChild<QTabWidget *>(QStringLiteral("dashboardTabs"));
    tabs->setCurrentIndex(1);
    RequestLogView *log = dash->requestLog();
    log->setKindFilter(QStringLiteral("transport"));
    QCOMPARE(log->rowCount(), 30);
    QCOMPARE(log->cell(0, RequestLogView::StatusColumn), QStringLiteral("401 Unauthorized"));
    QVERIFY2(log->cell(0, RequestLogView::ReasonColumn).contains(QLatin1String("token")),
             qPrintable(log->cell(0, RequestLogView::ReasonColumn)));
}

// The Sessions dock opens at a width that shows more than the session ids.
void TestScenarioDashboard::sessionsDockOpensReadable()
{
    auto *dock = m_studio->window->findChild<QDockWidget *>(QStringLiteral("sessionsDock"));
    QVERIFY(dock);
    QAction *toggle = dock->toggleViewAction();
    toggle->trigger();
    QTRY_VERIFY(dock->isVisible());
    QTRY_VERIFY2(dock->width() >= 380, qPrintable(QString::number(dock->width())));
    // The canvas keeps half of the window.
    QWidget *canvas = m_studio->window->centralWidget();
    QVERIFY2(canvas->width() * 2 >= m_studio->window->width() - 2,
             qPrintable(QString::number(canvas->width())));
}

// Found by hand: the dashboard opens taller than the Problems dock it shares the bottom with;
// closing it left Problems at the dashboard's height, the canvas squeezed. Closed with its
// close button, the height Problems had comes back; switching to the Problems tab (the
// dashboard still open behind it) keeps the area as it is.
void TestScenarioDashboard::closedDashboardGivesTheHeightBack()
{
    MainWindow *w = m_studio->window.get();
    auto *problems = w->findChild<QDockWidget *>(QStringLiteral("problemsDock"));
    auto *dashboard = w->findChild<QDockWidget *>(QStringLiteral("dashboardDock"));
    QVERIFY(problems && dashboard);
    QTRY_VERIFY(problems->isVisible());
    QApplication::processEvents();
    const int before = problems->height();
    QWidget *canvas = w->centralWidget();
    const int canvasBefore = canvas->height();
    const auto near = [](int a, int b) { return qAbs(a - b) <= 4; };

    openDashboard();
    QTRY_VERIFY2(dashboard->height() > before + 50,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(dashboard->height())));
    auto *close =
        dashboard->findChild<QAbstractButton *>(QStringLiteral("qt_dockwidget_closebutton"));
    QVERIFY(close && close->isVisible());
    QTest::mouseClick(close, Qt::LeftButton);
    QTRY_VERIFY(!dashboard->isVisible());
    QTRY_VERIFY(problems->isVisible());
    QTRY_VERIFY2(near(canvas->height(), canvasBefore) && near(problems->height(), before),
                 qPrintable(QStringLiteral("canvas %1, was %2; problems %3, was %4")
                                .arg(canvas->height())
                                .arg(canvasBefore)
                                .arg(problems->height())
                                .arg(before)));

    // Open again, then the Problems tab: a tab switch, not a close.
    openDashboard();
    QTRY_VERIFY(dashboard->height() > before + 50);
    const int tall = dashboard->height();
    QTabBar *bar = nullptr;
    int index = -1;
    for (QTabBar *b : w->findChildren<QTabBar *>()) {
        for (int i = 0; i < b->count(); ++i) {
            if (b->isVisible() &&
                b->tabText(i).remove(QLatin1Char('&')) == QLatin1String("Problems")) {
                bar = b;
                index = i;
            }
        }
    }
    QVERIFY2(bar, "no tab for the Problems dock");
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(index).center());
    QTRY_VERIFY(problems->isVisible());
    QTest::qWait(50);
    QVERIFY(!dashboard->isHidden()); // behind the Problems tab, still open
    QVERIFY2(near(problems->height(), tall),
             qPrintable(QStringLiteral("%1, the area was %2").arg(problems->height()).arg(tall)));
}

QTEST_MAIN(TestScenarioDashboard)
#include "tst_scenario_dashboard.moc"
