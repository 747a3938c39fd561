// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The Streamable HTTP transport against an in-process mcp::HttpServer on an ephemeral port,
// through raw sockets so that every header is under the test's control: security checks,
// sessions, status codes, JSON and SSE answers, the GET stream with replay, batches per
// revision, rate limiting and the request log.
#include "fakebackend.h"
#include "jsoncompare.h"
#include "testutil.h"

#include "engine/mcp/httpserver.h"
#include "engine/mcp/httpsessions.h"
#include "engine/metrics/metricsregistry.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <atomic>
#include <tuple>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>

using namespace wfs;
using namespace wfs::mcp;

namespace {

struct HttpReply
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;
    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
    Json json() const { return Json::parse(body.toStdString(), nullptr, false); }
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

// Decodes a chunked body (complete or not).
QByteArray dechunk(const QByteArray &raw, bool *complete = nullptr)
{
    QByteArray out;
    int pos = 0;
    for (;;) {
        const int eol = raw.indexOf("\r\n", pos);
        if (eol < 0)
            break;
        bool ok = false;
        const int size = raw.mid(pos, eol - pos).toInt(&ok, 16);
        if (!ok)
            break;
        if (size == 0) {
            if (complete)
                *complete = true;
            return out;
        }
        if (raw.size() < eol + 2 + size)
            break;
        out += raw.mid(eol + 2, size);
        pos = eol + 2 + size + 2;
    }
    if (complete)
        *complete = false;
    return out;
}

class Client
{
public:
    explicit Client(quint16 port)
        : m_port(port)
    {}

    QByteArray path = "/mcp"; ///< the target of request()

    // Sends one request on a fresh connection and reads the whole answer (Content-Length), or,
    // for streams, what arrives within `streamMs`.
    HttpReply request(const QByteArray &method, const QByteArray &body, Headers headers,
                      int streamMs = 0)
    {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        if (!socket.waitForConnected(5000))
            return {};
        QByteArray req = method + " " + path + " HTTP/1.1\r\n";
        bool hasHost = false;
        for (const auto &[k, v] : headers) {
            if (k.toLower() == "host")
                hasHost = true;
            if (!v.isNull())
                req += k + ": " + v + "\r\n";
        }
        if (!hasHost)
            req += "Host: 127.0.0.1:" + QByteArray::number(m_port) + "\r\n";
        req += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        socket.write(req);
        return read(socket, streamMs);
    }

    static HttpReply read(QTcpSocket &socket, int streamMs)
    {
        HttpReply reply;
        QByteArray raw;
        QElapsedTimer timer;
        timer.start();
        int headerEnd = -1;
        while (timer.elapsed() < 15000) {
            if (!socket.waitForReadyRead(streamMs > 0 ? 50 : 200) &&
                socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
                break;
            raw += socket.readAll();
            if (headerEnd < 0)
                headerEnd = raw.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                continue;
            if (reply.status == 0) {
                const QList<QByteArray> lines = raw.left(headerEnd).split('\n');
                reply.status = lines[0].split(' ').value(1).toInt();
                for (int i = 1; i < lines.size(); ++i) {
                    const int colon = lines[i].indexOf(':');
                    reply.headers[lines[i].left(colon).trimmed().toLower()] =
                        lines[i].mid(colon + 1).trimmed();
                }
            }
            const QByteArray rest = raw.mid(headerEnd + 4);
            if (reply.headers.contains("content-length")) {
                const int len = reply.headers["content-length"].toInt();
                if (rest.size() >= len) {
                    reply.body = rest.left(len);
                    return reply;
                }
            } else if (reply.headers.value("transfer-encoding") == "chunked") {
                bool complete = false;
                reply.body = dechunk(rest, &complete);
                if (complete || (streamMs > 0 && timer.elapsed() > streamMs))
                    return reply;
            } else if (reply.status == 202 || reply.status == 204) {
                return reply;
            }
        }
        return reply;
    }

    Headers postHeaders(const QByteArray &session = {}) const
    {
        Headers h{{"Content-Type", "application/json"},
                  {"Accept", "application/json, text/event-stream"}};
        if (!session.isEmpty())
            h.append(qMakePair(QByteArray("Mcp-Session-Id"), QByteArray(session)));
        return h;
    }

    // initialize at `version`, then notifications/initialized; returns the session id.
    QByteArray open(const char *version = "2025-06-18")
    {
        const HttpReply r = request(
            "POST",
            QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                       "\"protocolVersion\":\"") +
                version +
                "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
            postHeaders());
        const QByteArray id = r.header("mcp-session-id");
        request("POST", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                postHeaders(id));
        return id;
    }

private:
    quint16 m_port;
};

const QByteArray kPing = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}";

// The shared session directory of a team server, in memory (the listener's side of the seam;
// tests/team runs it on PostgreSQL). `failing`: every call fails, as a store that is down.
class MemoryDirectory : public SessionDirectory
{
public:
    std::mutex mutex;
    std::map<std::string, Entry> entries;
    std::atomic<bool> failing{false};
    std::atomic<int> saves{0};

