// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// libpq connections, prepared statements and the bounded pool. Numbers cross the wire as text in
// the C locale (from_chars / to_chars), whatever locale the process runs in.
#include "pgconnection.h"

#include <charconv>
#include <chrono>
#include <cstring>

#include <poll.h>

namespace wfs::pg::detail {

Param real(double v)
{
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    if (ec != std::errc())
        return std::string("0");
    return std::string(buf, end);
}

std::string PgRows::text(int row, int col) const
{
    const char *v = PQgetvalue(m_result.get(), row, col);
    return v ? std::string(v, std::size_t(PQgetlength(m_result.get(), row, col))) : std::string();
}

std::int64_t PgRows::integer(int row, int col) const
{
    const char *v = PQgetvalue(m_result.get(), row, col);
    std::int64_t out = 0;
    if (v)
        std::from_chars(v, v + std::strlen(v), out);
    return out;
}

double PgRows::real(int row, int col) const
{
    const char *v = PQgetvalue(m_result.get(), row, col);
    double out = 0;
    if (v)
        std::from_chars(v, v + std::strlen(v), out);
    return out;
}

bool PgRows::boolean(int row, int col) const
{
    const char *v = PQgetvalue(m_result.get(), row, col);
    return v && v[0] == 't';
}

std::int64_t PgRows::affected() const
{
    const char *v = m_result ? PQcmdTuples(m_result.get()) : nullptr;
    std::int64_t out = 0;
    if (v)
        std::from_chars(v, v + std::strlen(v), out);
    return out;
}

std::string errorText(PGconn *conn)
{
    std::string s = conn ? PQerrorMessage(conn) : "out of memory";
    for (char &c : s) {
        if (c == '\n' || c == '\r')
            c = ' ';
    }
    while (!s.empty() && s.back() == ' ')
        s.pop_back();
    return s.empty() ? std::string("connection failed") : s;
}

PGconn *startConnect(const Settings &settings, bool async)
{
    const std::string timeout = std::to_string(std::max(settings.connectTimeoutS, 1));
    // Unacknowledged data (a server gone mid-statement without a reset) fails the socket after
    // this; idle connections are probed by the keepalives.
    const std::string userTimeout =
        std::to_string(std::max(settings.statementTimeoutMs + 2000, 5000));
    // Earlier keywords are defaults the URL may override; those after it are ours to impose.
    const char *keys[] = {"application_name",
                          "client_encoding",
                          "dbname",
                          "connect_timeout",
                          "keepalives",
                          "keepalives_idle",
                          "keepalives_interval",
                          "keepalives_count",
                          "tcp_user_timeout",
                          nullptr};
    const char *values[] = {
        "workflow-studio",   "UTF8", settings.url.c_str(), timeout.c_str(), "1", "5", "2", "2",
        userTimeout.c_str(), nullptr};
    return async ? PQconnectStartParams(keys, values, 1) : PQconnectdbParams(keys, values, 1);
}

Result<PGconn *> connect(const Settings &settings)
{
    PGconn *conn = startConnect(settings, false);
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
        std::string error = "PostgreSQL at " + settings.where + ": " + errorText(conn);
        if (conn)
            PQfinish(conn);
        return Result<PGconn *>::failure(std::move(error));
    }
    PQsetNoticeProcessor(
        conn, [](void *, const char *) {}, nullptr);
    return conn;
}

PgConnection::PgConnection(PGconn *conn, const Settings &settings)
    : m_conn(conn)
    , m_settings(settings)
{}

PgConnection::~PgConnection()
{
    PQfinish(m_conn);
}

bool PgConnection::stale()
{
    if (m_broken || PQstatus(m_conn) != CONNECTION_OK)
        return true;
    pollfd p{PQsocket(m_conn), POLLIN, 0};
    if (p.fd < 0)
        return true;
    if (poll(&p, 1, 0) <= 0)
        return false; // nothing to read: alive as far as we can tell
    // Data or EOF on an idle pool connection (which never LISTENs): the server's termination
    // notice before its close, or a close. Dropped: at worst one needless reconnect.
    m_broken = true;
    return true;
}

bool PgConnection::inTransaction() const
{
    return PQtransactionStatus(m_conn) != PQTRANS_IDLE;
}

Result<PgRows> PgConnection::check(PGresult *result, const char *what)
{
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return PgRows(result);
    std::string message;
    std::string state;
    if (result) {
        message = PQresultErrorMessage(result);
        const char *s = PQresultErrorField(result, PG_DIAG_SQLSTATE);
        state = s ? s : "";
        PQclear(result);
    }
    if (message.empty())
        message = errorText(m_conn);
    for (char &c : message) {
        if (c == '\n' || c == '\r')
            c = ' ';
    }
    while (!message.empty() && message.back() == ' ')
        message.pop_back();
    // Class 08: connection exception; 57P0x: the server is shutting down or restarted.
    if (PQstatus(m_conn) != CONNECTION_OK || state.rfind("08", 0) == 0 ||
        state.rfind("57P", 0) == 0)
        m_broken = true;
    return Result<PgRows>::failure("PostgreSQL at " + m_settings.where + " (" + what +
                                   "): " + message);
}

