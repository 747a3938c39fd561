// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Internal to wfs_pg (the only header that includes libpq-fe.h; never include it from outside
// engine/pg): one libpq connection with its named prepared statements, and the bounded pool the
// stores lease connections from.
//
//   PgPool pool(settings);
//   auto lease = pool.acquire();                 // waits at most statementTimeoutMs
//   if (!lease) return failure(lease.error());
//   Result<PgRows> rows = (*lease)->exec(kLoadSession, {id});
//
// SQL runs only as prepared statements (PQprepare once per connection, by the statement's name,
// then PQexecPrepared with bound text parameters). A connection-level failure marks the
// connection broken: the pool drops it when the lease ends and opens a new one on demand.
#pragma once

#include "model/result.h"

#include <libpq-fe.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace wfs::pg::detail {

// A statement: a unique name (the prepared statement's) and its SQL, whose values are the
// bound parameters $1, $2, ...
struct Statement
{
    const char *name;
    const char *sql;
};

// One bound parameter in text format; nullopt is SQL NULL.
using Param = std::optional<std::string>;
using Params = std::vector<Param>;

inline Param text(std::string_view s)
{
    return std::string(s);
}
inline Param integer(std::int64_t v)
{
    return std::to_string(v);
}
Param real(double v);

// The rows of a result (owns the PGresult).
class PgRows
{
public:
    PgRows() = default;
    explicit PgRows(PGresult *result)
        : m_result(result, &PQclear)
    {}
    int size() const { return m_result ? PQntuples(m_result.get()) : 0; }
    bool empty() const { return size() == 0; }
    bool isNull(int row, int col) const { return PQgetisnull(m_result.get(), row, col) != 0; }
    std::string text(int row, int col) const;
    std::int64_t integer(int row, int col) const;
    double real(int row, int col) const;
    bool boolean(int row, int col) const; ///< 't'
    std::int64_t affected() const;        ///< PQcmdTuples of INSERT/UPDATE/DELETE

private:
    std::shared_ptr<PGresult> m_result;
};

struct Settings
{
    std::string url;
    std::string where; ///< "host:port/db", for messages
    int poolSize = 8;
    int statementTimeoutMs = 5000;
    int connectTimeoutS = 3;
};

// Opens a connection to `settings.url` with the connect timeout (and TCP keepalives); the
// error text is "PostgreSQL at <where>: <libpq message>".
Result<PGconn *> connect(const Settings &settings);
// The same parameters, PQconnectStartParams (async) or PQconnectdbParams; may return null.
PGconn *startConnect(const Settings &settings, bool async);
// The libpq error text of `conn` on one line.
std::string errorText(PGconn *conn);

class PgConnection
{
public:
    PgConnection(PGconn *conn, const Settings &settings);
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    // Runs the prepared statement (preparing it first on this connection).
    Result<PgRows> exec(const Statement &statement, const Params &params = {});
    // Parameterless commands: BEGIN, COMMIT, ROLLBACK, schema scripts.
    Result<void> command(const char *sql);
    bool broken() const { return m_broken; }
    // True when the idle connection is dead (the server closed it: restart, shutdown,
    // idle-session timeout): one non-blocking poll, no round trip.
    bool stale();
    bool inTransaction() const;
    PGconn *raw() { return m_conn; }

private:
    Result<PgRows> check(PGresult *result, const char *what);

    PGconn *m_conn;
    const Settings &m_settings;
    std::unordered_set<std::string> m_prepared;
    bool m_broken = false;
};

class PgPool;

// A leased connection; returns it to the pool (or drops it when broken) on destruction.
class Lease
{
public:
    Lease() = default;
    Lease(PgPool *pool, std::unique_ptr<PgConnection> conn)
        : m_pool(pool)
        , m_conn(std::move(conn))
    {}
    Lease(Lease &&) noexcept = default;
    Lease &operator=(Lease &&) noexcept = delete;
    ~Lease();
    PgConnection *operator->() { return m_conn.get(); }
    PgConnection &operator*() { return *m_conn; }

private:
    PgPool *m_pool = nullptr;
    std::unique_ptr<PgConnection> m_conn;
};

struct PoolCounts
{
    int open = 0; ///< connections open now (idle + leased)
    int busy = 0; ///< leased now
    int peak = 0; ///< most connections ever open at once
};

class PgPool
{
public:
    explicit PgPool(Settings settings);
    ~PgPool();
    // A connection: an idle one, a new one while fewer than poolSize are open, else waits up to
    // statementTimeoutMs for one to be returned.
    Result<Lease> acquire();
    PoolCounts counts() const;
    const Settings &settings() const { return m_settings; }

private:
    friend class Lease;
    void release(std::unique_ptr<PgConnection> conn);

    const Settings m_settings;
    mutable std::mutex m_mutex;
    std::condition_variable m_returned;
    std::vector<std::unique_ptr<PgConnection>> m_idle;
    int m_open = 0; ///< idle + leased + being opened
    int m_busy = 0;
    int m_peak = 0;
};

// BEGIN now; ROLLBACK on destruction unless commit() succeeded.
class Transaction
{
public:
    explicit Transaction(PgConnection &conn);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    const Result<void> &begun() const { return m_begun; }
    Result<void> commit();

private:
    PgConnection &m_conn;
    Result<void> m_begun;
    bool m_done = false;
};

} // namespace wfs::pg::detail
