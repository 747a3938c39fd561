// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Streamable HTTP on Boost.Beast. Each TCP connection is a Connection on one I/O thread; it
// reads one request at a time (keep-alive), runs the checks of spec/mcp-transport.md §6.2 in
// order, dispatches synchronously on the I/O thread (tool calls take microseconds to a few
// milliseconds) and writes one response. A GET turns its connection into the session's SSE
// stream: raw chunked writes from a queue, fed by posts from whatever thread produced the
// message. POST answers that carry notifications (progress, logging) or a tools/call result
// are complete SSE bodies with event ids; everything else is one JSON object.
#include "httpserver.h"

#include "connectiontable.h"
#include "engine/metrics/metricsregistry.h"
#include "engine/metrics/ratelimiter.h"
#include "httpchecks.h"
#include "httpsessions.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <QDateTime>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

namespace wfs::mcp {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

class Connection;

bool isLoopbackBind(const std::string &host)
{
    beast::error_code ec;
    const auto address = asio::ip::make_address(host, ec);
    return !ec && address.is_loopback();
}

} // namespace

struct HttpServer::Private : std::enable_shared_from_this<HttpServer::Private>
{
    Dispatcher &dispatcher;
    Options options;
    HttpServer *q = nullptr;
    HeaderChecks checks; ///< what a request header is judged by (start())

    // One io_context per thread (concurrency hint 1): a connection lives on one thread for its
    // whole life, so it needs no strand and the reactor takes no contended lock; connections are
    // dealt out round-robin.
    std::vector<std::unique_ptr<asio::io_context>> iocs;
    std::size_t nextIoc = 0; ///< used on the acceptor's thread only
    std::unique_ptr<tcp::acceptor> acceptor;
    std::unique_ptr<asio::steady_timer> acceptBackoff; ///< re-arms accept after EMFILE/ENFILE
    std::chrono::milliseconds backoff{0};              ///< the current back-off (acceptor thread)
    std::vector<std::thread> threads;
    std::atomic<bool> running{false};
    std::atomic<std::uint16_t> boundPort{0};

    SessionTable sessions;
    ConnectionTable connections;

    // Per-session token buckets (engine/metrics); null when the limit is off.
    // Per session and per client address: in this process, or shared through Redis (a team
    // server's Options::sharedLimiters). Empty = no limit.
    std::unique_ptr<metrics::RateLimiter> localLimiter;
    std::unique_ptr<metrics::RateLimiter> localClientLimiter;
    HttpServer::Limiter limiter;
    // Per-client (address) token buckets; null when the limit is off.
    HttpServer::Limiter clientLimiter;
    // Requests the transport refused ("mcp/rejected", every one an error), so that requests/s
    // and the error rate include them.
    metrics::LatencyTracker *rejected = nullptr;
    std::atomic<std::uint64_t> descriptorBackoffs{0};

    Private(Dispatcher &disp, Options opts)
        : dispatcher(disp)
        , options(std::move(opts))
        , sessions(disp, {options.sessionIdleTimeout, options.maxSessions, options.replayCapacity,
                          options.sessionDirectory})
        , connections({options.maxConnections ? options.maxConnections
                                              : ConnectionTable::defaultMaxConnections(),
                       options.maxConnectionsPerClient ? options.maxConnectionsPerClient
                       : isLoopbackBind(options.host)  ? 0
                                                       : kRemoteConnectionsPerClient})
        , rejected(&disp.metrics().operation("mcp/rejected"))
    {
        if (options.rateLimitPerSecond > 0) {
            metrics::RateLimiter::Options limits;
            limits.ratePerSecond = options.rateLimitPerSecond;
            limits.burst = std::max(options.rateLimitBurst, 1.0);
            limits.maxKeys = std::max<std::size_t>(options.maxSessions * 2, 16);
            limiter = makeLimiter("session", limits, localLimiter);
        }
        const double clientRate = options.clientRateLimitPerSecond >= 0
                                      ? options.clientRateLimitPerSecond
                                  : isLoopbackBind(options.host) ? 0
                                                                 : kRemoteClientRate;
        if (clientRate > 0) {
            metrics::RateLimiter::Options limits;
            limits.ratePerSecond = clientRate;
            limits.burst = std::max(clientRate * 2, 1.0);
            clientLimiter = makeLimiter("client", limits, localClientLimiter);
        }
    }

    HttpServer::Limiter makeLimiter(const char *scope, const metrics::RateLimiter::Options &limits,
                                    std::unique_ptr<metrics::RateLimiter> &local)
    {
        if (options.sharedLimiters)
            return options.sharedLimiters(scope, limits);
        local = std::make_unique<metrics::RateLimiter>(limits);
        return [l = local.get()](std::string_view key) { return l->acquire(key); };
    }

    void accept();
    void onAccepted(beast::error_code ec, tcp::socket socket);
    void refuse(tcp::socket socket, const std::string &peer, bool perClient);
    void addLog(RequestLogEntry entry);
    // Counts and logs a request the transport answered on its own (an error status).
    void countRejected(RequestLogEntry entry, std::chrono::steady_clock::duration latency,
                       metrics::FailureKind kind);
};

