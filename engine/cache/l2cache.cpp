// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// cache_entries access. Reads check expires_at in SQL so that an expired row is never returned
// even before it is purged; writes replace by key and then trim the table to its byte budget.
#include "l2cache.h"

#include "engine/store/database.h"

namespace wfs::cache {

using store::Database;

L2Cache::L2Cache(Database &db, Options options)
    : m_db(db)
    , m_options(std::move(options))
{}

Result<std::optional<L2Hit>> L2Cache::get(std::string_view key)
{
    using R = Result<std::optional<L2Hit>>;
    auto lock = m_db.lock();
    auto st =
        m_db.cached("SELECT value, expires_at, workflow_id FROM cache_entries WHERE key = ?1");
    if (!st) {
        countError();
        return R::failure(st.error());
    }
    (*st)->bindText(1, key);
    Result<bool> row = (*st)->step();
    if (!row) {
        countError();
        return R::failure(row.error());
    }
    if (!*row) {
        m_misses.fetch_add(1, std::memory_order_relaxed);
        return std::optional<L2Hit>();
    }
    const std::int64_t now = nowMs();
    const std::int64_t expiresAt = (*st)->columnInt(1);
    if (expiresAt <= now) {
        (*st)->reset();
        m_expired.fetch_add(1, std::memory_order_relaxed);
        m_misses.fetch_add(1, std::memory_order_relaxed);
        return std::optional<L2Hit>();
    }
    L2Hit hit{(*st)->columnBlob(0), (*st)->columnText(2), expiresAt - now};
    (*st)->reset();
    m_hits.fetch_add(1, std::memory_order_relaxed);
    return std::optional<L2Hit>(std::move(hit));
}

Result<void> L2Cache::put(std::string_view key, std::string_view operation,
                          std::string_view workflowId, std::string_view value, std::int64_t ttlMs)
{
    if (ttlMs <= 0 || std::int64_t(value.size()) > m_options.maxBytes)
        return {};
    auto lock = m_db.lock();
    if (Result<void> totals = loadTotals(); !totals) {
        countError();
        return totals;
    }
    // The size of a row being replaced leaves the total; a new row adds an entry.
    bool replaced = false;
    if (auto old = m_db.cached("SELECT size FROM cache_entries WHERE key = ?1"); old) {
        (*old)->bindText(1, key);
        if (Result<bool> row = (*old)->step(); row && *row) {
            m_bytes -= (*old)->columnInt(0);
            replaced = true;
        }
        (*old)->reset();
    }
    auto st = m_db.cached(
        "INSERT INTO cache_entries(key, operation, workflow_id, value, created_at, expires_at,"
        " size) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(key) DO UPDATE SET"
        " operation = excluded.operation, workflow_id = excluded.workflow_id,"
        " value = excluded.value, created_at = excluded.created_at,"
        " expires_at = excluded.expires_at, size = excluded.size");
    if (!st) {
        countError();
        return Result<void>::failure(st.error());
    }
    const std::int64_t now = nowMs();
    (*st)
        ->bindText(1, key)
        .bindText(2, operation)
        .bindText(3, workflowId)
        .bindBlob(4, value)
        .bindInt(5, now)
        .bindInt(6, now + ttlMs)
        .bindInt(7, std::int64_t(value.size()));
    if (auto r = (*st)->run(); !r) {
        countError();
        m_bytes = m_entries = -1;
        return r;
    }
    m_bytes += std::int64_t(value.size());
    if (!replaced)
        ++m_entries;
    m_writes.fetch_add(1, std::memory_order_relaxed);
    return enforceBudget();
}

Result<void> L2Cache::enforceBudget()
{
    // Caller holds the db lock.
    while (m_bytes > m_options.maxBytes) {
        auto victim = m_db.cached("SELECT id, size FROM cache_entries ORDER BY expires_at LIMIT 1");
        if (!victim)
            return Result<void>::failure(victim.error());
        Result<bool> row = (*victim)->step();
        if (!row)
            return Result<void>::failure(row.error());
        if (!*row) {
            m_bytes = m_entries = 0;
            break;
        }
        const std::int64_t id = (*victim)->columnInt(0);
        const std::int64_t size = (*victim)->columnInt(1);
        (*victim)->reset();
        auto del = m_db.cached("DELETE FROM cache_entries WHERE id = ?1");
        if (!del)
            return Result<void>::failure(del.error());
        (*del)->bindInt(1, id);
        if (auto r = (*del)->run(); !r)
            return r;
        m_bytes -= size;
        --m_entries;
        m_evictions.fetch_add(1, std::memory_order_relaxed);
    }
    return {};
}

Result<void> L2Cache::loadTotals()
{
    if (m_bytes >= 0 && m_entries >= 0)
        return {};
    auto st = m_db.cached("SELECT count(*), coalesce(sum(size), 0) FROM cache_entries");
    if (!st)
        return Result<void>::failure(st.error());
    Result<bool> row = (*st)->step();
    if (!row)
        return Result<void>::failure(row.error());
    m_entries = *row ? (*st)->columnInt(0) : 0;
    m_bytes = *row ? (*st)->columnInt(1) : 0;
    (*st)->reset();
    return {};
}

template<typename Bind> Result<void> L2Cache::subtractRows(const char *where, Bind bind)
{
    if (m_bytes < 0 || m_entries < 0)
        return {}; // read in full at the next use anyway
    auto st = m_db.cached(std::string("SELECT count(*), coalesce(sum(size), 0) FROM "
                                      "cache_entries WHERE ") +
                          where);
    if (!st)
        return Result<void>::failure(st.error());
    bind(**st);
    Result<bool> row = (*st)->step();
    if (row && *row) {
        m_entries -= (*st)->columnInt(0);
        m_bytes -= (*st)->columnInt(1);
    } else {
        m_bytes = m_entries = -1;
    }
    (*st)->reset();
    return {};
}

Result<int> L2Cache::invalidateWorkflow(std::string_view workflowId)
{
    auto lock = m_db.lock();
    store::Transaction tx(m_db, store::Transaction::Immediate); // the totals and the delete agree
    if (Result<void> r = subtractRows("workflow_id = ?1",
                                      [&](store::Statement &q) { q.bindText(1, workflowId); });
        !r)
        return Result<int>::failure(r.error());
    auto st = m_db.cached("DELETE FROM cache_entries WHERE workflow_id = ?1");
    if (!st)
        return Result<int>::failure(st.error());
    (*st)->bindText(1, workflowId);
    if (auto r = (*st)->run(); !r)
        return Result<int>::failure(r.error());
    const int n = m_db.changes();
    if (tx.isActive()) {
        if (Result<void> c = tx.commit(); !c) {
            m_bytes = m_entries = -1;
            return Result<int>::failure(c.error());
        }
    }
    m_invalidations.fetch_add(std::uint64_t(n), std::memory_order_relaxed);
    return n;
}

Result<int> L2Cache::purgeExpired()
{
    auto lock = m_db.lock();
    store::Transaction tx(m_db, store::Transaction::Immediate);
    const std::int64_t now = nowMs();
    if (Result<void> r =
            subtractRows("expires_at <= ?1", [now](store::Statement &q) { q.bindInt(1, now); });
        !r)
        return Result<int>::failure(r.error());
    auto st = m_db.cached("DELETE FROM cache_entries WHERE expires_at <= ?1");
    if (!st)
        return Result<int>::failure(st.error());
    (*st)->bindInt(1, now);
    if (auto r = (*st)->run(); !r) {
        m_bytes = m_entries = -1;
        return Result<int>::failure(r.error());
    }
    const int n = m_db.changes();
    if (tx.isActive()) {
        if (Result<void> c = tx.commit(); !c) {
            m_bytes = m_entries = -1;
            return Result<int>::failure(c.error());
        }
    }
    return n;
}

Result<void> L2Cache::clear()
{
    auto lock = m_db.lock();
    Result<std::int64_t> n = m_db.queryInt("SELECT count(*) FROM cache_entries");
    if (auto r = m_db.exec("DELETE FROM cache_entries"); !r)
        return r;
    if (n)
        m_invalidations.fetch_add(std::uint64_t(*n), std::memory_order_relaxed);
    m_bytes = m_entries = 0;
    return {};
}

L2Cache::Stats L2Cache::stats()
{
    Stats s;
    s.hits = m_hits.load(std::memory_order_relaxed);
    s.misses = m_misses.load(std::memory_order_relaxed);
    s.expired = m_expired.load(std::memory_order_relaxed);
    s.writes = m_writes.load(std::memory_order_relaxed);
    s.evictions = m_evictions.load(std::memory_order_relaxed);
    s.invalidations = m_invalidations.load(std::memory_order_relaxed);
    s.errors = m_errors.load(std::memory_order_relaxed);
    // The running totals: no table scan (the dashboard asks every second).
    auto lock = m_db.lock();
    if (Result<void> r = loadTotals(); !r)
        countError();
    s.entries = std::max<std::int64_t>(m_entries, 0);
    s.bytes = std::max<std::int64_t>(m_bytes, 0);
    return s;
}

} // namespace wfs::cache
