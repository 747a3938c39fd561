// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "workflowdocument.h"

#include "model/jsontextpatch.h"

#include <QFileInfo>

namespace wfs::studio {

namespace {

std::optional<Json::json_pointer> toPointer(const std::string &pointer)
{
    try {
        return Json::json_pointer(pointer);
    } catch (const Json::exception &) {
        return std::nullopt;
    }
}

} // namespace

WorkflowDocument::WorkflowDocument(QObject *parent)
    : QObject(parent)
    , m_json(blankWorkflow())
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean || m_forcedModified); });
}

WorkflowDocument::~WorkflowDocument() = default;

Json WorkflowDocument::blankWorkflow()
{
    Json wf = Json::object();
    wf["id"] = "new-workflow";
    wf["name"] = "New workflow";
    wf["description"] = "Describe what this workflow achieves.";
    wf["version"] = "0.1.0";
    Json step = Json::object();
    step["id"] = "step-1";
    step["title"] = "First step";
    step["prompt"] = "Tell the agent what to do.";
    wf["steps"] = Json::array({step});
    return wf;
}

void WorkflowDocument::load(Json json, const QString &filePath, bool modified)
{
    m_json = std::move(json);
    m_renamedStep.clear();
    m_undoStack.clear();
    const bool wasModified = isModified();
    m_forcedModified = modified;
    setFilePath(filePath);
    ++m_revision;
    emit modelReset();
    emit contentsChanged();
    if (wasModified != isModified())
        emit modifiedChanged(isModified());
}

void WorkflowDocument::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

QString WorkflowDocument::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

QString WorkflowDocument::workflowName() const
{
    if (m_json.is_object()) {
        for (const char *key : {"name", "id"}) {
            const auto it = m_json.find(key);
            if (it != m_json.end() && it->is_string()) {
                const QString s = QString::fromStdString(it->get<std::string>()).simplified();
                if (!s.isEmpty())
                    return s;
            }
        }
    }
    return displayName();
}

const std::string &WorkflowDocument::text() const
{
    if (m_textRevision != m_revision) {
        m_text = patchJsonText(m_savedText, m_json);
        m_textRevision = m_revision;
    }
    return m_text;
}

void WorkflowDocument::setSavedText(std::string text)
{
    m_savedText = std::move(text);
    m_text = m_savedText;
    m_textRevision = m_savedText.empty() ? ~quint64(0) : m_revision;
}

void WorkflowDocument::markSaved()
{
    const bool wasModified = isModified();
    m_forcedModified = false;
    m_undoStack.setClean();
    if (wasModified)
        emit modifiedChanged(false);
}

void WorkflowDocument::markModified()
{
    const bool wasModified = isModified();
    m_forcedModified = true;
    if (!wasModified)
        emit modifiedChanged(true);
}

bool WorkflowDocument::contains(const std::string &pointer) const
{
    const auto p = toPointer(pointer);
    return p && m_json.contains(*p);
}

Json WorkflowDocument::valueAt(const std::string &pointer) const
{
    const auto p = toPointer(pointer);
    if (!p || !m_json.contains(*p))
        return nullptr;
    return m_json.at(*p);
}

std::string WorkflowDocument::findStep(const QString &id) const
{
    const std::string wanted = id.toStdString();
    for (const std::string &p : allStepPointers()) {
        const Json step = valueAt(p);
        if (step.is_object() && step.contains("id") && step["id"] == wanted)
            return p;
    }
    return {};
}

std::vector<std::string> WorkflowDocument::allStepPointers() const
{
    std::vector<std::string> out;
    if (!m_json.is_object() || !m_json.contains("steps") || !m_json["steps"].is_array())
        return out;
    const Json &steps = m_json["steps"];
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const std::string p = "/steps/" + std::to_string(i);
        out.push_back(p);
        const Json &s = steps[i];
        if (isLoop(s) && s.contains("body") && s["body"].is_array()) {
            for (std::size_t j = 0; j < s["body"].size(); ++j)
                out.push_back(p + "/body/" + std::to_string(j));
        }
    }
    return out;
}