    Result<void> save(const Entry &entry) override
    {
        if (failing)
            return Result<void>::failure("store down");
        std::lock_guard lock(mutex);
        entries[entry.id] = entry;
        ++saves;
        return Result<void>();
    }
    Result<std::optional<Entry>> load(const std::string &id) override
    {
        if (failing)
            return Result<std::optional<Entry>>::failure("store down");
        std::lock_guard lock(mutex);
        const auto it = entries.find(id);
        if (it == entries.end())
            return std::optional<Entry>();
        return std::optional<Entry>(it->second);
    }
    Result<void> remove(const std::string &id) override
    {
        if (failing)
            return Result<void>::failure("store down");
        std::lock_guard lock(mutex);
        entries.erase(id);
        return Result<void>();
    }
    // GET-stream events, numbered 1, 2, ... per directory.
    std::vector<std::tuple<std::string, std::string, std::string>> events; ///< session, id, text
    std::string appendEvent(const std::string &sessionId, const std::string &message) override
    {
        std::lock_guard lock(mutex);
        events.emplace_back(sessionId, std::to_string(events.size() + 1), message);
        return std::get<1>(events.back());
    }
    std::vector<std::pair<std::string, std::string>>
    eventsAfter(const std::string &sessionId, const std::string &afterId) override
    {
        std::lock_guard lock(mutex);
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto &[session, id, text] : events) {
            if (session == sessionId && std::stoi(id) > std::stoi(afterId))
                out.emplace_back(id, text);
        }
        return out;
    }
};

} // namespace

class TestMcpHttp : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<test::FakeBackend> m_backend;
    std::unique_ptr<Dispatcher> m_dispatcher;
    std::unique_ptr<HttpServer> m_server;

    void startServer(HttpServer::Options o = {})
    {
        m_server.reset();
        m_backend = std::make_shared<test::FakeBackend>();
        m_dispatcher = std::make_unique<Dispatcher>(m_backend);
        o.port = 0;
        m_server = std::make_unique<HttpServer>(*m_dispatcher, o);
        const auto started = m_server->start();
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().c_str());
        QVERIFY(m_server->port() != 0);
    }

    // The last request was refused with `status`: counted once as a failure of `kind` and
    // logged with that kind and a reason (not a bare status).
    void checkCounted(const metrics::FailureCounts &before, const QString &kind, int status)
    {
        const metrics::FailureCounts after = m_dispatcher->metrics().failures();
        for (int k = 0; k < metrics::kFailureKinds; ++k) {
            const bool expected =
                kind == QLatin1String(metrics::failureKindName(metrics::FailureKind(k)));
            QCOMPARE(after[std::size_t(k)] - before[std::size_t(k)], std::uint64_t(expected));
        }
        const std::vector<RequestLogEntry> log = m_dispatcher->requestLog().snapshot(1);
        QCOMPARE(log.size(), std::size_t(1));
        QCOMPARE(log.back().status, status);
        QCOMPARE(QString::fromStdString(log.back().kind), kind);
        QVERIFY(log.back().isError);
        QVERIFY2(log.back().error.size() > 5, log.back().error.c_str());
    }

