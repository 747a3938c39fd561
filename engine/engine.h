// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The orchestration engine: the six operations behind WorkRail's MCP tools. Knows nothing of
// widgets or transports; safe to call from many threads at once.
//
// Threading model: every tool call takes one snapshot of the workflow set (an atomic
// shared_ptr load, no lock) and works on immutable compiled workflows; the only shared mutable
// state is the session table (SessionManager, short mutex) and the observer list (set before
// serving). The Engine QObject itself (file watcher, signals) lives in its creating thread.
#pragma once

#include "model/json.h"
#include "model/result.h"

#include <QObject>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wfs {

namespace engine {
class CompiledWorkflow;
}
class WorkflowRepository;
class WorkflowSnapshot;
class SessionManager;

struct ToolResult;

// A tool answer already written out once, shared by every caller the cache serves it to, so
// the MCP transports splice text instead of copying and re-serialising the payload each time.
struct SerializedAnswer
{
    std::string contentTextJson; ///< ToolResult::contentText() as a quoted JSON string
    std::string payloadJson;     ///< the payload object, compact; "" when it is not an object

    static std::shared_ptr<const SerializedAnswer> of(const ToolResult &result);
};

// What a tool call answers. The MCP layer puts contentText() into content[0].text and sets
// isError; structured clients also get `payload` as structuredContent.
struct ToolResult
{
    bool isError = false;
    Json payload;     ///< the answer object; null when the answer is plain text
    std::string text; ///< plain-text answer ("Unknown tool: x"), used when payload is null
    /// Set on answers that went through the cache. With CallContext::payloadNeeded false a
    /// successful cache hit leaves `payload` and `text` empty and only this is filled.
    std::shared_ptr<const SerializedAnswer> serialized;

    // payload as JSON.stringify(payload, null, 2), or `text`.
    std::string contentText() const;

    static ToolResult plainError(std::string text);
    static ToolResult ok(Json payload);
    static ToolResult error(Json payload);
};

// Who is calling: attributes calls to sessions (stepper, MCP session, CLI).
struct CallContext
{
    std::string sessionId; ///< engine session id; empty = anonymous
    std::string client;    ///< "studio", "stdio", "http:<id>", ...
    /// false: the caller reads ToolResult::serialized when it is set (the MCP transports), so
    /// a cache hit need not copy the payload.
    bool payloadNeeded = true;
    /// false: the session this call creates is never persisted (a load test's; see
    /// kLoadTestClientName).
    bool persist = true;
};

// The clientInfo name the studio's HTTP load test introduces itself with: its sessions are
// transient (SessionManager), so load tests do not fill the store.
inline constexpr const char *kLoadTestClientName = "workflow-studio-loadtest";

// Seen by observers after every callTool (metrics, caches, logs).
struct ToolCallRecord
{
    std::string_view tool;
    const Json &arguments;
    const ToolResult &result;
    const CallContext &context;
    std::chrono::nanoseconds duration;
};

class Engine : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool includeBundled = true;         ///< our samples from the qrc
        bool useStandardLocations = true;   ///< ~/.workrail/workflows, ./workflows
        bool useEnvironment = true;         ///< WORKFLOW_STORAGE_PATH
        std::vector<std::string> extraDirs; ///< --workflows DIR, highest precedence
        bool watchFiles = true;             ///< QFileSystemWatcher on every source dir
        bool validateSchema = true;         ///< schema-invalid files are reported, not served
    };

    explicit Engine(Options options, QObject *parent = nullptr);
    ~Engine() override;

    // Dispatches one tools/call: `name` is the tool name, `arguments` the raw arguments object
    // as the client sent it (any JSON; WorkRail's checks and messages apply).
    ToolResult callTool(std::string_view name, const Json &arguments, const CallContext &ctx = {});

    // The six tools, typed entry points (callTool dispatches to these; same results).
    ToolResult workflowList() const;
    ToolResult workflowGet(const Json &arguments) const;
    ToolResult workflowNext(const Json &arguments) const;
    ToolResult workflowValidate(const Json &arguments) const;
    ToolResult workflowValidateJson(const Json &arguments) const;
    ToolResult workflowGetSchema() const;

    // Beyond WorkRail (stepper): validates `output` for any step, inline loop-body steps
    // included, evaluating rule conditions against `context` (nullptr = empty context).
    // Returns {valid, issues, suggestions} or the error message.
    Result<Json> validateStepOutput(const std::string &workflowId, const std::string &stepId,
                                    const Json &output, const Json *context = nullptr) const;

    // Pure next-step computation for one workflow (stepper): same payload as workflow_next.
    Result<Json> nextStep(const std::string &workflowId, const Json &completedSteps,
                          const Json &context) const;

    // The same two for a workflow that is not (or not yet) served, e.g. the studio editor's
    // unsaved document: the checks and answers of the served versions above.
    static Result<Json> nextStepOf(const engine::CompiledWorkflow &workflow,
                                   const Json &completedSteps, const Json &context);
    static Result<Json> validateStepOutputOf(const engine::CompiledWorkflow &workflow,
                                             const std::string &stepId, const Json &output,
                                             const Json *context = nullptr);

    // Attributes an answered call to ctx's session, as callTool does after computing the answer
    // (workflow_next and workflow_validate are recorded; other tools and anonymous calls are
    // not). For decorators that answer from elsewhere, e.g. the cache.
    void recordSessionCall(std::string_view name, const Json &arguments, const Json &payload,
                           bool isError, const CallContext &ctx) const;

    WorkflowRepository &repository() const;
    std::shared_ptr<const WorkflowSnapshot> snapshot() const;
    SessionManager &sessions() const;

    // Called after every callTool, from the calling thread. Register before serving.
    using Observer = std::function<void(const ToolCallRecord &)>;
    void addObserver(Observer observer);

signals:
    // The set of workflows or one of them changed (file on disk, studio save, import).
    void workflowsChanged();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace wfs
