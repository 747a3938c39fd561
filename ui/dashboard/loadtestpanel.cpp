// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "loadtestpanel.h"

#include "engine/cache/resultcache.h"
#include "engine/engine.h"
#include "engine/loadgen/httploadtest.h"
#include "engine/runtime.h"

#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace wfs::studio {

namespace {

const char *const kOps[4] = {"workflow_list", "workflow_get", "workflow_next", "workflow_validate"};

QString us(double v)
{
    return QLocale().toString(v, 'f', v < 10 ? 2 : 1);
}

double rate(std::uint64_t hits, std::uint64_t misses)
{
    return hits + misses == 0 ? 0.0 : double(hits) / double(hits + misses);
}

// The HTTP target with the cache figures of the studio's runtime over the run, when there is one.
Result<metrics::LoadTestReport> runHttp(Runtime *runtime, const std::vector<std::string> &dirs,
                                        const metrics::HttpLoadTestTarget &target,
                                        const metrics::LoadTestOptions &o)
{
    if (!runtime) {
        Engine::Options eo;
        eo.useStandardLocations = false;
        eo.useEnvironment = false;
        eo.watchFiles = false;
        eo.extraDirs = dirs;
        Engine engine(eo);
        return metrics::runHttpLoadTest(target, *engine.snapshot(), o);
    }
    const cache::CacheStats before = runtime->cache().stats();
    Result<metrics::LoadTestReport> r =
        metrics::runHttpLoadTest(target, *runtime->engine().snapshot(), o);
    if (r) {
        const cache::CacheStats after = runtime->cache().stats();
        r->l1HitRate = rate(after.l1.hits - before.l1.hits, after.l1.misses - before.l1.misses);
        r->l2HitRate = rate(after.l2.hits - before.l2.hits, after.l2.misses - before.l2.misses);
    }
    return r;
}

} // namespace

