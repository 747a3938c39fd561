// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Versioned schema migrations, tracked in PRAGMA user_version.
//
// Each migration takes the schema from version N-1 to N in one IMMEDIATE transaction that also
// sets user_version, so a crash leaves the database at N-1 or N, never between. A database newer
// than the code is refused rather than touched.
#pragma once

#include "model/result.h"

#include <string>
#include <vector>

namespace wfs::store {

class Database;

struct Migration
{
    int version;             ///< the user_version after this migration (1, 2, ...)
    std::string description; ///< one line for logs and errors
    std::string sql;         ///< statements without parameters, run with Database::exec()
};

// The product schema: workflows, steps, sessions, session_events (v1); performance_metrics,
// metric_counters, workflow_usage (v2); cache_entries (v3); workflow_fts (v4).
const std::vector<Migration> &schemaMigrations();
int latestSchemaVersion();

// Applies every migration above the database's user_version, in order. Returns the version
// reached.
Result<int> migrate(Database &db, const std::vector<Migration> &migrations = schemaMigrations());

} // namespace wfs::store
