// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "stepperpanel.h"

#include "contexteditor.h"
#include "engine/engine.h"
#include "engine/workflowrepository.h"
#include "model/jsonio.h"
#include "stepperrun.h"
#include "ui/document/conditiontext.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wfs::studio {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString jsonText(const Json &v)
{
    return v.is_string() ? qs(v.get<std::string>())
                         : qs(v.dump(-1, ' ', false, Json::error_handler_t::replace));
}

QStringList stringList(const Json &v)
{
    QStringList out;
    if (v.is_array()) {
        for (const Json &item : v)
            out << jsonText(item);
    } else if (!v.is_null()) {
        out << jsonText(v);
    }
    return out;
}

// One line per validation rule: "contains “smoke” — Report the smoke test result."
void describeRules(const Json &rules, QStringList &out, int depth = 0)
{
    const QString indent(depth * 2, QLatin1Char(' '));
    if (rules.is_array()) {
        for (const Json &r : rules)
            describeRules(r, out, depth);
        return;
    }
    if (!rules.is_object()) {
        out << indent + jsonText(rules);
        return;
    }
    for (const char *op : {"and", "or", "not"}) {
        if (rules.contains(op)) {
            out << indent + QString::fromLatin1(op).toUpper() + QLatin1Char(':');
            describeRules(rules[op], out, depth + 1);
            return;
        }
    }
    QString line = indent + jsonText(rules.value("type", Json("rule")));
    for (const char *key : {"value", "pattern"}) {
        if (rules.contains(key))
            line += QStringLiteral(" “%1”").arg(jsonText(rules[key]));
    }
    if (rules.contains("schema"))
        line += QStringLiteral(" ") + compactJson(rules["schema"]);
    if (rules.contains("message"))
        line += QStringLiteral(" — ") + jsonText(rules["message"]);
    if (rules.contains("condition"))
        line += QStringLiteral(" [%1]").arg(conditionSummary(rules["condition"]));
    out << line;
}

QString bulletHtml(const QStringList &items)
{
    if (items.isEmpty())
        return QStringLiteral("—");
    QString html;
    for (const QString &i : items)
        html += QStringLiteral("• ") + i.toHtmlEscaped() + QStringLiteral("<br>");
    html.chop(4);
    return html;
}

Result<void> writeText(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return Result<void>::failure((path + QStringLiteral(": ") + f.errorString()).toStdString());
    return {};
}

} // namespace

