// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "workflowscene.h"

#include "nodeitems.h"
#include "ui/document/commands.h"
#include "ui/document/stepclipboard.h"

#include <QApplication>
#include <QClipboard>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QMenu>

#include <set>

namespace wfs::studio {


WorkflowScene::WorkflowScene(WorkflowDocument &doc, QObject *parent)
    : QGraphicsScene(parent)
    , m_doc(doc)
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(&m_doc, &WorkflowDocument::contentsChanged, this, &WorkflowScene::rebuild);
    rebuild();
}

void WorkflowScene::rebuild()
{
    const std::vector<std::string> selection = selectedPointers();
    QSignalBlocker blocker(this);
    m_nodes.clear();
    m_dropIndicator = nullptr;
    clear();
    m_layout = layoutWorkflow(m_doc.json());
    const Json &root = m_doc.json();
    const Json steps = root.is_object() && root.contains("steps") ? root["steps"] : Json();

    NodeItem *currentLoop = nullptr;
    std::string currentLoopPrefix;
    for (const LayoutNode &n : m_layout.nodes) {
        const Json step = m_doc.valueAt(n.pointer);
        const bool inBody = currentLoop && n.pointer.rfind(currentLoopPrefix, 0) == 0;
        auto *item = new NodeItem(n.kind == LayoutNode::Kind::Loop ? NodeItem::Kind::Loop
                                                                   : NodeItem::Kind::Step,
                                  n.pointer, step, n.rect.size(), inBody ? currentLoop : nullptr);
        if (inBody)
            item->setPos(n.rect.topLeft() - currentLoop->pos());
        else
            item->setPos(n.rect.topLeft());
        item->setHomePos(n.rect.topLeft());
        if (!inBody)
            addItem(item);
        m_nodes.emplace(n.pointer, item);
        if (n.kind == LayoutNode::Kind::Loop) {
            currentLoop = item;
            currentLoopPrefix = n.pointer + "/body/";
        } else if (!inBody) {
            currentLoop = nullptr;
        }
    }
    for (const LayoutEdge &e : m_layout.edges)
        addItem(new EdgeItem(e.from, e.to, e.label, nullptr, e.labelMaxWidth));
    setSceneRect(m_layout.bounds.adjusted(-220, -60, 220, 60));
    blocker.unblock();
    selectPointers(selection);
    applyMarks();
    applyRunMarks();
}

std::vector<std::string> WorkflowScene::selectedPointers() const
{
    std::set<std::string> selected;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == NodeItem::Type)
            selected.insert(static_cast<NodeItem *>(item)->pointer());
    }
    std::vector<std::string> out;
    for (const LayoutNode &n : m_layout.nodes) {
        if (selected.count(n.pointer))
            out.push_back(n.pointer);
    }
    return out;
}

void WorkflowScene::selectPointers(const std::vector<std::string> &pointers)
{
    const std::set<std::string> wanted(pointers.begin(), pointers.end());
    {
        const QSignalBlocker blocker(this);
        clearSelection();
        for (const auto &[pointer, item] : m_nodes)
            item->setSelected(wanted.count(pointer) > 0);
    }
    emit selectionChanged();
}

NodeItem *WorkflowScene::nodeItem(const std::string &pointer) const
{
    const auto it = m_nodes.find(pointer);
    return it == m_nodes.end() ? nullptr : it->second;
}

std::vector<NodeItem *> WorkflowScene::nodeItems() const
{
    std::vector<NodeItem *> out;
    for (const LayoutNode &n : m_layout.nodes)
        out.push_back(nodeItem(n.pointer));
    return out;
}

StepLocation WorkflowScene::insertionPoint() const
{
    const std::vector<std::string> sel = selectedPointers();
    if (sel.empty())
        return {{}, -1};
    const auto loc = WorkflowDocument::locationOf(sel.back());
    if (!loc)
        return {{}, -1};
    return {loc->loopPointer, loc->index + 1};
}

void WorkflowScene::pushAndSelect(StepsSnapshotCommand *cmd)
{
    if (cmd->isObsolete()) {
        delete cmd;
        rebuild(); // puts dragged items back where they belong
        return;
    }
    const std::vector<std::string> result = cmd->resultPointers();
    m_doc.undoStack()->push(cmd);
    selectPointers(result);
}

