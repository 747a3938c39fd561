// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "stepperpanel.h"

#include "contexteditor.h"
#include "engine/compiledworkflow.h"
#include "engine/condition.h"
#include "engine/engine.h"
#include "engine/workflowrepository.h"
#include "model/jsonio.h"
#include "stepperrun.h"
#include "ui/document/conditiontext.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

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
    , m_export(new QToolButton(this))
    , m_exportMd(new QAction(tr("Export Markdown…"), this))
    , m_exportJson(new QAction(tr("Export JSON…"), this))
    , m_history(new QTreeWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_detailsToggle(new QToolButton(this))
    , m_banner(new QFrame(this))
    , m_bannerText(new QLabel(m_banner))
    , m_applyEdits(new QPushButton(tr("Apply Edits"), m_banner))
    , m_bannerRestart(new QPushButton(tr("Restart with Edits"), m_banner))
    , m_why(new QTreeWidget(this))
    , m_whyDetail(new QTextBrowser(this))
    , m_unblockBox(new QWidget(this))
    , m_askAgain(new QPushButton(tr("Ask for the &Next Step"), this))
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
    m_details->hide(); // folded: the prompt comes first
    m_detailsToggle->setObjectName(QStringLiteral("stepDetailsToggle"));
    m_detailsToggle->setText(tr("Details"));
    m_detailsToggle->setToolTip(tr("Agent role, guidance, meta guidance, validation criteria and "
                                   "confirmation of this step"));
    m_detailsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsToggle->setArrowType(Qt::RightArrow);
    m_detailsToggle->setCheckable(true);
    m_detailsToggle->setAutoRaise(true);
    m_prompt->setObjectName(QStringLiteral("stepPrompt"));
    m_prompt->setOpenExternalLinks(true);
    m_prompt->setMinimumHeight(48);
    m_output->setObjectName(QStringLiteral("stepOutput"));
    m_output->setPlaceholderText(tr("The agent's output for this step"));
    m_output->setMinimumHeight(28);
    m_validation->setObjectName(QStringLiteral("validationResult"));
    m_validation->setWordWrap(true);
    m_validation->setTextFormat(Qt::RichText);
    m_confirmed->setObjectName(QStringLiteral("stepConfirmed"));
    m_validate->setObjectName(QStringLiteral("stepValidate"));
    m_complete->setObjectName(QStringLiteral("stepComplete"));
    m_complete->setDefault(true);
    m_askAgain->setObjectName(QStringLiteral("stepAskAgain"));
    m_askAgain->setToolTip(tr("Call workflow_next again with the edited context, as an agent "
                              "does after setting the variables the run is waiting for"));
    m_restart->setObjectName(QStringLiteral("runRestart"));
    m_start->setObjectName(QStringLiteral("runStart"));
    m_start->setToolTip(tr("Start a session on the workflow of the current tab"));
    m_exportMd->setObjectName(QStringLiteral("runExportMarkdown"));
    m_exportJson->setObjectName(QStringLiteral("runExportJson"));
    m_export->setObjectName(QStringLiteral("runExport"));
    m_export->setText(tr("Export"));
    m_export->setToolTip(tr("Export the run with its explanations, as Markdown or JSON"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(m_exportMd);
    exportMenu->addAction(m_exportJson);
    m_export->setMenu(exportMenu);
    m_history->setObjectName(QStringLiteral("runHistory"));
    m_history->setColumnCount(5);
    m_history->setHeaderLabels({tr("#"), tr("Step"), tr("Pass"), tr("Validation"), tr("Output")});
    m_history->setRootIsDecorated(false);
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->header()->setStretchLastSection(true);
    m_why->setObjectName(QStringLiteral("runWhy"));
    // Step and status; the reason in full below (and as the rows' tooltips).
    m_why->setColumnCount(2);
    m_why->setHeaderLabels({tr("Step"), tr("Status")});
    m_why->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_why->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_why->header()->setStretchLastSection(false);
    m_why->setMinimumHeight(40);
    m_whyDetail->setObjectName(QStringLiteral("runWhyDetail"));
    m_whyDetail->setMinimumHeight(28);
    m_whyDetail->setPlaceholderText(
        tr("Select a step here or on the canvas to see why it has its status."));
    m_unblockBox->setObjectName(QStringLiteral("runUnblock"));
    m_banner->setObjectName(QStringLiteral("runBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    bannerPalette.setColor(QPalette::WindowText, QColor(0x3d, 0x2e, 0x00));
    m_banner->setPalette(bannerPalette);
    m_bannerText->setObjectName(QStringLiteral("runBannerText"));
    m_bannerText->setWordWrap(true);
    m_applyEdits->setObjectName(QStringLiteral("runApplyEdits"));
    m_applyEdits->setToolTip(tr("Go on with this session, walking the edited workflow"));
    m_bannerRestart->setObjectName(QStringLiteral("runRestartWithEdits"));
    {
        auto *l = new QHBoxLayout(m_banner);
        l->setContentsMargins(6, 4, 6, 4);
        l->addWidget(m_bannerText, 1);
        l->addWidget(m_applyEdits);
        l->addWidget(m_bannerRestart);
    }
    m_banner->hide();

    // Header: one row of run actions, then the banner and the session line.
    auto *top = new QHBoxLayout;
    top->addWidget(m_start);
    top->addWidget(m_restart);
    top->addWidget(m_export);
    top->addStretch();

    // The step: title, the prompt (large), the rest folded.
    auto *stepBox = new QWidget(this);
    auto *stepLayout = new QVBoxLayout(stepBox);
    stepLayout->setContentsMargins(0, 0, 0, 0);
    stepLayout->addWidget(m_title);
    stepLayout->addWidget(m_prompt, 1);
    stepLayout->addWidget(m_detailsToggle);
    stepLayout->addWidget(m_details);

    // Why: every step's status and reason, the selected one in full, and unblocking.
    auto *whyBox = new QWidget(this);
    auto *whyLayout = new QVBoxLayout(whyBox);
    whyLayout->setContentsMargins(0, 0, 0, 0);
    whyLayout->addWidget(m_unblockBox);
    auto *whySplit = new QSplitter(Qt::Vertical, whyBox);
    whySplit->addWidget(m_why);
    whySplit->addWidget(m_whyDetail);
    whySplit->setStretchFactor(0, 1);
    whySplit->setStretchFactor(1, 1);
    whySplit->setChildrenCollapsible(false);
    whyLayout->addWidget(whySplit, 1);
    new QVBoxLayout(m_unblockBox);
    m_unblockBox->layout()->setContentsMargins(0, 0, 0, 0);
    m_unblockBox->hide();

    m_tabs->setObjectName(QStringLiteral("stepperTabs"));
    m_tabs->addTab(m_context, tr("Context"));
    m_tabs->addTab(whyBox, tr("Why"));
    m_tabs->addTab(m_history, tr("History"));
    m_tabs->setMinimumHeight(72);

    auto *outputBox = new QWidget(this);
    auto *outputLayout = new QVBoxLayout(outputBox);
    outputLayout->setContentsMargins(0, 0, 0, 0);
    outputLayout->addWidget(new QLabel(tr("Output:"), outputBox));
    outputLayout->addWidget(m_output, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("stepperSplit"));
    split->addWidget(stepBox);
    split->addWidget(m_tabs);
    split->addWidget(outputBox);
    // The prompt gets most of the height; context/why/history next; the output a few lines.
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 1);
    split->setSizes({500, 300, 100});
    split->setChildrenCollapsible(false);

    // The footer never scrolls away: validation verdict, confirmation, Validate, Complete.
    auto *footer = new QWidget(this);
    footer->setObjectName(QStringLiteral("stepperFooter"));
    auto *footerLayout = new QVBoxLayout(footer);
    footerLayout->setContentsMargins(0, 0, 0, 0);
    auto *validationScroll = new QScrollArea(footer);
    validationScroll->setObjectName(QStringLiteral("validationScroll"));
    validationScroll->hide(); // until there is a verdict or an error
    validationScroll->setWidget(m_validation);
    validationScroll->setWidgetResizable(true);
    validationScroll->setFrameShape(QFrame::NoFrame);
    validationScroll->setMaximumHeight(90);
    validationScroll->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    footerLayout->addWidget(validationScroll);
    footerLayout->addWidget(m_confirmed);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_askAgain);
    buttons->addWidget(m_validate);
    buttons->addWidget(m_complete);
    footerLayout->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(m_sessionLabel);
    layout->addWidget(split, 1);
    layout->addWidget(footer);

    connect(m_detailsToggle, &QToolButton::toggled, this, [this](bool on) {
        m_details->setVisible(on);
        m_detailsToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_start, &QPushButton::clicked, this, &StepperPanel::startRequested);
    connect(m_validate, &QPushButton::clicked, this, [this] { validateOutput(); });
    connect(m_complete, &QPushButton::clicked, this, [this] { completeStep(); });
    connect(m_askAgain, &QPushButton::clicked, this, [this] {
        if (const auto r = askAgain(); !r)
            showError(qs(r.error()));
    });
    connect(m_applyEdits, &QPushButton::clicked, this, [this] {
        if (const auto r = applyDocumentChanges(); !r)
            showError(qs(r.error()));
    });
    connect(m_bannerRestart, &QPushButton::clicked, this, [this] {
        if (m_pending)
            m_run->setWorkflow(std::exchange(m_pending, nullptr));
        if (const auto r = restartRun(); !r)
            showError(qs(r.error()));
    });
    // The box is hidden on steps that need no confirmation: only a shown box can hold the
    // button back (completeStep() unticks it after the next step is already shown).
    connect(m_confirmed, &QCheckBox::toggled, this, [this](bool on) {
        m_complete->setEnabled(!m_run->currentStepId().empty() && !m_run->isComplete() &&
                               (m_confirmed->isHidden() || on));
    });
    // What-if: a context edit shows on the canvas what the run would do with it.
    connect(m_context, &ContextEditor::edited, this, [this] { emitMarks(); });
    connect(m_why, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item) {
            m_whyDetail->clear();
            return;
        }
        m_whyDetail->setHtml(item->data(0, Qt::UserRole).toString());
    });
    connect(m_restart, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Restart Run"),
                                  tr("Start a new session on this workflow from the first step? "
                                     "The current session stays in the Sessions list.")) ==
            QMessageBox::Yes) {
            if (m_pending)
                m_run->setWorkflow(std::exchange(m_pending, nullptr));
            if (const auto r = restartRun(); !r)
                showError(qs(r.error()));
        }
    });
    connect(m_exportMd, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Run as Markdown"), qs(m_run->sessionId()) + QStringLiteral(".md"),
            tr("Markdown (*.md)"));
        if (!path.isEmpty()) {
            if (const auto r = exportMarkdown(path); !r)
                showError(qs(r.error()));
        }
    });
    connect(m_exportJson, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Run as JSON"), qs(m_run->sessionId()) + QStringLiteral(".json"),
            tr("JSON (*.json)"));
        if (!path.isEmpty()) {
            if (const auto r = exportJson(path); !r)
                showError(qs(r.error()));
        }
    });
    connect(m_run, &StepperRun::changed, this, &StepperPanel::refresh);
    // Saved (or changed on disk): whether the run still differs from what agents get.
    connect(m_engine, &Engine::workflowsChanged, this, &StepperPanel::updateBanner);
    refresh();
}

