// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// PgBackend: open (connect + migrate), the stores, ping/notify, and LISTEN subscriptions. A
// subscription's thread owns its own connection (not the pool's), connects without blocking
// (PQconnectStartParams + poll) and waits on the socket and an eventfd, so that destroying the
// subscription wakes and stops it at once.
#include "pgbackend.h"

#include "pgconnection.h"
#include "pgschema.h"

#include <QDebug>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <thread>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace wfs::pg {

using namespace detail;

namespace {

// "host:port/db" of a libpq URL or connection string, without user or password.
Result<std::string> whereOf(const std::string &url)
{
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(url.c_str(), &error);
    if (!options) {
        std::string message = error ? error : "out of memory";
        if (error)
            PQfreemem(error);
        while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
            message.pop_back();
        return Result<std::string>::failure("PostgreSQL: invalid connection URL: " + message);
    }
    std::string host, hostaddr, port, db, user;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        const std::string key = o->keyword;
        const std::string value = o->val ? o->val : "";
        if (key == "host")
            host = value;
        else if (key == "hostaddr")
            hostaddr = value;
        else if (key == "port")
            port = value;
        else if (key == "dbname")
            db = value;
        else if (key == "user")
            user = value;
    }
    PQconninfoFree(options);
    if (host.empty())
        host = hostaddr.empty() ? std::string("localhost") : hostaddr;
    return host + ":" + (port.empty() ? std::string("5432") : port) + "/" +
           (db.empty() ? user : db);
}

std::string defaultInstanceId()
{
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0)
        std::snprintf(host, sizeof host, "localhost");
    return std::string(host) + ":" + std::to_string(getpid());
}

constexpr Statement kPing{"wfs_ping", "SELECT 1"};
constexpr Statement kNotify{"wfs_notify", "SELECT pg_notify($1, $2)"};

class PgSubscription final : public PgBackend::Subscription
{
public:
    PgSubscription(Settings settings, std::string channel,
                   std::function<void(const std::string &)> callback)
        : m_settings(std::move(settings))
        , m_channel(std::move(channel))
        , m_callback(std::move(callback))
        , m_wake(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
    {
        m_thread = std::thread([this] { run(); });
        // Return once LISTEN is in effect (a notification sent after listen() is seen), or
        // after the connect timeout when the server is unreachable (the thread keeps trying).
        std::unique_lock lock(m_mutex);
        m_ready.wait_for(lock, std::chrono::seconds(std::max(m_settings.connectTimeoutS, 1)),
                         [this] { return m_listening; });
    }

    ~PgSubscription() override
    {
        m_stop.store(true);
        if (m_wake >= 0) {
            const std::uint64_t one = 1;
            (void)!write(m_wake, &one, sizeof one);
        }
        if (m_thread.joinable())
            m_thread.join();
        if (m_wake >= 0)
            close(m_wake);
    }

private:
    // Waits until `fd` is ready for `events`, the wake fd fires or `timeoutMs` passes.
    // 1: ready, 0: timeout, -1: stop.
    int wait(int fd, short events, int timeoutMs)
    {
        pollfd fds[2] = {{m_wake, POLLIN, 0}, {fd, events, 0}};
        const int n = poll(fds, fd >= 0 ? 2 : 1, timeoutMs);
        if (m_stop.load() || (n > 0 && (fds[0].revents & POLLIN)))
            return -1;
        if (n > 0 && fd >= 0 && fds[1].revents != 0)
            return 1;
        return 0;
    }

    // A connection with LISTEN in effect, or null (failed, or stopping).
    PGconn *connectAndListen()
    {
        PGconn *conn = startConnect(m_settings, true);
        if (!conn)
            return nullptr;
        const auto deadline = std::chrono::steady_clock::now() +
                              std::chrono::seconds(std::max(m_settings.connectTimeoutS, 1));
        PostgresPollingStatusType status = PGRES_POLLING_WRITING;
        while (PQstatus(conn) != CONNECTION_BAD && status != PGRES_POLLING_OK &&
               status != PGRES_POLLING_FAILED) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0)
                break;
            const int w = wait(PQsocket(conn), status == PGRES_POLLING_READING ? POLLIN : POLLOUT,
                               int(left.count()));
            if (w < 0)
                break;
            if (w > 0)
                status = PQconnectPoll(conn);
        }
        if (status != PGRES_POLLING_OK || PQstatus(conn) != CONNECTION_OK) {
            PQfinish(conn);
            return nullptr;
        }
        PQsetNoticeProcessor(
            conn, [](void *, const char *) {}, nullptr);
        // A channel is an identifier, not a value: quoted by libpq.
        char *ident = PQescapeIdentifier(conn, m_channel.c_str(), m_channel.size());
        if (!ident) {
            PQfinish(conn);
            return nullptr;
        }
        const std::string sql = std::string("LISTEN ") + ident;
        PQfreemem(ident);
        PGresult *r = PQexec(conn, sql.c_str());
        const bool ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
        if (!ok) {
            PQfinish(conn);
            return nullptr;
        }
        return conn;
    }

    void deliver(const std::string &payload)
    {
        try {
            m_callback(payload);
        } catch (const std::exception &e) {
            qWarning("PostgreSQL subscription to %s: callback threw: %s", m_channel.c_str(),
                     e.what());
        } catch (...) {
            qWarning("PostgreSQL subscription to %s: callback threw", m_channel.c_str());
        }
    }

    void run()
    {
        bool missed = false; // a connection was lost (or never made): notifications may be lost
        int backoffMs = 50;
        while (!m_stop.load()) {
            PGconn *conn = connectAndListen();
            if (!conn) {
                missed = true;
                if (wait(-1, 0, backoffMs) < 0)
                    break;
                backoffMs = std::min(backoffMs * 2, 1000);
                continue;
            }
            backoffMs = 50;
            {
                std::lock_guard lock(m_mutex);
                m_listening = true;
            }
            m_ready.notify_all();
            if (missed)
                deliver("");
            missed = false;
            for (;;) {
                const int w = wait(PQsocket(conn), POLLIN, 1000);
                if (w < 0)
                    break;
                if (w > 0 && PQconsumeInput(conn) == 0)
                    break;
                while (PGnotify *n = PQnotifies(conn)) {
                    const std::string payload = n->extra ? n->extra : "";
                    PQfreemem(n);
                    deliver(payload);
                }
                if (PQstatus(conn) != CONNECTION_OK)
                    break;
            }
            PQfinish(conn);
            missed = true;
        }
    }

    const Settings m_settings;
    const std::string m_channel;
    std::function<void(const std::string &)> m_callback;
    const int m_wake;
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::condition_variable m_ready;
    bool m_listening = false;
    std::thread m_thread;
};

} // namespace

