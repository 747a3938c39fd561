// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The store a reporting command (sessions, stats, heat, health) reads: --store URL (a team store:
// every instance's data), --db PATH (the embedded database, as sqlite:PATH), WFS_STORE_URL, or
// the application's own database.
#pragma once

#include "engine/services/storehandle.h"

#include <memory>
#include <string>

namespace wfs::cli {

// Fails with a message; one that starts with "--" is a usage error (exit status 2).
Result<std::unique_ptr<services::StoreHandle>> openStore(const std::string &storeUrl,
                                                         const std::string &dbPath);

} // namespace wfs::cli
