// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "teamprobe.h"

#include "storehandle.h"
#include "storeurl.h"

#include "engine/redis/redisclient.h"
#include "engine/store/metricsstore.h"
#include "engine/store/workflowstore.h"

#include <QDateTime>

#include <set>

namespace wfs::services {

namespace {

constexpr std::int64_t kRecentMs = 10 * 60'000;

void probeStore(const std::string &url, TeamProbe &p)
{
    Result<StoreLocation> location = parseStoreUrl(url);
    if (!location) {
        p.store = location.error();
        return;
    }
    if (location->kind != StoreLocation::Kind::PostgreSql) {
        p.storeOk = true;
        p.store = url.empty() ? "this computer's own database" : "the database " + location->target;
        return;
    }
    Result<std::unique_ptr<StoreHandle>> store = StoreHandle::open(url);
    if (!store) {
        p.store = store.error();
        return;
    }
    if (Result<void> ping = (*store)->ping(); !ping) {
        p.store = ping.error();
        return;
    }
    p.storeOk = true;
    p.store = (*store)->describe();
    const std::int64_t since = QDateTime::currentMSecsSinceEpoch() - kRecentMs;
    if (Result<store::FleetMetrics> fleet = (*store)->fleetMetrics(since)) {
        std::set<std::string> instances;
        for (const store::FleetWindow &w : fleet->windows)
            instances.insert(w.instance);
        for (const store::FleetCounter &c : fleet->counters)
            instances.insert(c.instance);
        p.instances = int(instances.size());
    }
    store::ListFilter published;
    published.source = "published";
    if (auto list = (*store)->workflows().list(published))
        p.published = int(list->size());
}

void probeCache(const std::string &url, TeamProbe &p)
{
    if (url.empty()) {
        p.cacheOk = true;
        p.cache = "no shared cache";
        return;
    }
    Result<redis::RedisOptions> options = redis::parseRedisUrl(url);
    if (!options) {
        p.cache = options.error();
        return;
    }
    redis::RedisClient client(std::move(*options));
    if (Result<void> ping = client.ping(); !ping) {
        p.cache = ping.error();
        return;
    }
    p.cacheOk = true;
    p.cache = client.describe();
}

} // namespace

TeamProbe probeTeamServer(const std::string &storeUrl, const std::string &cacheUrl)
{
    TeamProbe p;
    probeStore(storeUrl, p);
    probeCache(cacheUrl, p);
    return p;
}

} // namespace wfs::services