private slots:
    void init() { startServer(); }
    void cleanup() { m_server.reset(); }

    void startStop()
    {
        QVERIFY(m_server->isRunning());
        QVERIFY(QString::fromStdString(m_server->url()).startsWith("http://127.0.0.1:"));
        QVERIFY(!m_server->start().ok()); // already running
        m_server->stop();
        QVERIFY(!m_server->isRunning());
        m_server->stop(); // idempotent
        HttpServer::Options bad;
        bad.host = "not-an-address";
        HttpServer other(*m_dispatcher, bad);
        const auto r = other.start();
        QVERIFY(!r.ok());
        QVERIFY(r.error().find("not-an-address") != std::string::npos);
    }

    // No open network listener by accident: beyond loopback, a token is required.
    void openBindNeedsAToken_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("starts");
        QTest::newRow("127.0.0.1, no token") << "127.0.0.1"
                                             << "" << true;
        QTest::newRow("::1, no token") << "::1"
                                       << "" << true;
        QTest::newRow("0.0.0.0, no token") << "0.0.0.0"
                                           << "" << false;
        QTest::newRow(":: (every address), no token") << "::"
                                                      << "" << false;
        QTest::newRow("0.0.0.0 with a token") << "0.0.0.0"
                                              << "s3cret" << true;
    }
    void openBindNeedsAToken()
    {
        QFETCH(QString, host);
        QFETCH(QString, token);
        QFETCH(bool, starts);
        HttpServer::Options o;
        o.host = host.toStdString();
        o.token = token.toStdString();
        HttpServer server(*m_dispatcher, o);
        const auto r = server.start();
        // ::1 needs IPv6 on the machine: without it the bind fails, but never for the token.
        if (starts && !r.ok() && host == QLatin1String("::1")) {
            QVERIFY2(r.error().find("cannot listen") != std::string::npos &&
                         r.error().find("token") == std::string::npos,
                     r.error().c_str());
            return;
        }
        QCOMPARE(r.ok(), starts);
        if (!starts) {
            QVERIFY2(r.error().find("without a token") != std::string::npos &&
                         r.error().find(o.host) != std::string::npos,
                     r.error().c_str());
            QVERIFY(!server.isRunning());
        }
    }

    // Bound to every address, the listener accepts a Host naming any of the machine's
    // addresses (a remote client's `Host: <ip>`), and still refuses other names.
    void hostOfABoundAddressIsAccepted()
    {
        std::string address;
        ifaddrs *list = nullptr;
        if (::getifaddrs(&list) == 0) {
            for (const ifaddrs *i = list; i && address.empty(); i = i->ifa_next) {
                if (i->ifa_addr && i->ifa_addr->sa_family == AF_INET) {
                    char text[INET_ADDRSTRLEN] = {};
                    const auto *in = reinterpret_cast<const sockaddr_in *>(i->ifa_addr);
                    ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
                    if (std::string(text).rfind("127.", 0) != 0)
                        address = text;
                }
            }
            ::freeifaddrs(list);
        }
        if (address.empty())
            WFS_SKIP_UNLESS_REQUIRED("this machine has no non-loopback IPv4 address");
        HttpServer::Options o;
        o.host = "0.0.0.0";
        o.token = "s3cret";
        startServer(o);
        Client c(m_server->port());
        Headers h = c.postHeaders();
        h.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer s3cret")));
        const QByteArray init =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        Headers named = h;
        named.append(qMakePair(QByteArray("Host"), QByteArray::fromStdString(address) + ':' +
                                                       QByteArray::number(m_server->port())));
        QCOMPARE(c.request("POST", init, named).status, 200);
        Headers other = h;
        other.append(qMakePair(QByteArray("Host"), QByteArray("10.255.255.254:1")));
        QCOMPARE(c.request("POST", init, other).status, 403);
    }

    // Headers first: a request announcing a large body is refused on its header, at once,
    // without the body ever being sent (before, the whole body was awaited: no answer).
    void refusedOnTheHeaderAlone_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<int>("status");
        QTest::newRow("no token, 4 MB announced")
            << QByteArray("Host: 127.0.0.1\r\nContent-Length: 4000000\r\n") << 401;
        QTest::newRow("wrong Host, 4 MB announced")
            << QByteArray("Host: evil.example\r\nAuthorization: Bearer s3cret\r\n"
                          "Content-Length: 4000000\r\n")
            << 403;
        QTest::newRow("over the limit")
            << QByteArray("Host: 127.0.0.1\r\nAuthorization: Bearer s3cret\r\n"
                          "Content-Length: 5000000\r\n")
            << 413;
        QTest::newRow("wrong path")
            << QByteArray("Host: 127.0.0.1\r\nAuthorization: Bearer s3cret\r\n"
                          "Content-Length: 4000000\r\n")
            << 0; // the path is set below
    }
    void refusedOnTheHeaderAlone()
    {
        QFETCH(QByteArray, headers);
        QFETCH(int, status);
        HttpServer::Options o;
        o.token = "s3cret";
        startServer(o);
        const QByteArray path = status == 0 ? "/elsewhere" : "/mcp";
        if (status == 0)
            status = 404;
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST " + path + " HTTP/1.1\r\nContent-Type: application/json\r\n" + headers +
                     "\r\n");
        QElapsedTimer timer;
        timer.start();
        const HttpReply reply = Client::read(socket, 0);
        QCOMPARE(reply.status, status);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        // The unread body is not taken for a next request: the connection closes.
        QCOMPARE(reply.headers.value("connection").toLower(), QByteArray("close"));
    }

    // Every rejected request: status code and, where the spec names one, the JSON-RPC code.
    void rejections_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<bool>("withSession");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code"); // 0 = not checked
        // #16 point 4: where the failure is counted (metrics and the request log's kind).
        QTest::addColumn<QString>("kind");

        const Headers ok{{"Content-Type", "application/json"},
                         {"Accept", "application/json, text/event-stream"}};
        auto with = [&ok](QByteArray k, QByteArray v) {
            Headers h = ok;
            h.append(qMakePair(QByteArray(k), QByteArray(v)));
            return h;
        };
        QTest::newRow("Host evil.example.com")
            << QByteArray("POST") << kPing << with("Host", "evil.example.com") << true << 403
            << -32000 << QStringLiteral("transport");
        QTest::newRow("Origin evil.example.com")
            << QByteArray("POST") << kPing << with("Origin", "http://evil.example.com") << true
            << 403 << -32000 << QStringLiteral("transport");
        QTest::newRow("Origin null") << QByteArray("POST") << kPing << with("Origin", "null")
                                     << true << 403 << -32000 << QStringLiteral("transport");
        QTest::newRow("Origin localhost.evil.com")
            << QByteArray("POST") << kPing << with("Origin", "http://localhost.evil.com") << true
            << 403 << -32000 << QStringLiteral("transport");
        QTest::newRow("wrong Content-Type")
            << QByteArray("POST") << kPing
            << Headers{{"Content-Type", "text/plain"},
                       {"Accept", "application/json, text/event-stream"}}
            << true << 415 << -32000 << QStringLiteral("transport");
        QTest::newRow("Accept without event-stream")
            << QByteArray("POST") << kPing
            << Headers{{"Content-Type", "application/json"}, {"Accept", "application/json"}} << true
            << 406 << -32000 << QStringLiteral("transport");
        QTest::newRow("no Accept")
            << QByteArray("POST") << kPing << Headers{{"Content-Type", "application/json"}} << true
            << 406 << -32000 << QStringLiteral("transport");
        QTest::newRow("malformed JSON") << QByteArray("POST") << QByteArray("{not json") << ok
                                        << true << 400 << -32700 << QStringLiteral("protocol");
        QTest::newRow("truncated JSON")
            << QByteArray("POST") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,") << ok << true
            << 400 << -32700 << QStringLiteral("protocol");
        QTest::newRow("invalid UTF-8")
            << QByteArray("POST")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\xff\"}") << ok << true << 400
            << -32700 << QStringLiteral("protocol");
        QTest::newRow("100000-deep nesting")
            << QByteArray("POST") << (QByteArray(100000, '[') + QByteArray(100000, ']')) << ok
            << true << 400 << -32700 << QStringLiteral("protocol");
        QTest::newRow("not JSON-RPC")
            << QByteArray("POST") << QByteArray("{\"id\":1,\"method\":\"ping\"}") << ok << true
            << 400 << -32600 << QStringLiteral("protocol");
        QTest::newRow("no session id") << QByteArray("POST") << kPing << ok << false << 400
                                       << -32000 << QStringLiteral("transport");
        QTest::newRow("unknown session id")
            << QByteArray("POST") << kPing
            << with("Mcp-Session-Id", "0123456789abcdef0123456789abcdef") << false << 404 << -32001
            << QStringLiteral("transport");
        QTest::newRow("unsupported MCP-Protocol-Version")
            << QByteArray("POST") << kPing << with("MCP-Protocol-Version", "2099-01-01") << true
            << 400 << -32000 << QStringLiteral("transport");
        QTest::newRow("PUT") << QByteArray("PUT") << kPing << ok << true << 405 << -32000
                             << QStringLiteral("transport");
        QTest::newRow("GET without event-stream Accept")
            << QByteArray("GET") << QByteArray() << Headers{{"Accept", "application/json"}} << true
            << 406 << -32000 << QStringLiteral("transport");
        QTest::newRow("GET without session")
            << QByteArray("GET") << QByteArray() << Headers{{"Accept", "text/event-stream"}}
            << false << 400 << -32000 << QStringLiteral("transport");
        QTest::newRow("DELETE unknown session")
            << QByteArray("DELETE") << QByteArray() << Headers{{"Mcp-Session-Id", "nope"}} << false
            << 404 << -32001 << QStringLiteral("transport");
    }
    void rejections()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        QFETCH(Headers, headers);
        QFETCH(bool, withSession);
        QFETCH(int, status);
        QFETCH(int, code);
        QFETCH(QString, kind);
        Client c(m_server->port());
        if (withSession)
            headers.append(qMakePair(QByteArray("Mcp-Session-Id"), QByteArray(c.open())));
        const metrics::FailureCounts before = m_dispatcher->metrics().failures();
        const HttpReply r = c.request(method, body, headers);
        QCOMPARE(r.status, status);
        checkCounted(before, kind, status);
        if (status == 405)
            QCOMPARE(r.header("allow"), QByteArray("GET, POST, DELETE"));
        if (code != 0) {
            const Json j = r.json();
            QVERIFY2(j.is_object(), r.body.left(200).constData());
            JCOMPARE(j["error"]["code"].get<int>(), code);
        }
    }

    void bodyLimit()
    {
        HttpServer::Options o;
        o.maxBodyBytes = 1024 * 1024;
        startServer(o);
        Client c(m_server->port());
        const QByteArray session = c.open();
        // 10 MB declared and sent: 413 before the body is buffered.
        const QByteArray big =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"p\":\"" +
            QByteArray(10 * 1000 * 1000, 'a') + "\"}}";
        const metrics::FailureCounts before = m_dispatcher->metrics().failures();
        QCOMPARE(c.request("POST", big, c.postHeaders(session)).status, 413);
        checkCounted(before, QStringLiteral("transport"), 413);
        // Chunked bodies are capped too.
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Accept: application/json, text/event-stream\r\nMcp-Session-Id: " +
                     session + "\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray piece(512 * 1024, 'b');
        for (int i = 0; i < 4 && socket.state() == QAbstractSocket::ConnectedState; ++i) {
            socket.write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
            socket.waitForBytesWritten(2000);
        }
        QCOMPARE(Client::read(socket, 0).status, 413);
    }

    void tokenRequired()
    {
        HttpServer::Options o;
        o.token = "s3cret";
        startServer(o);
        Client c(m_server->port());
        const QByteArray init =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{}}}";
        HttpReply r = c.request("POST", init, c.postHeaders());
        QCOMPARE(r.status, 401);
        QVERIFY(r.header("www-authenticate").startsWith("Bearer"));
        Headers wrong = c.postHeaders();
        wrong.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer nope")));
        const metrics::FailureCounts before = m_dispatcher->metrics().failures();
        r = c.request("POST", init, wrong);
        QCOMPARE(r.status, 401);
        checkCounted(before, QStringLiteral("transport"), 401);
        QVERIFY(m_dispatcher->requestLog().snapshot(1).back().error.find("token") !=
                std::string::npos);
        QVERIFY(r.header("www-authenticate").contains("invalid_token"));
        Headers right = c.postHeaders();
        right.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer s3cret")));
        r = c.request("POST", init, right);
        QCOMPARE(r.status, 200);
        // the session id alone is no credential
        r = c.request("POST", kPing, c.postHeaders(r.header("mcp-session-id")));
        QCOMPARE(r.status, 401);
    }

    // GET /health answers the provider's report: 200 or 503, the full report with the token,
    // the verdict alone without it; other methods 405; without a provider the path is 404.
    void healthEndpoint_data()
    {
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("status");
        QTest::newRow("healthy") << true << 200;
        QTest::newRow("store unreachable") << false << 503;
    }
    void healthEndpoint()
    {
        QFETCH(bool, ok);
        QFETCH(int, status);
        HttpServer::Options o;
        o.token = "s3cret";
        std::atomic<int> calls{0};
        o.health = [ok, &calls] {
            ++calls;
            HttpServer::HealthAnswer a;
            a.ok = ok;
            a.json = ok ? R"({"status":"healthy","checks":[{"name":"database"}]})"
                        : R"({"status":"unhealthy","checks":[{"name":"database"}]})";
            a.summary = ok ? R"({"status":"healthy"})" : R"({"status":"unhealthy"})";
            return a;
        };
        startServer(o);
        Client c(m_server->port());
        c.path = "/health";
        HttpReply r = c.request("GET", {}, {});
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.body, QByteArray(ok ? R"({"status":"healthy"})" : R"({"status":"unhealthy"})"));
        r = c.request("GET", {}, {{"Authorization", "Bearer s3cret"}});
        QCOMPARE(r.status, status);
        QVERIFY2(r.body.contains("\"checks\""), r.body.constData());
        r = c.request("GET", {}, {{"Host", "evil.example"}});
        QCOMPARE(r.status, 403);
        r = c.request("POST", "{}", {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 405);
        QCOMPARE(calls.load(), 2);
        // The MCP endpoint still wants the token.
        c.path = "/mcp";
        QCOMPARE(c.request("POST", "{}", c.postHeaders()).status, 401);
        // No provider: /health is not served.
        startServer(HttpServer::Options{});
        Client plain(m_server->port());
        plain.path = "/health";
        QCOMPARE(plain.request("GET", {}, {}).status, 404);
    }

    // A team server: a session initialized on one instance is served by another (same
    // version and client), saved before initialize's answer leaves and again once ready; with
    // the store down, initialize and unknown ids get 503 and nothing crashes; DELETE ends it in
    // the store.
    void sharedSessionsServeAnyInstance()
    {
        auto directory = std::make_shared<MemoryDirectory>();
        HttpServer::Options o;
        o.sessionDirectory = directory;
        startServer(o);
        auto backendB = std::make_shared<test::FakeBackend>();
        Dispatcher dispatcherB(backendB);
        HttpServer b(dispatcherB, o);
        QVERIFY(b.start().ok());
        Client ca(m_server->port()), cb(b.port());
        const QByteArray id = ca.open();
        QVERIFY(!id.isEmpty());
        {
            std::lock_guard lock(directory->mutex);
            QCOMPARE(directory->entries.count(id.toStdString()), std::size_t(1));
            const SessionDirectory::Entry &e = directory->entries[id.toStdString()];
            QCOMPARE(e.protocolVersion, std::string("2025-06-18"));
            QVERIFY(e.ready);
            QCOMPARE(e.clientInfo.value("name", std::string()), std::string("t"));
        }
        QCOMPARE(directory->saves.load(), 2); // answered initialize, then ready
        // Instance B has never seen it: it adopts it.
        HttpReply r = cb.request("POST", kPing, cb.postHeaders(id));
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.contains("\"result\""), r.body.constData());
        QCOMPARE(b.sessionCount(), std::size_t(1));
        QCOMPARE(directory->saves.load(), 2); // nothing new to save
        // An id no instance created: 404 on both.
        QCOMPARE(cb.request("POST", kPing, cb.postHeaders("feedface")).status, 404);
        // The store goes down: a new session cannot be shared (503, no id handed out), an id
        // this instance has not seen cannot be looked up (503); known ones still work.
        directory->failing = true;
        r = ca.request("POST",
                       "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                       "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{}}}",
                       ca.postHeaders());
        QCOMPARE(r.status, 503);
        QVERIFY(r.header("mcp-session-id").isEmpty());
        QVERIFY2(r.body.contains("session store cannot be reached"), r.body.constData());
        QCOMPARE(cb.request("POST", kPing, cb.postHeaders("0123456789abcdef")).status, 503);
        QCOMPARE(cb.request("POST", kPing, cb.postHeaders(id)).status, 200);
        directory->failing = false;
        // Events of its GET stream on A carry directory ids; a client that reconnects to B with
        // the first one's id gets the second replayed there.
        m_dispatcher->broadcastListChanged();
        m_dispatcher->broadcastListChanged();
        {
            std::lock_guard lock(directory->mutex);
            QCOMPARE(directory->events.size(), std::size_t(2 * 3)); // tools, prompts, resources
        }
        Headers get = cb.postHeaders(id);
        get[1].second = "text/event-stream";
        get.append(qMakePair(QByteArray("Last-Event-ID"), QByteArray("r3")));
        r = cb.request("GET", {}, get, 600);
        QCOMPARE(r.status, 200);
        for (int n = 4; n <= 6; ++n)
            QVERIFY2(r.body.contains("id: r" + QByteArray::number(n) + "\n"), r.body.constData());
        QVERIFY2(!r.body.contains("id: r3\n"), r.body.constData());
        QVERIFY2(r.body.contains("list_changed"), r.body.constData());
        // DELETE on B ends it in the store.
        QCOMPARE(cb.request("DELETE", {}, cb.postHeaders(id)).status, 200);
        {
            std::lock_guard lock(directory->mutex);
            QCOMPARE(directory->entries.count(id.toStdString()), std::size_t(0));
        }
        b.stop();
    }

    void lifecycleAndSessions()
    {
        Client c(m_server->port());
        const HttpReply init =
            c.request("POST",
                      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                      "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{}}}",
                      {{"Content-Type", "application/json; charset=utf-8"},
                       {"Accept", "text/event-stream, application/json"},
                       {"Origin", "http://localhost:3000"}});
        QCOMPARE(init.status, 200);
        QCOMPARE(init.header("content-type"), QByteArray("application/json"));
        const QByteArray session = init.header("mcp-session-id");
        JCOMPARE(session.size(), 32);
        JCOMPARE(init.json()["result"]["protocolVersion"], "2025-11-25");
        // initialized → 202 with an empty body
        HttpReply r =
            c.request("POST", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                      c.postHeaders(session));
        QCOMPARE(r.status, 202);
        QVERIFY(r.body.isEmpty());
        // any supported MCP-Protocol-Version is accepted, not only the negotiated one
        Headers h = c.postHeaders(session);
        h.append(qMakePair(QByteArray("MCP-Protocol-Version"), QByteArray("2025-03-26")));
        r = c.request("POST", kPing, h);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}"));
        // a second initialize on the session is refused; one without the header opens another
        r = c.request("POST",
                      "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":{"
                      "\"protocolVersion\":\"2025-06-18\"}}",
                      c.postHeaders(session));
        QCOMPARE(r.status, 400);
        JCOMPARE(r.json()["error"]["code"].get<int>(), -32600);
        const QByteArray other = c.open();
        QVERIFY(!other.isEmpty() && other != session);
        QCOMPARE(m_server->sessionCount(), std::size_t(2));
        // DELETE ends the session: 200, then 404
        QCOMPARE(c.request("DELETE", {}, {{"Mcp-Session-Id", session}}).status, 200);
        QCOMPARE(c.request("POST", kPing, c.postHeaders(session)).status, 404);
        QCOMPARE(m_server->sessionCount(), std::size_t(1));
        // the request log saw it all
        const auto log = m_server->requestLog().snapshot();
        QVERIFY(log.size() >= 4);
        QCOMPARE(log.front().method, std::string("initialize"));
        QCOMPARE(log.front().transport, std::string("http"));
        QVERIFY(!log.front().client.empty());
        QVERIFY(!log.front().isError);
        // the POST after DELETE was answered by the transport itself: 404, logged with status
        QCOMPARE(log.back().status, 404);
        QVERIFY(log.back().isError);
        QCOMPARE(log.back().errorCode, -32001);
        QVERIFY(log.back().sequence > log.front().sequence);
    }

    void sessionExpiry()
    {
        HttpServer::Options o;
        o.sessionIdleTimeout = std::chrono::seconds(1);
        startServer(o);
        Client c(m_server->port());
        const QByteArray session = c.open();
        QCOMPARE(c.request("POST", kPing, c.postHeaders(session)).status, 200);
        QThread::msleep(1300);
        const HttpReply r = c.request("POST", kPing, c.postHeaders(session));
        QCOMPARE(r.status, 404);
        JCOMPARE(r.json()["error"]["code"].get<int>(), -32001);
    }

    void toolCallAnswersWithSse_data()
    {
        QTest::addColumn<QByteArray>("version");
        QTest::addColumn<bool>("priming");
        QTest::newRow("2025-06-18: no priming event") << QByteArray("2025-06-18") << false;
        QTest::newRow("2025-11-25: priming event with retry") << QByteArray("2025-11-25") << true;
    }
    void toolCallAnswersWithSse()
    {
        QFETCH(QByteArray, version);
        QFETCH(bool, priming);
        Client c(m_server->port());
        const QByteArray session = c.open(version.constData());
        const HttpReply r = c.request("POST",
                                      "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/"
                                      "call\",\"params\":{\"name\":\"workflow_list\",\"arguments\":"
                                      "{},\"_meta\":{\"progressToken\":1}}}",
                                      c.postHeaders(session));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
        QCOMPARE(r.body.startsWith("id: p"), priming);
        QCOMPARE(r.body.contains("retry: "), priming);
        QCOMPARE(r.body.count("event: message\n"), 3); // two progress notifications + the result
        const int last = r.body.lastIndexOf("data: ");
        const Json result = Json::parse(r.body.mid(last + 6).trimmed().toStdString());
        JCOMPARE(result["id"], 3);
        QVERIFY(result["result"]["content"][0]["text"].is_string());
    }

    void batchesPerVersion()
    {
        Client c(m_server->port());
        const QByteArray batch = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":"
                                 "\"2.0\",\"id\":2,\"method\":\"tools/list\"}]";
        const QByteArray r2 = c.open("2025-03-26");
        HttpReply r = c.request("POST", batch, c.postHeaders(r2));
        QCOMPARE(r.status, 200);
        JCOMPARE(r.json().size(), std::size_t(2));
        r = c.request("POST", "[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\"}]",
                      c.postHeaders(r2));
        QCOMPARE(r.status, 202);
        const QByteArray r3 = c.open("2025-06-18");
        r = c.request("POST", batch, c.postHeaders(r3));
        QCOMPARE(r.status, 400);
        JCOMPARE(r.json()["error"]["code"].get<int>(), -32600);
        r = c.request("POST",
                      "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                      "\"protocolVersion\":\"2025-03-26\"}}]",
                      c.postHeaders());
        QCOMPARE(r.status, 400);
    }

    // The GET stream carries list_changed with event ids; a reconnect with Last-Event-ID
    // replays what it missed; a second concurrent stream is refused.
    void getStreamAndReplay()
    {
        Client c(m_server->port());
        const QByteArray session = c.open("2025-06-18");
        const Headers get{{"Accept", "text/event-stream"}, {"Mcp-Session-Id", session}};
        QTcpSocket stream;
        stream.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(stream.waitForConnected(5000));
        stream.write("GET /mcp HTTP/1.1\r\nHost: localhost\r\nAccept: "
                     "text/event-stream\r\nMcp-Session-Id: " +
                     session + "\r\n\r\n");
        HttpReply head = Client::read(stream, 300);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("content-type"), QByteArray("text/event-stream"));
        QCOMPARE(c.request("GET", {}, get, 300).status, 409);
        m_backend->fireChanged();
        QByteArray raw;
        QElapsedTimer t;
        t.start();
        while (raw.count("notifications/") < 3 && t.elapsed() < 5000) {
            stream.waitForReadyRead(100);
            raw += stream.readAll();
        }
        QVERIFY2(raw.contains("notifications/tools/list_changed"), raw.constData());
        QVERIFY(raw.contains("notifications/resources/list_changed"));
        const int idPos = raw.indexOf("id: g");
        QVERIFY(idPos >= 0);
        const QByteArray firstId = raw.mid(idPos + 4, raw.indexOf('\n', idPos) - idPos - 4);
        stream.disconnectFromHost();
        stream.waitForDisconnected(2000);
        QThread::msleep(100);
        // resume after the first event: the two later ones come again
        const HttpReply resumed = c.request("GET", {},
                                            {{"Accept", "text/event-stream"},
                                             {"Mcp-Session-Id", session},
                                             {"Last-Event-ID", firstId}},
                                            500);
        QCOMPARE(resumed.status, 200);
        QVERIFY2(!resumed.body.contains("tools/list_changed"), resumed.body.constData());
        QVERIFY(resumed.body.contains("prompts/list_changed"));
        QVERIFY(resumed.body.contains("resources/list_changed"));
    }

    void rateLimit()
    {
        HttpServer::Options o;
        o.rateLimitPerSecond = 0.5;
        o.rateLimitBurst = 3;
        startServer(o);
        Client c(m_server->port());
        const QByteArray session = c.open(); // initialize + initialized take two tokens
        QCOMPARE(c.request("POST", kPing, c.postHeaders(session)).status, 200);
        const metrics::FailureCounts before = m_dispatcher->metrics().failures();
        const HttpReply r = c.request("POST", kPing, c.postHeaders(session));
        QCOMPARE(r.status, 429);
        checkCounted(before, QStringLiteral("transport"), 429);
        QVERIFY(r.header("retry-after").toInt() >= 1);
    }

    // A header must arrive in full within the deadline, however slowly it trickles; a socket
    // that never sends a byte is closed at the same deadline.
    void slowHeaderIsCutAtTheDeadline_data()
    {
        QTest::addColumn<bool>("trickle");
        QTest::newRow("never sends a byte") << false;
        QTest::newRow("one header byte every 50 ms") << true;
    }
    void slowHeaderIsCutAtTheDeadline()
    {
        QFETCH(bool, trickle);
        HttpServer::Options o;
        o.headerTimeout = std::chrono::milliseconds(400);
        startServer(o);
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        QElapsedTimer timer;
        timer.start();
        const QByteArray header =
            "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + QByteArray(200, 'a') + "\r\n";
        int sent = 0;
        while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000) {
            if (trickle && sent < header.size())
                socket.write(header.mid(sent++, 1));
            socket.waitForDisconnected(50);
        }
        QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        QVERIFY2(timer.elapsed() >= 350 && timer.elapsed() < 2000,
                 qPrintable(QString::number(timer.elapsed())));
    }

    // Keep-alive: a connection without a next request is closed after the idle timeout; one
    // that keeps asking is not.
    void idleKeepAliveTimesOut()
    {
        HttpServer::Options o;
        o.idleTimeout = std::chrono::milliseconds(400);
        startServer(o);
        Client c(m_server->port());
        const QByteArray session = c.open();
        const QByteArray ping =
            "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Accept: application/json, text/event-stream\r\nMcp-Session-Id: " +
            session + "\r\nContent-Length: " + QByteArray::number(kPing.size()) + "\r\n\r\n" +
            kPing;
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        for (int i = 0; i < 4; ++i) { // 4 x 250 ms: longer than the timeout, never idle that long
            socket.write(ping);
            QCOMPARE(Client::read(socket, 0).status, 200);
            QTest::qWait(250);
        }
        QElapsedTimer timer;
        timer.start();
        QVERIFY(socket.waitForDisconnected(3000));
        QVERIFY2(timer.elapsed() >= 100 && timer.elapsed() < 1500,
                 qPrintable(QString::number(timer.elapsed())));
    }

    // At the connection cap, the connection that waited longest without a request makes room
    // for a new client; with nothing evictable the newcomer gets a 503, never silence.
    void atTheCapTheLongestIdleMakesRoom_data()
    {
        QTest::addColumn<QString>("holders");
        QTest::addColumn<int>("status");
        QTest::newRow("idle keep-alive connections") << QStringLiteral("idle") << 200;
        QTest::newRow("never-sending sockets") << QStringLiteral("silent") << 200;
        QTest::newRow("open SSE streams: nothing to evict") << QStringLiteral("streams") << 503;
    }
    void atTheCapTheLongestIdleMakesRoom()
    {
        QFETCH(QString, holders);
        QFETCH(int, status);
        HttpServer::Options o;
        o.maxConnections = 4;
        startServer(o);
        Client c(m_server->port());
        std::vector<QByteArray> sessions;
        for (int i = 0; i < 4; ++i)
            sessions.push_back(c.open()); // fresh connections, closed after each answer
        QTRY_COMPARE(m_server->connectionStats().open, std::size_t(0));
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 4; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
            QVERIFY(socket->waitForConnected(5000));
            const QByteArray head = "Host: 127.0.0.1\r\nMcp-Session-Id: " + sessions[i] + "\r\n";
            if (holders == QLatin1String("idle")) {
                socket->write("POST /mcp HTTP/1.1\r\n" + head +
                              "Content-Type: application/json\r\nAccept: application/json, "
                              "text/event-stream\r\nContent-Length: " +
                              QByteArray::number(kPing.size()) + "\r\n\r\n" + kPing);
                QCOMPARE(Client::read(*socket, 0).status, 200);
            } else if (holders == QLatin1String("streams")) {
                socket->write("GET /mcp HTTP/1.1\r\n" + head + "Accept: text/event-stream\r\n\r\n");
                QCOMPARE(Client::read(*socket, 200).status, 200);
            }
            held.push_back(std::move(socket));
            QTest::qWait(20); // distinct ages
        }
        QTRY_COMPARE(m_server->connectionStats().open, std::size_t(4));
        const HttpReply r = c.request("POST", kPing, c.postHeaders(sessions[0]));
        QCOMPARE(r.status, status);
        const HttpServer::ConnectionStats stats = m_server->connectionStats();
        if (status == 200) {
            QCOMPARE(stats.evictions, std::uint64_t(1));
            // The oldest holder went, the others are still served.
            QTRY_COMPARE(held[0]->state(), QAbstractSocket::UnconnectedState);
            QCOMPARE(held[3]->state(), QAbstractSocket::ConnectedState);
        } else {
            QCOMPARE(stats.refusals, std::uint64_t(1));
            QVERIFY(r.json()["error"]["message"].get<std::string>().find("too many connections") !=
                    std::string::npos);
            QCOMPARE(r.header("retry-after"), QByteArray("1"));
            for (const auto &socket : held)
                QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
        }
    }

    // Per client address: connections and requests.
    void perClientLimits()
    {
        HttpServer::Options o;
        o.maxConnectionsPerClient = 2;
        o.clientRateLimitPerSecond = 2; // burst 4
        startServer(o);
        QTcpSocket a, b;
        for (QTcpSocket *s : {&a, &b}) {
            s->connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
            QVERIFY(s->waitForConnected(5000));
        }
        QTRY_COMPARE(m_server->connectionStats().open, std::size_t(2));
        // A third connection from 127.0.0.1 takes the place of its oldest silent one.
        Client c(m_server->port());
        QCOMPARE(c.request("POST", kPing, c.postHeaders()).status, 400); // no session: 400
        QCOMPARE(m_server->connectionStats().evictions, std::uint64_t(1));
        QTRY_COMPARE(a.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(b.state(), QAbstractSocket::ConnectedState);
        // Requests: the bucket of 4 is spent by the request above and three more.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(c.request("POST", kPing, c.postHeaders()).status, 400);
        const HttpReply limited = c.request("POST", kPing, c.postHeaders());
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.json()["error"]["message"].get<std::string>().find("127.0.0.1") !=
                std::string::npos);
    }

    void keepAliveServesManyRequests()
    {
        Client c(m_server->port());
        const QByteArray session = c.open();
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        for (int i = 0; i < 50; ++i) {
            socket.write(
                "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                "Accept: application/json, text/event-stream\r\nMcp-Session-Id: " +
                session + "\r\nContent-Length: " + QByteArray::number(kPing.size()) + "\r\n\r\n" +
                kPing);
            const HttpReply r = Client::read(socket, 0);
            QCOMPARE(r.status, 200);
        }
    }
};

QTEST_GUILESS_MAIN(TestMcpHttp)
#include "tst_mcphttp.moc"
