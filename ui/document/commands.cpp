// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "commands.h"

#include <algorithm>
#include <set>

namespace wfs::studio {

namespace {

const char *const kMoveTarget = "\x01wfs-move-target";

// The root object with `steps` replaced by null (same key position), so that metadata edits
// do not copy every step.
Json rootWithoutSteps(const Json &root)
{
    if (!root.is_object())
        return root;
    Json out = Json::object();
    for (auto it = root.begin(); it != root.end(); ++it)
        out[it.key()] = it.key() == "steps" ? Json() : it.value();
    return out;
}

Json stepsOf(const WorkflowDocument *doc)
{
    const Json &root = doc->json();
    if (root.is_object() && root.contains("steps") && root["steps"].is_array())
        return root["steps"];
    return Json::array();
}

int loopIndexOf(const std::string &loopPointer)
{
    const auto loc = WorkflowDocument::locationOf(loopPointer);
    return loc && loc->loopPointer.empty() ? loc->index : -1;
}

// The array a location names inside `steps`, or nullptr when it names no array body.
Json *containerIn(Json &steps, const std::string &loopPointer)
{
    if (loopPointer.empty())
        return &steps;
    const int li = loopIndexOf(loopPointer);
    if (li < 0 || li >= static_cast<int>(steps.size()))
        return nullptr;
    Json &loop = steps[static_cast<std::size_t>(li)];
    if (!WorkflowDocument::isLoop(loop) || !loop.contains("body") || !loop["body"].is_array())
        return nullptr;
    return &loop["body"];
}

// Drops pointers whose enclosing loop is also listed, and duplicates; sorts in document order.
std::vector<std::string> normalizePointers(const WorkflowDocument *doc,
                                           std::vector<std::string> pointers)
{
    std::set<std::string> set(pointers.begin(), pointers.end());
    std::vector<std::string> out;
    for (const std::string &p : doc->allStepPointers()) {
        if (!set.count(p))
            continue;
        const auto loc = WorkflowDocument::locationOf(p);
        if (loc && !loc->loopPointer.empty() && set.count(loc->loopPointer))
            continue;
        out.push_back(p);
    }
    return out;
}

void markDiscarded(Json &steps, const std::string &pointer)
{
    const auto loc = WorkflowDocument::locationOf(pointer);
    if (!loc)
        return;
    Json *c = containerIn(steps, loc->loopPointer);
    if (c && loc->index < static_cast<int>(c->size()))
        (*c)[static_cast<std::size_t>(loc->index)] = Json(Json::value_t::discarded);
}

void removeDiscarded(Json &array)
{
    Json out = Json::array();
    for (auto &v : array) {
        if (v.is_discarded())
            continue;
        if (WorkflowDocument::isLoop(v) && v.contains("body") && v["body"].is_array())
            removeDiscarded(v["body"]);
        out.push_back(std::move(v));
    }
    array = std::move(out);
}

QString stepLabel(const Json &step)
{
    if (step.is_object() && step.contains("id") && step["id"].is_string())
        return QString::fromStdString(step["id"].get<std::string>());
    return QStringLiteral("?");
}

} // namespace

// --- SetFieldCommand ------------------------------------------------------------------------

SetFieldCommand::SetFieldCommand(WorkflowDocument *doc, std::string ownerPointer,
                                 std::string field, std::optional<Json> value,
                                 QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_doc(doc)
    , m_owner(std::move(ownerPointer))
    , m_field(std::move(field))
    , m_mergeBarrier(doc->mergeBarrier())
{
    m_before = m_owner.empty() ? rootWithoutSteps(doc->json()) : doc->valueAt(m_owner);
    m_after = m_before;
    try {
        const Json::json_pointer fp(m_field);
        if (!m_after.is_object() || fp.empty()) {
            setObsolete(true);
        } else if (value) {
            m_after[fp] = *value;
        } else {
            Json::json_pointer parentPtr = fp.parent_pointer();
            if (m_after.contains(parentPtr) && m_after[parentPtr].is_object())
                m_after[parentPtr].erase(fp.back());
        }
    } catch (const Json::exception &) {
        m_after = m_before;
    }
    if (m_before == m_after)
        setObsolete(true);
    const QString what = QString::fromStdString(m_field.substr(m_field.rfind('/') + 1));
    if (m_owner.empty())
        setText(tr("Edit workflow %1").arg(what));
    else
        setText(tr("Edit %1 of %2").arg(what, stepLabel(m_before)));
}

void SetFieldCommand::redo()
{
    m_doc->applyOwner(m_owner, m_after);
}

void SetFieldCommand::undo()
{
    m_doc->applyOwner(m_owner, m_before);
}

bool SetFieldCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetFieldCommand *>(other);
    if (o->m_owner != m_owner || o->m_field != m_field || o->m_mergeBarrier != m_mergeBarrier)
        return false;
    m_after = o->m_after;
    setObsolete(m_before == m_after);
    return true;
}

// --- StepsSnapshotCommand -------------------------------------------------------------------

StepsSnapshotCommand::StepsSnapshotCommand(WorkflowDocument *doc, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_doc(doc)
    , m_before(stepsOf(doc))
{
}

void StepsSnapshotCommand::finish(Json after, std::vector<std::string> result)
{
    m_after = std::move(after);
    m_result = std::move(result);
    if (m_after == m_before)
        setObsolete(true);
}

void StepsSnapshotCommand::redo()
{
    m_doc->applySteps(m_after);
}

void StepsSnapshotCommand::undo()
{
    m_doc->applySteps(m_before);
}

// --- InsertStepsCommand ---------------------------------------------------------------------

InsertStepsCommand::InsertStepsCommand(WorkflowDocument *doc, Json steps, StepLocation where,
                                       Kind kind, QUndoCommand *parent)
    : StepsSnapshotCommand(doc, parent)
{
    Json after = m_before;
    if (!steps.is_array())
        steps = Json::array({steps});
    const bool hasLoop = std::any_of(steps.begin(), steps.end(), &WorkflowDocument::isLoop);
    Json *target = containerIn(after, where.loopPointer);
    if (!where.loopPointer.empty() && (!target || hasLoop)) {
        // Not an inline body (or a loop going into one): insert after the loop, top level.
        const int li = loopIndexOf(where.loopPointer);
        where = StepLocation{{}, li < 0 ? -1 : li + 1};
        target = &after;
    }
    const int size = static_cast<int>(target->size());
    const int index = where.index < 0 || where.index > size ? size : where.index;
    std::vector<std::string> result;
    for (std::size_t k = 0; k < steps.size(); ++k) {
        target->insert(target->begin() + index + static_cast<int>(k), steps[k]);
        result.push_back(
            WorkflowDocument::pointerFor({where.loopPointer, index + static_cast<int>(k)}));
    }
    const QString first = steps.empty() ? QString() : stepLabel(steps[0]);
    switch (kind) {
    case Kind::Step:
        setText(tr("Insert step %1").arg(first));
        break;
    case Kind::Loop:
        setText(tr("Insert loop %1").arg(first));
        break;
    case Kind::Paste:
        setText(tr("Paste %n step(s)", nullptr, static_cast<int>(steps.size())));
        break;
    }
    finish(std::move(after), std::move(result));
}

// --- DeleteStepsCommand ---------------------------------------------------------------------

DeleteStepsCommand::DeleteStepsCommand(WorkflowDocument *doc, std::vector<std::string> pointers,
                                       QUndoCommand *parent)
    : StepsSnapshotCommand(doc, parent)
{
    pointers = normalizePointers(doc, std::move(pointers));
    Json after = m_before;
    for (const std::string &p : pointers)
        markDiscarded(after, p);
    removeDiscarded(after);
    if (pointers.size() == 1)
        setText(tr("Delete step %1").arg(stepLabel(doc->valueAt(pointers.front()))));
    else
        setText(tr("Delete %n step(s)", nullptr, static_cast<int>(pointers.size())));
    finish(std::move(after), {});
}

// --- MoveStepsCommand -----------------------------------------------------------------------

MoveStepsCommand::MoveStepsCommand(WorkflowDocument *doc, std::vector<std::string> pointers,
                                   StepLocation where, QUndoCommand *parent)
    : StepsSnapshotCommand(doc, parent)
{
    pointers = normalizePointers(doc, std::move(pointers));
    Json after = m_before;
    Json items = Json::array();
    bool refused = pointers.empty();
    for (const std::string &p : pointers) {
        const Json v = doc->valueAt(p);
        if (!where.loopPointer.empty() && (WorkflowDocument::isLoop(v) || p == where.loopPointer))
            refused = true;
        items.push_back(v);
    }
    Json *target = containerIn(after, where.loopPointer);
    if (!target)
        refused = true;
    if (refused) {
        setText(tr("Move steps"));
        finish(m_before, {});
        return;
    }
    // Mark the moved steps first, while every recorded pointer still names its step: the
    // marks keep their slots, so `where.index` (counted before the move) stays valid for the
    // placeholder, and nothing is removed by a pointer that an insertion has shifted.
    for (const std::string &p : pointers)
        markDiscarded(after, p);
    const int size = static_cast<int>(target->size());
    const int index = where.index < 0 || where.index > size ? size : where.index;
    target->insert(target->begin() + index, Json(kMoveTarget));
    removeDiscarded(after);

    std::vector<std::string> result;
    const auto placeIn = [&](Json &array, const std::string &loopPointer) {
        for (std::size_t i = 0; i < array.size(); ++i) {
            if (!(array[i].is_string() && array[i] == kMoveTarget))
                continue;
            array.erase(array.begin() + static_cast<int>(i));
            for (std::size_t k = 0; k < items.size(); ++k) {
                array.insert(array.begin() + static_cast<int>(i + k), items[k]);
                result.push_back(
                    WorkflowDocument::pointerFor({loopPointer, static_cast<int>(i + k)}));
            }
            return true;
        }
        return false;
    };
    if (!placeIn(after, {})) {
        for (std::size_t li = 0; li < after.size(); ++li) {
            Json &s = after[li];
            if (WorkflowDocument::isLoop(s) && s.contains("body") && s["body"].is_array()
                && placeIn(s["body"], "/steps/" + std::to_string(li)))
                break;
        }
    }
    if (pointers.size() == 1)
        setText(tr("Move step %1").arg(stepLabel(items[0])));
    else
        setText(tr("Move %n step(s)", nullptr, static_cast<int>(pointers.size())));
    finish(std::move(after), std::move(result));
}

// --- ReplaceJsonCommand ---------------------------------------------------------------------

ReplaceJsonCommand::ReplaceJsonCommand(WorkflowDocument *doc, Json after, std::string afterText,
                                       QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_doc(doc)
    , m_before(doc->json())
    , m_after(std::move(after))
    , m_beforeText(doc->text())
    , m_afterText(std::move(afterText))
{
    setText(tr("Edit JSON"));
    if (m_before == m_after && (m_afterText.empty() || m_afterText == m_beforeText))
        setObsolete(true);
}

void ReplaceJsonCommand::redo()
{
    m_doc->applyAll(m_after, m_afterText);
}

void ReplaceJsonCommand::undo()
{
    m_doc->applyAll(m_before, m_beforeText);
}

// --- factories ------------------------------------------------------------------------------

QString uniqueStepId(const QString &base, const QStringList &taken)
{
    QString stem = base.left(58);
    if (stem.isEmpty())
        stem = QStringLiteral("step");
    if (!taken.contains(stem))
        return stem;
    for (int n = 2;; ++n) {
        const QString candidate = stem + QLatin1Char('-') + QString::number(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

Json newStandardStep(const WorkflowDocument &doc)
{
    Json step = Json::object();
    step["id"] = uniqueStepId(QStringLiteral("new-step"), doc.allStepIds()).toStdString();
    step["title"] = SetFieldCommand::tr("New step").toStdString();
    step["prompt"] = SetFieldCommand::tr("Describe what the agent should do.").toStdString();
    return step;
}

Json newLoopStep(const WorkflowDocument &doc)
{
    QStringList taken = doc.allStepIds();
    const QString loopId = uniqueStepId(QStringLiteral("new-loop"), taken);
    taken << loopId;
    Json body = Json::object();
    body["id"] = uniqueStepId(QStringLiteral("new-loop-step"), taken).toStdString();
    body["title"] = SetFieldCommand::tr("Loop step").toStdString();
    body["prompt"] = SetFieldCommand::tr("Describe one iteration.").toStdString();
    Json loop = Json::object();
    loop["id"] = loopId.toStdString();
    loop["type"] = "loop";
    loop["title"] = SetFieldCommand::tr("New loop").toStdString();
    Json config = Json::object();
    config["type"] = "while";
    config["condition"] = Json{{"var", "continueLoop"}, {"equals", true}};
    config["maxIterations"] = 10;
    loop["loop"] = config;
    loop["body"] = Json::array({body});
    return loop;
}

} // namespace wfs::studio
