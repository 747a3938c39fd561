// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// L2Store: the second, shared level of the result cache, as an interface. ResultCache talks to
// this only; L2Cache (l2cache.h) implements it on the product database (SQLite). Another
// backend (Redis, a team server) implements the same seven calls; it must be thread-safe and
// treat its own failures as misses (countError()), never as answers.
#pragma once

#include "model/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wfs::cache {

struct L2Hit
{
    std::string value;
    std::string workflowId;       ///< the tag it was stored with
    std::int64_t remainingMs = 0; ///< time to live left
};

class L2Store
{
public:
    struct Stats
    {
        std::uint64_t hits = 0;
        std::uint64_t misses = 0; ///< includes expired
        std::uint64_t expired = 0;
        std::uint64_t writes = 0;
        std::uint64_t evictions = 0; ///< rows dropped for the byte budget
        std::uint64_t invalidations = 0;
        std::uint64_t errors = 0; ///< SQL failures (treated as misses / skipped writes)
        std::int64_t entries = 0;
        std::int64_t bytes = 0;
    };

    virtual ~L2Store() = default;

    // The entry under `key`, or nullopt (absent or expired).
    virtual Result<std::optional<L2Hit>> get(std::string_view key) = 0;
    // Stores `value` for `ttlMs`, tagged with `workflowId` (for invalidateWorkflow).
    virtual Result<void> put(std::string_view key, std::string_view operation,
                             std::string_view workflowId, std::string_view value,
                             std::int64_t ttlMs) = 0;
    // Drops every entry tagged with `workflowId`; returns how many.
    virtual Result<int> invalidateWorkflow(std::string_view workflowId) = 0;
    // Drops expired entries; returns how many.
    virtual Result<int> purgeExpired() = 0;
    virtual Result<void> clear() = 0;
    virtual Stats stats() = 0;
    // Counts a failure the caller saw (reported in stats().errors).
    virtual void countError() = 0;
};

} // namespace wfs::cache
