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
#include <QGraphicsView>
#include <QMenu>
#include <QTimer>

#include <algorithm>
#include <set>

namespace wfs::studio {

namespace {
// Around what the scene draws: room for the run and heat badges over the nodes' corners.
constexpr qreal kSceneMargin = 40;
} // namespace

WorkflowScene::WorkflowScene(WorkflowDocument &doc, QObject *parent)
    : QGraphicsScene(parent)
    , m_doc(doc)
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(&m_doc, &WorkflowDocument::structureChanged, this, &WorkflowScene::rebuild);
    connect(&m_doc, &WorkflowDocument::modelReset, this, &WorkflowScene::rebuild);
    connect(&m_doc, &WorkflowDocument::stepChanged, this, &WorkflowScene::updateStep);
    rebuild();
}

void WorkflowScene::updateStep(const QString &qpointer)
{
    const std::string pointer = qpointer.toStdString();
    NodeItem *item = nodeItem(pointer);
    const Json step = m_doc.valueAt(pointer);
    const auto sig = m_signatures.find(pointer);
    if (!item || sig == m_signatures.end() || sig->second != layoutSignature(step)) {
        rebuild(); // the geometry changes: a new guard, a loop body of another length
        return;
    }
    item->setStep(step);
    if (const auto edge = m_entering.find(pointer); edge != m_entering.end())
        edge->second->setLabel(guardLabel(step));
    applyRunMarks(item); // the id may have changed
}

void WorkflowScene::rebuild()
{
    // The selection by step id (pointer for steps without one), restored after the rebuild.
    std::vector<std::pair<QString, std::string>> selection;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == NodeItem::Type) {
            const auto *node = static_cast<NodeItem *>(item);
            selection.emplace_back(node->stepId(), node->pointer());
        }
    }
    QSignalBlocker blocker(this);
    m_nodes.clear();
    m_entering.clear();
    m_signatures.clear();
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
        m_signatures.emplace(n.pointer, layoutSignature(step));
        if (n.kind == LayoutNode::Kind::Loop) {
            currentLoop = item;
            currentLoopPrefix = n.pointer + "/body/";
        } else if (!inBody) {
            currentLoop = nullptr;
        }
    }
    for (const LayoutEdge &e : m_layout.edges) {
        auto *edge = new EdgeItem(e.from, e.to, e.label, nullptr, e.labelMaxWidth);
        addItem(edge);
        m_entering[e.target] = edge;
    }
    blocker.unblock();
    // Outside the blocker: the views follow sceneRectChanged (their scroll ranges, the minimap).
    // What is drawn (nodes, edges with their labels) and a margin for the badges drawn over
    // the nodes' edges: a workflow that fits the view shows no scroll bars (a fixed 220-pixel
    // margin made a single step scroll sideways).
    setSceneRect((itemsBoundingRect() | m_layout.bounds)
                     .adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin));
    QHash<QString, int> idCount;
    for (const auto &[pointer, item] : m_nodes)
        ++idCount[item->stepId()];
    std::vector<std::string> restored;
    for (const auto &[id, pointer] : selection) {
        if (!id.isEmpty() && idCount[id] == 1) {
            for (const auto &[p, item] : m_nodes) {
                if (item->stepId() == id)
                    restored.push_back(p);
            }
        } else if (m_nodes.count(pointer)) {
            restored.push_back(pointer);
        }
    }
    selectPointers(restored);
    applyMarks();
    applyRunMarks();
    applyHeat();
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

QStringList WorkflowScene::selectedStepIds() const
{
    QStringList out;
    for (const std::string &p : selectedPointers()) {
        if (const NodeItem *item = nodeItem(p))
            out << item->stepId();
    }
    return out;
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
    if (!result.empty())
        reveal(result.front());
}

void WorkflowScene::reveal(const std::string &pointer)
{
    // Once the views have taken in the new scene rectangle (their scroll ranges follow it on
    // the next turn of the event loop).
    QTimer::singleShot(0, this, [this, pointer] { revealNow(pointer); });
}

void WorkflowScene::revealNow(const std::string &pointer)
{
    NodeItem *item = nodeItem(pointer);
    if (!item)
        return;
    for (QGraphicsView *v : views()) {
        // A loop taller than the view shows its header; anything else is shown whole.
        const QRectF r = item->sceneBoundingRect();
        const qreal room = v->viewport()->height() / std::max(v->transform().m22(), 0.01);
        v->ensureVisible(
            r.height() > room - 80 ? QRectF(r.topLeft(), QSizeF(r.width(), room - 80)) : r, 40, 40);
    }
}

