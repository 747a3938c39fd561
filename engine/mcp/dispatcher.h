// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The transport-independent MCP core: JSON-RPC 2.0 framing rules, the MCP lifecycle
// (initialize / initialized / ping / cancellation / progress / logging), the six WorkRail tools,
// every workflow as a prompt and as a `workflow://{id}` resource, and list_changed
// notifications. stdio and Streamable HTTP transports feed it text and write what it returns.
//
//   auto backend = std::make_shared<mcp::EngineBackend>(&engine);
//   mcp::Dispatcher dispatcher(backend);
//   auto session = dispatcher.createSession("stdio");
//   session->setSink([](const Json &m) { writeLine(mcp::serialize(m)); }); // unsolicited
//   std::string reply = dispatcher.handleText(*session, line);             // "" = no answer
//
// Thread-safety: every member function may be called from any thread; one session may have
// several requests in flight at once (each answer is returned whole by its own call).
#pragma once

#include "backend.h"
#include "protocol.h"
#include "requestlog.h"

#include "model/json.h"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace wfs::metrics {
class LatencyTracker;
class MetricsRegistry;
} // namespace wfs::metrics

namespace wfs::mcp {

// Request-related messages (progress, logging) emitted while a request runs; the transport
// delivers them before the response (stdout line, POST SSE event).
using Emit = std::function<void(const Json &message)>;

// One MCP session: a stdio connection or one HTTP Mcp-Session-Id.
class Session
{
public:
    using Sink = std::function<void(const Json &message)>;

    Session(std::string id, std::string client);

    const std::string &id() const { return m_id; }
    const std::string &client() const { return m_client; }

    std::optional<ProtocolVersion> version() const; ///< nullopt before initialize
    ProtocolVersion effectiveVersion() const;       ///< negotiated, else kDefaultVersion
    bool initializeAnswered() const;
    bool ready() const;                       ///< notifications/initialized received
    std::optional<LogLevel> logLevel() const; ///< nullopt until logging/setLevel
    Json clientInfo() const;
    std::string clientName() const; ///< clientInfo.name, else client()

    // Where unsolicited messages (list_changed, logging outside requests) go; none = dropped.
    void setSink(Sink sink);
    // Sends through the sink (thread-safe); false when there is no sink.
    bool sendUnsolicited(const Json &message);

private:
    friend class Dispatcher;
    const std::string m_id;
    const std::string m_client;
    mutable std::mutex m_mutex;
    std::optional<ProtocolVersion> m_version;
    bool m_ready = false;
    std::optional<LogLevel> m_logLevel;
    Json m_clientInfo;
    std::string m_clientName;
    Sink m_sink;
    std::set<std::string> m_inFlight;  ///< serialised ids of running requests
    std::set<std::string> m_cancelled; ///< subset of m_inFlight: answer must be dropped
};

class Dispatcher
{
public:
    struct Options
    {
        std::string instructions;  ///< initialize's `instructions`; empty = the built-in text
        std::size_t pageSize = 50; ///< items per page of prompts/list and resources/list
        bool listChanged = true;   ///< advertise and send */list_changed
        /// Where request latencies go, as operations "mcp/<tool>" for tools/call and
        /// "mcp/<method>" for the other methods; null = MetricsRegistry::global().
        metrics::MetricsRegistry *metrics = nullptr;
        std::size_t requestLogCapacity = 1000; ///< entries kept by requestLog()
    };

    explicit Dispatcher(std::shared_ptr<Backend> backend);
    Dispatcher(std::shared_ptr<Backend> backend, Options options);
    ~Dispatcher();
    Dispatcher(const Dispatcher &) = delete;
    Dispatcher &operator=(const Dispatcher &) = delete;

    // A new session registered for list_changed broadcasts. `id` empty = a random id.
    std::shared_ptr<Session> createSession(std::string client, std::string id = {});
    // A session whose initialize another instance of a team server answered: registered here
    // with the version, clientInfo and readiness it has there.
    std::shared_ptr<Session> adoptSession(std::string client, std::string id,
                                          ProtocolVersion version, Json clientInfo, bool ready);
    // Forgets this process's copy of a shared session without ending it (its engine session
    // goes on on other instances).
    void forgetSession(const std::string &id);
    // Forgets a session (no more broadcasts to it).
    void closeSession(const std::string &id);
    std::size_t sessionCount() const;

    struct Parsed
    {
        bool ok = false;
        Json value;         ///< the message or batch when ok
        Json errorResponse; ///< -32700 response (id null) when !ok
    };
    // Parses one line/body: UTF-8 checked, nesting bounded (model/jsonio.h kMaxJsonDepth).
    static Parsed parse(std::string_view text);

    // True when `body` (a message or a batch) holds at least one request (needs an answer).
    static bool containsRequest(const Json &body);
    // True when `body` is or holds an initialize request.
    static bool isInitialize(const Json &body);

    // Plain: the response is an ordinary Json value. Wire: it may hold rawJson() nodes (answers
    // the cache has already written out), for transports that only serialize() it.
    enum class Output { Plain, Wire };
    // Handles one parsed body. Returns the response (object; array for a batch) or null when
    // nothing is to be answered (notifications, responses, cancelled requests).
    Json handle(Session &session, const Json &body, const Emit &notify = {},
                Output output = Output::Plain);
    // parse + handle (Output::Wire) + serialize; "" when nothing is to be answered.
    std::string handleText(Session &session, std::string_view text, const Emit &notify = {});

    // Sends notifications/{tools,prompts,resources}/list_changed to every ready session.
    // Called by the backend's change callback; callable directly (tests, studio).
    void broadcastListChanged();

    // The registry the dispatcher records into (Options::metrics).
    metrics::MetricsRegistry &metrics() const;
    // The latency histogram of one tool ("mcp/<tool>" in metrics()).
    metrics::LatencyTracker &toolLatency(std::string_view tool) const;
    // Every answered request (both transports), bounded; see requestlog.h.
    RequestLog &requestLog() const;
    // Extra observer of every tools/call (e.g. the engine's metrics); set before serving.
    using ToolObserver =
        std::function<void(std::string_view tool, std::chrono::nanoseconds, bool isError)>;
    void setToolObserver(ToolObserver observer);

    Backend &backend() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// 128 bits from the OS CSPRNG as 32 lowercase hex digits.
std::string randomHexId();

} // namespace wfs::mcp