namespace {

class Connection : public std::enable_shared_from_this<Connection>,
                   public EventStream,
                   public Evictable
{
public:
    using State = ConnectionTable::State;

    Connection(tcp::socket socket, std::shared_ptr<HttpServer::Private> server, std::string client)
        : m_stream(std::move(socket))
        , m_server(std::move(server))
        , m_client(std::move(client))
        , m_keepAliveTimer(m_stream.get_executor())
    {
        beast::error_code ec;
        const auto ep = m_stream.socket().remote_endpoint(ec);
        m_peer = ec ? m_client : m_client + ":" + std::to_string(ep.port());
    }

    ~Connection() override { m_server->connections.remove(m_id); }

    void start()
    {
        m_id = server().connections.add(m_client, weak_from_this());
        asio::dispatch(m_stream.get_executor(),
                       beast::bind_front_handler(&Connection::doRead, shared_from_this()));
    }

    // Closes the connection from any thread (server stop, session deleted).
    void close() override
    {
        asio::post(m_stream.get_executor(), [self = shared_from_this()] {
            if (self->m_streaming && !self->m_closing) {
                self->m_closing = true;
                self->queueWrite("0\r\n\r\n");
                return;
            }
            self->shutdown();
        });
    }

    // Closes the connection if it is still without a request in progress (the table chose it
    // to make room for a new one).
    void evict() override
    {
        asio::post(m_stream.get_executor(), [self = shared_from_this()] {
            if (self->m_state != State::Idle && self->m_state != State::Header)
                return;
            // Bytes already waiting: a request is arriving (its header may not have been read
            // yet on a busy server). Keep it; a slow header still meets the header deadline.
            beast::error_code ec;
            if (self->m_stream.socket().available(ec) > 0 && !ec)
                return;
            self->shutdown();
        });
    }

    // Queues an SSE event on this GET stream (from any thread).
    void sendEvent(std::string event) override
    {
        asio::post(m_stream.get_executor(), [self = shared_from_this(), e = std::move(event)] {
            if (!self->m_closing)
                self->queueWrite(httpChunk(e));
        });
    }

private:
    HttpServer::Private &server() { return *m_server; }

    void setState(State state)
    {
        m_state = state;
        server().connections.setState(m_id, state);
    }

    void shutdown()
    {
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        m_stream.close();
    }

    // Keep-alive: waits (idle timeout) for the first byte of the next request, then reads its
    // header under the header deadline.
    void awaitRequest()
    {
        if (m_buffer.size() > 0) { // pipelined: the next request is here already
            doRead();
            return;
        }
        setState(State::Idle);
        m_stream.expires_after(server().options.idleTimeout);
        m_stream.async_read_some(m_buffer.prepare(4096), [self = shared_from_this()](
                                                             beast::error_code ec, std::size_t n) {
            if (ec)
                return; // idle timeout, closed, reset, evicted: drop the connection
            self->m_buffer.commit(n);
            self->doRead();
        });
    }

    void doRead()
    {
        setState(State::Header);
        m_parser.emplace();
        m_parser->body_limit(server().options.maxBodyBytes);
        m_parser->header_limit(16 * 1024);
        // The whole header must arrive within the deadline, however slowly it trickles.
        m_stream.expires_after(server().options.headerTimeout);
        // Headers first: Host, Origin, token, endpoint and the announced length are checked
        // before a byte of the body is read, so a refused request never costs its body.
        http::async_read_header(
            m_stream, m_buffer, *m_parser,
            beast::bind_front_handler(&Connection::onHeader, shared_from_this()));
    }

    void onHeader(beast::error_code ec, std::size_t bytes)
    {
        if (ec) {
            onRead(ec, bytes);
            return;
        }
        setState(State::Busy);
        m_stream.expires_after(server().options.requestTimeout);
        m_started = std::chrono::steady_clock::now();
        m_request = {};
        m_request.base() = m_parser->get().base();
        // A refusal now leaves the body unread: the connection closes after the answer.
        m_bodyPending = !m_parser->is_done();
        m_dispatched = false;
        m_protocolReject = false;
        if (rejectedByHeaders())
            return;
        m_bodyPending = false;
        http::async_read(m_stream, m_buffer, *m_parser,
                         beast::bind_front_handler(&Connection::onRead, shared_from_this()));
    }

    void onRead(beast::error_code ec, std::size_t)
    {
        if (ec == http::error::end_of_stream || ec == asio::error::eof) {
            beast::error_code ignored;
            m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
            return;
        }
        if (ec == http::error::body_limit) {
            m_started = std::chrono::steady_clock::now();
            sendError(http::status::payload_too_large, ErrorCode::ServerError,
                      "Payload Too Large: the body exceeds " +
                          std::to_string(server().options.maxBodyBytes) + " bytes",
                      false, "POST");
            return;
        }
        if (ec == http::error::header_limit) {
            m_started = std::chrono::steady_clock::now();
            sendError(http::status::request_header_fields_too_large, ErrorCode::ServerError,
                      "Request Header Fields Too Large", false, "");
            return;
        }
        if (ec && ec.category() == http::make_error_code(http::error::bad_target).category()) {
            m_started = std::chrono::steady_clock::now();
            sendError(http::status::bad_request, ErrorCode::ServerError,
                      "Bad Request: malformed HTTP request", false, "");
            return;
        }
        if (ec)
            return; // deadline passed, reset, evicted: drop the connection
        m_started = std::chrono::steady_clock::now();
        m_request = m_parser->release();
        handle();
    }

    // ---- responses -------------------------------------------------------------------------

    void send(Response res, bool keepAlive, const std::string &rpcMethod = {},
              const std::string &tool = {})
    {
        res.set(http::field::server, "workflow-studio");
        if (m_bodyPending)
            keepAlive = false; // the refused request's body is still on the wire
        res.keep_alive(keepAlive);
        res.prepare_payload();
        // Requests the dispatcher answered are in the request log already; log what the
        // transport answered on its own (rejections, 202s for notifications, DELETE).
        if (!m_dispatched) {
            RequestLogEntry entry;
            const auto latency = std::chrono::steady_clock::now() - m_started;
            entry.session = m_sessionId;
            entry.client = m_peer;
            entry.method = rpcMethod.empty() ? std::string(m_request.method_string()) : rpcMethod;
            entry.tool = tool;
            entry.status = static_cast<int>(res.result_int());
            if (entry.status >= 400) {
                const Json body = Json::parse(res.body(), nullptr, false);
                if (body.is_object() && body.contains("error") && body["error"].is_object()) {
                    entry.errorCode = body["error"].value("code", 0);
                    entry.error = body["error"].value("message", std::string());
                }
                if (entry.error.empty())
                    entry.error = std::string(res.reason());
            }
            // Counted where it failed: a JSON-RPC error answered before dispatch is the
            // protocol's, everything else (401, 403, 404, 413, 429, ...) the transport's.
            server().countRejected(std::move(entry), latency,
                                   m_protocolReject ? metrics::FailureKind::Protocol
                                                    : metrics::FailureKind::Transport);
        }
        m_protocolReject = false;
        auto shared = std::make_shared<Response>(std::move(res));
        setState(State::Busy);
        m_stream.expires_after(server().options.requestTimeout);
        http::async_write(m_stream, *shared,
                          [self = shared_from_this(), shared](beast::error_code ec, std::size_t) {
                              self->onWrite(ec, shared->keep_alive());
                          });
    }

    void onWrite(beast::error_code ec, bool keepAlive)
    {
        if (ec)
            return;
        if (!keepAlive) {
            beast::error_code ignored;
            m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
            return;
        }
        awaitRequest();
    }

    Response makeResponse(http::status status)
    {
        Response res{status, m_request.version() ? m_request.version() : 11};
        if (!m_sessionId.empty())
            res.set("Mcp-Session-Id", m_sessionId);
        return res;
    }

    void sendError(http::status status, ErrorCode code, const std::string &message,
                   bool keepAlive = true, const std::string &rpcMethod = {})
    {
        Response res = makeResponse(status);
        res.set(http::field::content_type, "application/json");
        res.body() = serialize(makeError(nullptr, code, message));
        send(std::move(res), keepAlive && m_request.keep_alive(), rpcMethod);
    }

    void sendJsonRpc(http::status status, const Json &message, const std::string &rpcMethod)
    {
        m_protocolReject = true;
        Response res = makeResponse(status);
        res.set(http::field::content_type, "application/json");
        res.body() = serialize(message);
        send(std::move(res), m_request.keep_alive(), rpcMethod);
    }

    // ---- request handling ------------------------------------------------------------------

    // Steps 1-3 of every request and the body cap, on its header alone (onHeader), then the
    // client's request rate: true when refused (the answer is on its way).
    bool rejectedByHeaders()
    {
        const auto field = [this](http::field f) -> std::optional<std::string_view> {
            const auto it = m_request.find(f);
            if (it == m_request.end())
                return std::nullopt;
            return std::string_view(it->value());
        };
        RequestHead head;
        head.host = field(http::field::host);
        head.origin = field(http::field::origin);
        head.authorization = field(http::field::authorization);
        head.target = m_request.target();
        if (const auto length = m_parser->content_length())
            head.contentLength = *length;
        if (auto refusal = checkHeader(head, server().checks)) {
            const auto status = static_cast<http::status>(refusal->status);
            if (refusal->status == 413) {
                sendError(status, ErrorCode::ServerError, refusal->message, false, "POST");
                return true;
            }
            Response res = makeResponse(status);
            if (!refusal->wwwAuthenticate.empty())
                res.set(http::field::www_authenticate, refusal->wwwAuthenticate);
            res.set(http::field::content_type, "application/json");
            res.body() = serialize(makeError(nullptr, ErrorCode::ServerError, refusal->message));
            send(std::move(res), m_request.keep_alive());
            return true;
        }
        if (server().clientLimiter) {
            const metrics::RateDecision decision = server().clientLimiter(m_client);
            if (!decision.allowed) {
                Response res = makeResponse(http::status::too_many_requests);
                res.set(http::field::retry_after, std::to_string(std::max<std::int64_t>(
                                                      1, (decision.retryAfterMs + 999) / 1000)));
                res.set(http::field::content_type, "application/json");
                res.body() = serialize(makeError(nullptr, ErrorCode::ServerError,
                                                 "Too Many Requests: rate limit for " + m_client));
                send(std::move(res), m_request.keep_alive());
                return true;
            }
        }
        return false;
    }

    void handle()
    {
        m_sessionId.clear(); // m_dispatched and m_protocolReject: reset by onHeader()

        // 4. MCP-Protocol-Version, when present, must be one we speak.
        if (const auto pv = m_request.find("mcp-protocol-version"); pv != m_request.end()) {
            if (!parseProtocolVersion(pv->value())) {
                sendError(http::status::bad_request, ErrorCode::ServerError,
                          "Bad Request: Unsupported protocol version: " + std::string(pv->value()) +
                              " (supported versions: " + supportedVersionsText() + ")");
                return;
            }
        }
        if (isHealthRequest()) {
            handleHealth();
            return;
        }
        switch (m_request.method()) {
        case http::verb::post:
            handlePost();
            return;
        case http::verb::get:
            handleGet();
            return;
        case http::verb::delete_:
            handleDelete();
            return;
        default: {
            Response res = makeResponse(http::status::method_not_allowed);
            res.set(http::field::allow, "GET, POST, DELETE");
            res.set(http::field::content_type, "application/json");
            res.body() =
                serialize(makeError(nullptr, ErrorCode::ServerError, "Method not allowed."));
            send(std::move(res), m_request.keep_alive());
            return;
        }
        }
    }

    bool accepts(std::string_view type) const
    {
        const auto accept = m_request.find(http::field::accept);
        if (accept == m_request.end())
            return false;
        const std::string value = asciiLower(accept->value());
        return value.find(type) != std::string::npos || value.find("*/*") != std::string::npos;
    }

    // Resolves the Mcp-Session-Id header; answers 400/404 itself and returns null then.
    std::shared_ptr<HttpSession> requireSession(const std::string &rpcMethod)
    {
        const auto header = m_request.find("mcp-session-id");
        if (header == m_request.end() || header->value().empty()) {
            sendError(http::status::bad_request, ErrorCode::ServerError,
                      "Bad Request: Mcp-Session-Id header is required", true, rpcMethod);
            return nullptr;
        }
        const std::string id(header->value());
        bool expired = false;
        std::string storeError;
        auto session = server().sessions.find(id, &expired, &storeError);
        if (!session && !storeError.empty()) {
            sendError(http::status::service_unavailable, ErrorCode::ServerError,
                      "Service Unavailable: the session store cannot be reached (" + storeError +
                          "); retry shortly",
                      true, rpcMethod);
            return nullptr;
        }
        if (!session) {
            sendError(http::status::not_found, ErrorCode::SessionNotFound,
                      expired ? "Session not found (expired)" : "Session not found", true,
                      rpcMethod);
            return nullptr;
        }
        m_sessionId = id;
        return session;
    }

    void handlePost()
    {
        if (!accepts("application/json") || !accepts("text/event-stream")) {
            sendError(http::status::not_acceptable, ErrorCode::ServerError,
                      "Not Acceptable: Client must accept both application/json and "
                      "text/event-stream");
            return;
        }
        const auto contentType = m_request.find(http::field::content_type);
        if (contentType == m_request.end() ||
            asciiLower(contentType->value()).rfind("application/json", 0) != 0) {
            sendError(http::status::unsupported_media_type, ErrorCode::ServerError,
                      "Unsupported Media Type: Content-Type must be application/json");
            return;
        }
        Dispatcher::Parsed parsed = Dispatcher::parse(m_request.body());
        if (!parsed.ok) {
            sendJsonRpc(http::status::bad_request, parsed.errorResponse, "");
            return;
        }
        const Json &body = parsed.value;
        std::string rpcMethod = "batch";
        std::string tool;
        if (body.is_object()) {
            rpcMethod = body.contains("method") && body["method"].is_string()
                            ? body["method"].get<std::string>()
                            : std::string();
            if (rpcMethod == "tools/call" && body.contains("params") &&
                body["params"].is_object() && body["params"].contains("name") &&
                body["params"]["name"].is_string())
                tool = body["params"]["name"].get<std::string>();
        }
        if (body.is_array() && body.empty()) {
            sendJsonRpc(
                http::status::bad_request,
                makeError(nullptr, ErrorCode::InvalidRequest, "Invalid Request: empty batch"),
                rpcMethod);
            return;
        }
        if (body.is_object() && classifyMessage(body) == MessageKind::Invalid) {
            sendJsonRpc(http::status::bad_request,
                        makeError(messageId(body), ErrorCode::InvalidRequest,
                                  "Invalid Request: not a JSON-RPC 2.0 message"),
                        rpcMethod);
            return;
        }

        std::shared_ptr<HttpSession> session;
        bool created = false;
        if (Dispatcher::isInitialize(body)) {
            if (body.is_array()) {
                sendJsonRpc(http::status::bad_request,
                            makeError(nullptr, ErrorCode::InvalidRequest,
                                      "Invalid Request: initialize must not be part of a batch"),
                            rpcMethod);
                return;
            }
            if (const auto header = m_request.find("mcp-session-id");
                header != m_request.end() && !header->value().empty()) {
                bool expired = false;
                if (server().sessions.find(std::string(header->value()), &expired)) {
                    sendJsonRpc(http::status::bad_request,
                                makeError(messageId(body), ErrorCode::InvalidRequest,
                                          "Invalid Request: Server already initialized"),
                                rpcMethod);
                    return;
                }
            }
            session = server().sessions.create();
            created = true;
            m_sessionId = session->mcp->id();
        } else {
            session = requireSession(rpcMethod);
            if (!session)
                return;
        }
        const metrics::RateDecision decision =
            server().limiter ? server().limiter(session->mcp->id()) : metrics::RateDecision{};
        if (!decision.allowed) {
            Response res = makeResponse(http::status::too_many_requests);
            res.set(http::field::retry_after, std::to_string(std::max<std::int64_t>(
                                                  1, (decision.retryAfterMs + 999) / 1000)));
            res.set(http::field::content_type, "application/json");
            res.body() = serialize(
                makeError(nullptr, ErrorCode::ServerError, "Too Many Requests: rate limit"));
            send(std::move(res), m_request.keep_alive(), rpcMethod, tool);
            return;
        }
        if (body.is_array()) {
            const auto v = session->mcp->version();
            if (v && !supportsBatches(*v)) {
                sendJsonRpc(http::status::bad_request,
                            makeError(nullptr, ErrorCode::InvalidRequest,
                                      std::string("Invalid Request: JSON-RPC batches are not "
                                                  "allowed in protocol version ") +
                                          protocolVersionString(*v)),
                            rpcMethod);
                return;
            }
        }

        const bool hasRequest = Dispatcher::containsRequest(body);
        std::vector<Json> notes;
        const Emit notify = [&notes](const Json &m) { notes.push_back(m); };
        m_dispatched = true;
        const Json reply =
            server().dispatcher.handle(*session->mcp, body, notify, Dispatcher::Output::Wire);
        if (created && !session->mcp->initializeAnswered()) {
            // initialize failed: no session was established.
            server().sessions.remove(session->mcp->id());
            m_sessionId.clear();
        }
        // A team server: the session is in the shared store before its answer leaves, so any
        // instance can serve its next request.
        if (Result<void> shared = server().sessions.share(session); !shared) {
            if (created) {
                server().sessions.remove(session->mcp->id());
                m_sessionId.clear();
                sendJsonRpc(http::status::service_unavailable,
                            makeError(messageId(body), ErrorCode::ServerError,
                                      "Service Unavailable: the session store cannot be "
                                      "reached (" +
                                          shared.error() + "); retry shortly"),
                            rpcMethod);
                return;
            }
            std::fprintf(stderr, "mcp: session %s not saved: %s\n", session->mcp->id().c_str(),
                         shared.error().c_str());
        }
        if (!hasRequest || reply.is_null()) {
            Response res = makeResponse(http::status::accepted);
            send(std::move(res), m_request.keep_alive(), rpcMethod, tool);
            return;
        }
        if (notes.empty() && rpcMethod != "tools/call") {
            sendJsonRpc(http::status::ok, reply, rpcMethod);
            return;
        }
        // SSE: [priming (R4)] notifications..., response; then the body ends.
        std::string sse;
        const bool r4 = session->mcp->effectiveVersion() >= ProtocolVersion::V2025_11_25;
        const auto eventId = [&session] {
            return "p" + std::to_string(session->nextEvent.fetch_add(1));
        };
        if (r4) {
            sse += "id: " + eventId() + "\nretry: " + std::to_string(server().options.sseRetryMs) +
                   "\ndata: \n\n";
        }
        for (const Json &n : notes)
            sse += sseEvent(eventId(), serialize(n));
        if (reply.is_array()) {
            for (const Json &r : reply)
                sse += sseEvent(eventId(), serialize(r));
        } else {
            sse += sseEvent(eventId(), serialize(reply));
        }
        Response res = makeResponse(http::status::ok);
        res.set(http::field::content_type, "text/event-stream");
        res.set(http::field::cache_control, "no-cache");
        res.body() = std::move(sse);
        send(std::move(res), m_request.keep_alive(), rpcMethod, tool);
    }

    bool isHealthRequest()
    {
        const std::string &path = server().checks.healthPath;
        if (path.empty())
            return false;
        const std::string_view target = m_request.target();
        return target.substr(0, target.find('?')) == path;
    }

    // GET /health: the runtime's report, 200 when usable and 503 when not (a balancer takes
    // the instance out of rotation).
    void handleHealth()
    {
        if (m_request.method() != http::verb::get && m_request.method() != http::verb::head) {
            Response res = makeResponse(http::status::method_not_allowed);
            res.set(http::field::allow, "GET, HEAD");
            res.set(http::field::content_type, "application/json");
            res.body() =
                serialize(makeError(nullptr, ErrorCode::ServerError, "Method not allowed."));
            send(std::move(res), m_request.keep_alive());
            return;
        }
        const HttpServer::HealthAnswer answer = server().options.health();
        Response res =
            makeResponse(answer.ok ? http::status::ok : http::status::service_unavailable);
        res.set(http::field::content_type, "application/json");
        res.set(http::field::cache_control, "no-store");
        std::optional<std::string_view> authorization;
        if (const auto h = m_request.find(http::field::authorization); h != m_request.end())
            authorization = h->value();
        const bool authorized =
            server().checks.token.empty() || bearerMatches(authorization, server().checks.token);
        if (m_request.method() == http::verb::get)
            res.body() = authorized || answer.summary.empty() ? answer.json : answer.summary;
        send(std::move(res), m_request.keep_alive());
    }

    void handleGet()
    {
        if (!accepts("text/event-stream")) {
            sendError(http::status::not_acceptable, ErrorCode::ServerError,
                      "Not Acceptable: Client must accept text/event-stream");
            return;
        }
        auto session = requireSession("");
        if (!session)
            return;
        std::string lastEventId;
        if (const auto h = m_request.find("last-event-id"); h != m_request.end())
            lastEventId = std::string(h->value());

        std::string initial;
        {
            std::lock_guard lock(session->mutex);
            if (auto existing = session->stream.lock()) {
                sendError(http::status::conflict, ErrorCode::ServerError,
                          "Conflict: Only one SSE stream is allowed per session");
                return;
            }
            session->stream = weak_from_this();
            if (session->mcp->effectiveVersion() >= ProtocolVersion::V2025_11_25) {
                initial += "id: g" + std::to_string(session->nextEvent.fetch_add(1)) +
                           "\nretry: " + std::to_string(server().options.sseRetryMs) +
                           "\ndata: \n\n";
            }
        }
        // Replay what this GET stream missed (here, or on another instance of a team server).
        initial += server().sessions.replayAfter(session, lastEventId);
        m_streaming = true;
        setState(State::Streaming);
        m_stream.expires_never();
        std::string head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                           "Cache-Control: no-cache\r\nServer: workflow-studio\r\n"
                           "Mcp-Session-Id: " +
                           m_sessionId + "\r\nTransfer-Encoding: chunked\r\n\r\n";
        head += httpChunk(": stream open\n\n");
        if (!initial.empty())
            head += httpChunk(initial);
        const bool resumedClosedStream = !lastEventId.empty() && lastEventId[0] == 'p';
        RequestLogEntry entry;
        entry.timeMs = QDateTime::currentMSecsSinceEpoch();
        entry.transport = "http";
        entry.session = m_sessionId;
        entry.client = m_peer;
        entry.method = "GET (SSE stream)";
        entry.status = 200;
        server().addLog(std::move(entry));
        queueWrite(std::move(head));
        if (resumedClosedStream) {
            // The POST stream this id belongs to ended with its response: nothing to resume.
            m_closing = true;
            queueWrite("0\r\n\r\n");
            std::lock_guard lock(session->mutex);
            session->stream.reset();
            return;
        }
        m_session = session;
        watchForDisconnect();
        scheduleKeepAlive();
    }

    void handleDelete()
    {
        auto session = requireSession("");
        if (!session)
            return;
        server().sessions.remove(m_sessionId);
        Response res = makeResponse(http::status::ok);
        send(std::move(res), m_request.keep_alive());
    }

    // ---- GET stream ------------------------------------------------------------------------

    void queueWrite(std::string data)
    {
        m_writeQueue.push_back(std::move(data));
        if (m_writeQueue.size() == 1)
            writeNext();
    }

    void writeNext()
    {
        asio::async_write(m_stream.socket(), asio::buffer(m_writeQueue.front()),
                          [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              self->m_writeQueue.pop_front();
                              if (ec) {
                                  self->streamEnded();
                                  return;
                              }
                              if (!self->m_writeQueue.empty()) {
                                  self->writeNext();
                              } else if (self->m_closing) {
                                  beast::error_code ignored;
                                  self->m_stream.socket().shutdown(tcp::socket::shutdown_both,
                                                                   ignored);
                                  self->m_stream.close();
                                  self->streamEnded();
                              }
                          });
    }

    void watchForDisconnect()
    {
        m_stream.socket().async_read_some(
            asio::buffer(m_sink), [self = shared_from_this()](beast::error_code ec, std::size_t) {
                if (ec) {
                    self->streamEnded();
                    return;
                }
                self->watchForDisconnect(); // a client does not talk on a GET stream; ignore
            });
    }

    void scheduleKeepAlive()
    {
        m_keepAliveTimer.expires_after(std::chrono::seconds(25));
        m_keepAliveTimer.async_wait([self = shared_from_this()](beast::error_code ec) {
            if (ec || self->m_closing || !self->m_session)
                return;
            self->queueWrite(httpChunk(": keep-alive\n\n"));
            self->scheduleKeepAlive();
        });
    }

    void streamEnded()
    {
        m_keepAliveTimer.cancel();
        if (auto session = std::exchange(m_session, nullptr)) {
            std::lock_guard lock(session->mutex);
            if (session->stream.lock().get() == this || session->stream.expired())
                session->stream.reset();
        }
    }

    beast::tcp_stream m_stream;
    std::shared_ptr<HttpServer::Private> m_server;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    bool m_bodyPending = false; ///< the header was answered before its body was read
    Request m_request;
    std::string m_client;   ///< the peer's address (per-client limits)
    std::string m_peer;     ///< address:port (the request log)
    std::uint64_t m_id = 0; ///< in the server's ConnectionTable
    State m_state = State::Header;
    std::string m_sessionId;
    std::chrono::steady_clock::time_point m_started;
    // GET stream state
    bool m_dispatched = false;     ///< the current request went to the dispatcher (it logged it)
    bool m_protocolReject = false; ///< answered with a JSON-RPC error before the dispatcher
    bool m_streaming = false;
    bool m_closing = false;
    std::shared_ptr<HttpSession> m_session;
    std::deque<std::string> m_writeQueue;
    std::array<char, 512> m_sink{};
    asio::steady_timer m_keepAliveTimer;
};

} // namespace

