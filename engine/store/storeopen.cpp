// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "storeopen.h"

#include "migrations.h"

namespace wfs::store {

Result<std::unique_ptr<Database>> openProductDatabase(const std::string &path)
{
    using R = Result<std::unique_ptr<Database>>;
    const std::string p = path.empty() ? Database::defaultPath() : path;
    R db = Database::open(p);
    if (!db)
        return db;
    if (Result<int> v = migrate(**db); !v)
        return R::failure(p + ": " + v.error());
    return db;
}

} // namespace wfs::store
