// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "editorpage.h"

#include "canvas/nodeitems.h"
#include "canvas/workflowscene.h"
#include "canvas/workflowview.h"
#include "inspector/inspectorwidget.h"
#include "jsonview/jsonview.h"
#include "model/jsonio.h"
#include "problems/diagnosticsrunner.h"
#include "problems/problemspanel.h"
#include "ui/document/workflowdocument.h"

#include <QFile>
#include <QLabel>
#include <QSaveFile>
#include <QVBoxLayout>

namespace wfs::studio {

EditorPage::EditorPage(QWidget *parent)
    : QWidget(parent)
    , m_doc(new WorkflowDocument(this))
    , m_scene(new WorkflowScene(*m_doc, this))
    , m_view(new WorkflowView(m_scene, this))
    , m_inspector(new InspectorWidget(*m_doc))
    , m_json(new JsonView(*m_doc))
    , m_problems(new ProblemsPanel)
    , m_runner(new DiagnosticsRunner(*m_doc, studioCheck, this))
    , m_banner(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner->setObjectName(QStringLiteral("fileBanner"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(6);
    m_banner->setAutoFillBackground(true);
    QPalette warning = m_banner->palette();
    warning.setColor(QPalette::Window, QColor(255, 236, 179));
    warning.setColor(QPalette::WindowText, QColor(80, 50, 0));
    m_banner->setPalette(warning);
    m_banner->hide();
    layout->addWidget(m_banner);
    layout->addWidget(m_view);

    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        const auto selected = m_scene->selectedPointers();
        m_inspector->setTarget(selected.size() == 1 ? selected.front() : std::string());
    });
    connect(m_scene, &WorkflowScene::stepActivated, this, [this](const QString &pointer) {
        m_inspector->setTarget(pointer.toStdString());
        m_inspector->focusField("/title");
    });
    connect(m_runner, &DiagnosticsRunner::diagnosticsChanged, this, &EditorPage::updateProblems);
    connect(m_json, &JsonView::textProblemsChanged, this, &EditorPage::updateProblems);
    connect(m_problems, &ProblemsPanel::activated, this, &EditorPage::showDiagnostic);
}

EditorPage::~EditorPage()
{
    // The scene emits selectionChanged while its items die with this widget's children; the
    // side views are gone by then, so nothing may reach them any more.
    m_scene->disconnect(this);
    m_runner->disconnect(this);
    // The side views live in the window's docks; they go with their document.
    delete m_inspector;
    delete m_json;
    delete m_problems;
}

Result<void> EditorPage::loadFile(const QString &path)
{
    std::string text;
    const ParsedJson parsed = loadJsonFile(path.toStdString(), &text);
    if (!parsed.ok) {
        const Diagnostic &d = parsed.diagnostics.front();
        return Result<void>::failure(d.line > 0 ? formatDiagnostic(d) : d.message);
    }
    const bool resource = path.startsWith(QLatin1Char(':'));
    m_diskBytes = resource ? QByteArray() : QByteArray::fromStdString(text);
    // Before load(): the views that refresh on load already see the file's own text.
    m_doc->setSavedText(resource ? std::string() : std::move(text));
    m_doc->load(parsed.value, resource ? QString() : path);
    m_view->showTop();
    setFileMissing(false);
    return {};
}

Result<void> EditorPage::saveTo(const QString &path)
{
    // The file as loaded, patched where the document changed (a new document: formatted).
    const std::string text = m_doc->text();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Result<void>::failure(
            tr("Cannot write %1: %2").arg(path, out.errorString()).toStdString());
    if (out.write(text.data(), static_cast<qint64>(text.size()))
            != static_cast<qint64>(text.size())
        || !out.commit())
        return Result<void>::failure(
            tr("Cannot write %1: %2").arg(path, out.errorString()).toStdString());
    m_diskBytes = QByteArray::fromStdString(text);
    m_doc->setSavedText(text);
    m_doc->setFilePath(path);
    m_doc->markSaved();
    setFileMissing(false);
    return {};
}

void EditorPage::setFileMissing(bool missing)
{
    if (missing == m_fileMissing)
        return;
    m_fileMissing = missing;
    if (missing) {
        m_banner->setText(tr("%1 was deleted or moved by another program. The workflow stays "
                             "open here; save it to write the file again.")
                              .arg(m_doc->filePath()));
    }
    m_banner->setVisible(missing);
    emit fileMissingChanged(missing);
    if (missing)
        m_doc->markModified();
}

void EditorPage::updateProblems()
{
    m_problems->setDiagnostics(m_json->textProblems(), m_runner->diagnostics());
    std::vector<WorkflowScene::Mark> marks;
    for (const Diagnostic &d : m_runner->diagnostics()) {
        if (!d.pointer.empty())
            marks.push_back({d.pointer, QString::fromStdString(d.message),
                             d.severity == Severity::Error});
    }
    m_scene->setProblemMarks(marks);
}

void EditorPage::showDiagnostic(const Diagnostic &d)
{
    const std::string owner = WorkflowDocument::owningStep(d.pointer);
    const bool inModel = !d.pointer.empty() || d.source != "json";
    if (!inModel || (d.pointer.empty() && d.line > 0 && d.source == "json")) {
        m_json->jumpTo(d.line, d.column);
        emit jsonViewRequested();
        return;
    }
    if (!owner.empty() && m_doc->contains(owner)) {
        m_scene->selectPointers({owner});
        if (auto *item = m_scene->nodeItem(owner))
            m_view->ensureVisible(item);
        m_inspector->setTarget(owner);
        m_inspector->focusField(d.pointer.substr(owner.size()));
    } else {
        m_scene->selectPointers({});
        m_inspector->setTarget({});
        m_inspector->focusField(d.pointer);
    }
    m_json->jumpToPointer(d.pointer, false);
}

} // namespace wfs::studio
