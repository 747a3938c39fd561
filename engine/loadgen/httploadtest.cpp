// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// One HttpClient per virtual user: its own io_context, one beast::tcp_stream (keep-alive), run
// on the user's thread. Every exchange is asynchronous with a deadline (tcp_stream expiry) and
// the io_context is run in short slices so that the end of the run (the `stop` flag) cancels a
// request in flight within ~20 ms. A reused connection the server closed meanwhile is reopened
// and the request sent once more.
#include "httploadtest.h"

#include "engine/engine.h"
#include "engine/workflowrepository.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <thread>

namespace wfs::metrics {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

struct ParsedUrl
{
    std::string host; ///< without brackets
    std::string port;
    std::string target; ///< path
    std::string hostHeader;
};

Result<ParsedUrl> parseUrl(const std::string &url)
{
    const auto bad = [&url](const char *why) {
        return Result<ParsedUrl>::failure("invalid listener URL '" + url + "': " + why);
    };
    const std::string scheme = "http://";
    if (url.compare(0, scheme.size(), scheme) != 0)
        return bad("expected http://host:port/path");
    const std::string rest = url.substr(scheme.size());
    const std::size_t slash = rest.find('/');
    const std::string authority = rest.substr(0, slash);
    ParsedUrl u;
    u.target = slash == std::string::npos ? "/" : rest.substr(slash);
    u.hostHeader = authority;
    std::size_t colon = std::string::npos;
    if (!authority.empty() && authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string::npos)
            return bad("unclosed [");
        u.host = authority.substr(1, close - 1);
        colon = authority.find(':', close);
    } else {
        colon = authority.rfind(':');
        u.host = authority.substr(0, colon);
    }
    u.port = colon == std::string::npos ? "80" : authority.substr(colon + 1);
    if (u.host.empty() || u.port.empty() ||
        u.port.find_first_not_of("0123456789") != std::string::npos)
        return bad("missing host or port");
    return u;
}

std::string statusText(const http::response<http::string_body> &res)
{
    const std::string reason(res.reason().empty() ? std::string(http::obsolete_reason(res.result()))
                                                  : std::string(res.reason()));
    return "HTTP " + std::to_string(res.result_int()) + " " + reason;
}

std::string networkError(const beast::error_code &ec)
{
    if (ec == asio::error::connection_refused)
        return "connection refused";
    if (ec == beast::error::timeout)
        return "timeout";
    if (ec == http::error::end_of_stream || ec == asio::error::eof ||
        ec == asio::error::connection_reset)
        return "connection closed by the server";
    return ec.message();
}

// The JSON-RPC message answering `id` in a JSON or SSE body; null when there is none.
Json findAnswer(const std::string &contentType, const std::string &body, int id)
{
    const auto matches = [id](const Json &m) {
        return m.is_object() && m.contains("id") && m["id"].is_number_integer() &&
               m["id"].get<int>() == id;
    };
    if (contentType.rfind("text/event-stream", 0) != 0) {
        Json m = Json::parse(body, nullptr, false);
        return matches(m) ? m : Json();
    }
    // SSE: an event's data is its "data:" lines joined with '\n'; a blank line ends the event.
    std::string data;
    std::size_t pos = 0;
    while (pos <= body.size()) {
        std::size_t eol = body.find('\n', pos);
        if (eol == std::string::npos)
            eol = body.size();
        std::string_view line(body.data() + pos, eol - pos);
        pos = eol + 1;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty()) {
            if (!data.empty()) {
                Json m = Json::parse(data, nullptr, false);
                if (matches(m))
                    return m;
            }
            data.clear();
            continue;
        }
        if (line.rfind("data:", 0) != 0)
            continue;
        line.remove_prefix(5);
        if (!line.empty() && line.front() == ' ')
            line.remove_prefix(1);
        if (!data.empty())
            data += '\n';
        data.append(line.data(), line.size());
    }
    if (!data.empty()) {
        Json m = Json::parse(data, nullptr, false);
        if (matches(m))
            return m;
    }
    return Json();
}

std::string rpcError(const Json &answer)
{
    const Json &e = answer["error"];
    std::string out = "JSON-RPC ";
    out += e.is_object() && e.contains("code") && e["code"].is_number_integer()
               ? std::to_string(e["code"].get<int>())
               : std::string("error");
    if (e.is_object() && e.contains("message") && e["message"].is_string())
        out += ": " + e["message"].get<std::string>();
    return out;
}

class HttpClient : public LoadTestClient
{
public:
    HttpClient(const ParsedUrl &url, const HttpLoadTestTarget &target,
               const std::atomic<bool> &stop)
        : m_url(url)
        , m_target(target)
        , m_stop(stop)
        , m_stream(m_ioc)
    {}

