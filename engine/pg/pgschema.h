// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Internal to wfs_pg: the PostgreSQL schema as numbered migrations, applied in one transaction
// under a transaction-level advisory lock, so that instances starting at once migrate once.
// Never edit a released migration: add a new one.
#pragma once

#include "pgconnection.h"

namespace wfs::pg::detail {

struct PgMigration
{
    int version;
    const char *description;
    const char *sql;
};

const std::vector<PgMigration> &pgMigrations();
// Brings the schema to the latest version; returns it. Fails on a database newer than this
// program.
Result<int> migrate(PgConnection &conn);

} // namespace wfs::pg::detail