QStringList WorkflowDocument::allStepIds() const
{
    QStringList ids;
    for (const std::string &p : allStepPointers()) {
        const Json step = valueAt(p);
        if (step.is_object() && step.contains("id") && step["id"].is_string())
            ids << QString::fromStdString(step["id"].get<std::string>());
    }
    return ids;
}

bool WorkflowDocument::isLoop(const Json &step)
{
    return step.is_object() && step.contains("type") && step["type"] == "loop";
}

std::optional<StepLocation> WorkflowDocument::locationOf(const std::string &stepPointer)
{
    static const std::string top = "/steps/";
    if (stepPointer.rfind(top, 0) != 0)
        return std::nullopt;
    const std::string rest = stepPointer.substr(top.size());
    const auto parseIndex = [](const std::string &s) -> int {
        if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
            return -1;
        return std::stoi(s);
    };
    const auto bodyPos = rest.find("/body/");
    if (bodyPos == std::string::npos) {
        const int i = parseIndex(rest);
        if (i < 0)
            return std::nullopt;
        return StepLocation{{}, i};
    }
    const int loopIndex = parseIndex(rest.substr(0, bodyPos));
    const int i = parseIndex(rest.substr(bodyPos + 6));
    if (loopIndex < 0 || i < 0)
        return std::nullopt;
    return StepLocation{top + std::to_string(loopIndex), i};
}

std::string WorkflowDocument::pointerFor(const StepLocation &loc)
{
    if (loc.loopPointer.empty())
        return "/steps/" + std::to_string(loc.index);
    return loc.loopPointer + "/body/" + std::to_string(loc.index);
}

std::string WorkflowDocument::owningStep(const std::string &pointer)
{
    static const std::string top = "/steps/";
    if (pointer.rfind(top, 0) != 0 || pointer.size() == top.size())
        return {};
    const std::size_t end = pointer.find('/', top.size());
    std::string out = pointer.substr(0, end);
    if (end == std::string::npos)
        return out;
    static const std::string body = "/body/";
    if (pointer.compare(end, body.size(), body) == 0 && pointer.size() > end + body.size()) {
        const std::size_t end2 = pointer.find('/', end + body.size());
        return pointer.substr(0, end2);
    }
    return out;
}

void WorkflowDocument::applyOwner(const std::string &ownerPointer, const Json &value)
{
    if (ownerPointer.empty()) {
        Json steps = m_json.is_object() && m_json.contains("steps") ? m_json["steps"] : Json();
        Json root = value;
        if (root.is_object() && root.contains("steps"))
            root["steps"] = std::move(steps);
        m_json = std::move(root);
        changed();
        emit workflowChanged();
        emit contentsChanged();
        return;
    }
    const auto p = toPointer(ownerPointer);
    Q_ASSERT_X(p && m_json.contains(*p), "WorkflowDocument::applyOwner",
               "a command addresses a value that does not exist");
    if (!p || !m_json.contains(*p))
        return;
    const auto idOf = [](const Json &step) {
        return step.is_object() && step.contains("id") ? step["id"] : Json();
    };
    if (idOf(m_json[*p]) != idOf(value))
        m_renamedStep = ownerPointer;
    m_json[*p] = value;
    changed();
    emit stepChanged(QString::fromStdString(ownerPointer));
    emit contentsChanged();
}

void WorkflowDocument::applySteps(const Json &steps)
{
    if (!m_json.is_object())
        m_json = Json::object();
    m_json["steps"] = steps;
    m_renamedStep.clear(); // step pointers may name other steps now
    changed();
    emit structureChanged();
    emit contentsChanged();
}

void WorkflowDocument::applyAll(const Json &json, const std::string &text)
{
    m_json = json;
    m_renamedStep.clear();
    changed();
    if (!text.empty()) {
        m_text = text;
        m_textRevision = m_revision;
    }
    emit modelReset();
    emit contentsChanged();
}

void WorkflowDocument::changed()
{
    ++m_revision;
}

} // namespace wfs::studio