std::optional<StepLocation> WorkflowScene::moveTarget(int delta,
                                                      std::vector<std::string> *moved) const
{
    std::vector<std::string> sel = selectedPointers();
    // A loop selected with some of its body moves as a whole.
    std::set<std::string> set(sel.begin(), sel.end());
    sel.erase(std::remove_if(sel.begin(), sel.end(),
                             [&](const std::string &p) {
                                 const auto loc = WorkflowDocument::locationOf(p);
                                 return loc && !loc->loopPointer.empty() &&
                                        set.count(loc->loopPointer);
                             }),
              sel.end());
    if (sel.empty() || delta == 0)
        return std::nullopt;
    const auto first = WorkflowDocument::locationOf(sel.front());
    const auto last = WorkflowDocument::locationOf(sel.back());
    if (!first || !last || first->loopPointer != last->loopPointer)
        return std::nullopt;
    bool movingLoop = false;
    for (const std::string &p : sel) {
        const auto loc = WorkflowDocument::locationOf(p);
        if (!loc || loc->loopPointer != first->loopPointer)
            return std::nullopt; // steps from several lists: no single "up"
        movingLoop = movingLoop || WorkflowDocument::isLoop(m_doc.valueAt(p));
    }
    const std::string &container = first->loopPointer;
    const Json list = m_doc.valueAt(container.empty() ? "/steps" : container + "/body");
    if (!list.is_array())
        return std::nullopt;
    const int size = static_cast<int>(list.size());
    *moved = sel;
    const auto inlineLoopAt = [&](int index) {
        if (index < 0 || index >= size || movingLoop)
            return false;
        const Json &s = list[static_cast<std::size_t>(index)];
        return WorkflowDocument::isLoop(s) && s.contains("body") && s["body"].is_array();
    };
    if (!container.empty()) {
        const auto loop = WorkflowDocument::locationOf(container);
        if (delta < 0) {
            if (first->index == 0)
                return StepLocation{{}, loop->index}; // out of the loop, above it
            return StepLocation{container, first->index - 1};
        }
        if (last->index >= size - 1)
            return StepLocation{{}, loop->index + 1}; // out of the loop, below it
        return StepLocation{container, last->index + 2};
    }
    if (delta < 0) {
        if (first->index == 0)
            return std::nullopt;
        if (inlineLoopAt(first->index - 1)) {
            const std::string loopPointer = WorkflowDocument::pointerFor({{}, first->index - 1});
            return StepLocation{loopPointer, -1}; // into the loop above, at its end
        }
        return StepLocation{{}, first->index - 1};
    }
    if (last->index >= size - 1)
        return std::nullopt;
    if (inlineLoopAt(last->index + 1))
        return StepLocation{WorkflowDocument::pointerFor({{}, last->index + 1}), 0};
    return StepLocation{{}, last->index + 2};
}

bool WorkflowScene::canMoveSelection(int delta) const
{
    std::vector<std::string> moved;
    return moveTarget(delta, &moved).has_value();
}

bool WorkflowScene::moveSelection(int delta)
{
    std::vector<std::string> moved;
    const auto where = moveTarget(delta, &moved);
    if (!where)
        return false;
    auto *cmd = new MoveStepsCommand(&m_doc, moved, *where);
    if (cmd->isObsolete()) {
        delete cmd;
        return false;
    }
    pushAndSelect(cmd);
    return true;
}

void WorkflowScene::selectAdjacent(int delta)
{
    if (m_layout.nodes.empty())
        return;
    const std::vector<std::string> sel = selectedPointers();
    const int count = static_cast<int>(m_layout.nodes.size());
    int index = delta > 0 ? -1 : count;
    if (!sel.empty()) {
        const std::string &anchor = delta > 0 ? sel.back() : sel.front();
        for (int i = 0; i < count; ++i) {
            if (m_layout.nodes[static_cast<std::size_t>(i)].pointer == anchor)
                index = i;
        }
    }
    index = std::clamp(index + delta, 0, count - 1);
    const std::string &pointer = m_layout.nodes[static_cast<std::size_t>(index)].pointer;
    selectPointers({pointer});
    reveal(pointer);
}

void WorkflowScene::selectEnd(bool last)
{
    if (m_layout.nodes.empty())
        return;
    const std::string &pointer =
        last ? m_layout.nodes.back().pointer : m_layout.nodes.front().pointer;
    selectPointers({pointer});
    reveal(pointer);
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
    for (const auto &[pointer, item] : m_nodes)
        applyRunMarks(item);
}

void WorkflowScene::applyRunMarks(NodeItem *item)
{
    using RunState = NodeItem::RunState;
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
    const auto text = [&id](const std::map<std::string, QString> &m) {
        const auto it = m.find(id);
        return it == m.end() ? QString() : it->second;
    };
    item->setRunExplanation(text(m_runMarks.explanations), text(m_runMarks.captions),
                            text(m_runMarks.whatIf));
}

} // namespace wfs::studio
