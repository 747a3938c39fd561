// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio mcp`: serves the workflows over MCP — stdio by default (what agents spawn), or
// Streamable HTTP with --http. Over stdio the workflows are loaded only after the answer to
// initialize is out (or on the first request that needs them, or after 200 ms), so initialize
// never waits for them; stdout carries nothing but protocol lines.
#include "command.h"

#include "engine/mcp/backend.h"
#include "engine/mcp/dispatcher.h"
#include "engine/mcp/httpserver.h"
#include "engine/mcp/stdioserver.h"
#include "engine/redis/redisclient.h"
#include "engine/redis/sharedratelimiter.h"
#include "engine/runtime.h"
#include "engine/services/listenaddress.h"
#include "engine/services/runtimebackend.h"
#include "engine/services/sessiondirectory.h"
#include "engine/services/storeurl.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <array>
#include <csignal>
#include <future>
#include <memory>

#include <malloc.h>

#include <fcntl.h>
#include <unistd.h>

using namespace wfs;
using namespace wfs::cli;

namespace {

int g_signalPipe[2] = {-1, -1};

void onTerminate(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
}

const char *kUsage =
    "Usage: wfstudio mcp [--workflows DIR]... [--http [HOST:]PORT [--token TOKEN]\n"
    "                    [--rate-limit N] [--allow-origin ORIGIN]... [--max-connections N]\n"
    "                    [--max-connections-per-client N] [--client-rate-limit N]]\n\n"
    "Serves the workflows to AI agents over the Model Context Protocol.\n"
    "Without --http: stdio (one JSON-RPC message per line on stdin/stdout; logs on stderr).\n"
    "With --http: Streamable HTTP on http://HOST:PORT/mcp (HOST defaults to 127.0.0.1;\n"
    "PORT 0 picks a free port; the URL is printed on stderr). A HOST other than loopback\n"
    "(e.g. 0.0.0.0) needs a token: without one the server refuses to start.\n\n"
    "Options:\n"
    "  --workflows DIR        also serve the workflows in DIR (repeatable; highest precedence)\n"
    "  --http [HOST:]PORT     serve Streamable HTTP instead of stdio\n"
    "  --token TOKEN          require 'Authorization: Bearer TOKEN' (HTTP; or set\n"
    "                         WFSTUDIO_MCP_TOKEN); '--token generate' makes a random one\n"
    "                         and prints it on stderr\n"
    "  --rate-limit N         requests per second per session, bursts of 2N (HTTP; default\n"
    "                         1000, 0 = off; shared by the fleet with --cache)\n"
    "  --allow-origin ORIGIN  accept this Origin besides localhost ones (HTTP; repeatable)\n"
    "  --max-connections N    open connections at most (HTTP; default: half the descriptor\n"
    "                         limit). At the cap the longest-idle connection makes room\n"
    "  --max-connections-per-client N\n"
    "                         per client address (HTTP; default: none on loopback, 64\n"
    "                         otherwise)\n"
    "  --client-rate-limit N  requests per second per client address (HTTP; default: off on\n"
    "                         loopback, 500 otherwise; 0 = off)\n"
    "  --db PATH              the product database (sessions, cache, metrics; default: the\n"
    "                         studio's, in the user's data directory)\n"
    "  --no-db                no database: memory cache only, sessions not persisted\n"
    "  --store URL            where sessions, metrics and published workflows live:\n"
    "                         sqlite:PATH (the default, as --db PATH) or postgresql://... for\n"
    "                         a team server (or set WFS_STORE_URL)\n"
    "  --cache URL            a shared L2 cache: redis://HOST:PORT[/DB] (or set WFS_CACHE_URL)\n"
    "  --instance-id ID       this instance's name in a team store (default: HOST:PID)\n"
    "  --session-retention DAYS\n"
    "                         stored sessions not updated for DAYS are deleted with their\n"
    "                         calls (default 30; 0 = no age limit). At most the 10,000 most\n"
    "                         recent sessions and 1,000,000 call-log rows are kept\n"
    "  --max-stored-sessions N, --max-stored-calls N\n"
    "                         change those two limits (0 = no limit)\n"
    "  --workers N            stdio: answer tool calls on N threads (default 0: on the reader\n"
    "                         thread, in order — fastest for one agent)\n";

struct McpOptions
{
    std::vector<std::string> workflowDirs;
    bool http = false;
    std::string host = "127.0.0.1";
    int port = 0;
    std::string token;
    double rateLimit = 1000;
    int maxConnections = 0;
    int maxConnectionsPerClient = 0;
    double clientRateLimit = -1;
    int sessionRetentionDays = 30;
    int maxStoredSessions = -1; ///< -1: the runtime's default
    int maxStoredCalls = -1;
    std::vector<std::string> origins;
    int workers = 0;
    std::string databasePath;
    bool noDatabase = false;
    std::string storeUrl;
    std::string cacheUrl;
    std::string instanceId;
};

// Parses the arguments; returns an error text (empty = ok) or "help".
std::string parseArgs(const QStringList &args, McpOptions &o)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const auto value = [&](std::string &out) {
            if (i + 1 >= args.size())
                return false;
            out = args[++i].toStdString();
            return true;
        };
        std::string v;
        if (a == QLatin1String("--help") || a == QLatin1String("-h"))
            return "help";
        if (a == QLatin1String("--workflows")) {
            if (!value(v))
                return "--workflows needs a directory";
            o.workflowDirs.push_back(v);
        } else if (a == QLatin1String("--http")) {
            if (!value(v))
                return "--http needs [HOST:]PORT";
            o.http = true;
            const Result<services::ListenEndpoint> endpoint = services::parseListenAddress(v);
            if (!endpoint)
                return "--http: " + endpoint.error();
            o.host = endpoint->host;
            o.port = endpoint->port;
        } else if (a == QLatin1String("--token")) {
            if (!value(o.token) || o.token.empty())
                return "--token needs a value";
        } else if (a == QLatin1String("--rate-limit")) {
            if (!value(v))
                return "--rate-limit needs a number";
            bool ok = false;
            o.rateLimit = QString::fromStdString(v).toDouble(&ok);
            if (!ok || o.rateLimit < 0)
                return "--rate-limit: '" + v + "' is not a non-negative number";
        } else if (a == QLatin1String("--max-connections") ||
                   a == QLatin1String("--max-connections-per-client")) {
            int &out = a == QLatin1String("--max-connections") ? o.maxConnections
                                                               : o.maxConnectionsPerClient;
            bool ok = false;
            if (value(v))
                out = QString::fromStdString(v).toInt(&ok);
            if (!ok || out < 1)
                return a.toStdString() + " needs a number of connections (1 or more)";
        } else if (a == QLatin1String("--client-rate-limit")) {
            bool ok = false;
            if (value(v))
                o.clientRateLimit = QString::fromStdString(v).toDouble(&ok);
            if (!ok || o.clientRateLimit < 0)
                return "--client-rate-limit needs a non-negative number of requests per second";
        } else if (a == QLatin1String("--session-retention")) {
            bool ok = false;
            if (value(v))
                o.sessionRetentionDays = QString::fromStdString(v).toInt(&ok);
            if (!ok || o.sessionRetentionDays < 0)
                return "--session-retention needs a number of days (0 = no age limit)";
        } else if (a == QLatin1String("--max-stored-sessions") ||
                   a == QLatin1String("--max-stored-calls")) {
            int &out = a == QLatin1String("--max-stored-sessions") ? o.maxStoredSessions
                                                                   : o.maxStoredCalls;
            bool ok = false;
            if (value(v))
                out = QString::fromStdString(v).toInt(&ok);
            if (!ok || out < 0)
                return a.toStdString() + " needs a number (0 = no limit)";
        } else if (a == QLatin1String("--db")) {
            if (!value(o.databasePath) || o.databasePath.empty())
                return "--db needs a file path";
        } else if (a == QLatin1String("--store") || a == QLatin1String("--cache")) {
            std::string &out = a == QLatin1String("--store") ? o.storeUrl : o.cacheUrl;
            if (!value(out) || out.empty())
                return a.toStdString() + " needs a URL";
        } else if (a == QLatin1String("--instance-id")) {
            if (!value(o.instanceId) || o.instanceId.empty())
                return "--instance-id needs a name";
        } else if (a == QLatin1String("--no-db")) {
            o.noDatabase = true;
        } else if (a == QLatin1String("--workers")) {
            if (!value(v))
                return "--workers needs a number";
            bool ok = false;
            o.workers = QString::fromStdString(v).toInt(&ok);
            if (!ok || o.workers < 0 || o.workers > 64)
                return "--workers: '" + v + "' is not a number from 0 to 64";
        } else if (a == QLatin1String("--allow-origin")) {
            if (!value(v))
                return "--allow-origin needs an origin such as http://localhost:5173";
            o.origins.push_back(v);
        } else {
            return "unknown option '" + a.toStdString() + "'";
        }
    }
    if (!o.databasePath.empty() && o.noDatabase)
        return "--db and --no-db exclude each other";
    if (!o.storeUrl.empty() && (o.noDatabase || !o.databasePath.empty()))
        return "--store excludes --db and --no-db";
    o.storeUrl = services::urlFromFlagOrEnvironment(o.storeUrl, "WFS_STORE_URL");
    o.cacheUrl = services::urlFromFlagOrEnvironment(o.cacheUrl, "WFS_CACHE_URL");
    if (auto store = services::parseStoreUrl(o.storeUrl); !store)
        return (o.storeUrl.empty() ? "WFS_STORE_URL: " : "--store: ") + store.error();
    if (auto cache = services::parseCacheUrl(o.cacheUrl); !cache)
        return "--cache: " + cache.error();
    if (!o.http && (!o.token.empty() || !o.origins.empty()))
        return "--token and --allow-origin apply to --http only";
    return {};
}

