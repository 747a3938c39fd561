// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Opening the product database: the path (--db or the default in AppDataLocation), the open
// and the migration to the current schema, as every entry point does it.
#pragma once

#include "database.h"

#include <memory>
#include <string>

namespace wfs::store {

// Opens `path` (empty = Database::defaultPath(); ":memory:" = in memory) and migrates it.
Result<std::unique_ptr<Database>> openProductDatabase(const std::string &path);

} // namespace wfs::store
