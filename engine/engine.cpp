// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Tool dispatch with WorkRail 0.3.0's argument checks, error envelopes and result shapes
// (workrail-compat.md §2). The algorithms live in nextstep.cpp and stepvalidation.cpp; the
// workflow set in workflowrepository.cpp.
#include "engine.h"

#include "model/jsonwrite.h"

#include "condition.h"
#include "jsvalue.h"
#include "nextstep.h"
#include "session.h"
#include "stepvalidation.h"
#include "validatejson.h"
#include "workflowrepository.h"

#include "model/jsonio.h"

#include <QDateTime>

#include <atomic>

namespace wfs {

using engine::CompiledWorkflow;

std::string ToolResult::contentText() const
{
    return payload.is_null() ? text : toJsJson(payload, 2);
}

std::shared_ptr<const SerializedAnswer> SerializedAnswer::of(const ToolResult &result)
{
    auto s = std::make_shared<SerializedAnswer>();
    appendJsonStringText(s->contentTextJson, result.contentText());
    if (result.payload.is_object())
        s->payloadJson = writeJson(result.payload);
    return s;
}

ToolResult ToolResult::plainError(std::string text)
{
    ToolResult r;
    r.isError = true;
    r.text = std::move(text);
    return r;
}

ToolResult ToolResult::ok(Json payload)
{
    ToolResult r;
    r.payload = std::move(payload);
    return r;
}

ToolResult ToolResult::error(Json payload)
{
    ToolResult r;
    r.isError = true;
    r.payload = std::move(payload);
    return r;
}

namespace {

const Json &emptyObject()
{
    static const Json e = Json::object();
    return e;
}

// args?.[key]: nullptr when the arguments are not an object or the key is absent.
const Json *arg(const Json &args, const char *key)
{
    if (!args.is_object())
        return nullptr;
    const auto it = args.find(key);
    return it == args.end() ? nullptr : &*it;
}

ToolResult failure(const char *method, const std::string &message, Json params)
{
    Json p = Json::object();
    p["error"] = message;
    p["method"] = method;
    p["params"] = std::move(params);
    return ToolResult::error(std::move(p));
}

std::string notFound(const Json &id)
{
    return "Workflow with id '" + js::toString(id) + "' not found";
}

} // namespace

struct Engine::Private
{
    Options options;
    WorkflowRepository *repository = nullptr;
    SessionManager *sessions = nullptr;
    std::atomic<std::shared_ptr<const std::vector<Observer>>> observers{
        std::make_shared<const std::vector<Observer>>()};
};

Engine::Engine(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->options = std::move(options);
    WorkflowRepository::Options ro;
    ro.includeBundled = d->options.includeBundled;
    ro.useStandardLocations = d->options.useStandardLocations;
    ro.useEnvironment = d->options.useEnvironment;
    ro.extraDirs = d->options.extraDirs;
    ro.watchFiles = d->options.watchFiles;
    ro.validateSchema = d->options.validateSchema;
    d->repository = new WorkflowRepository(std::move(ro), this);
    d->sessions = new SessionManager(this);
    // Direct: emitted from the thread that rebuilt the set (the repository's worker for
    // reloadAsync()), so that the cache's refresh runs there too, not in the owner's thread.
    connect(d->repository, &WorkflowRepository::changed, this, &Engine::workflowsChanged,
            Qt::DirectConnection);
}

Engine::~Engine()
{
    // A reload on the repository's worker emits workflowsChanged() from there: not during
    // (or after) this destructor.
    d->repository->waitForReloads();
}

WorkflowRepository &Engine::repository() const
{
    return *d->repository;
}

std::shared_ptr<const WorkflowSnapshot> Engine::snapshot() const
{
    return d->repository->snapshot();
}

SessionManager &Engine::sessions() const
{
    return *d->sessions;
}

void Engine::addObserver(Observer observer)
{
    auto next = std::make_shared<std::vector<Observer>>(*d->observers.load());
    next->push_back(std::move(observer));
    d->observers.store(std::move(next));
}

ToolResult Engine::callTool(std::string_view name, const Json &arguments, const CallContext &ctx)
{
    const auto start = std::chrono::steady_clock::now();
    const Json &args = arguments.is_object() ? arguments : emptyObject();
    ToolResult r;
    if (name == "workflow_list")
        r = workflowList();
    else if (name == "workflow_get")
        r = workflowGet(args);
    else if (name == "workflow_next")
        r = workflowNext(args);
    else if (name == "workflow_validate")
        r = workflowValidate(args);
    else if (name == "workflow_validate_json")
        r = workflowValidateJson(args);
    else if (name == "workflow_get_schema")
        r = workflowGetSchema();
    else
        r = ToolResult::plainError("Unknown tool: " + std::string(name));
    recordSessionCall(name, args, r.payload, r.isError, ctx);
    const auto observers = d->observers.load();
    if (!observers->empty()) {
        const ToolCallRecord rec{name, args, r, ctx, std::chrono::steady_clock::now() - start};
        for (const Observer &o : *observers)
            o(rec);
    }
    return r;
}

void Engine::recordSessionCall(std::string_view name, const Json &arguments, const Json &payload,
                               bool isError, const CallContext &ctx) const
{
    if (ctx.sessionId.empty() || (name != "workflow_next" && name != "workflow_validate"))
        return;
    d->sessions->recordCall(ctx.sessionId, ctx.client, std::string(name),
                            arguments.is_object() ? arguments : emptyObject(), payload, isError,
                            ctx.persist);
}

ToolResult Engine::workflowList() const
{
    const auto snap = snapshot();
    ToolResult r = ToolResult::ok(snap->listPayload());
    r.serialized = snap->listAnswer();
    return r;
}

ToolResult Engine::workflowGet(const Json &args) const
{
    const Json *id = arg(args, "id");
    if (!js::truthy(id))
        return ToolResult::plainError("Error: id parameter is required");
    const Json *mode = arg(args, "mode");
    const auto snap = snapshot();
    const WorkflowEntry *e = snap->find(js::toString(id));
    if (!e) {
        Json params = Json::object();
        params["id"] = *id;
        if (mode)
            params["mode"] = *mode;
        return failure("workflow_get", notFound(*id), std::move(params));
    }
    const auto compiled = e->workflow();
    const CompiledWorkflow &wf = *compiled;
    const Json &doc = wf.document();
    Json out = Json::object();
    for (const char *k : {"id", "name", "description", "version", "preconditions",
                          "clarificationPrompts", "metaGuidance"}) {
        if (doc.contains(k))
            out[k] = doc[k];
    }
    const Json *steps = arg(doc, "steps");
    out["totalSteps"] = steps && steps->is_array() ? steps->size() : 0;
    const bool metadata = mode && mode->is_string() && *mode == "metadata";
    if (!metadata) {
        Json first = nullptr;
        const engine::VarScope empty(&emptyObject());
        for (int i = 0; i < wf.topLevelCount(); ++i) {
            const engine::StepInfo &st = wf.steps()[static_cast<std::size_t>(i)];
            if (engine::evaluateCondition(st.runCondition, empty)) {
                first = *st.json;
                break;
            }
        }
        out["firstStep"] = std::move(first);
    }
    return ToolResult::ok(std::move(out));
}

ToolResult Engine::workflowNext(const Json &args) const
{
    const Json *workflowId = arg(args, "workflowId");
    if (!js::truthy(workflowId))
        return ToolResult::plainError("Error: workflowId parameter is required");
    const Json *completed = arg(args, "completedSteps");
    const Json *context = arg(args, "context");
    auto fail = [&](const std::string &message) {
        Json params = Json::object();
        params["workflowId"] = *workflowId;
        params["completedSteps"] = completed ? *completed : Json::array();
        if (context)
            params["context"] = *context;
        return failure("workflow_next", message, std::move(params));
    };
    const std::string sizeError =
        engine::contextSizeError(js::contextSize(context ? *context : emptyObject()));
    if (!sizeError.empty())
        return fail(sizeError);
    const auto snap = snapshot();
    const WorkflowEntry *e = snap->find(js::toString(workflowId));
    if (!e)
        return fail(notFound(*workflowId));
    const auto wf = e->workflow();
    if (!wf->structuralError().empty())
        return fail(wf->structuralError());
    Result<Json> r =
        engine::computeNext(*wf, completed, context, QDateTime::currentMSecsSinceEpoch());
    if (!r)
        return fail(r.error());
    return ToolResult::ok(std::move(*r));
}

ToolResult Engine::workflowValidate(const Json &args) const
{
    const Json *workflowId = arg(args, "workflowId");
    const Json *stepId = arg(args, "stepId");
    const Json *output = arg(args, "output");
    if (!js::truthy(workflowId) || !js::truthy(stepId) || !js::truthy(output))
        return ToolResult::plainError(
            "Error: workflowId, stepId, and output parameters are required");
    auto fail = [&](const std::string &message) {
        Json params = Json::object();
        params["workflowId"] = *workflowId;
        params["stepId"] = *stepId;
        params["output"] = *output;
        return failure("workflow_validate", message, std::move(params));
    };
    const auto snap = snapshot();
    const WorkflowEntry *e = snap->find(js::toString(workflowId));
    if (!e)
        return fail(notFound(*workflowId));
    const auto compiled = e->workflow();
    const CompiledWorkflow &wf = *compiled;
    const int idx = wf.topLevelStep(js::toString(stepId));
    if (idx < 0)
        return fail("Step with id '" + js::toString(stepId) + "' not found in workflow");
    Result<Json> r = engine::validateOutput(
        wf, wf.steps()[static_cast<std::size_t>(idx)].validationCriteria, *output);
    if (!r)
        return fail(r.error());
    return ToolResult::ok(std::move(*r));
}

ToolResult Engine::workflowValidateJson(const Json &args) const
{
    const Json *text = arg(args, "workflowJson");
    if (!js::truthy(text))
        return ToolResult::plainError("Error: workflowJson parameter is required");
    return engine::validateWorkflowJson(*text);
}

ToolResult Engine::workflowGetSchema() const
{
    return engine::workflowSchemaResult();
}

Result<Json> Engine::validateStepOutput(const std::string &workflowId, const std::string &stepId,
                                        const Json &output, const Json *context) const
{
    const auto snap = snapshot();
    const WorkflowEntry *e = snap->find(workflowId);
    if (!e)
        return Result<Json>::failure("Workflow with id '" + workflowId + "' not found");
    return validateStepOutputOf(*e->workflow(), stepId, output, context);
}

Result<Json> Engine::validateStepOutputOf(const CompiledWorkflow &wf, const std::string &stepId,
                                          const Json &output, const Json *context)
{
    int idx = wf.topLevelStep(stepId);
    if (idx < 0)
        idx = wf.inlineStep(stepId);
    if (idx < 0)
        return Result<Json>::failure("Step with id '" + stepId + "' not found in workflow");
    return engine::validateOutput(wf, wf.steps()[static_cast<std::size_t>(idx)].validationCriteria,
                                  output, context);
}

Result<Json> Engine::nextStep(const std::string &workflowId, const Json &completedSteps,
                              const Json &context) const
{
    const auto snap = snapshot();
    const WorkflowEntry *e = snap->find(workflowId);
    if (!e) {
        const std::string sizeError = engine::contextSizeError(js::contextSize(context));
        return Result<Json>::failure(
            !sizeError.empty() ? sizeError : "Workflow with id '" + workflowId + "' not found");
    }
    return nextStepOf(*e->workflow(), completedSteps, context);
}

Result<Json> Engine::nextStepOf(const CompiledWorkflow &workflow, const Json &completedSteps,
                                const Json &context)
{
    const std::string sizeError = engine::contextSizeError(js::contextSize(context));
    if (!sizeError.empty())
        return Result<Json>::failure(sizeError);
    if (!workflow.structuralError().empty())
        return Result<Json>::failure(workflow.structuralError());
    return engine::computeNext(workflow, &completedSteps, &context,
                               QDateTime::currentMSecsSinceEpoch());
}

} // namespace wfs
