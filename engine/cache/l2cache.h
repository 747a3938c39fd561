// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// L2Cache: the SQLite implementation of the result cache's second level (L2Store, table
// cache_entries). Survives restarts; entries expire by wall-clock time (injectable) and the table
// is kept under a byte budget by dropping the entries closest to expiry. Thread-safe through the
// connection's mutex.
#pragma once

#include "l2store.h"

#include "engine/metrics/clock.h"
#include "model/result.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wfs::store {
class Database;
}

namespace wfs::cache {

class L2Cache final : public L2Store
{
public:
    struct Options
    {
        std::int64_t maxBytes = std::int64_t(64) << 20;    ///< sum of value sizes kept at most
        metrics::ClockFn wallClock = metrics::wallClock(); ///< epoch ns, for expires_at
    };

    L2Cache(store::Database &db, Options options);

    Result<std::optional<L2Hit>> get(std::string_view key) override;
    Result<void> put(std::string_view key, std::string_view operation, std::string_view workflowId,
                     std::string_view value, std::int64_t ttlMs) override;
    Result<int> invalidateWorkflow(std::string_view workflowId) override;
    Result<int> purgeExpired() override;
    Result<void> clear() override;
    Stats stats() override;
    void countError() override { m_errors.fetch_add(1, std::memory_order_relaxed); }

private:
    Result<void> enforceBudget();
    // Reads count(*) and sum(size) once (the running totals are unknown); db lock held.
    Result<void> loadTotals();
    // Takes rows matching `where` (with ?1 bound by `bind`) out of the running totals before
    // they are deleted; db lock held.
    template<typename Bind> Result<void> subtractRows(const char *where, Bind bind);
    std::int64_t nowMs() const { return m_options.wallClock() / 1'000'000; }

    store::Database &m_db;
    Options m_options;
    std::atomic<std::uint64_t> m_hits{0}, m_misses{0}, m_expired{0}, m_writes{0}, m_evictions{0},
        m_invalidations{0}, m_errors{0};
    // Running totals (guarded by the db mutex), so stats() never scans the table; -1 = not
    // yet read.
    std::int64_t m_bytes = -1;   ///< sum(size)
    std::int64_t m_entries = -1; ///< count(*)
};

} // namespace wfs::cache
