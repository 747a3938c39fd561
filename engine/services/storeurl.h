// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Where a runtime keeps its state, as the command line and the settings spell it (#19):
//
//   --store sqlite:PATH              the embedded database (the default; PATH "" = default file)
//   --store postgresql://…           a team server's shared PostgreSQL (libpq URI; postgres:// too)
//   --cache redis://HOST:PORT[/DB]   a team server's shared L2 cache
//
// and the environment variables WFS_STORE_URL / WFS_CACHE_URL that stand in for the flags.
//
//   auto s = services::parseStoreUrl("sqlite:/var/lib/wfs.db");  // {Sqlite, "/var/lib/wfs.db"}
//   std::string shown = services::redactUrl(url);                  // password replaced by ***
#pragma once

#include "model/result.h"

#include <string>
#include <string_view>

namespace wfs::services {

struct StoreLocation
{
    enum class Kind { Sqlite, PostgreSql };
    Kind kind = Kind::Sqlite;
    std::string target; ///< Sqlite: the file ("" = default, ":memory:"); PostgreSql: the URI
};

// "" and "sqlite:PATH" → Sqlite; "postgresql://…" / "postgres://…" → PostgreSql. Anything
// else fails naming the schemes that are understood.
Result<StoreLocation> parseStoreUrl(std::string_view url);
// "" → ""; "redis://…" → unchanged; anything else fails ("--cache takes redis://HOST:PORT[/DB]").
Result<std::string> parseCacheUrl(std::string_view url);
// The URL with the password of its user-info (scheme://user:PASSWORD@…) replaced by "***", for
// logs, health reports and the status bar.
std::string redactUrl(std::string_view url);
// `flag` when it is not empty, else the environment variable `name` (WFS_STORE_URL, ...).
std::string urlFromFlagOrEnvironment(const std::string &flag, const char *name);

} // namespace wfs::services
