// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "stepclipboard.h"

#include "commands.h"
#include "model/jsonio.h"
#include "workflowdocument.h"

#include <map>
#include <set>

namespace wfs::studio {

namespace {

bool looksLikeStep(const Json &v)
{
    return v.is_object() && v.contains("id") && v["id"].is_string();
}

QString idOf(const Json &step)
{
    return QString::fromStdString(step["id"].get<std::string>());
}

} // namespace

std::string copyStepsText(const WorkflowDocument &doc, const std::vector<std::string> &pointers)
{
    const std::set<std::string> wanted(pointers.begin(), pointers.end());
    Json out = Json::array();
    for (const std::string &p : doc.allStepPointers()) {
        if (!wanted.count(p))
            continue;
        const auto loc = WorkflowDocument::locationOf(p);
        if (loc && !loc->loopPointer.empty() && wanted.count(loc->loopPointer))
            continue; // already inside its copied loop
        out.push_back(doc.valueAt(p));
    }
    return formatJsonForSave(out);
}

Result<Json> stepsFromPastedText(const std::string &text)
{
    const ParsedJson parsed = parseJson(text);
    if (!parsed.ok) {
        const Diagnostic &d = parsed.diagnostics.front();
        return Result<Json>::failure("clipboard:" + std::to_string(d.line) + ":"
                                     + std::to_string(d.column) + ": " + d.message);
    }
    const Json &v = parsed.value;
    Json steps;
    if (v.is_object() && v.contains("steps") && v["steps"].is_array())
        steps = v["steps"];
    else if (v.is_array())
        steps = v;
    else
        steps = Json::array({v});
    if (steps.empty())
        return Result<Json>::failure("the clipboard holds no steps");
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (!looksLikeStep(steps[i]))
            return Result<Json>::failure(
                "clipboard: item " + std::to_string(i)
                + " is not a step (expected an object with a string \"id\")");
    }
    return steps;
}

Json withUniqueIds(Json steps, QStringList taken)
{
    std::map<std::string, std::string> renamed;
    const auto fix = [&](Json &step) {
        if (!looksLikeStep(step))
            return;
        const QString id = idOf(step);
        const QString fresh = uniqueStepId(id, taken);
        taken << fresh;
        if (fresh != id) {
            renamed[id.toStdString()] = fresh.toStdString();
            step["id"] = fresh.toStdString();
        }
    };
    for (Json &s : steps) {
        fix(s);
        if (WorkflowDocument::isLoop(s) && s.contains("body") && s["body"].is_array()) {
            for (Json &b : s["body"])
                fix(b);
        }
    }
    for (Json &s : steps) {
        if (WorkflowDocument::isLoop(s) && s.contains("body") && s["body"].is_string()) {
            const auto it = renamed.find(s["body"].get<std::string>());
            if (it != renamed.end())
                s["body"] = it->second;
        }
    }
    return steps;
}

} // namespace wfs::studio
