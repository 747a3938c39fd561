// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// A one-off check of a team server's store and cache URLs, for Settings ▸ Team server's Test
// Connection: can the store be opened and reached, how many instances report into it and how
// many workflows are published there; can the cache be reached. Blocking (connect timeouts of
// a few seconds): call it off the GUI thread.
//
//   services::TeamProbe p = services::probeTeamServer("postgresql://wfs@db/wfs",
//   "redis://db:6379"); if (!p.storeOk) show(p.store);   // the URL's problem or why it cannot be
//   reached
#pragma once

#include <string>

namespace wfs::services {

struct TeamProbe
{
    bool storeOk = false;
    std::string store; ///< what was found, or what is wrong (URLs shown without password)
    bool cacheOk = false;
    std::string cache;
    int instances = 0; ///< instances that reported metrics in the last 10 minutes
    int published = 0; ///< workflows published to the store
};

// "" as the store URL is this computer's own database (nothing to reach: ok); "" as the cache
// URL is no shared cache (ok).
TeamProbe probeTeamServer(const std::string &storeUrl, const std::string &cacheUrl);

} // namespace wfs::services