StepperPanel::StepperPanel(Engine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_run(new StepperRun(engine, this))
    , m_sessionLabel(new QLabel(this))
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_prompt(new QTextBrowser(this))
    , m_context(new ContextEditor(this))
    , m_output(new QPlainTextEdit(this))
    , m_validation(new QLabel(this))
    , m_confirmed(new QCheckBox(tr("The user confirmed this step"), this))
    , m_start(new QPushButton(tr("Start Run"), this))
    , m_validate(new QPushButton(tr("Va&lidate"), this))
    , m_complete(new QPushButton(tr("&Complete Step"), this))
    , m_restart(new QPushButton(tr("Restart"), this))
    , m_exportMd(new QPushButton(tr("Export Markdown…"), this))
    , m_exportJson(new QPushButton(tr("Export JSON…"), this))
    , m_history(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("stepperPanel"));
    m_sessionLabel->setObjectName(QStringLiteral("stepperSession"));
    m_sessionLabel->setWordWrap(true);
    m_title->setObjectName(QStringLiteral("stepTitle"));
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_details->setObjectName(QStringLiteral("stepDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_prompt->setObjectName(QStringLiteral("stepPrompt"));
    m_prompt->setOpenExternalLinks(true);
    m_output->setObjectName(QStringLiteral("stepOutput"));
    m_output->setPlaceholderText(tr("The agent's output for this step"));
    m_validation->setObjectName(QStringLiteral("validationResult"));
    m_validation->setWordWrap(true);
    m_validation->setTextFormat(Qt::RichText);
    m_confirmed->setObjectName(QStringLiteral("stepConfirmed"));
    m_validate->setObjectName(QStringLiteral("stepValidate"));
    m_complete->setObjectName(QStringLiteral("stepComplete"));
    m_restart->setObjectName(QStringLiteral("runRestart"));
    m_start->setObjectName(QStringLiteral("runStart"));
    m_start->setToolTip(tr("Start a session on the workflow of the current tab"));
    m_history->setObjectName(QStringLiteral("runHistory"));
    m_history->setColumnCount(5);
    m_history->setHeaderLabels({tr("#"), tr("Step"), tr("Pass"), tr("Validation"), tr("Output")});
    m_history->setRootIsDecorated(false);
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->header()->setStretchLastSection(true);

    // Two rows: the panel fits a narrow dock.
    auto *top = new QHBoxLayout;
    top->addWidget(m_start);
    top->addWidget(m_restart);
    top->addStretch();
    auto *exports = new QHBoxLayout;
    exports->addWidget(m_exportMd);
    exports->addWidget(m_exportJson);
    exports->addStretch();

    auto *stepBox = new QWidget(this);
    auto *stepLayout = new QVBoxLayout(stepBox);
    stepLayout->setContentsMargins(0, 0, 0, 0);
    stepLayout->addWidget(m_title);
    stepLayout->addWidget(m_details);
    stepLayout->addWidget(m_prompt, 1);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("stepperTabs"));
    tabs->addTab(m_context, tr("Context"));
    tabs->addTab(m_history, tr("History"));

    auto *outputBox = new QWidget(this);
    auto *outputLayout = new QVBoxLayout(outputBox);
    outputLayout->setContentsMargins(0, 0, 0, 0);
    outputLayout->addWidget(new QLabel(tr("Output:"), outputBox));
    outputLayout->addWidget(m_output, 1);
    outputLayout->addWidget(m_validation);
    outputLayout->addWidget(m_confirmed);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_validate);
    buttons->addWidget(m_complete);
    outputLayout->addLayout(buttons);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(stepBox);
    split->addWidget(tabs);
    split->addWidget(outputBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(exports);
    layout->addWidget(m_sessionLabel);
    layout->addWidget(split, 1);

    connect(m_start, &QPushButton::clicked, this, &StepperPanel::startRequested);
    connect(m_validate, &QPushButton::clicked, this, [this] { validateOutput(); });
    connect(m_complete, &QPushButton::clicked, this, [this] { completeStep(); });
    // The box is hidden on steps that need no confirmation: only a shown box can hold the
    // button back (completeStep() unticks it after the next step is already shown).
    connect(m_confirmed, &QCheckBox::toggled, this, [this](bool on) {
        m_complete->setEnabled(!m_run->currentStepId().empty() && !m_run->isComplete() &&
                               (m_confirmed->isHidden() || on));
    });
    connect(m_restart, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Restart Run"),
                                  tr("Start a new session on this workflow from the first step? "
                                     "The current session stays in the Sessions list.")) ==
            QMessageBox::Yes) {
            if (const auto r = restartRun(); !r)
                showError(qs(r.error()));
        }
    });
    connect(m_exportMd, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Run as Markdown"), qs(m_run->sessionId()) + QStringLiteral(".md"),
            tr("Markdown (*.md)"));
        if (!path.isEmpty()) {
            if (const auto r = exportMarkdown(path); !r)
                showError(qs(r.error()));
        }
    });
    connect(m_exportJson, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Run as JSON"), qs(m_run->sessionId()) + QStringLiteral(".json"),
            tr("JSON (*.json)"));
        if (!path.isEmpty()) {
            if (const auto r = exportJson(path); !r)
                showError(qs(r.error()));
        }
    });
    connect(m_run, &StepperRun::changed, this, &StepperPanel::refresh);
    refresh();
}

Result<void> StepperPanel::startRun(const std::string &workflowId)
{
    m_output->clear();
    m_validation->clear();
    return m_run->start(workflowId);
}

Result<void> StepperPanel::resumeRun(const std::string &sessionId)
{
    m_output->clear();
    m_validation->clear();
    return m_run->resume(sessionId);
}

Result<void> StepperPanel::restartRun()
{
    m_output->clear();
    m_validation->clear();
    return m_run->restart();
}

Json StepperPanel::outputValue() const
{
    return Json(m_output->toPlainText().toStdString());
}

void StepperPanel::showError(const QString &message)
{
    m_validation->setText(
        QStringLiteral("<span style='color:#d32f2f'>%1</span>").arg(message.toHtmlEscaped()));
    emit statusMessage(message);
}

bool StepperPanel::validateOutput()
{
    const Result<Json> context = m_context->value();
    if (!context) {
        showError(qs(context.error()));
        return false;
    }
    const Result<Json> r = m_run->validate(outputValue(), *context);
    if (!r) {
        showError(qs(r.error()));
        return false;
    }
    const bool valid = r->value("valid", false);
    QString html = valid ? tr("<b style='color:#2e9d4f'>✓ Valid</b>")
                         : tr("<b style='color:#d32f2f'>✗ Not valid</b>");
    const QStringList issues = stringList(r->value("issues", Json()));
    const QStringList suggestions = stringList(r->value("suggestions", Json()));
    if (!issues.isEmpty())
        html +=
            QStringLiteral("<br>") + tr("Issues:") + QStringLiteral("<br>") + bulletHtml(issues);
    if (!suggestions.isEmpty())
        html += QStringLiteral("<br>") + tr("Suggestions:") + QStringLiteral("<br>") +
                bulletHtml(suggestions);
    m_validation->setText(html);
    return valid;
}

bool StepperPanel::completeStep()
{
    if (m_run->currentStepId().empty())
        return false;
    const Result<Json> context = m_context->value();
    if (!context) {
        showError(qs(context.error()));
        return false;
    }
    if (!m_confirmed->isHidden() && !m_confirmed->isChecked()) {
        showError(tr("This step needs the user's confirmation first."));
        return false;
    }
    if (!validateOutput() && m_askInvalid) {
        if (QMessageBox::question(this, tr("Complete Step"),
                                  tr("The output does not pass the step's validation. Complete "
                                     "the step anyway?")) != QMessageBox::Yes)
            return false;
    }
    const Result<void> r = m_run->complete(outputValue(), *context);
    if (!r) {
        showError(qs(r.error()));
        return false;
    }
    m_output->clear();
    m_validation->clear();
    m_confirmed->setChecked(false);
    return true;
}

