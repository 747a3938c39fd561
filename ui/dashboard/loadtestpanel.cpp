// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "loadtestpanel.h"

#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace wfs::studio {

namespace {

QString us(double v)
{
    return QLocale().toString(v, 'f', v < 10 ? 2 : 1);
}

} // namespace

LoadTestPanel::LoadTestPanel(QWidget *parent)
    : QWidget(parent)
    , m_users(new QSpinBox(this))
    , m_seconds(new QDoubleSpinBox(this))
    , m_run(new QPushButton(tr("Run Load Test"), this))
    , m_progress(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_history(new QTreeWidget(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("loadTest"));
    m_users->setObjectName(QStringLiteral("loadTestUsers"));
    m_users->setRange(1, 256);
    m_users->setValue(4);
    m_seconds->setObjectName(QStringLiteral("loadTestSeconds"));
    m_seconds->setRange(0.2, 3600);
    m_seconds->setDecimals(1);
    m_seconds->setValue(10);
    m_seconds->setSuffix(tr(" s"));
    m_run->setObjectName(QStringLiteral("loadTestRun"));
    m_progress->setObjectName(QStringLiteral("loadTestProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_summary->setObjectName(QStringLiteral("loadTestSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_history->setObjectName(QStringLiteral("loadTestHistory"));
    m_history->setRootIsDecorated(false);
    m_history->setHeaderLabels({tr("Started"), tr("Users"), tr("Seconds"), tr("Requests"),
                                tr("Requests/s"), tr("Errors"), tr("next p50 µs"),
                                tr("next p99 µs"), tr("L1 hit %")});
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *form = new QFormLayout;
    form->addRow(tr("Virtual users:"), m_users);
    form->addRow(tr("Duration:"), m_seconds);
    form->addRow(tr("Mix:"), new QLabel(tr("40% workflow_list · 30% workflow_get · 20% "
                                           "workflow_next · 10% workflow_validate, in-process "
                                           "through the result cache, no think time"),
                                        this));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_run);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("Results:"), this));
    layout->addWidget(m_history, 1);

    m_tick->setInterval(200);
    connect(m_tick, &QTimer::timeout, this, [this] {
        const double f = m_runSeconds > 0 ? double(m_clock.elapsed()) / (m_runSeconds * 1000) : 1;
        m_progress->setValue(int(std::min(f, 0.99) * 1000));
    });
    connect(m_run, &QPushButton::clicked, this, [this] { start(); });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &LoadTestPanel::done);
}

LoadTestPanel::~LoadTestPanel()
{
    m_watcher.waitForFinished(); // the worker uses only its own engine; let it end
}

void LoadTestPanel::setUsers(int users)
{
    m_users->setValue(users);
}

void LoadTestPanel::setSeconds(double seconds)
{
    m_seconds->setValue(seconds);
}

bool LoadTestPanel::isRunning() const
{
    return m_watcher.isRunning();
}

bool LoadTestPanel::start()
{
    if (isRunning())
        return false;
    metrics::LoadTestOptions o;
    o.users = m_users->value();
    o.seconds = m_seconds->value();
    o.workflowDirs = m_dirs;
    o.seed = std::uint64_t(QDateTime::currentMSecsSinceEpoch());
    m_runSeconds = o.seconds;
    m_clock.start();
    m_progress->setValue(0);
    m_run->setEnabled(false);
    m_summary->setText(tr("Running %n virtual user(s)…", nullptr, o.users));
    m_tick->start();
    m_watcher.setFuture(QtConcurrent::run([o] { return metrics::runLoadTest(o); }));
    return true;
}

void LoadTestPanel::done()
{
    m_tick->stop();
    m_run->setEnabled(true);
    m_progress->setValue(1000);
    const Result<metrics::LoadTestReport> r = m_watcher.result();
    if (!r) {
        const QString message = QString::fromStdString(r.error());
        m_summary->setText(tr("Load test failed: %1").arg(message.toHtmlEscaped()));
        emit failed(message);
        return;
    }
    const metrics::LoadTestReport &rep = *r;
    QString html = tr("<b>%1 requests in %2 s</b> with %n user(s): <b>%3 req/s</b>, %4 errors, "
                      "RSS %5 MB, L1 hit rate %6 %",
                      nullptr, rep.users)
                       .arg(rep.requests)
                       .arg(QLocale().toString(rep.seconds, 'f', 1))
                       .arg(QLocale().toString(rep.rps, 'f', 0))
                       .arg(rep.errors)
                       .arg(QLocale().toString(rep.rssMb, 'f', 1))
                       .arg(QLocale().toString(rep.l1HitRate * 100, 'f', 1));
    html += QStringLiteral("<table cellspacing='6'><tr><th align='left'>%1</th><th>%2</th>"
                           "<th>%3</th><th>p50 µs</th><th>p95 µs</th><th>p99 µs</th></tr>")
                .arg(tr("Operation"), tr("Count"), tr("Errors"));
    for (const metrics::LoadTestOperation &op : rep.operations) {
        html += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td><td align='right'>%3</td>"
                               "<td align='right'>%4</td><td align='right'>%5</td>"
                               "<td align='right'>%6</td></tr>")
                    .arg(QString::fromStdString(op.name).toHtmlEscaped())
                    .arg(op.count)
                    .arg(op.errors)
                    .arg(us(op.p50Us), us(op.p95Us), us(op.p99Us));
    }
    html += QStringLiteral("</table>");
    m_summary->setText(html);
    m_results.push_back(rep);

    double nextP50 = 0;
    double nextP99 = 0;
    for (const metrics::LoadTestOperation &op : rep.operations) {
        if (op.name.find("next") != std::string::npos) {
            nextP50 = op.p50Us;
            nextP99 = op.p99Us;
        }
    }
    auto *item = new QTreeWidgetItem;
    item->setText(0, QDateTime::currentDateTime()
                         .addMSecs(-qint64(rep.seconds * 1000))
                         .toString(QStringLiteral("HH:mm:ss")));
    item->setText(1, QString::number(rep.users));
    item->setText(2, QLocale().toString(rep.seconds, 'f', 1));
    item->setText(3, QString::number(rep.requests));
    item->setText(4, QLocale().toString(rep.rps, 'f', 0));
    item->setText(5, QString::number(rep.errors));
    item->setText(6, us(nextP50));
    item->setText(7, us(nextP99));
    item->setText(8, QLocale().toString(rep.l1HitRate * 100, 'f', 1));
    m_history->insertTopLevelItem(0, item);
    emit finished(rep);
}

} // namespace wfs::studio
