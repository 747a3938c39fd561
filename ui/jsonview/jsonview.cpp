// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "jsonview.h"

#include "jsonhighlighter.h"
#include "model/jsonio.h"
#include "ui/document/commands.h"
#include "ui/document/workflowdocument.h"

#include <QLabel>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace wfs::studio {

namespace {

class LineNumberArea : public QWidget
{
public:
    explicit LineNumberArea(JsonEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
    }
    QSize sizeHint() const override { return {m_editor->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

private:
    JsonEditor *m_editor;
};

// The document's text as the editor holds it: QPlainTextEdit keeps no '\r', so CRLF line ends
// show as '\n' (a '\r' can only be whitespace in JSON: lines and columns stay the same).
QString displayText(const std::string &text)
{
    QString s = QString::fromStdString(text);
    s.remove(QLatin1Char('\r'));
    return s;
}

// The editor's text as the document's text: CRLF again when the document uses CRLF.
std::string documentText(const QString &shown, const std::string &current)
{
    std::string text = shown.toStdString();
    const std::size_t nl = current.find('\n');
    if (nl == std::string::npos || nl == 0 || current[nl - 1] != '\r')
        return text;
    std::string crlf;
    crlf.reserve(text.size() + text.size() / 32);
    for (char c : text) {
        if (c == '\n')
            crlf += '\r';
        crlf += c;
    }
    return crlf;
}

// UTF-16 offset in `text` of the 1-based code-point column.
int utf16Offset(const QString &text, int column)
{
    int offset = 0;
    for (int cp = 1; cp < column && offset < text.size(); ++cp)
        offset += text.at(offset).isHighSurrogate() ? 2 : 1;
    return std::min(offset, static_cast<int>(text.size()));
}

} // namespace

JsonEditor::JsonEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumbers(new LineNumberArea(this))
    , m_highlighter(new JsonHighlighter(document()))
{
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_lineNumbers->scroll(0, dy);
        else
            m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    });
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

int JsonEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 10 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(digits, 3);
}

void JsonEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_lineNumbers->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height()));
}

void JsonEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->setPalette(palette());
}

void JsonEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top())
            painter.drawText(0, top, m_lineNumbers->width() - 5, fontMetrics().height(),
                             Qt::AlignRight, QString::number(number + 1));
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

JsonView::JsonView(WorkflowDocument &doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_editor(new JsonEditor(this))
    , m_status(new QLabel(this))
    , m_applyTimer(new QTimer(this))
    , m_refreshTimer(new QTimer(this))
{
    m_status->setWordWrap(true);
    m_status->setVisible(false);
    m_status->setContentsMargins(4, 2, 4, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_editor);
    layout->addWidget(m_status);
    m_applyTimer->setSingleShot(true);
    m_applyTimer->setInterval(kApplyDelayMs);
    connect(m_applyTimer, &QTimer::timeout, this, &JsonView::applyPendingEdit);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingText)
            m_applyTimer->start();
    });
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(kRefreshDelayMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &JsonView::refreshIfStale);
    connect(&m_doc, &WorkflowDocument::contentsChanged, this, &JsonView::scheduleRefresh);
    documentChanged();
}

JsonEditor *JsonView::editor()
{
    refreshIfStale();
    return m_editor;
}

void JsonView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshIfStale();
}

void JsonView::scheduleRefresh()
{
    if (m_applying)
        return;
    // A pending edit of the text loses to a change made elsewhere (canvas, inspector, undo).
    m_applyTimer->stop();
    m_stale = true;
    if (isVisible())
        m_refreshTimer->start(); // restarted by every change: written once typing pauses
}

void JsonView::refreshIfStale()
{
    m_refreshTimer->stop();
    if (m_stale)
        documentChanged();
}

void JsonView::documentChanged()
{
    if (m_applying)
        return;
    m_stale = false;
    // A pending edit of the text loses to a change made elsewhere (canvas, inspector, undo).
    m_applyTimer->stop();
    const QString text = displayText(m_doc.text());
    if (m_editor->toPlainText() == text) {
        if (!m_problems.empty()) {
            m_problems.clear();
            markProblems();
        }
        return;
    }
    const int scroll = m_editor->verticalScrollBar()->value();
    const int block = m_editor->textCursor().blockNumber();
    m_settingText = true;
    m_editor->setPlainText(text);
    m_settingText = false;
    QTextCursor c(m_editor->document()->findBlockByNumber(
        std::min(block, m_editor->document()->blockCount() - 1)));
    m_editor->setTextCursor(c);
    m_editor->verticalScrollBar()->setValue(scroll);
    m_problems.clear();
    markProblems();
}

void JsonView::applyPendingEdit()
{
    m_applyTimer->stop();
    if (m_stale)
        return; // the document changed since: its text replaces the edit
    const std::string text = m_editor->toPlainText().toStdString();
    const ParsedJson parsed = parseJson(text, m_doc.filePath().toStdString());
    if (!parsed.ok) {
        m_problems = parsed.diagnostics;
        markProblems();
        return;
    }
    m_problems.clear();
    markProblems();
    // The typed text becomes the document's text (saved as it is), even when only its layout
    // changed.
    std::string typed = documentText(m_editor->toPlainText(), m_doc.text());
    if (parsed.value == m_doc.json() && typed == m_doc.text())
        return;
    m_applying = true;
    m_doc.undoStack()->push(new ReplaceJsonCommand(&m_doc, parsed.value, std::move(typed)));
    m_applying = false;
}

void JsonView::markProblems()
{
    QList<QTextEdit::ExtraSelection> selections;
    QString status;
    for (const Diagnostic &d : m_problems) {
        if (d.severity != Severity::Error)
            continue;
        QTextEdit::ExtraSelection sel;
        sel.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        sel.format.setUnderlineColor(QColor(0xd3, 0x2f, 0x2f));
        sel.format.setToolTip(QString::fromStdString(d.message));
        const QTextBlock block =
            m_editor->document()->findBlockByNumber(std::max(d.line, 1) - 1);
        QTextCursor c(block);
        c.setPosition(block.position() + utf16Offset(block.text(), d.column));
        c.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        if (!c.hasSelection()) {
            c.movePosition(QTextCursor::StartOfBlock);
            c.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        }
        sel.cursor = c;
        selections << sel;
        if (status.isEmpty())
            status = tr("Line %1, column %2: %3 — the canvas keeps the last valid version.")
                         .arg(d.line)
                         .arg(d.column)
                         .arg(QString::fromStdString(d.message));
    }
    m_editor->setExtraSelections(selections);
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
    emit textProblemsChanged();
}

void JsonView::jumpTo(int line, int column, bool focus)
{
    refreshIfStale();
    const QTextBlock block = m_editor->document()->findBlockByNumber(std::max(line, 1) - 1);
    if (!block.isValid())
        return;
    QTextCursor c(block);
    c.setPosition(block.position() + utf16Offset(block.text(), std::max(column, 1)));
    m_editor->setTextCursor(c);
    m_editor->centerCursor();
    if (focus)
        m_editor->setFocus(Qt::OtherFocusReason);
}

bool JsonView::jumpToPointer(const std::string &pointer, bool focus)
{
    refreshIfStale();
    const std::string text = m_editor->toPlainText().toStdString();
    const TextPos pos = locatePointer(text, pointer);
    if (pos.line <= 0)
        return false;
    jumpTo(pos.line, pos.column, focus);
    return true;
}

} // namespace wfs::studio