void WorkflowScene::insertStep(StepLocation where)
{
    pushAndSelect(new InsertStepsCommand(&m_doc, newStandardStep(m_doc), std::move(where),
                                         InsertStepsCommand::Kind::Step));
}

void WorkflowScene::insertLoop(StepLocation where)
{
    pushAndSelect(new InsertStepsCommand(&m_doc, newLoopStep(m_doc), std::move(where),
                                         InsertStepsCommand::Kind::Loop));
}

void WorkflowScene::deleteSelection()
{
    const std::vector<std::string> sel = selectedPointers();
    if (sel.empty())
        return;
    auto *cmd = new DeleteStepsCommand(&m_doc, sel);
    if (cmd->isObsolete()) {
        delete cmd;
        return;
    }
    m_doc.undoStack()->push(cmd);
}

QString WorkflowScene::copySelection() const
{
    const std::vector<std::string> sel = selectedPointers();
    if (sel.empty())
        return {};
    return QString::fromStdString(copyStepsText(m_doc, sel));
}

QString WorkflowScene::paste(const QString &text, std::optional<StepLocation> where)
{
    auto steps = stepsFromPastedText(text.toStdString());
    if (!steps) {
        const QString message = tr("Cannot paste: %1").arg(QString::fromStdString(steps.error()));
        emit gestureFailed(message);
        return message;
    }
    pushAndSelect(new InsertStepsCommand(&m_doc, withUniqueIds(*steps, m_doc.allStepIds()),
                                         where ? *where : insertionPoint(),
                                         InsertStepsCommand::Kind::Paste));
    return {};
}

bool WorkflowScene::draggingLoop() const
{
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == NodeItem::Type
            && static_cast<NodeItem *>(item)->kind() == NodeItem::Kind::Loop)
            return true;
    }
    return false;
}

void WorkflowScene::dropSelection(QPointF scenePos)
{
    const std::vector<std::string> sel = selectedPointers();
    if (sel.empty())
        return;
    const StepLocation where = dropLocation(m_layout, m_doc.json(), scenePos, draggingLoop());
    pushAndSelect(new MoveStepsCommand(&m_doc, sel, where));
}

void WorkflowScene::showDropIndicator(QPointF scenePos)
{
    const StepLocation where = dropLocation(m_layout, m_doc.json(), scenePos, draggingLoop());
    std::vector<const LayoutNode *> siblings;
    const LayoutNode *container = where.loopPointer.empty() ? nullptr
                                                            : m_layout.node(where.loopPointer);
    for (const LayoutNode &n : m_layout.nodes) {
        const auto loc = WorkflowDocument::locationOf(n.pointer);
        if (loc && loc->loopPointer == where.loopPointer)
            siblings.push_back(&n);
    }
    qreal y = 0;
    const int index = where.index;
    if (index >= 0 && index < static_cast<int>(siblings.size()))
        y = siblings[static_cast<std::size_t>(index)]->rect.top() - layout::kGap / 2;
    else if (!siblings.empty())
        y = siblings.back()->rect.bottom() + layout::kGap / 2;
    else if (container)
        y = container->rect.top() + layout::kLoopHeader;
    if (!m_dropIndicator) {
        m_dropIndicator = addLine(QLineF(), QPen(canvasPalette().color(QPalette::Highlight), 4,
                                                 Qt::SolidLine, Qt::RoundCap));
        m_dropIndicator->setZValue(100);
    }
    const qreal half = layout::kNodeWidth / 2 + 6;
    m_dropIndicator->setLine(QLineF(-half, y, half, y));
    m_dropIndicator->show();
}

void WorkflowScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_pressPos = event->scenePos();
    m_dragging = false;
    QGraphicsScene::mousePressEvent(event);
}

void WorkflowScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mouseMoveEvent(event);
    if (!(event->buttons() & Qt::LeftButton) || !mouseGrabberItem()
        || mouseGrabberItem()->type() != NodeItem::Type)
        return;
    if (!m_dragging && (event->scenePos() - m_pressPos).manhattanLength()
                           >= QApplication::startDragDistance())
        m_dragging = true;
    if (m_dragging)
        showDropIndicator(event->scenePos());
}

void WorkflowScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mouseReleaseEvent(event);
    if (!m_dragging)
        return;
    m_dragging = false;
    if (m_dropIndicator)
        m_dropIndicator->hide();
    dropSelection(event->scenePos());
}

void WorkflowScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mouseDoubleClickEvent(event);
    for (QGraphicsItem *item : items(event->scenePos())) {
        if (item->type() == NodeItem::Type) {
            emit stepActivated(QString::fromStdString(static_cast<NodeItem *>(item)->pointer()));
            return;
        }
    }
}

void WorkflowScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    const QPointF pos = event->scenePos();
    for (QGraphicsItem *item : items(pos)) {
        if (item->type() == NodeItem::Type) {
            if (!item->isSelected())
                selectPointers({static_cast<NodeItem *>(item)->pointer()});
            break;
        }
    }
    const bool hasSelection = !selectedPointers().empty();
    QMenu menu;
    QAction *insertStepAction = menu.addAction(tr("Insert &Step Here"));
    QAction *insertLoopAction = menu.addAction(tr("Insert &Loop Here"));
    menu.addSeparator();
    QAction *copyAction = menu.addAction(tr("&Copy"));
    copyAction->setEnabled(hasSelection);
    QAction *pasteAction = menu.addAction(tr("&Paste Here"));
    pasteAction->setEnabled(!QApplication::clipboard()->text().isEmpty());
    QAction *deleteAction = menu.addAction(tr("&Delete"));
    deleteAction->setEnabled(hasSelection);
    QAction *chosen = menu.exec(event->screenPos());
    if (chosen == insertStepAction)
        insertStep(dropLocation(m_layout, m_doc.json(), pos, false));
    else if (chosen == insertLoopAction)
        insertLoop(dropLocation(m_layout, m_doc.json(), pos, true));
    else if (chosen == copyAction)
        QApplication::clipboard()->setText(copySelection());
    else if (chosen == pasteAction)
        paste(QApplication::clipboard()->text(), dropLocation(m_layout, m_doc.json(), pos, false));
    else if (chosen == deleteAction)
        deleteSelection();
}

void WorkflowScene::setProblemMarks(const std::vector<Mark> &marks)
{
    m_marks = marks;
    applyMarks();
}

void WorkflowScene::applyMarks()
{
    QHash<QString, QStringList> messages;
    QHash<QString, NodeItem::ProblemLevel> levels;
    for (const Mark &m : m_marks) {
        const std::string owner = WorkflowDocument::owningStep(m.pointer);
        if (owner.empty())
            continue;
        const QString key = QString::fromStdString(owner);
        messages[key] << (m.error ? tr("Error: %1") : tr("Warning: %1")).arg(m.message);
        if (m.error)
            levels[key] = NodeItem::ProblemLevel::Error;
        else if (!levels.contains(key))
            levels[key] = NodeItem::ProblemLevel::Warning;
    }
    for (const auto &[pointer, item] : m_nodes) {
        const QString key = QString::fromStdString(pointer);
        const auto it = messages.constFind(key);
        if (it == messages.constEnd())
            item->setProblems({}, NodeItem::ProblemLevel::None);
        else
            item->setProblems(it->join(QLatin1Char('\n')), levels.value(key));
    }
}

void WorkflowScene::setRunMarks(const RunMarks &marks)
{
    if (marks == m_runMarks)
        return;
    m_runMarks = marks;
    applyRunMarks();
}

void WorkflowScene::applyRunMarks()
{
    using RunState = NodeItem::RunState;
    for (const auto &[pointer, item] : m_nodes) {
        const std::string id = item->stepId().toStdString();
        RunState state = RunState::None;
        QString note;
        if (const auto skip = m_runMarks.skipped.find(id); skip != m_runMarks.skipped.end()) {
            state = RunState::Skipped;
            note = skip->second;
        } else if (!id.empty() && (id == m_runMarks.current || id == m_runMarks.activeLoop)) {
            state = RunState::Current;
        } else if (m_runMarks.completed.count(id)) {
            state = RunState::Completed;
        }
        if (item->kind() == NodeItem::Kind::Loop && state != RunState::Skipped) {
            if (const auto c = m_runMarks.loopCounters.find(id); c != m_runMarks.loopCounters.end())
                note = c->second;
        }
        item->setRunState(state, note);
    }
}

} // namespace wfs::studio