// ---- Private -------------------------------------------------------------------------------

void HttpServer::Private::accept()
{
    asio::io_context &target = *iocs[nextIoc++ % iocs.size()];
    acceptor->async_accept(target,
                           beast::bind_front_handler(&Private::onAccepted, shared_from_this()));
}

void HttpServer::Private::onAccepted(beast::error_code ec, tcp::socket socket)
{
    if (ec == asio::error::operation_aborted || !running)
        return;
    if (ec == asio::error::no_descriptors ||
        ec == boost::system::errc::too_many_files_open_in_system) {
        // Out of descriptors: free a batch (the longest-idle connections, which a flood of
        // idle sockets queued in the backlog would otherwise replace one at a time) and try
        // again after a pause instead of spinning on a listen queue that cannot be served.
        descriptorBackoffs.fetch_add(1);
        int freed = 0;
        for (; freed < 32; ++freed) {
            auto victim = connections.evictOne().lock();
            if (!victim)
                break;
            victim->evict();
        }
        backoff = freed > 0 ? std::chrono::milliseconds(2)
                            : std::min(std::max(backoff * 2, std::chrono::milliseconds(10)),
                                       std::chrono::milliseconds(500));
        acceptBackoff->expires_after(backoff);
        acceptBackoff->async_wait([self = shared_from_this()](beast::error_code e) {
            if (!e && self->running)
                self->accept();
        });
        return;
    }
    backoff = std::chrono::milliseconds(0);
    if (!ec) {
        beast::error_code ignored;
        const auto remote = socket.remote_endpoint(ignored);
        const std::string client = ignored ? std::string("?") : remote.address().to_string();
        const ConnectionTable::Admission admission = connections.admit(client);
        if (!admission.admitted) {
            refuse(std::move(socket), client, admission.perClient);
        } else {
            if (auto victim = admission.victim.lock())
                victim->evict();
            socket.set_option(tcp::no_delay(true), ignored);
            auto connection =
                std::make_shared<Connection>(std::move(socket), shared_from_this(), client);
            connection->start();
        }
    }
    if (running)
        accept();
}

