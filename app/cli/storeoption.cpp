// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "storeoption.h"

#include "engine/services/storeurl.h"

namespace wfs::cli {

Result<std::unique_ptr<services::StoreHandle>> openStore(const std::string &storeUrl,
                                                         const std::string &dbPath)
{
    using R = Result<std::unique_ptr<services::StoreHandle>>;
    if (!storeUrl.empty() && !dbPath.empty())
        return R::failure("--store and --db exclude each other");
    std::string url = dbPath.empty() ? services::urlFromFlagOrEnvironment(storeUrl, "WFS_STORE_URL")
                                     : "sqlite:" + dbPath;
    if (Result<services::StoreLocation> location = services::parseStoreUrl(url); !location)
        return R::failure("--store: " + location.error());
    return services::StoreHandle::open(url);
}

} // namespace wfs::cli