Result<void> StepperPanel::exportMarkdown(const QString &path) const
{
    return writeText(path, m_run->exportMarkdown().toUtf8());
}

Result<void> StepperPanel::exportJson(const QString &path) const
{
    return writeText(path, QByteArray::fromStdString(toJsJson(m_run->exportJson(), 2) + "\n"));
}

void StepperPanel::refresh()
{
    const bool active = m_run->isActive();
    const Json step = m_run->currentStep();
    const bool hasStep = step.is_object() && !m_run->isComplete();
    m_restart->setEnabled(active);
    m_exportMd->setEnabled(active);
    m_exportJson->setEnabled(active);

    if (!active) {
        m_sessionLabel->setText(tr("No run. Open a workflow and press Start Run (Run ▸ Start "
                                   "Run), or resume a session from the Sessions list."));
    } else {
        m_sessionLabel->setText(tr("Workflow <b>%1</b> · session <code>%2</code> · %n step(s) "
                                   "completed",
                                   nullptr, int(m_run->completedSteps().size()))
                                    .arg(qs(m_run->workflowId()).toHtmlEscaped(),
                                         qs(m_run->sessionId()).toHtmlEscaped()));
    }

    const Json ctx = m_run->context();
    if (hasStep) {
        const auto str = [&](const char *k) {
            return step.contains(k) ? jsonText(step[k]) : QString();
        };
        m_title->setText(str("title").isEmpty() ? str("id") : str("title"));
        QStringList criteria;
        if (step.contains("validationCriteria"))
            describeRules(step["validationCriteria"], criteria);
        QStringList meta;
        if (const auto snap = m_engine->snapshot()) {
            if (const WorkflowEntry *e = snap->find(m_run->workflowId()))
                meta = stringList(e->workflow->document().value("metaGuidance", Json()));
        }
        const QString confirmation = StepperRun::confirmationText(step, ctx);
        const QString row = QStringLiteral("<tr><td valign='top'><b>%1</b>&nbsp;</td>"
                                           "<td>%2</td></tr>");
        QString html = QStringLiteral("<table>");
        html +=
            row.arg(tr("Step"), QStringLiteral("<code>%1</code>").arg(str("id").toHtmlEscaped()));
        html += row.arg(tr("Agent role"), str("agentRole").isEmpty()
                                              ? QStringLiteral("—")
                                              : str("agentRole").toHtmlEscaped());
        html += row.arg(tr("Guidance"), bulletHtml(stringList(step.value("guidance", Json()))));
        html += row.arg(tr("Meta guidance"), bulletHtml(meta));
        html += row.arg(tr("Validation"), bulletHtml(criteria));
        html += row.arg(tr("Confirmation"), confirmation.toHtmlEscaped());
        html += QStringLiteral("</table>");
        m_details->setText(html);
        m_prompt->setMarkdown(m_run->prompt());
        const bool needsConfirmation = confirmation.startsWith(tr("Yes"));
        m_confirmed->setVisible(needsConfirmation);
    } else {
        m_title->setText(!active               ? tr("No run")
                         : m_run->isComplete() ? tr("✓ Workflow complete")
                                               : tr("No step"));
        m_details->clear();
        m_prompt->setMarkdown(active && m_run->isComplete()
                                  ? tr("All steps are done. Export the run, or restart it.")
                                  : QString());
        m_confirmed->setVisible(false);
    }
    m_output->setEnabled(hasStep);
    m_validate->setEnabled(hasStep);
    m_complete->setEnabled(hasStep && (m_confirmed->isHidden() || m_confirmed->isChecked()));
    m_context->setEnabled(active);
    if (active)
        m_context->setContext(ctx);

    m_history->clear();
    int n = 0;
    for (const StepperHistoryEntry &e : m_run->history()) {
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(0, QString::number(++n));
        item->setText(1, e.title.isEmpty() ? qs(e.stepId)
                                           : QStringLiteral("%1 (%2)").arg(e.title, qs(e.stepId)));
        item->setText(2, QString::number(e.occurrence));
        QString verdict = tr("—");
        if (e.validationError)
            verdict = tr("error");
        else if (e.validation.is_object() && e.validation.contains("valid"))
            verdict = e.validation.value("valid", false) ? tr("valid") : tr("not valid");
        item->setText(3, verdict);
        const QString output = e.output.is_null() ? QString() : jsonText(e.output);
        item->setText(4, output.section(QLatin1Char('\n'), 0, 0));
        item->setToolTip(4, output);
        if (e.validation.is_object())
            item->setToolTip(3, qs(toJsJson(e.validation, 2)));
    }
    emit marksChanged(qs(m_run->workflowId()), m_run->marks());
}

} // namespace wfs::studio