void StepperPanel::setRunWorkflow(std::shared_ptr<const engine::CompiledWorkflow> workflow)
{
    m_pending.reset();
    m_run->setWorkflow(std::move(workflow));
}

void StepperPanel::documentChanged(std::shared_ptr<const engine::CompiledWorkflow> workflow)
{
    if (!m_run->isActive() || !m_run->runsDocument())
        return;
    const auto walked = m_run->compiled();
    if (walked && workflow && walked->document() == workflow->document())
        m_pending.reset(); // edited back to what runs (undo)
    else
        m_pending = std::move(workflow);
    updateBanner();
}

Result<void> StepperPanel::applyDocumentChanges()
{
    if (!m_pending)
        return {};
    return m_run->applyWorkflow(std::exchange(m_pending, nullptr));
}

Result<void> StepperPanel::askAgain()
{
    const Result<Json> context = m_context->value();
    if (!context)
        return Result<void>::failure(context.error());
    return m_run->askAgain(*context);
}

void StepperPanel::updateBanner()
{
    QString text;
    if (m_pending) {
        text = tr("<b>The workflow was edited</b> after this step was handed out. Apply the "
                  "edits to this run, or restart it.");
    } else if (m_run->isActive() && m_run->runsUnsavedChanges()) {
        text = tr("<b>Running unsaved changes</b>: this run walks the editor's document; agents "
                  "get the saved version until you save it.");
    }
    m_bannerText->setText(text);
    m_applyEdits->setVisible(m_pending != nullptr);
    m_bannerRestart->setVisible(m_pending != nullptr);
    m_banner->setVisible(!text.isEmpty());
}

