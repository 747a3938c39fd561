// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The heat map's aggregation over the rows a session store reads (AbstractSessionStore::
// heatCalls); see heatmap.h for what each number means.
#include "heatmap.h"

#include "sessionstore.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace wfs::store {

namespace {

// Nearest-rank percentile of `v` (not empty; reordered).
std::int64_t percentile(std::vector<std::int64_t> &v, double p)
{
    const auto n = v.size();
    auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(n)));
    rank = std::clamp<std::size_t>(rank, 1, n);
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(rank - 1), v.end());
    return v[rank - 1];
}

struct Accumulator
{
    HeatCell cell;
    std::vector<std::int64_t> think;
};

} // namespace

const HeatCell *HeatReport::find(const std::string &id) const
{
    for (const HeatCell &c : steps) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

Json HeatReport::toJson() const
{
    Json list = Json::array();
    for (const HeatCell &c : steps) {
        Json s = Json::object();
        s["id"] = c.id;
        s["reached"] = c.reached;
        s["stoppedHere"] = c.stoppedHere;
        s["thinkP50Ms"] = c.thinkP50Ms ? Json(*c.thinkP50Ms) : Json();
        s["thinkP95Ms"] = c.thinkP95Ms ? Json(*c.thinkP95Ms) : Json();
        s["validationFailures"] = c.validationFailures;
        s["loopPasses"] = c.loopPasses;
        list.push_back(std::move(s));
    }
    Json out = Json::object();
    out["workflowId"] = workflowId;
    out["sessions"] = sessions;
    out["steps"] = std::move(list);
    return out;
}

HeatReport aggregateHeat(const std::string &workflowId, const std::vector<HeatCall> &calls,
                         const std::vector<std::string> &stepOrder)
{
    std::unordered_map<std::string, Accumulator> acc;
    std::vector<std::string> order(stepOrder);
    std::set<std::string> known(stepOrder.begin(), stepOrder.end());
    const auto cell = [&](const std::string &id) -> Accumulator & {
        if (known.insert(id).second)
            order.push_back(id);
        Accumulator &a = acc[id];
        a.cell.id = id;
        return a;
    };

    HeatReport report;
    report.workflowId = workflowId;
    std::size_t i = 0;
    while (i < calls.size()) {
        const std::string &session = calls[i].sessionId;
        ++report.sessions;
        std::set<std::string> reached;
        std::map<std::string, std::set<int>> passes;
        std::set<std::string> failedValidation; // steps whose last validation failed
        std::string thinkStep;                  // step handed out by the last next call
        std::int64_t thinkFrom = 0;
        const HeatCall *lastNext = nullptr;
        for (; i < calls.size() && calls[i].sessionId == session; ++i) {
            const HeatCall &c = calls[i];
            if (c.tool == "workflow_next") {
                if (!thinkStep.empty()) {
                    cell(thinkStep).think.push_back(std::max<std::int64_t>(0, c.atMs - thinkFrom));
                    thinkStep.clear();
                }
                if (c.isError)
                    continue;
                lastNext = &c;
                if (c.stepId.empty())
                    continue;
                reached.insert(c.stepId);
                thinkStep = c.stepId;
                thinkFrom = c.atMs;
                if (!c.loopId.empty() && c.pass > 0) {
                    reached.insert(c.loopId);
                    passes[c.stepId].insert(c.pass);
                    passes[c.loopId].insert(c.pass);
                }
            } else if (c.tool == "workflow_validate" && !c.stepId.empty()) {
                Accumulator &a = cell(c.stepId);
                if (failedValidation.count(c.stepId))
                    ++a.cell.validationRetries;
                if (c.isError || c.valid == 0) {
                    ++a.cell.validationFailures;
                    failedValidation.insert(c.stepId);
                } else {
                    failedValidation.erase(c.stepId);
                }
            }
        }
        for (const std::string &id : reached)
            ++cell(id).cell.reached;
        for (const auto &[id, p] : passes)
            cell(id).cell.loopPasses += static_cast<int>(p.size());
        if (lastNext && !lastNext->complete && !lastNext->stepId.empty())
            ++cell(lastNext->stepId).cell.stoppedHere;
    }

    report.steps.reserve(order.size());
    for (const std::string &id : order) {
        auto it = acc.find(id);
        if (it == acc.end()) {
            HeatCell empty;
            empty.id = id;
            report.steps.push_back(std::move(empty));
            continue;
        }
        Accumulator &a = it->second;
        if (!a.think.empty()) {
            a.cell.thinkSamples = static_cast<int>(a.think.size());
            a.cell.thinkP50Ms = percentile(a.think, 0.50);
            a.cell.thinkP95Ms = percentile(a.think, 0.95);
        }
        report.steps.push_back(a.cell);
    }
    return report;
}

Result<HeatReport> computeHeat(AbstractSessionStore &store, const std::string &workflowId,
                               const HeatFilter &filter, const std::vector<std::string> &stepOrder)
{
    Result<std::vector<HeatCall>> calls = store.heatCalls(workflowId, filter);
    if (!calls)
        return Result<HeatReport>::failure(calls.error());
    return aggregateHeat(workflowId, *calls, stepOrder);
}

Result<std::vector<std::string>> heatClients(AbstractSessionStore &store,
                                             const std::string &workflowId)
{
    using R = Result<std::vector<std::string>>;
    R all = store.callClients(workflowId);
    if (!all)
        return all;
    std::set<std::string> names;
    for (const std::string &c : *all)
        names.insert(clientName(c));
    return std::vector<std::string>(names.begin(), names.end());
}

std::optional<double> heatValue(const HeatCell &c, HeatMetric metric)
{
    const auto ms = [](const std::optional<std::int64_t> &v) -> std::optional<double> {
        if (!v)
            return std::nullopt;
        return static_cast<double>(*v);
    };
    switch (metric) {
    case HeatMetric::Reached:
        return c.reached;
    case HeatMetric::StoppedHere:
        return c.stoppedHere;
    case HeatMetric::ThinkP50:
        return ms(c.thinkP50Ms);
    case HeatMetric::ThinkP95:
        return ms(c.thinkP95Ms);
    case HeatMetric::ValidationFailures:
        return c.validationFailures;
    case HeatMetric::LoopPasses:
        return c.loopPasses;
    }
    return std::nullopt;
}

Session sessionAtCall(const std::vector<CallRecord> &calls, std::size_t index)
{
    Session s;
    if (calls.empty())
        return s;
    index = std::min(index, calls.size() - 1);
    s.id = calls[index].sessionId;
    s.workflowId = calls[index].workflowId;
    s.calls = static_cast<int>(index + 1);
    s.createdMs = calls.front().atMs;
    s.updatedMs = calls[index].atMs;
    for (std::size_t k = index + 1; k-- > 0;) {
        const CallRecord &c = calls[k];
        if (c.tool != "workflow_next" || c.isError)
            continue;
        const Json args = Json::parse(c.arguments, nullptr, false);
        const Json answer = Json::parse(c.answer, nullptr, false);
        if (!answer.is_object()) { // a summary-only call (late in a long session)
            s.currentStep = c.stepId.empty() ? Json() : Json{{"id", c.stepId}};
            s.complete = c.complete;
            break;
        }
        if (args.is_object() && args.contains("completedSteps") &&
            args["completedSteps"].is_array())
            s.completedSteps = args["completedSteps"];
        if (answer.is_object()) {
            if (answer.contains("context") && answer["context"].is_object())
                s.context = answer["context"];
            s.currentStep = answer.value("step", Json());
            s.complete = answer.value("isComplete", false);
        }
        break;
    }
    return s;
}

std::vector<std::string> stepOrderOf(const Json &workflow)
{
    std::vector<std::string> out;
    const auto id = [](const Json &step) {
        const auto it = step.is_object() ? step.find("id") : step.end();
        return step.is_object() && it != step.end() && it->is_string() ? it->get<std::string>()
                                                                       : std::string();
    };
    if (!workflow.is_object() || !workflow.contains("steps") || !workflow["steps"].is_array())
        return out;
    for (const Json &step : workflow["steps"]) {
        if (std::string s = id(step); !s.empty())
            out.push_back(std::move(s));
        if (step.is_object() && step.contains("body") && step["body"].is_array()) {
            for (const Json &body : step["body"]) {
                if (std::string s = id(body); !s.empty())
                    out.push_back(std::move(s));
            }
        }
    }
    return out;
}

std::string clientName(const std::string &client)
{
    // "name (transport)": the name; a bare transport stays as it is.
    if (client.size() > 3 && client.back() == ')') {
        const auto open = client.rfind(" (");
        if (open != std::string::npos && open > 0)
            return client.substr(0, open);
    }
    if (client.rfind("http:", 0) == 0) // one per connection: all HTTP clients as one
        return "http";
    return client;
}

} // namespace wfs::store