struct PgBackend::Impl
{
    PgOptions options;
    std::string where;
    std::shared_ptr<PgPool> pool;
    std::unique_ptr<PgSessionStore> sessions;
    std::unique_ptr<PgMetricsStore> metrics;
    std::unique_ptr<PgWorkflowStore> workflows;
    std::unique_ptr<PgMcpSessionStore> mcpSessions;
    std::shared_ptr<PgSessionSink> sink;
};

PgBackend::PgBackend(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{}

PgBackend::~PgBackend() = default;

Result<std::unique_ptr<PgBackend>> PgBackend::open(PgOptions options)
{
    using R = Result<std::unique_ptr<PgBackend>>;
    try {
        Result<std::string> where = whereOf(options.url);
        if (!where)
            return R::failure(where.error());
        if (options.instanceId.empty())
            options.instanceId = defaultInstanceId();
        auto impl = std::make_unique<Impl>();
        impl->where = *where;
        Settings settings;
        settings.url = options.url;
        settings.where = *where;
        settings.poolSize = std::max(options.poolSize, 1);
        settings.statementTimeoutMs = std::max(options.statementTimeoutMs, 1);
        settings.connectTimeoutS = std::max(options.connectTimeoutS, 1);
        impl->pool = std::make_shared<PgPool>(settings);
        {
            Result<Lease> lease = impl->pool->acquire();
            if (!lease)
                return R::failure(lease.error());
            if (Result<int> version = migrate(**lease); !version)
                return R::failure(version.error().rfind("PostgreSQL at ", 0) == 0
                                      ? version.error()
                                      : "PostgreSQL at " + *where + ": " + version.error());
        }
        impl->options = std::move(options);
        impl->sessions = std::make_unique<PgSessionStore>(impl->pool);
        impl->metrics = std::make_unique<PgMetricsStore>(impl->pool, impl->options.instanceId,
                                                         "postgresql://" + impl->where);
        impl->workflows = std::make_unique<PgWorkflowStore>(impl->pool);
        impl->mcpSessions =
            std::make_unique<PgMcpSessionStore>(impl->pool, impl->options.instanceId);
        impl->sink = std::make_shared<PgSessionSink>(impl->pool);
        return std::unique_ptr<PgBackend>(new PgBackend(std::move(impl)));
    } catch (const std::exception &e) {
        return R::failure(std::string("PostgreSQL: ") + e.what());
    }
}

store::AbstractSessionStore &PgBackend::sessions()
{
    return *d->sessions;
}

PgMetricsStore &PgBackend::metrics()
{
    return *d->metrics;
}

store::AbstractWorkflowStore &PgBackend::workflows()
{
    return *d->workflows;
}

store::AbstractMcpSessionStore &PgBackend::mcpSessions()
{
    return *d->mcpSessions;
}

std::shared_ptr<PgSessionSink> PgBackend::sessionSink()
{
    return d->sink;
}

Result<void> PgBackend::ping()
{
    Result<Lease> lease = d->pool->acquire();
    if (!lease)
        return Result<void>::failure(lease.error());
    if (Result<PgRows> r = (*lease)->exec(kPing); !r)
        return Result<void>::failure(r.error());
    return {};
}

const std::string &PgBackend::instanceId() const
{
    return d->options.instanceId;
}

std::string PgBackend::describe() const
{
    return "postgresql://" + d->where;
}

PgBackend::PoolStats PgBackend::poolStats() const
{
    const PoolCounts c = d->pool->counts();
    return {d->pool->settings().poolSize, c.open, c.busy, c.peak};
}

std::unique_ptr<PgBackend::Subscription>
PgBackend::listen(const std::string &channel, std::function<void(const std::string &)> callback)
{
    return std::make_unique<PgSubscription>(d->pool->settings(), channel, std::move(callback));
}

Result<void> PgBackend::notify(const std::string &channel, const std::string &payload)
{
    Result<Lease> lease = d->pool->acquire();
    if (!lease)
        return Result<void>::failure(lease.error());
    if (Result<PgRows> r = (*lease)->exec(kNotify, {text(channel), text(payload)}); !r)
        return Result<void>::failure(r.error());
    return {};
}

} // namespace wfs::pg