void StepperPanel::showExplanationFor(const QString &stepId)
{
    const QList<QTreeWidgetItem *> found =
        m_why->findItems(stepId, Qt::MatchExactly | Qt::MatchRecursive, 0);
    if (found.isEmpty())
        return;
    m_tabs->setCurrentIndex(1); // Why
    m_why->setCurrentItem(found.first());
    m_why->scrollToItem(found.first());
}

Result<void> StepperPanel::startRun(const std::string &workflowId)
{
    m_output->clear();
    setValidation(QString());
    return m_run->start(workflowId);
}

Result<void> StepperPanel::resumeRun(const std::string &sessionId)
{
    m_output->clear();
    setValidation(QString());
    return m_run->resume(sessionId);
}

Result<void> StepperPanel::restartRun()
{
    m_output->clear();
    setValidation(QString());
    return m_run->restart();
}

Json StepperPanel::outputValue() const
{
    return Json(m_output->toPlainText().toStdString());
}

void StepperPanel::setValidation(const QString &html)
{
    m_validation->setText(html);
    if (QWidget *scroll = findChild<QWidget *>(QStringLiteral("validationScroll")))
        scroll->setVisible(!html.isEmpty());
}

void StepperPanel::showError(const QString &message)
{
    setValidation(
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
    setValidation(html);
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
    // Only a step with validation criteria is checked: without them there is nothing the
    // output could fail (WorkRail's validation would still reject an empty output).
    if (m_run->currentStepHasCriteria() && !validateOutput() && m_askInvalid) {
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
    setValidation(QString());
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
    m_export->setEnabled(active);

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
                meta = stringList(e->workflow()->document().value("metaGuidance", Json()));
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
    m_askAgain->setVisible(m_run->isBlocked());
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
    refreshExplanation();
    updateBanner();
    emitMarks();
}

void StepperPanel::emitMarks()
{
    WorkflowScene::RunMarks marks = m_run->marks();
    if (m_run->isActive()) {
        if (const Result<Json> edited = m_context->value())
            marks.whatIf = m_run->whatIf(*edited);
    }
    emit marksChanged(qs(m_run->workflowId()), marks);
}

void StepperPanel::refreshExplanation()
{
    const QString selected = m_why->currentItem() ? m_why->currentItem()->text(0) : QString();
    m_why->clear();
    m_whyDetail->clear();
    QLayout *unblockLayout = m_unblockBox->layout();
    while (QLayoutItem *item = unblockLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_unblockBox->hide();
    if (!m_run->isActive())
        return;
    const engine::Explanation &ex = m_run->explanation();
    QTreeWidgetItem *loopItem = nullptr;
    QTreeWidgetItem *reselect = nullptr;
    for (const engine::StepExplanation &e : ex.steps) {
        const bool inBody = e.loopIndex >= 0 && !e.isLoop;
        auto *item =
            inBody && loopItem ? new QTreeWidgetItem(loopItem) : new QTreeWidgetItem(m_why);
        if (e.isLoop)
            loopItem = item;
        else if (!inBody)
            loopItem = nullptr;
        const QString status = StepperRun::statusText(e);
        item->setText(0, qs(e.id));
        item->setText(1, status);
        item->setToolTip(0, qs(e.reason));
        item->setToolTip(1, qs(e.reason));
        QColor color;
        if (e.status == "next")
            color = QColor(0xf5, 0x7c, 0x00);
        else if (e.status == "completed")
            color = QColor(0x2e, 0x9d, 0x4f);
        else if (e.status == "blocked")
            color = QColor(0xd3, 0x2f, 0x2f);
        else if (e.status == "skipped")
            color = palette().color(QPalette::PlaceholderText);
        if (color.isValid())
            item->setForeground(1, color);
        // The detail: status, the condition as written and read, the values, what decided.
        QString html = QStringLiteral("<p><b><code>%1</code></b> — %2</p><p>%3</p>")
                           .arg(qs(e.id).toHtmlEscaped(), status.toHtmlEscaped(),
                                qs(e.reason).toHtmlEscaped());
        if (!e.summary.empty()) {
            html += QStringLiteral("<p>%1 <code>%2</code> — %3</p>")
                        .arg(tr("Run condition:"), qs(e.summary).toHtmlEscaped(),
                             e.holds ? tr("true") : tr("false"));
            if (const QString values = StepperRun::valuesText(e.values); !values.isEmpty())
                html +=
                    QStringLiteral("<p>%1 %2</p>").arg(tr("Values read:"), values.toHtmlEscaped());
            if (!e.decidedBy.is_null())
                html += QStringLiteral("<p>%1 <code>%2</code></p>")
                            .arg(tr("Decided by:"),
                                 qs(engine::conditionSummary(e.decidedBy)).toHtmlEscaped());
        }
        for (const Json &u : e.unblock)
            html += QStringLiteral("<p>%1</p>")
                        .arg(tr("To unblock: %1")
                                 .arg(qs(u.value("message", std::string())))
                                 .toHtmlEscaped());
        item->setData(0, Qt::UserRole, html);
        if (qs(e.id) == selected)
            reselect = item;
    }
    m_why->expandAll();
    if (reselect)
        m_why->setCurrentItem(reselect);

    // A blocked run: the variables and values that would unblock it, one button each.
    if (ex.blocked && !ex.unblock.empty()) {
        auto *label = new QLabel(m_unblockBox);
        label->setWordWrap(true);
        label->setText(tr("<b>The run is blocked</b>: no step's condition holds. Set a "
                          "variable, then ask for the next step."));
        unblockLayout->addWidget(label);
        auto *row = new QWidget(m_unblockBox);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        int shown = 0;
        for (const Json &u : ex.unblock) {
            const QString var = qs(u.value("var", std::string()));
            QStringList values;
            for (const Json &v : u.value("oneOf", Json::array()))
                values << jsonText(v);
            if (values.isEmpty())
                values << QString(); // any value: the variable is added for the user to fill
            for (const QString &value : values) {
                if (++shown > 8)
                    break;
                auto *b = new QPushButton(value.isEmpty() ? tr("Add “%1”").arg(var)
                                                          : tr("Set %1 = %2").arg(var, value),
                                          row);
                b->setObjectName(QStringLiteral("unblock:%1=%2").arg(var, value));
                b->setToolTip(qs(u.value("message", std::string())));
                connect(b, &QPushButton::clicked, this, [this, var, value] {
                    m_context->setVariable(var, value);
                    m_tabs->setCurrentIndex(0); // Context: the value just set, editable
                    emit statusMessage(
                        tr("“%1” set in the context: ask for the next step to go on").arg(var));
                });
                rowLayout->addWidget(b);
            }
        }
        rowLayout->addStretch();
        unblockLayout->addWidget(row);
        m_unblockBox->show();
    }
}

} // namespace wfs::studio