Result<PgRows> PgConnection::exec(const Statement &statement, const Params &params)
{
    if (m_broken)
        return Result<PgRows>::failure("PostgreSQL at " + m_settings.where + ": connection lost");
    if (!m_prepared.contains(statement.name)) {
        Result<PgRows> prepared =
            check(PQprepare(m_conn, statement.name, statement.sql, int(params.size()), nullptr),
                  statement.name);
        if (!prepared)
            return prepared;
        m_prepared.insert(statement.name);
    }
    std::vector<const char *> values;
    values.reserve(params.size());
    for (const Param &p : params)
        values.push_back(p ? p->c_str() : nullptr);
    return check(PQexecPrepared(m_conn, statement.name, int(values.size()), values.data(), nullptr,
                                nullptr, 0),
                 statement.name);
}

Result<void> PgConnection::command(const char *sql)
{
    if (m_broken)
        return Result<void>::failure("PostgreSQL at " + m_settings.where + ": connection lost");
    Result<PgRows> r = check(PQexec(m_conn, sql), "command");
    if (!r)
        return Result<void>::failure(r.error());
    return {};
}

Lease::~Lease()
{
    if (m_pool && m_conn)
        m_pool->release(std::move(m_conn));
}

PgPool::PgPool(Settings settings)
    : m_settings(std::move(settings))
{}

PgPool::~PgPool() = default;

Result<Lease> PgPool::acquire()
{
    using R = Result<Lease>;
    std::unique_lock lock(m_mutex);
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(std::max(m_settings.statementTimeoutMs, 1));
    const int size = std::max(m_settings.poolSize, 1);
    while (m_idle.empty() && m_open >= size) {
        if (m_returned.wait_until(lock, deadline) == std::cv_status::timeout && m_idle.empty() &&
            m_open >= size) {
            return R::failure("PostgreSQL at " + m_settings.where + ": all " +
                              std::to_string(size) + " connections busy for " +
                              std::to_string(m_settings.statementTimeoutMs) + " ms");
        }
    }
    // An idle connection the server has closed meanwhile (restarted, stopped) is dropped
    // here rather than failing the caller's statement.
    while (!m_idle.empty()) {
        std::unique_ptr<PgConnection> conn = std::move(m_idle.back());
        m_idle.pop_back();
        if (conn->stale()) {
            --m_open;
            continue;
        }
        ++m_busy;
        return Lease(this, std::move(conn));
    }
    if (m_open >= size) // every slot was taken again while stale ones were dropped: unlikely
        return R::failure("PostgreSQL at " + m_settings.where + ": no connection available");
    ++m_open; // reserved while we connect, outside the lock
    m_peak = std::max(m_peak, m_open);
    lock.unlock();
    Result<PGconn *> raw = connect(m_settings);
    std::unique_ptr<PgConnection> conn;
    std::string error;
    if (raw) {
        conn = std::make_unique<PgConnection>(*raw, m_settings);
        static constexpr Statement kTimeout{"wfs_statement_timeout",
                                            "SELECT set_config('statement_timeout', $1, false)"};
        if (auto r = conn->exec(kTimeout, {integer(m_settings.statementTimeoutMs)}); !r) {
            error = r.error();
            conn.reset();
        }
    } else {
        error = raw.error();
    }
    lock.lock();
    if (!conn) {
        --m_open;
        m_returned.notify_one();
        return R::failure(std::move(error));
    }
    ++m_busy;
    return Lease(this, std::move(conn));
}

void PgPool::release(std::unique_ptr<PgConnection> conn)
{
    // A connection left inside a transaction (an error path) is rolled back before reuse.
    if (!conn->broken() && conn->inTransaction())
        (void)conn->command("ROLLBACK");
    const bool keep =
        !conn->broken() && PQstatus(conn->raw()) == CONNECTION_OK && !conn->inTransaction();
    if (!keep)
        conn.reset(); // PQfinish outside the lock is not needed: it does not block on a dead peer
    std::lock_guard lock(m_mutex);
    --m_busy;
    if (keep)
        m_idle.push_back(std::move(conn));
    else
        --m_open;
    m_returned.notify_one();
}

PoolCounts PgPool::counts() const
{
    std::lock_guard lock(m_mutex);
    return {m_open, m_busy, m_peak};
}

Transaction::Transaction(PgConnection &conn)
    : m_conn(conn)
    , m_begun(conn.command("BEGIN"))
{}

Transaction::~Transaction()
{
    if (!m_done && m_begun && !m_conn.broken())
        (void)m_conn.command("ROLLBACK");
}

Result<void> Transaction::commit()
{
    if (!m_begun)
        return m_begun;
    m_done = true;
    return m_conn.command("COMMIT");
}

} // namespace wfs::pg::detail