    ~HttpClient() override
    {
        if (!m_session.empty()) {
            // End the session (frees it on the server); short, and not subject to `stop`. A
            // connection cut by the end of the run is reopened for it.
            http::request<http::string_body> req = makeRequest(http::verb::delete_, {});
            Reply ignored;
            exchangeOnce(req, std::chrono::milliseconds(1000), false, &ignored);
        }
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    }

    LoadTestOutcome call(const LoadTestRequest &request) override
    {
        if (m_session.empty()) {
            LoadTestOutcome opened = openSession();
            if (opened.status != LoadTestOutcome::Status::Ok)
                return opened;
        }
        const int id = m_nextId++;
        const Json message{{"jsonrpc", "2.0"},
                           {"id", id},
                           {"method", "tools/call"},
                           {"params", {{"name", request.tool}, {"arguments", request.arguments}}}};
        const auto t0 = std::chrono::steady_clock::now();
        Reply reply = post(message.dump());
        LoadTestOutcome out;
        out.ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                     std::chrono::steady_clock::now() - t0)
                     .count();
        if (reply.aborted)
            return {LoadTestOutcome::Status::Aborted, {}, -1};
        out.status = LoadTestOutcome::Status::Error;
        if (!reply.error.empty()) {
            out.error = reply.error;
            return out;
        }
        if (reply.res.result() == http::status::not_found)
            m_session.clear(); // expired or evicted: open a new one next time
        if (reply.res.result() != http::status::ok) {
            out.error = statusText(reply.res);
            return out;
        }
        const Json answer = findAnswer(contentType(reply), reply.res.body(), id);
        if (answer.is_null()) {
            out.error = "no JSON-RPC answer in the response (" + contentType(reply) + ")";
            return out;
        }
        if (answer.contains("error")) {
            out.error = rpcError(answer);
            return out;
        }
        const Json &result = answer.contains("result") ? answer["result"] : Json();
        if (result.is_object() && result.value("isError", false)) {
            out.error = "tool error (isError)";
            return out;
        }
        out.status = LoadTestOutcome::Status::Ok;
        return out;
    }

