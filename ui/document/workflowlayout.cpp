// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "workflowlayout.h"

#include "conditiontext.h"

namespace wfs::studio {

using namespace layout;

QString guardLabel(const Json &step)
{
    if (!step.is_object() || !step.contains("runCondition"))
        return {};
    const Json &c = step["runCondition"];
    if (c.is_object() && c.empty())
        return {};
    return conditionSummary(c);
}

std::string layoutSignature(const Json &step)
{
    std::string sig = WorkflowDocument::isLoop(step) ? "L" : "S";
    sig += guardLabel(step).isEmpty() ? '-' : 'g';
    if (WorkflowDocument::isLoop(step)) {
        const Json *body = step.contains("body") ? &step["body"] : nullptr;
        if (body && body->is_array())
            sig += "[" + std::to_string(body->size()) + "]";
        else
            sig += body && body->is_string() ? "ref" : "none";
    }
    return sig;
}

const LayoutNode *WorkflowLayout::node(const std::string &pointer) const
{
    for (const LayoutNode &n : nodes) {
        if (n.pointer == pointer)
            return &n;
    }
    return nullptr;
}

WorkflowLayout layoutWorkflow(const Json &workflow)
{
    WorkflowLayout out;
    if (!workflow.is_object() || !workflow.contains("steps") || !workflow["steps"].is_array())
        return out;
    const Json &steps = workflow["steps"];
    out.nodes.reserve(steps.size() * 2);
    out.edges.reserve(steps.size() * 2);

    qreal y = 0;
    bool havePrevious = false;
    QPointF previousBottom(0, 0);
    // Places the next item's top, adding the incoming edge (with its guard label).
    const auto enter = [&](const Json &step, const std::string &pointer, qreal &cursor,
                           bool &hasPrev, QPointF &prevBottom) {
        const QString guard = guardLabel(step);
        if (hasPrev || !guard.isEmpty())
            cursor += guard.isEmpty() ? kGap : kGuardGap;
        const QPointF top(0, cursor);
        if (hasPrev || !guard.isEmpty())
            out.edges.push_back({hasPrev ? prevBottom : QPointF(0, cursor - kGuardGap), top,
                                 guard, pointer});
    };

    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Json &s = steps[i];
        const std::string p = "/steps/" + std::to_string(i);
        enter(s, p, y, havePrevious, previousBottom);
        if (!WorkflowDocument::isLoop(s)) {
            out.nodes.push_back({p, LayoutNode::Kind::Step,
                                 QRectF(-kNodeWidth / 2, y, kNodeWidth, kNodeHeight)});
            y += kNodeHeight;
        } else {
            const qreal frameWidth = kNodeWidth + 2 * kLoopPadding;
            const std::size_t frameIndex = out.nodes.size();
            out.nodes.push_back({p, LayoutNode::Kind::Loop, QRectF()});
            const qreal top = y;
            qreal by = y + kLoopHeader;
            const Json body = s.contains("body") ? s["body"] : Json();
            if (body.is_array() && !body.empty()) {
                bool bodyPrev = false;
                QPointF bodyBottom(0, by);
                for (std::size_t j = 0; j < body.size(); ++j) {
                    const std::string bp = p + "/body/" + std::to_string(j);
                    enter(body[j], bp, by, bodyPrev, bodyBottom);
                    if (!out.edges.empty() && out.edges.back().target == bp) {
                        if (j == 0)
                            out.edges.back().from = QPointF(0, top + kLoopHeader);
                        // Guards inside the frame end before its border.
                        out.edges.back().labelMaxWidth =
                            frameWidth / 2 - kLabelOffset - kLoopPadding / 2;
                    }
                    out.nodes.push_back({bp, LayoutNode::Kind::Step,
                                         QRectF(-kNodeWidth / 2, by, kNodeWidth, kNodeHeight)});
                    by += kNodeHeight;
                    bodyPrev = true;
                    bodyBottom = QPointF(0, by);
                }
                by += kLoopPadding;
            } else {
                by += kLoopRefHeight;
            }
            out.nodes[frameIndex].rect = QRectF(-frameWidth / 2, top, frameWidth, by - top);
            y = by;
        }
        havePrevious = true;
        previousBottom = QPointF(0, y);
    }
    QRectF bounds;
    for (const LayoutNode &n : out.nodes)
        bounds |= n.rect;
    for (const LayoutEdge &e : out.edges)
        bounds |= QRectF(e.from, e.to).normalized().adjusted(-1, -1, 1, 1);
    out.bounds = bounds;
    return out;
}

StepLocation dropLocation(const WorkflowLayout &layout, const Json &workflow, QPointF pos,
                          bool draggingLoop)
{
    const Json steps = workflow.is_object() && workflow.contains("steps") ? workflow["steps"]
                                                                          : Json::array();
    if (!draggingLoop) {
        for (const LayoutNode &n : layout.nodes) {
            if (n.kind != LayoutNode::Kind::Loop || !n.rect.contains(pos))
                continue;
            const auto loc = WorkflowDocument::locationOf(n.pointer);
            if (!loc || loc->index >= static_cast<int>(steps.size()))
                break;
            const Json &loop = steps[static_cast<std::size_t>(loc->index)];
            if (!loop.contains("body") || !loop["body"].is_array())
                break; // a step-id body takes no inline steps: fall back to the top level
            int index = 0;
            const std::string prefix = n.pointer + "/body/";
            for (const LayoutNode &b : layout.nodes) {
                if (b.pointer.rfind(prefix, 0) == 0 && b.rect.center().y() < pos.y())
                    ++index;
            }
            return StepLocation{n.pointer, index};
        }
    }
    int index = 0;
    for (const LayoutNode &n : layout.nodes) {
        const auto loc = WorkflowDocument::locationOf(n.pointer);
        if (loc && loc->loopPointer.empty() && n.rect.center().y() < pos.y())
            ++index;
    }
    return StepLocation{{}, index};
}

} // namespace wfs::studio
