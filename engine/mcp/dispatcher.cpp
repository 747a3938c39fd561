// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The MCP dispatcher. Reads top-down: parsing, batches, one message, then one handler per
// method. Every handler returns a result object or throws RpcError; nothing else escapes
// handle() (a stray exception becomes -32603), so a transport never sees an exception.
#include "dispatcher.h"

#include "toolcatalog.h"

#include "engine/metrics/metricsregistry.h"
#include "model/jsonio.h"

#include <QByteArray>
#include <QRandomGenerator>

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <map>
#include <mutex>

namespace wfs::mcp {

namespace {

// A JSON-RPC error raised by a handler.
struct RpcError
{
    ErrorCode code;
    std::string message;
    Json data = nullptr;
};

const char *kDefaultInstructions =
    "Workflow Studio serves step-by-step workflows for coding and writing tasks (WorkRail "
    "compatible). Call workflow_list first to find a workflow that fits the user's request and "
    "workflow_get to look at it; then call workflow_next in a loop, passing the workflowId, the "
    "ids of the steps you completed and any context variables the steps ask for, until it "
    "answers isComplete: true. workflow_validate checks a step's output against its criteria. "
    "Every workflow is also offered as a prompt and as the resource workflow://{id}.";

constexpr const char *kSchemaUri = "workflow-studio://schema/workflow.schema.json";
constexpr const char *kWorkflowUriPrefix = "workflow://";

// Deepest array/object nesting of a JSON text, ignoring brackets inside strings; stops
// counting once `limit` is exceeded. O(n), no allocation.
int nestingDepth(std::string_view text, int limit)
{
    int depth = 0;
    int maxDepth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            maxDepth = std::max(maxDepth, ++depth);
            if (maxDepth > limit)
                return maxDepth;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return maxDepth;
}

std::string idKey(const Json &id)
{
    return id.dump();
}

const Json *member(const Json &object, const char *key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

std::string stringMember(const Json &object, const char *key)
{
    const Json *v = member(object, key);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

// Opaque pagination cursors: base64url("<list>:<offset>").
std::string encodeCursor(std::string_view list, std::size_t offset)
{
    const std::string raw = std::string(list) + ":" + std::to_string(offset);
    const QByteArray b64 =
        QByteArray(raw.data(), static_cast<qsizetype>(raw.size()))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return std::string(b64.constData(), static_cast<std::size_t>(b64.size()));
}

// The offset a `cursor` param points at for `list` (0 without cursor); -32602 when invalid.
std::size_t decodeCursor(const Json &params, std::string_view list, std::size_t size)
{
    const Json *cursor = member(params, "cursor");
    if (!cursor || cursor->is_null())
        return 0;
    const RpcError invalid{ErrorCode::InvalidParams, "Invalid params: invalid cursor"};
    if (!cursor->is_string())
        throw invalid;
    const std::string &text = cursor->get_ref<const std::string &>();
    const auto decoded = QByteArray::fromBase64Encoding(
        QByteArray(text.data(), static_cast<qsizetype>(text.size())),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        throw invalid;
    const std::string raw(decoded.decoded.constData(),
                          static_cast<std::size_t>(decoded.decoded.size()));
    const std::string prefix = std::string(list) + ":";
    if (raw.rfind(prefix, 0) != 0)
        throw invalid;
    std::size_t offset = 0;
    const char *begin = raw.data() + prefix.size();
    const char *end = raw.data() + raw.size();
    const auto [ptr, ec] = std::from_chars(begin, end, offset);
    if (ec != std::errc() || ptr != end || begin == end || offset > size)
        throw invalid;
    return offset;
}

// Pages `items` into `key`, adding nextCursor when more follow.
// True while this thread handles a body for Dispatcher::Output::Wire.
thread_local bool t_wireOutput = false;

struct WireOutputScope
{
    bool previous;
    explicit WireOutputScope(bool wire)
        : previous(t_wireOutput)
    {
        t_wireOutput = wire;
    }
    ~WireOutputScope() { t_wireOutput = previous; }
    WireOutputScope(const WireOutputScope &) = delete;
    WireOutputScope &operator=(const WireOutputScope &) = delete;
};

Json page(const Json &params, const char *key, Json items, std::size_t pageSize)
{
    const std::size_t offset = decodeCursor(params, key, items.size());
    const std::size_t end = std::min(items.size(), offset + pageSize);
    Json pageItems = Json::array();
    for (std::size_t i = offset; i < end; ++i)
        pageItems.push_back(std::move(items[i]));
    Json out = Json::object();
    out[key] = std::move(pageItems);
    if (end < items.size())
        out["nextCursor"] = encodeCursor(key, end);
    return out;
}

// The step list of a workflow document as one line per step, for the prompt text.
void describeSteps(const Json &steps, std::string &out, const std::string &indent, int &number)
{
    if (!steps.is_array())
        return;
    for (const Json &step : steps) {
        const std::string id = stringMember(step, "id");
        std::string title = stringMember(step, "title");
        if (title.empty())
            title = id;
        ++number;
        out += indent + std::to_string(number) + ". " + title;
        if (!id.empty() && id != title)
            out += " (" + id + ")";
        if (stringMember(step, "type") == "loop") {
            const Json *loop = member(step, "loop");
            const std::string loopType = loop ? stringMember(*loop, "type") : std::string();
            out += " — a " + (loopType.empty() ? std::string("loop") : loopType + " loop");
            const Json *body = member(step, "body");
            if (body && body->is_string())
                out += " repeating step " + body->get<std::string>() + "\n";
            else
                out += " over:\n";
            if (body && body->is_array()) {
                int inner = 0;
                describeSteps(*body, out, indent + "   ", inner);
            }
            continue;
        }
        if (member(step, "runCondition"))
            out += " [conditional]";
        out += "\n";
    }
}

void appendList(const Json &doc, const char *key, const char *heading, std::string &out)
{
    const Json *items = member(doc, key);
    if (!items || !items->is_array() || items->empty())
        return;
    out += std::string("\n") + heading + ":\n";
    for (const Json &item : *items) {
        if (item.is_string())
            out += "- " + item.get<std::string>() + "\n";
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Session

Session::Session(std::string id, std::string client)
    : m_id(std::move(id))
    , m_client(std::move(client))
{}

std::optional<ProtocolVersion> Session::version() const
{
    std::lock_guard lock(m_mutex);
    return m_version;
}

ProtocolVersion Session::effectiveVersion() const
{
    std::lock_guard lock(m_mutex);
    return m_version.value_or(kDefaultVersion);
}

bool Session::initializeAnswered() const
{
    std::lock_guard lock(m_mutex);
    return m_version.has_value();
}

bool Session::ready() const
{
    std::lock_guard lock(m_mutex);
    return m_ready;
}

std::optional<LogLevel> Session::logLevel() const
{
    std::lock_guard lock(m_mutex);
    return m_logLevel;
}

Json Session::clientInfo() const
{
    std::lock_guard lock(m_mutex);
    return m_clientInfo;
}

std::string Session::clientName() const
{
    std::lock_guard lock(m_mutex);
    return m_clientName.empty() ? m_client : m_clientName;
}

void Session::setSink(Sink sink)
{
    std::lock_guard lock(m_mutex);
    m_sink = std::move(sink);
}

bool Session::sendUnsolicited(const Json &message)
{
    Sink sink;
    {
        std::lock_guard lock(m_mutex);
        sink = m_sink;
    }
    if (!sink)
        return false;
    sink(message);
    return true;
}

// ---------------------------------------------------------------------------------------------
// Dispatcher

struct Dispatcher::Private
{
    std::shared_ptr<Backend> backend;
    Options options;
    metrics::MetricsRegistry *registry = nullptr;
    // "mcp/<name>" trackers resolved once: tools and methods are a fixed set (others share
    // "mcp/other"), so the hot path never touches the registry's map.
    std::map<std::string, metrics::LatencyTracker *, std::less<>> toolTrackers;
    std::map<std::string, metrics::LatencyTracker *, std::less<>> methodTrackers;
    metrics::LatencyTracker *otherTracker = nullptr;
    std::unique_ptr<RequestLog> requestLog;
    ToolObserver observer;
    mutable std::mutex sessionsMutex;
    std::map<std::string, std::weak_ptr<Session>> sessions;

    Json handleOne(Session &session, const Json &message, const Emit &notify);
    Json call(Session &session, const std::string &method, const Json &params, const Json &id,
              const Emit &notify);

    Json initialize(Session &session, const Json &params);
    Json setLevel(Session &session, const Json &params);
    Json toolsList(Session &session, const Json &params);
    Json toolsCall(Session &session, const Json &params, const Emit &notify);
    Json promptsList(Session &session, const Json &params);
    Json promptsGet(const Json &params);
    Json resourcesList(Session &session, const Json &params);
    Json resourcesRead(const Json &params);
    Json resourceTemplates(Session &session, const Json &params);
    void cancelled(Session &session, const Json &params);

    static void log(Session &session, const Emit &notify, LogLevel level, Json data);

    metrics::LatencyTracker &toolTracker(std::string_view tool) const
    {
        const auto it = toolTrackers.find(tool);
        return it != toolTrackers.end() ? *it->second : *otherTracker;
    }
    metrics::LatencyTracker &methodTracker(std::string_view method) const
    {
        const auto it = methodTrackers.find(method);
        return it != methodTrackers.end() ? *it->second : *otherTracker;
    }
    void logRequest(Session &session, const std::string &method, const Json &params,
                    const Json &reply, std::chrono::steady_clock::time_point started);
};

Dispatcher::Dispatcher(std::shared_ptr<Backend> backend)
    : Dispatcher(std::move(backend), Options())
{}

Dispatcher::Dispatcher(std::shared_ptr<Backend> backend, Options options)
    : d(std::make_unique<Private>())
{
    assert(backend && "Dispatcher needs a backend");
    d->backend = std::move(backend);
    d->options = std::move(options);
    if (d->options.instructions.empty())
        d->options.instructions = kDefaultInstructions;
    d->options.pageSize = std::max<std::size_t>(d->options.pageSize, 1);
    d->registry = d->options.metrics ? d->options.metrics : &metrics::MetricsRegistry::global();
    for (const ToolDefinition &t : ToolCatalog::instance().tools())
        d->toolTrackers.emplace(t.name, &d->registry->operation("mcp/" + t.name));
    for (const char *method :
         {"initialize", "ping", "tools/list", "logging/setLevel", "prompts/list", "prompts/get",
          "resources/list", "resources/read", "resources/templates/list"})
        d->methodTrackers.emplace(method, &d->registry->operation(std::string("mcp/") + method));
    d->otherTracker = &d->registry->operation("mcp/other");
    d->requestLog = std::make_unique<RequestLog>(d->options.requestLogCapacity);
    if (d->options.listChanged) {
        // The backend outlives no dispatcher it calls back into: ~Dispatcher clears it.
        d->backend->setChangeCallback([this] { broadcastListChanged(); });
    }
}

Dispatcher::~Dispatcher()
{
    if (d->options.listChanged)
        d->backend->setChangeCallback({});
}

Backend &Dispatcher::backend() const
{
    return *d->backend;
}

std::string randomHexId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    static const char *hex = "0123456789abcdef";
    std::string out;
    out.reserve(32);
    for (quint32 w : words) {
        for (int shift = 28; shift >= 0; shift -= 4)
            out += hex[(w >> shift) & 0xF];
    }
    return out;
}

std::shared_ptr<Session> Dispatcher::createSession(std::string client, std::string id)
{
    if (id.empty())
        id = randomHexId();
    auto session = std::make_shared<Session>(id, std::move(client));
    std::lock_guard lock(d->sessionsMutex);
    for (auto it = d->sessions.begin(); it != d->sessions.end();) {
        if (it->second.expired())
            it = d->sessions.erase(it);
        else
            ++it;
    }
    d->sessions[id] = session;
    return session;
}

std::shared_ptr<Session> Dispatcher::adoptSession(std::string client, std::string id,
                                                  ProtocolVersion version, Json clientInfo,
                                                  bool ready)
{
    std::shared_ptr<Session> session = createSession(std::move(client), std::move(id));
    std::lock_guard lock(session->m_mutex);
    session->m_version = version;
    if (clientInfo.is_object()) {
        session->m_clientName = stringMember(clientInfo, "name");
        session->m_clientInfo = std::move(clientInfo);
    }
    session->m_ready = ready;
    return session;
}

void Dispatcher::forgetSession(const std::string &id)
{
    std::lock_guard lock(d->sessionsMutex);
    d->sessions.erase(id);
}

void Dispatcher::closeSession(const std::string &id)
{
    {
        std::lock_guard lock(d->sessionsMutex);
        d->sessions.erase(id);
    }
    // The engine session of this MCP session ends with it.
    d->backend->sessionClosed(id);
}

std::size_t Dispatcher::sessionCount() const
{
    std::lock_guard lock(d->sessionsMutex);
    return static_cast<std::size_t>(std::count_if(
        d->sessions.begin(), d->sessions.end(), [](const auto &s) { return !s.second.expired(); }));
}

void Dispatcher::broadcastListChanged()
{
    std::vector<std::shared_ptr<Session>> targets;
    {
        std::lock_guard lock(d->sessionsMutex);
        for (const auto &[id, weak] : d->sessions) {
            if (auto s = weak.lock())
                targets.push_back(std::move(s));
        }
    }
    for (const auto &s : targets) {
        if (!s->ready())
            continue;
        s->sendUnsolicited(makeNotification("notifications/tools/list_changed"));
        s->sendUnsolicited(makeNotification("notifications/prompts/list_changed"));
        s->sendUnsolicited(makeNotification("notifications/resources/list_changed"));
    }
}

metrics::MetricsRegistry &Dispatcher::metrics() const
{
    return *d->registry;
}

metrics::LatencyTracker &Dispatcher::toolLatency(std::string_view tool) const
{
    return d->toolTracker(tool);
}

RequestLog &Dispatcher::requestLog() const
{
    return *d->requestLog;
}

void Dispatcher::setToolObserver(ToolObserver observer)
{
    d->observer = std::move(observer);
}

Dispatcher::Parsed Dispatcher::parse(std::string_view text)
{
    Parsed out;
    if (nestingDepth(text, kMaxJsonDepth) > kMaxJsonDepth) {
        out.errorResponse = makeError(nullptr, ErrorCode::ParseError,
                                      "Parse error: JSON nested deeper than " +
                                          std::to_string(kMaxJsonDepth) + " levels");
        return out;
    }
    ParsedJson parsed = parseJson(text);
    if (!parsed.ok) {
        std::string why = "Invalid JSON";
        for (const Diagnostic &diag : parsed.diagnostics) {
            why = diag.message;
            if (diag.line > 0)
                why = "line " + std::to_string(diag.line) + ":" + std::to_string(diag.column) +
                      ": " + why;
            break;
        }
        out.errorResponse = makeError(nullptr, ErrorCode::ParseError, "Parse error: " + why);
        return out;
    }
    out.ok = true;
    out.value = std::move(parsed.value);
    return out;
}

bool Dispatcher::containsRequest(const Json &body)
{
    if (body.is_array()) {
        return std::any_of(body.begin(), body.end(), [](const Json &m) {
            const MessageKind k = classifyMessage(m);
            return k == MessageKind::Request || k == MessageKind::Invalid;
        });
    }
    const MessageKind k = classifyMessage(body);
    return k == MessageKind::Request || k == MessageKind::Invalid;
}

bool Dispatcher::isInitialize(const Json &body)
{
    const auto one = [](const Json &m) {
        return m.is_object() && m.contains("method") && m["method"] == "initialize";
    };
    if (body.is_array())
        return std::any_of(body.begin(), body.end(), one);
    return one(body);
}

std::string Dispatcher::handleText(Session &session, std::string_view text, const Emit &notify)
{
    Parsed parsed = parse(text);
    if (!parsed.ok)
        return serialize(parsed.errorResponse);
    const Json reply = handle(session, parsed.value, notify, Output::Wire);
    return reply.is_null() ? std::string() : serialize(reply);
}

Json Dispatcher::handle(Session &session, const Json &body, const Emit &notify, Output output)
{
    const WireOutputScope scope(output == Output::Wire);
    if (!body.is_array())
        return d->handleOne(session, body, notify);

    if (body.empty())
        return makeError(nullptr, ErrorCode::InvalidRequest, "Invalid Request: empty batch");
    const std::optional<ProtocolVersion> v = session.version();
    if (v && !supportsBatches(*v)) {
        return makeError(nullptr, ErrorCode::InvalidRequest,
                         std::string("Invalid Request: JSON-RPC batches are not allowed in "
                                     "protocol version ") +
                             protocolVersionString(*v));
    }
    if (isInitialize(body)) {
        return makeError(nullptr, ErrorCode::InvalidRequest,
                         "Invalid Request: initialize must not be part of a batch");
    }
    Json replies = Json::array();
    for (const Json &message : body) {
        Json reply = d->handleOne(session, message, notify);
        if (!reply.is_null())
            replies.push_back(std::move(reply));
    }
    return replies.empty() ? Json() : replies;
}

Json Dispatcher::Private::handleOne(Session &session, const Json &message, const Emit &notify)
{
    switch (classifyMessage(message)) {
    case MessageKind::Response:
        return nullptr; // we send no requests; a stray response is ignored
    case MessageKind::Invalid: {
        if (message.is_array()) {
            return makeError(nullptr, ErrorCode::InvalidRequest,
                             "Invalid Request: nested batches are not allowed");
        }
        return makeError(messageId(message), ErrorCode::InvalidRequest,
                         "Invalid Request: not a JSON-RPC 2.0 message (needs \"jsonrpc\": "
                         "\"2.0\", a string \"method\", an object \"params\" and a string or "
                         "integer \"id\")");
    }
    case MessageKind::Notification:
    case MessageKind::Request:
        break;
    }

    const std::string &method = message["method"].get_ref<const std::string &>();
    static const Json kNoParams;
    const auto paramsIt = message.find("params");
    const Json &params = paramsIt == message.end() ? kNoParams : *paramsIt;
    const bool isRequest = message.contains("id");

    if (!isRequest) {
        try {
            if (method == "notifications/initialized") {
                std::lock_guard lock(session.m_mutex);
                session.m_ready = true;
            } else if (method == "notifications/cancelled") {
                cancelled(session, params);
            }
            // Every other notification (roots/list_changed, progress, unknown) is ignored.
        } catch (...) {
            // A malformed notification is ignored: it cannot be answered.
        }
        return nullptr;
    }

    const auto started = std::chrono::steady_clock::now();
    const Json &id = message["id"];
    const std::string key = idKey(id);
    {
        std::lock_guard lock(session.m_mutex);
        session.m_inFlight.insert(key);
    }
    Json reply;
    try {
        reply = makeResult(id, call(session, method, params, id, notify));
    } catch (const RpcError &e) {
        reply = makeError(id, e.code, e.message, e.data);
    } catch (const std::exception &e) {
        reply = makeError(id, ErrorCode::InternalError, std::string("Internal error: ") + e.what());
    } catch (...) {
        reply = makeError(id, ErrorCode::InternalError, "Internal error");
    }
    logRequest(session, method, params, reply, started);
    std::lock_guard lock(session.m_mutex);
    session.m_inFlight.erase(key);
    if (session.m_cancelled.erase(key) > 0)
        return nullptr;
    return reply;
}

void Dispatcher::Private::logRequest(Session &session, const std::string &method,
                                     const Json &params, const Json &reply,
                                     std::chrono::steady_clock::time_point started)
{
    const auto elapsed = std::chrono::steady_clock::now() - started;
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count();
    RequestLogEntry entry;
    entry.timeMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count() -
                   ns / 1'000'000;
    entry.transport = session.client().rfind("http", 0) == 0 ? "http" : "stdio";
    entry.session = session.id();
    entry.client = session.clientName();
    entry.method = method;
    entry.latencyUs = ns / 1000;
    const auto error = reply.find("error");
    if (error != reply.end()) {
        entry.isError = true;
        entry.errorCode = error->value("code", 0);
        entry.error = error->value("message", std::string());
        entry.kind = metrics::failureKindName(metrics::FailureKind::Protocol);
        // Counted here; tool failures are counted by the engine that ran the tool.
        registry->countFailure(metrics::FailureKind::Protocol);
    } else if (const auto result = reply.find("result"); result != reply.end()) {
        const auto isError = result->find("isError");
        if (isError != result->end() && isError->is_boolean() && isError->get<bool>()) {
            entry.isError = true;
            entry.kind = metrics::failureKindName(metrics::FailureKind::Tool);
            const Json *content = member(*result, "content");
            if (content && content->is_array() && !content->empty())
                entry.error = stringMember((*content)[0], "text").substr(0, 300);
        }
    }
    metrics::LatencyTracker *tracker = nullptr;
    if (method == "tools/call") {
        entry.tool = stringMember(params, "name");
        tracker = &toolTracker(entry.tool);
    } else {
        tracker = &methodTracker(method);
    }
    tracker->record(static_cast<std::uint64_t>(std::max<std::int64_t>(ns, 0)), entry.isError);
    requestLog->append(std::move(entry));
}

Json Dispatcher::Private::call(Session &session, const std::string &method, const Json &params,
                               const Json &, const Emit &notify)
{
    if (!params.is_null() && !params.is_object()) {
        throw RpcError{ErrorCode::InvalidParams, "Invalid params: params must be an object"};
    }
    if (method == "ping")
        return Json::object();
    if (method == "initialize")
        return initialize(session, params);
    if (method == "tools/call")
        return toolsCall(session, params, notify);
    if (method == "tools/list")
        return toolsList(session, params);
    if (method == "logging/setLevel")
        return setLevel(session, params);
    if (method == "prompts/list")
        return promptsList(session, params);
    if (method == "prompts/get")
        return promptsGet(params);
    if (method == "resources/list")
        return resourcesList(session, params);
    if (method == "resources/read")
        return resourcesRead(params);
    if (method == "resources/templates/list")
        return resourceTemplates(session, params);
    throw RpcError{ErrorCode::MethodNotFound, "Method not found", Json{{"method", method}}};
}

Json Dispatcher::Private::initialize(Session &session, const Json &params)
{
    const Json *requested = member(params, "protocolVersion");
    if (!requested || !requested->is_string()) {
        throw RpcError{ErrorCode::InvalidParams,
                       "Invalid params: initialize needs a string protocolVersion"};
    }
    const ProtocolVersion v =
        parseProtocolVersion(requested->get_ref<const std::string &>()).value_or(kNewestVersion);
    {
        std::lock_guard lock(session.m_mutex);
        if (session.m_version) {
            throw RpcError{ErrorCode::InvalidRequest,
                           "Invalid Request: Server already initialized"};
        }
        session.m_version = v;
        if (const Json *info = member(params, "clientInfo")) {
            session.m_clientInfo = *info;
            session.m_clientName = stringMember(*info, "name");
        }
    }

    Json capabilities = Json::object();
    capabilities["logging"] = Json::object();
    const auto listCap = [this](bool withSubscribe) {
        Json c = Json::object();
        if (withSubscribe)
            c["subscribe"] = false;
        c["listChanged"] = options.listChanged;
        return c;
    };
    capabilities["prompts"] = listCap(false);
    capabilities["resources"] = listCap(true);
    capabilities["tools"] = listCap(false);

    Json serverInfo = Json::object();
    serverInfo["name"] = kServerName;
    if (v >= ProtocolVersion::V2025_06_18)
        serverInfo["title"] = "Workflow Studio";
    serverInfo["version"] = serverVersion();

    Json result = Json::object();
    result["protocolVersion"] = protocolVersionString(v);
    result["capabilities"] = std::move(capabilities);
    result["serverInfo"] = std::move(serverInfo);
    if (v >= ProtocolVersion::V2025_03_26)
        result["instructions"] = options.instructions;
    return result;
}

Json Dispatcher::Private::setLevel(Session &session, const Json &params)
{
    const Json *level = member(params, "level");
    const std::optional<LogLevel> parsed =
        level && level->is_string() ? parseLogLevel(level->get_ref<const std::string &>())
                                    : std::nullopt;
    if (!parsed) {
        throw RpcError{ErrorCode::InvalidParams,
                       "Invalid params: level must be one of debug, info, notice, warning, "
                       "error, critical, alert, emergency"};
    }
    std::lock_guard lock(session.m_mutex);
    session.m_logLevel = parsed;
    return Json::object();
}

void Dispatcher::Private::cancelled(Session &session, const Json &params)
{
    const Json *requestId = member(params, "requestId");
    if (!requestId || !(requestId->is_string() || requestId->is_number_integer()))
        return;
    const std::string key = idKey(*requestId);
    std::lock_guard lock(session.m_mutex);
    if (session.m_inFlight.count(key) > 0)
        session.m_cancelled.insert(key);
}

void Dispatcher::Private::log(Session &session, const Emit &notify, LogLevel level, Json data)
{
    if (!notify)
        return;
    const std::optional<LogLevel> min = session.logLevel();
    if (!min || level < *min)
        return;
    Json params = Json::object();
    params["level"] = logLevelString(level);
    params["logger"] = kServerName;
    params["data"] = std::move(data);
    notify(makeNotification("notifications/message", std::move(params)));
}

Json Dispatcher::Private::toolsList(Session &session, const Json &params)
{
    const ToolCatalog &catalog = ToolCatalog::instance();
    const ProtocolVersion v = session.effectiveVersion();
    if (t_wireOutput && decodeCursor(params, "tools", catalog.tools().size()) == 0) {
        // The catalog never changes: each revision's list is written out once.
        static std::array<std::once_flag, 4> once;
        static std::array<std::string, 4> written;
        const auto index = static_cast<std::size_t>(v);
        assert(index < written.size() && "a protocol revision without a tools/list slot");
        std::call_once(once[index], [&] {
            Json tools = Json::array();
            for (const ToolDefinition &t : catalog.tools())
                tools.push_back(catalog.listEntry(t, v));
            written[index] = serialize(tools);
        });
        Json out = Json::object();
        out["tools"] = rawJson(written[index]);
        return out;
    }
    Json tools = Json::array();
    for (const ToolDefinition &t : catalog.tools())
        tools.push_back(catalog.listEntry(t, v));
    // All six tools always fit one page; the cursor is still checked.
    return page(params, "tools", std::move(tools), std::max<std::size_t>(options.pageSize, 64));
}

Json Dispatcher::Private::toolsCall(Session &session, const Json &params, const Emit &notify)
{
    if (!params.is_object())
        throw RpcError{ErrorCode::InvalidParams, "Invalid params: tools/call needs params"};
    const Json *name = member(params, "name");
    if (!name || !name->is_string())
        throw RpcError{ErrorCode::InvalidParams, "Invalid params: tools/call needs a string name"};
    const std::string &toolName = name->get_ref<const std::string &>();
    const ToolCatalog &catalog = ToolCatalog::instance();
    const ToolDefinition *tool = catalog.find(toolName);
    if (!tool)
        throw RpcError{ErrorCode::InvalidParams, "Unknown tool: " + toolName};

    static const Json kNoArguments = Json::object();
    const Json *argsPtr = member(params, "arguments");
    const Json &arguments = argsPtr && !argsPtr->is_null() ? *argsPtr : kNoArguments;
    const ProtocolVersion v = session.effectiveVersion();

    Json progressToken;
    if (const Json *meta = member(params, "_meta")) {
        if (const Json *token = member(*meta, "progressToken");
            token && (token->is_string() || token->is_number_integer()))
            progressToken = *token;
    }
    const auto progress = [&](double value, const char *message) {
        if (progressToken.is_null() || !notify)
            return;
        Json p = Json::object();
        p["progressToken"] = progressToken;
        p["progress"] = value;
        p["total"] = 1;
        if (v >= ProtocolVersion::V2025_03_26)
            p["message"] = message;
        notify(makeNotification("notifications/progress", std::move(p)));
    };

    const auto started = std::chrono::steady_clock::now();
    const auto finish = [&](bool isError) {
        const auto elapsed = std::chrono::steady_clock::now() - started;
        if (observer)
            observer(toolName, std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed),
                     isError);
        Json data = Json::object();
        data["tool"] = toolName;
        data["ms"] = std::chrono::duration<double, std::milli>(elapsed).count();
        data["isError"] = isError;
        log(session, notify, LogLevel::Debug, std::move(data));
    };

    Json result = Json::object();
    const auto textContent = [](std::string text) {
        Json block = Json::object();
        block["type"] = "text";
        block["text"] = std::move(text);
        return Json::array({std::move(block)});
    };

    const std::string invalid = catalog.checkArguments(*tool, arguments);
    if (!invalid.empty()) {
        finish(true);
        if (v < ProtocolVersion::V2025_11_25)
            throw RpcError{ErrorCode::InvalidParams, invalid};
        result["content"] = textContent(invalid);
        result["isError"] = true;
        return result;
    }

    progress(0, "started");
    CallContext context;
    context.sessionId = session.id();
    // The engine session's client: the agent's own name from initialize's clientInfo, with the
    // transport ("Claude Code (http:1a2b3c4d)"), so the studio's Sessions list says who it is.
    const std::string agent = session.clientName();
    context.client =
        agent == session.client() ? session.client() : agent + " (" + session.client() + ")";
    context.payloadNeeded = !t_wireOutput; // the wire takes the cached text instead
    context.persist = agent != kLoadTestClientName;
    ToolResult r;
    try {
        r = backend->callTool(toolName, arguments, context);
    } catch (const std::exception &e) {
        finish(true);
        log(session, notify, LogLevel::Error,
            Json{{"tool", toolName}, {"error", std::string(e.what())}});
        throw RpcError{ErrorCode::InternalError, std::string("Internal error: ") + e.what()};
    }
    finish(r.isError);
    progress(1, "done");

    if (t_wireOutput && r.serialized && !r.isError) {
        // Served through the cache: splice the text written when it was stored.
        Json block = Json::object();
        block["type"] = "text";
        block["text"] = rawJson(r.serialized->contentTextJson);
        result["content"] = Json::array({std::move(block)});
        if (v >= ProtocolVersion::V2025_06_18 && !r.serialized->payloadJson.empty())
            result["structuredContent"] = rawJson(r.serialized->payloadJson);
        return result;
    }
    result["content"] = textContent(r.contentText());
    if (!r.isError && v >= ProtocolVersion::V2025_06_18 && r.payload.is_object())
        result["structuredContent"] = std::move(r.payload);
    if (r.isError)
        result["isError"] = true;
    return result;
}

Json Dispatcher::Private::promptsList(Session &session, const Json &params)
{
    const ProtocolVersion v = session.effectiveVersion();
    Json prompts = Json::array();
    for (const WorkflowInfo &w : backend->workflows()) {
        Json p = Json::object();
        p["name"] = w.id;
        if (v >= ProtocolVersion::V2025_06_18)
            p["title"] = w.name.empty() ? w.id : w.name;
        p["description"] = w.description.empty() ? (w.name.empty() ? w.id : w.name) : w.description;
        Json arg = Json::object();
        arg["name"] = "task";
        arg["description"] = "What you want to accomplish with this workflow (optional)";
        arg["required"] = false;
        p["arguments"] = Json::array({std::move(arg)});
        prompts.push_back(std::move(p));
    }
    return page(params, "prompts", std::move(prompts), options.pageSize);
}

Json Dispatcher::Private::promptsGet(const Json &params)
{
    const Json *name = member(params, "name");
    if (!name || !name->is_string())
        throw RpcError{ErrorCode::InvalidParams, "Invalid params: prompts/get needs a string name"};
    const std::string &id = name->get_ref<const std::string &>();
    std::string task;
    if (const Json *args = member(params, "arguments"); args && !args->is_null()) {
        if (!args->is_object())
            throw RpcError{ErrorCode::InvalidParams, "Invalid params: arguments must be an object"};
        for (const auto &[key, value] : args->items()) {
            if (!value.is_string()) {
                throw RpcError{ErrorCode::InvalidParams,
                               "Invalid params: prompt argument '" + key + "' must be a string"};
            }
            if (key != "task") {
                throw RpcError{ErrorCode::InvalidParams,
                               "Invalid params: unknown prompt argument '" + key + "'"};
            }
            task = value.get<std::string>();
        }
    }
    const std::optional<Json> doc = backend->workflowDocument(id);
    if (!doc)
        throw RpcError{ErrorCode::InvalidParams, "Unknown prompt: " + id};

    const std::string wfName = stringMember(*doc, "name");
    const std::string description = stringMember(*doc, "description");
    const std::string version = stringMember(*doc, "version");
    std::string text = "Use the workflow \"" + (wfName.empty() ? id : wfName) + "\" (id: " + id +
                       (version.empty() ? std::string() : ", version " + version) + ")";
    text += task.empty() ? std::string(".\n") : " for this task: " + task + "\n";
    if (!description.empty())
        text += "\n" + description + "\n";
    appendList(*doc, "preconditions", "Before you start, make sure that", text);
    appendList(*doc, "metaGuidance", "Guidance for the whole workflow", text);
    text += "\nSteps overview:\n";
    int number = 0;
    if (const Json *steps = member(*doc, "steps"))
        describeSteps(*steps, text, "", number);
    text += "\nHow to run it: call the workflow_next tool with {\"workflowId\": \"" + id +
            "\", \"completedSteps\": []}, carry out the step it returns, then call it again "
            "with the ids of the steps you completed and the context it returned (plus any "
            "variables the steps ask you to set) until it answers isComplete: true. Steps "
            "marked [conditional] run only when their condition holds. Use "
            "workflow_validate to check a step's output when the step has validation "
            "criteria.";

    Json content = Json::object();
    content["type"] = "text";
    content["text"] = std::move(text);
    Json message = Json::object();
    message["role"] = "user";
    message["content"] = std::move(content);
    Json result = Json::object();
    result["description"] = description.empty() ? (wfName.empty() ? id : wfName) : description;
    result["messages"] = Json::array({std::move(message)});
    return result;
}

Json Dispatcher::Private::resourcesList(Session &session, const Json &params)
{
    const ProtocolVersion v = session.effectiveVersion();
    Json resources = Json::array();
    Json schema = Json::object();
    schema["uri"] = kSchemaUri;
    schema["name"] = "workflow.schema.json";
    if (v >= ProtocolVersion::V2025_06_18)
        schema["title"] = "Workflow JSON Schema";
    schema["description"] = "The JSON Schema (draft-07) every workflow file follows";
    schema["mimeType"] = "application/schema+json";
    resources.push_back(std::move(schema));
    for (const WorkflowInfo &w : backend->workflows()) {
        Json r = Json::object();
        r["uri"] = kWorkflowUriPrefix + w.id;
        r["name"] = w.id;
        if (v >= ProtocolVersion::V2025_06_18)
            r["title"] = w.name.empty() ? w.id : w.name;
        if (!w.description.empty())
            r["description"] = w.description;
        r["mimeType"] = "application/json";
        resources.push_back(std::move(r));
    }
    return page(params, "resources", std::move(resources), options.pageSize);
}

Json Dispatcher::Private::resourceTemplates(Session &session, const Json &params)
{
    Json t = Json::object();
    t["uriTemplate"] = std::string(kWorkflowUriPrefix) + "{id}";
    t["name"] = "workflow";
    if (session.effectiveVersion() >= ProtocolVersion::V2025_06_18)
        t["title"] = "Workflow definition";
    t["description"] = "The JSON definition of the workflow with this id";
    t["mimeType"] = "application/json";
    return page(params, "resourceTemplates", Json::array({std::move(t)}), options.pageSize);
}

Json Dispatcher::Private::resourcesRead(const Json &params)
{
    const Json *uriJson = member(params, "uri");
    if (!uriJson || !uriJson->is_string())
        throw RpcError{ErrorCode::InvalidParams,
                       "Invalid params: resources/read needs a string uri"};
    const std::string &uri = uriJson->get_ref<const std::string &>();
    std::optional<Json> doc;
    std::string mime = "application/json";
    if (uri == kSchemaUri) {
        doc = backend->workflowSchema();
        mime = "application/schema+json";
    } else if (uri.rfind(kWorkflowUriPrefix, 0) == 0) {
        doc = backend->workflowDocument(std::string_view(uri).substr(11));
    }
    if (!doc)
        throw RpcError{ErrorCode::ResourceNotFound, "Resource not found", Json{{"uri", uri}}};
    Json content = Json::object();
    content["uri"] = uri;
    content["mimeType"] = mime;
    content["text"] = toJsJson(*doc, 2);
    Json result = Json::object();
    result["contents"] = Json::array({std::move(content)});
    return result;
}

} // namespace wfs::mcp