private:
    struct Reply
    {
        http::response<http::string_body> res;
        std::string error; ///< network failure
        bool aborted = false;
    };

    static std::string contentType(const Reply &r)
    {
        const auto it = r.res.find(http::field::content_type);
        return it == r.res.end() ? std::string() : std::string(it->value());
    }

    LoadTestOutcome openSession()
    {
        const Json init{{"jsonrpc", "2.0"},
                        {"id", 0},
                        {"method", "initialize"},
                        {"params",
                         {{"protocolVersion", m_target.protocolVersion},
                          {"capabilities", Json::object()},
                          {"clientInfo", {{"name", kLoadTestClientName}, {"version", "1"}}}}}};
        m_version.clear();
        Reply reply = post(init.dump());
        const auto fail = [](std::string why) {
            return LoadTestOutcome{LoadTestOutcome::Status::Error, "initialize: " + why, -1};
        };
        if (reply.aborted)
            return {LoadTestOutcome::Status::Aborted, {}, -1};
        if (!reply.error.empty()) {
            if (reply.error == "connection refused")
                pause(std::chrono::milliseconds(50));
            return fail(reply.error);
        }
        if (reply.res.result() != http::status::ok)
            return fail(statusText(reply.res));
        const Json answer = findAnswer(contentType(reply), reply.res.body(), 0);
        if (answer.is_null())
            return fail("no JSON-RPC answer");
        if (answer.contains("error"))
            return fail(rpcError(answer));
        const auto sid = reply.res.find("Mcp-Session-Id");
        if (sid == reply.res.end() || sid->value().empty())
            return fail("no Mcp-Session-Id in the answer");
        m_session = std::string(sid->value());
        const Json &result = answer["result"];
        m_version = result.is_object() && result.contains("protocolVersion") &&
                            result["protocolVersion"].is_string()
                        ? result["protocolVersion"].get<std::string>()
                        : m_target.protocolVersion;
        Reply ack = post(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
        if (ack.aborted)
            return {LoadTestOutcome::Status::Aborted, {}, -1};
        if (!ack.error.empty())
            return fail(ack.error);
        if (ack.res.result() != http::status::accepted && ack.res.result() != http::status::ok) {
            m_session.clear();
            return fail("notifications/initialized: " + statusText(ack.res));
        }
        return {};
    }

    void pause(std::chrono::milliseconds total)
    {
        const auto until = std::chrono::steady_clock::now() + total;
        while (!m_stop.load() && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }

    http::request<http::string_body> makeRequest(http::verb verb, std::string body) const
    {
        http::request<http::string_body> req{verb, m_url.target, 11};
        req.set(http::field::host, m_url.hostHeader);
        req.set(http::field::user_agent, "workflow-studio-loadtest");
        if (verb == http::verb::post) {
            req.set(http::field::content_type, "application/json");
            req.set(http::field::accept, "application/json, text/event-stream");
        }
        if (!m_target.token.empty())
            req.set(http::field::authorization, "Bearer " + m_target.token);
        if (!m_session.empty()) {
            req.set("Mcp-Session-Id", m_session);
            if (!m_version.empty())
                req.set("MCP-Protocol-Version", m_version);
        }
        req.keep_alive(true);
        req.body() = std::move(body);
        req.prepare_payload();
        return req;
    }

    // POST `body`; a reused connection that fails is reopened and the request sent once more.
    Reply post(std::string body)
    {
        http::request<http::string_body> req = makeRequest(http::verb::post, std::move(body));
        const auto timeout = std::chrono::milliseconds(m_target.timeoutMs);
        Reply reply;
        const bool reused = m_connected;
        if (exchangeOnce(req, timeout, true, &reply) || reply.aborted || !reused)
            return reply;
        reply = Reply();
        exchangeOnce(req, timeout, true, &reply);
        return reply;
    }

    // Runs the io_context until `done`; false when the run ended meanwhile (`watchStop`) or
    // the context ran out of work without completing.
    bool runUntil(const bool &done, bool watchStop)
    {
        m_ioc.restart();
        while (!done) {
            if (watchStop && m_stop.load()) {
                m_stream.cancel();
                m_ioc.restart();
                m_ioc.run_for(std::chrono::milliseconds(500));
                disconnect();
                return false;
            }
            m_ioc.run_for(std::chrono::milliseconds(20));
            if (m_ioc.stopped() && !done)
                return false;
            m_ioc.restart();
        }
        return true;
    }

    void disconnect()
    {
        beast::error_code ec;
        m_stream.socket().close(ec);
        m_connected = false;
        m_buffer.clear();
    }

    // Starts one asynchronous step (`start` receives its completion handler) under `timeout` and
    // runs the loop until it completes. False when the run was stopped (reply->aborted); the
    // step's error, if any, is in `ec`.
    template<typename Start>
    bool step(Start &&start, std::chrono::milliseconds timeout, bool watchStop,
              beast::error_code &ec, Reply *reply)
    {
        bool done = false;
        m_stream.expires_after(timeout);
        start([&](beast::error_code e, auto &&...) {
            ec = e;
            done = true;
        });
        if (!runUntil(done, watchStop)) {
            reply->aborted = true;
            return false;
        }
        return true;
    }

    // One request/response on the current (or a new) connection; false on a network failure or
    // abort (`reply` says which).
    bool exchangeOnce(http::request<http::string_body> &req, std::chrono::milliseconds timeout,
                      bool watchStop, Reply *reply)
    {
        beast::error_code ec;
        if (!m_connected) {
            tcp::resolver resolver(m_ioc);
            const auto endpoints = resolver.resolve(m_url.host, m_url.port, ec);
            if (ec) {
                reply->error = "cannot resolve " + m_url.host + ": " + ec.message();
                return false;
            }
            if (!step([&](auto handler) { m_stream.async_connect(endpoints, handler); }, timeout,
                      watchStop, ec, reply))
                return false;
            if (ec) {
                disconnect();
                reply->error = networkError(ec);
                return false;
            }
            m_connected = true;
        }
        if (!step([&](auto handler) { http::async_write(m_stream, req, handler); }, timeout,
                  watchStop, ec, reply))
            return false;
        if (!ec &&
            !step([&](auto handler) { http::async_read(m_stream, m_buffer, reply->res, handler); },
                  timeout, watchStop, ec, reply))
            return false;
        if (ec) {
            disconnect();
            reply->error = networkError(ec);
            return false;
        }
        if (!reply->res.keep_alive())
            disconnect();
        return true;
    }

    const ParsedUrl m_url;
    const HttpLoadTestTarget m_target;
    const std::atomic<bool> &m_stop;
    asio::io_context m_ioc;
    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    bool m_connected = false;
    std::string m_session;
    std::string m_version;
    int m_nextId = 1;
};

} // namespace

Result<LoadTestReport> runHttpLoadTest(const HttpLoadTestTarget &target,
                                       const WorkflowSnapshot &workflows,
                                       const LoadTestOptions &options)
{
    const Result<ParsedUrl> url = parseUrl(target.url);
    if (!url)
        return Result<LoadTestReport>::failure(url.error());
    const LoadTestMix mix = buildLoadTestMix(workflows);
    if (mix.empty())
        return Result<LoadTestReport>::failure("no workflows to call: the listener serves none");
    const ParsedUrl parsed = *url;
    LoadTestReport report =
        runLoadTestClients(mix, options, [&parsed, &target](int, const std::atomic<bool> &stop) {
            return std::make_unique<HttpClient>(parsed, target, stop);
        });
    report.target = "http";
    return report;
}

} // namespace wfs::metrics