// At the cap with nothing to evict: a short 503 and the connection closes (it holds a
// descriptor for one write at most, and a second at most).
void HttpServer::Private::refuse(tcp::socket socket, const std::string &client, bool perClient)
{
    const std::string message = perClient
                                    ? "Service Unavailable: too many connections from " + client
                                    : std::string("Service Unavailable: too many connections");
    const std::string body = serialize(makeError(nullptr, ErrorCode::ServerError, message));
    auto text = std::make_shared<std::string>(
        "HTTP/1.1 503 Service Unavailable\r\nServer: workflow-studio\r\nRetry-After: 1\r\n"
        "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body);
    auto stream = std::make_shared<beast::tcp_stream>(std::move(socket));
    stream->expires_after(std::chrono::seconds(1));
    asio::async_write(stream->socket(), asio::buffer(*text),
                      [stream, text](beast::error_code, std::size_t) {
                          beast::error_code ignored;
                          stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
                          stream->close();
                      });
    RequestLogEntry entry;
    entry.client = client;
    entry.method = "(connection)";
    entry.status = 503;
    entry.errorCode = static_cast<int>(ErrorCode::ServerError);
    entry.error = message;
    countRejected(std::move(entry), {}, metrics::FailureKind::Transport);
}

void HttpServer::Private::countRejected(RequestLogEntry entry,
                                        std::chrono::steady_clock::duration latency,
                                        metrics::FailureKind kind)
{
    entry.timeMs = QDateTime::currentMSecsSinceEpoch() -
                   std::chrono::duration_cast<std::chrono::milliseconds>(latency).count();
    entry.transport = "http";
    entry.latencyUs = std::chrono::duration_cast<std::chrono::microseconds>(latency).count();
    entry.isError = entry.status >= 400;
    if (entry.isError) {
        entry.kind = metrics::failureKindName(kind);
        dispatcher.metrics().countFailure(kind);
        rejected->record(
            std::uint64_t(std::max<std::int64_t>(
                std::chrono::duration_cast<std::chrono::nanoseconds>(latency).count(), 0)),
            true);
    }
    addLog(std::move(entry));
}

void HttpServer::Private::addLog(RequestLogEntry entry)
{
    dispatcher.requestLog().append(std::move(entry));
}

// ---- HttpServer ----------------------------------------------------------------------------

HttpServer::HttpServer(Dispatcher &dispatcher, Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_shared<Private>(dispatcher, std::move(options)))
{
    d->q = this;
}

HttpServer::~HttpServer()
{
    stop();
    d->q = nullptr;
}

Result<void> HttpServer::start()
{
    if (d->running)
        return Result<void>::failure("the MCP HTTP server is already running");
    beast::error_code ec;
    const auto address = asio::ip::make_address(d->options.host, ec);
    if (ec) {
        return Result<void>::failure("cannot listen on '" + d->options.host +
                                     "': not an IP address (" + ec.message() + ")");
    }
    // No open network listener by accident: beyond loopback, a token is required.
    if (!address.is_loopback() && d->options.token.empty()) {
        return Result<void>::failure(
            "refusing to listen on " + d->options.host +
            " without a token: anyone who can reach this address could drive the server. Set "
            "a token (clients then send 'Authorization: Bearer TOKEN'), or listen on 127.0.0.1");
    }
    d->checks.path = d->options.path;
    d->checks.token = d->options.token;
    if (d->options.health)
        d->checks.healthPath = d->options.healthPath;
    d->checks.allowedOrigins = d->options.allowedOrigins;
    d->checks.boundNames = boundHostNames(d->options.host);
    d->checks.maxBodyBytes = d->options.maxBodyBytes;
    const int threadCount = std::max(d->options.threads, 1);
    for (int i = 0; i < threadCount; ++i)
        d->iocs.push_back(std::make_unique<asio::io_context>(1));
    d->acceptor = std::make_unique<tcp::acceptor>(*d->iocs.front());
    d->acceptBackoff = std::make_unique<asio::steady_timer>(*d->iocs.front());
    const tcp::endpoint endpoint(address, d->options.port);
    const auto fail = [this, &endpoint](const char *what, const beast::error_code &e) {
        d->acceptor.reset();
        d->acceptBackoff.reset();
        d->iocs.clear();
        return Result<void>::failure(
            std::string("cannot listen on ") + endpoint.address().to_string() + ":" +
            std::to_string(endpoint.port()) + ": " + what + ": " + e.message());
    };
    d->acceptor->open(endpoint.protocol(), ec);
    if (ec)
        return fail("open", ec);
    d->acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    d->acceptor->bind(endpoint, ec);
    if (ec)
        return fail("bind", ec);
    d->acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return fail("listen", ec);
    d->boundPort = d->acceptor->local_endpoint().port();
    d->running = true;
    d->accept();
    for (const auto &ioc : d->iocs)
        d->threads.emplace_back([ioc = ioc.get()] {
            // Idle contexts (no connection yet) must keep running until stop().
            auto guard = asio::make_work_guard(*ioc);
            ioc->run();
        });
    emit stateChanged(true);
    return {};
}

void HttpServer::stop()
{
    if (!d->running.exchange(false))
        return;
    asio::post(d->acceptor->get_executor(), [self = d] {
        beast::error_code ec;
        self->acceptor->close(ec);
    });
    asio::post(d->acceptBackoff->get_executor(), [self = d] { self->acceptBackoff->cancel(); });
    d->sessions.clear();
    for (const auto &w : d->connections.all()) {
        if (auto c = w.lock())
            c->close();
    }
    // Give the closes a moment to flush, then stop the loop.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    for (const auto &ioc : d->iocs)
        ioc->stop();
    for (std::thread &t : d->threads) {
        if (t.joinable())
            t.join();
    }
    d->threads.clear();
    d->acceptor.reset();
    d->acceptBackoff.reset();
    d->iocs.clear();
    d->boundPort = 0;
    emit stateChanged(false);
}

bool HttpServer::isRunning() const
{
    return d->running;
}

std::uint16_t HttpServer::port() const
{
    return d->boundPort;
}

std::string HttpServer::url() const
{
    std::string host = d->options.host;
    if (host.find(':') != std::string::npos)
        host = "[" + host + "]";
    return "http://" + host + ":" + std::to_string(port()) + d->options.path;
}

std::size_t HttpServer::sessionCount() const
{
    return d->sessions.size();
}

HttpServer::ConnectionStats HttpServer::connectionStats() const
{
    ConnectionStats stats;
    stats.open = d->connections.size();
    stats.cap = d->connections.limits().maxConnections;
    stats.evictions = d->connections.evictions();
    stats.refusals = d->connections.refusals();
    stats.descriptorBackoffs = d->descriptorBackoffs.load();
    return stats;
}

RequestLog &HttpServer::requestLog() const
{
    return d->dispatcher.requestLog();
}

const HttpServer::Options &HttpServer::options() const
{
    return d->options;
}

} // namespace wfs::mcp