int runMcp(const QStringList &args)
{
    // Answers of a few MB (workflow_list at 5,000 workflows) are built and freed per call: keep
    // such blocks in the heap rather than in a fresh mmap each (page faults on every call), and
    // trim only beyond 16 MB (the load's transient heap is given back by malloc_trim below).
    ::mallopt(M_MMAP_THRESHOLD, 16 << 20);
    ::mallopt(M_TRIM_THRESHOLD, 16 << 20);
    McpOptions o;
    if (const QByteArray env = qgetenv("WFSTUDIO_MCP_TOKEN"); !env.isEmpty())
        o.token = env.toStdString();
    const std::string error = parseArgs(args, o);
    if (error == "help") {
        printOut(kUsage);
        return ExitOk;
    }
    if (!error.empty()) {
        printErr("wfstudio mcp: " + error + "\n\n" + kUsage);
        return ExitUsage;
    }
    if (!o.http)
        o.token.clear(); // the environment token is for HTTP only
    if (o.token == "generate") {
        // 32 random bytes from the system's generator, as hex.
        std::array<quint32, 8> words{};
        QRandomGenerator::system()->generate(words.begin(), words.end());
        o.token = QByteArray(reinterpret_cast<const char *>(words.data()), sizeof words)
                      .toHex()
                      .toStdString();
        printErr("wfstudio mcp: token: " + o.token + "\n");
    }

    // SIGTERM/SIGINT end the server cleanly through the event loop; a vanished client must not
    // kill us with SIGPIPE (a failed write ends the stdio server instead).
    std::signal(SIGPIPE, SIG_IGN);
    if (::pipe2(g_signalPipe, O_CLOEXEC) == 0) {
        std::signal(SIGTERM, onTerminate);
        std::signal(SIGINT, onTerminate);
    }

    Runtime::Options runtimeOptions;
    runtimeOptions.workflowDirs = o.workflowDirs;
    runtimeOptions.databasePath = o.databasePath;
    if (!o.noDatabase)
        runtimeOptions.storeUrl = o.storeUrl;
    runtimeOptions.cacheUrl = o.cacheUrl;
    runtimeOptions.instanceId = o.instanceId;
    if (o.noDatabase)
        runtimeOptions.storage = Runtime::Storage::Disabled;
    // An MCP session lives as long as its connection: nothing of earlier runs is resumed here
    // (the studio and `wfstudio sessions` read them from the database).
    runtimeOptions.restoreSessions = 0;
    runtimeOptions.sessionRetentionDays = o.sessionRetentionDays;
    if (o.maxStoredSessions >= 0)
        runtimeOptions.maxStoredSessions = o.maxStoredSessions;
    if (o.maxStoredCalls >= 0)
        runtimeOptions.maxStoredCalls = o.maxStoredCalls;
    std::unique_ptr<Runtime> runtime;
    // The runtime (database, cache, and the engine that loads and validates every workflow) is
    // built on the main thread; a request that needs it earlier asks for it and waits.
    std::promise<Runtime *> enginePromise;
    std::shared_future<Runtime *> engineReady = enginePromise.get_future().share();
    const std::function<void()> createEngine = [&] {
        if (runtime)
            return;
        runtime = std::make_unique<Runtime>(runtimeOptions);
        if (!runtime->databaseError().empty())
            printErr("wfstudio mcp: " + runtime->databaseError() + " (continuing without it)\n");
        enginePromise.set_value(runtime.get());
        ::malloc_trim(0); // loading parsed every file: give the transient heap back
    };
    auto backend = std::make_shared<mcp::RuntimeBackend>([engineReady, &createEngine] {
        if (engineReady.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            QMetaObject::invokeMethod(qApp, createEngine, Qt::QueuedConnection);
        return engineReady.get();
    });
    mcp::Dispatcher dispatcher(backend);
    QTimer::singleShot(o.http ? 0 : 200, qApp, createEngine);

    std::unique_ptr<QSocketNotifier> signalNotifier;
    std::function<void()> stopServer;
    if (g_signalPipe[0] >= 0) {
        signalNotifier = std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
        QObject::connect(signalNotifier.get(), &QSocketNotifier::activated, qApp, [&] {
            char buf[16];
            [[maybe_unused]] const ssize_t n = ::read(g_signalPipe[0], buf, sizeof buf);
            if (stopServer)
                stopServer();
        });
    }

    int rc = ExitOk;
    if (o.http) {
        mcp::HttpServer::Options httpOptions;
        httpOptions.host = o.host;
        httpOptions.port = static_cast<std::uint16_t>(o.port);
        httpOptions.token = o.token;
        httpOptions.rateLimitPerSecond = o.rateLimit;
        httpOptions.rateLimitBurst = std::max(1.0, o.rateLimit * 2); // as the client limit
        httpOptions.allowedOrigins = o.origins;
        httpOptions.maxConnections = static_cast<std::size_t>(o.maxConnections);
        httpOptions.maxConnectionsPerClient = static_cast<std::size_t>(o.maxConnectionsPerClient);
        httpOptions.clientRateLimitPerSecond = o.clientRateLimit;
        // A team server with Redis: the rate limits are shared, so a client's budget is the
        // same whichever instance the balancer picks (and Redis down: each instance limits
        // locally with the same options); GET-stream events are kept there for a resume on
        // another instance.
        std::shared_ptr<redis::RedisClient> redisClient;
        if (!o.cacheUrl.empty()) {
            if (Result<redis::RedisOptions> ro = redis::parseRedisUrl(o.cacheUrl); ro) {
                ro->instanceId = o.instanceId;
                redisClient = std::make_shared<redis::RedisClient>(std::move(*ro));
                httpOptions.sharedLimiters =
                    [client = redisClient](const char *scope,
                                           const metrics::RateLimiter::Options &limits) {
                        auto limiter = std::make_shared<redis::SharedRateLimiter>(client, limits);
                        return mcp::HttpServer::Limiter(
                            [limiter, prefix = std::string(scope) + ":"](std::string_view key) {
                                return limiter->acquire(prefix + std::string(key));
                            });
                    };
            }
        }
        // A team server: MCP sessions live in the shared store, so any instance serves any.
        if (const auto store = services::parseStoreUrl(o.storeUrl);
            store && store->kind == services::StoreLocation::Kind::PostgreSql) {
            httpOptions.sessionDirectory = std::make_shared<services::StoreSessionDirectory>(
                [engineReady, &createEngine]() -> store::AbstractMcpSessionStore * {
                    if (engineReady.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
                        QMetaObject::invokeMethod(qApp, createEngine, Qt::QueuedConnection);
                    return engineReady.get()->mcpSessionStore();
                },
                o.instanceId, redisClient);
        }
        // GET /health for a load balancer: 503 while starting and while the store is down.
        httpOptions.health = [engineReady] {
            mcp::HttpServer::HealthAnswer answer;
            if (engineReady.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
                answer.ok = false;
                answer.json = answer.summary = R"({"status":"starting"})";
                return answer;
            }
            const metrics::HealthReport report = engineReady.get()->health();
            answer.ok = report.status != metrics::HealthStatus::Unhealthy;
            const Json full = report.toJson();
            answer.json = full.dump();
            answer.summary = Json{{"status", full.value("status", "")}}.dump();
            return answer;
        };
        mcp::HttpServer server(dispatcher, httpOptions);
        if (auto started = server.start(); !started) {
            printErr("wfstudio mcp: " + started.error() + "\n");
            if (o.token.empty() && !services::isLoopbackHost(o.host))
                printErr("wfstudio mcp: pass --token TOKEN or --token generate, or set "
                         "WFSTUDIO_MCP_TOKEN\n");
            return ExitFailure;
        }
        printErr("wfstudio mcp: listening on " + server.url() + "\n");
        stopServer = [] { QCoreApplication::quit(); };
        rc = QCoreApplication::exec();
        createEngine(); // no server thread may be left waiting for it
        server.stop();
    } else {
        mcp::StdioServer::Options stdioOptions;
        stdioOptions.workers = o.workers;
        mcp::StdioServer server(dispatcher, stdioOptions);
        QObject::connect(&server, &mcp::StdioServer::finished, qApp, &QCoreApplication::quit);
        QObject::connect(&server, &mcp::StdioServer::firstAnswerWritten, qApp, createEngine);
        stopServer = [&server] { server.stop(); };
        server.start();
        rc = QCoreApplication::exec();
    }
    // Make sure a request waiting for the engine can finish before we tear down.
    createEngine();
    return rc == 0 ? ExitOk : ExitFailure;
}

CommandRegistration reg{{"mcp", "mcp [--workflows DIR]... [--http [HOST:]PORT]",
                         "Serve the workflows to AI agents over MCP (stdio or HTTP)", runMcp}};

} // namespace