LoadTestPanel::LoadTestPanel(QWidget *parent)
    : QWidget(parent)
    , m_target(new QComboBox(this))
    , m_users(new QSpinBox(this))
    , m_seconds(new QDoubleSpinBox(this))
    , m_think(new QSpinBox(this))
    , m_variety(new QComboBox(this))
    , m_run(new QPushButton(tr("Run Load Test"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_history(new QTreeWidget(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("loadTest"));
    m_target->setObjectName(QStringLiteral("loadTestTarget"));
    m_target->addItem(tr("In-process (studio engine)"), int(Target::InProcess));
    m_target->addItem(tr("MCP HTTP listener"), int(Target::Http));
    m_target->setItemData(0,
                          tr("Calls the studio's engine directly through its result cache: the "
                             "charts and cache statistics move while the test runs"),
                          Qt::ToolTipRole);
    m_users->setObjectName(QStringLiteral("loadTestUsers"));
    m_users->setRange(1, 256);
    m_users->setValue(4);
    m_seconds->setObjectName(QStringLiteral("loadTestSeconds"));
    m_seconds->setRange(0.2, 3600);
    m_seconds->setDecimals(1);
    m_seconds->setValue(10);
    m_seconds->setSuffix(tr(" s"));
    m_think->setObjectName(QStringLiteral("loadTestThink"));
    m_think->setRange(0, 60000);
    m_think->setSingleStep(10);
    m_think->setValue(0);
    m_think->setSuffix(tr(" ms"));
    m_think->setSpecialValueText(tr("none (closed loop)"));
    m_think->setToolTip(tr("Pause of each virtual user between two requests"));
    m_variety->setObjectName(QStringLiteral("loadTestVariety"));
    for (const auto v : {metrics::LoadTestVariety::Varied, metrics::LoadTestVariety::Repeated,
                         metrics::LoadTestVariety::Unique})
        m_variety->addItem(varietyName(v), int(v));
    m_variety->setToolTip(tr("Repeated requests are answered from the cache after one pass; "
                             "unique ones (contexts, completed steps and outputs drawn from the "
                             "workflows) are computed every time"));
    m_run->setObjectName(QStringLiteral("loadTestRun"));
    m_cancel->setObjectName(QStringLiteral("loadTestCancel"));
    m_cancel->setEnabled(false);
    m_progress->setObjectName(QStringLiteral("loadTestProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_summary->setObjectName(QStringLiteral("loadTestSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_history->setObjectName(QStringLiteral("loadTestHistory"));
    m_history->setRootIsDecorated(false);
    m_history->setHeaderLabels({tr("Started"), tr("Target"), tr("Users"), tr("Think ms"),
                                tr("Seconds"), tr("Requests"), tr("Requests/s"), tr("Errors"),
                                tr("list p50/p95/p99 µs"), tr("get p50/p95/p99 µs"),
                                tr("next p50/p95/p99 µs"), tr("validate p50/p95/p99 µs"),
                                tr("L1 hit %"), tr("Request set")});
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *form = new QFormLayout;
    form->addRow(tr("Target:"), m_target);
    form->addRow(tr("Virtual users:"), m_users);
    form->addRow(tr("Duration:"), m_seconds);
    form->addRow(tr("Think time:"), m_think);
    form->addRow(tr("Requests:"), m_variety);
    form->addRow(tr("Mix:"), new QLabel(tr("40% workflow_list · 30% workflow_get · 20% "
                                           "workflow_next · 10% workflow_validate"),
                                        this));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
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
    connect(m_cancel, &QPushButton::clicked, this, &LoadTestPanel::cancel);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &LoadTestPanel::done);
    updateTargetAvailability();
}

LoadTestPanel::~LoadTestPanel()
{
    cancel();
    m_watcher.waitForFinished();
}

void LoadTestPanel::setUsers(int users)
{
    m_users->setValue(users);
}

void LoadTestPanel::setSeconds(double seconds)
{
    m_seconds->setValue(seconds);
}

void LoadTestPanel::setThinkMs(int ms)
{
    m_think->setValue(ms);
}

void LoadTestPanel::setListener(const QString &url, const QString &token, const QString &offReason)
{
    m_url = url;
    m_token = token;
    m_offReason = offReason;
    updateTargetAvailability();
}

void LoadTestPanel::updateTargetAvailability()
{
    auto *model = qobject_cast<QStandardItemModel *>(m_target->model());
    Q_ASSERT_X(model, "LoadTestPanel", "QComboBox's default model is a QStandardItemModel");
    if (!model)
        return;
    QStandardItem *http = model->item(1);
    const bool available = !m_url.isEmpty();
    http->setEnabled(available);
    QString tip;
    if (available) {
        tip = tr("Real JSON-RPC requests to %1 (one MCP session and keep-alive connection per "
                 "virtual user)")
                  .arg(m_url);
    } else {
        tip = tr("Unavailable: the MCP listener is off");
        if (!m_offReason.isEmpty())
            tip += QStringLiteral(" (%1)").arg(m_offReason);
        tip += QStringLiteral(". ") + tr("Turn it on in File › Settings… and restart the studio.");
    }
    http->setToolTip(tip);
    if (!available && target() == Target::Http)
        m_target->setCurrentIndex(0);
    m_target->setToolTip(
        target() == Target::Http ? tip : m_target->itemData(0, Qt::ToolTipRole).toString());
}

bool LoadTestPanel::isTargetAvailable(Target target) const
{
    return target == Target::InProcess || !m_url.isEmpty();
}

bool LoadTestPanel::setTarget(Target target)
{
    if (!isTargetAvailable(target))
        return false;
    m_target->setCurrentIndex(target == Target::Http ? 1 : 0);
    updateTargetAvailability();
    return true;
}

LoadTestPanel::Target LoadTestPanel::target() const
{
    return Target(m_target->currentData().toInt());
}

void LoadTestPanel::setVariety(metrics::LoadTestVariety v)
{
    m_variety->setCurrentIndex(std::max(0, m_variety->findData(int(v))));
}

metrics::LoadTestVariety LoadTestPanel::variety() const
{
    return metrics::LoadTestVariety(m_variety->currentData().toInt());
}

QString LoadTestPanel::varietyName(metrics::LoadTestVariety v) const
{
    switch (v) {
    case metrics::LoadTestVariety::Varied:
        return tr("Varied (cache hits and misses)");
    case metrics::LoadTestVariety::Repeated:
        return tr("Repeated (cache hit path)");
    case metrics::LoadTestVariety::Unique:
        return tr("Unique next/validate (miss path)");
    }
    return {};
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
    o.thinkMs = m_think->value();
    o.variety = variety();
    o.workflowDirs = m_dirs;
    o.seed = std::uint64_t(QDateTime::currentMSecsSinceEpoch());
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    o.cancel = m_cancelFlag;
    m_runSeconds = o.seconds;
    m_clock.start();
    m_progress->setValue(0);
    m_run->setEnabled(false);
    m_target->setEnabled(false);
    m_cancel->setEnabled(true);
    m_tick->start();
    Runtime *runtime = m_runtime;
    if (target() == Target::Http) {
        metrics::HttpLoadTestTarget t;
        t.url = m_url.toStdString();
        t.token = m_token.toStdString();
        m_summary->setText(tr("Running %n virtual user(s) against %1…", nullptr, o.users)
                               .arg(m_url.toHtmlEscaped()));
        const std::vector<std::string> dirs = m_dirs;
        m_watcher.setFuture(
            QtConcurrent::run([runtime, dirs, t, o] { return runHttp(runtime, dirs, t, o); }));
    } else {
        m_summary->setText(tr("Running %n virtual user(s) in-process…", nullptr, o.users));
        m_watcher.setFuture(QtConcurrent::run([runtime, o] {
            return runtime ? metrics::runLoadTest(*runtime, o) : metrics::runLoadTest(o);
        }));
    }
    return true;
}

void LoadTestPanel::cancel()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

QString LoadTestPanel::targetName(const std::string &target) const
{
    return target == "http" ? tr("MCP HTTP") : tr("In-process");
}

void LoadTestPanel::done()
{
    m_tick->stop();
    m_run->setEnabled(true);
    m_target->setEnabled(true);
    m_cancel->setEnabled(false);
    const Result<metrics::LoadTestReport> r = m_watcher.result();
    if (!r) {
        m_progress->setValue(0);
        const QString message = QString::fromStdString(r.error());
        m_summary->setText(tr("Load test failed: %1").arg(message.toHtmlEscaped()));
        emit failed(message);
        return;
    }
    const metrics::LoadTestReport &rep = *r;
    if (!rep.cancelled)
        m_progress->setValue(1000);
    QString html;
    if (rep.cancelled)
        html += tr("<b>Cancelled</b> after %1 s.").arg(QLocale().toString(rep.seconds, 'f', 1)) +
                QStringLiteral("<br>");
    html += tr("%1, %n user(s), think time %2 ms:", nullptr, rep.users)
                .arg(targetName(rep.target), QLocale().toString(rep.thinkMs, 'f', 0)) +
            QLatin1Char(' ') + varietyName(rep.variety).toHtmlEscaped() + QStringLiteral("<br>");
    html += tr("<b>%1 requests in %2 s</b>: <b>%3 req/s</b>, %4 errors, RSS %5 MB, L1 hit rate "
               "%6 %")
                .arg(rep.requests)
                .arg(QLocale().toString(rep.seconds, 'f', 1))
                .arg(QLocale().toString(rep.rps, 'f', 0))
                .arg(rep.errors)
                .arg(QLocale().toString(rep.rssMb, 'f', 1))
                .arg(QLocale().toString(rep.l1HitRate * 100, 'f', 1));
    if (!rep.errorKinds.empty()) {
        QStringList kinds;
        for (const auto &[kind, count] : rep.errorKinds)
            kinds << QStringLiteral("%1 × %2").arg(count).arg(
                QString::fromStdString(kind).toHtmlEscaped());
        html += QStringLiteral("<br><span style='color:#c0392b'>%1 %2</span>")
                    .arg(tr("Errors:"), kinds.join(QStringLiteral("; ")));
    }
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
    addHistory(rep);
    emit finished(rep);
}

void LoadTestPanel::addHistory(const metrics::LoadTestReport &rep)
{
    auto *item = new QTreeWidgetItem;
    item->setText(0, QDateTime::currentDateTime()
                         .addMSecs(-qint64(rep.seconds * 1000))
                         .toString(QStringLiteral("HH:mm:ss")));
    item->setText(1, targetName(rep.target) + (rep.cancelled ? tr(" (cancelled)") : QString()));
    item->setText(2, QString::number(rep.users));
    item->setText(3, QLocale().toString(rep.thinkMs, 'f', 0));
    item->setText(4, QLocale().toString(rep.seconds, 'f', 1));
    item->setText(5, QString::number(rep.requests));
    item->setText(6, QLocale().toString(rep.rps, 'f', 0));
    item->setText(7, QString::number(rep.errors));
    for (int i = 0; i < 4; ++i) {
        const metrics::LoadTestOperation *op = rep.find(kOps[i]);
        item->setText(
            8 + i,
            op && op->count > 0
                ? QStringLiteral("%1 / %2 / %3").arg(us(op->p50Us), us(op->p95Us), us(op->p99Us))
                : QStringLiteral("–"));
    }
    item->setText(12, QLocale().toString(rep.l1HitRate * 100, 'f', 1));
    item->setText(13, varietyName(rep.variety));
    if (!rep.errorKinds.empty()) {
        QStringList kinds;
        for (const auto &[kind, count] : rep.errorKinds)
            kinds << QStringLiteral("%1 × %2").arg(count).arg(QString::fromStdString(kind));
        item->setToolTip(7, kinds.join(QLatin1Char('\n')));
    }
    for (int c = 2; c < m_history->columnCount(); ++c)
        item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    m_history->insertTopLevelItem(0, item);
}

} // namespace wfs::studio
