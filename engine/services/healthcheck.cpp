// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The individual health checks. Each returns a verdict with the figures behind it; none throws
// or asserts on bad state: bad state is the thing being reported.
#include "healthcheck.h"
#include "engine/redis/redisclient.h"
#include "engine/services/storehandle.h"
#include "engine/services/storeurl.h"

#include "engine/metrics/processstats.h"

#include "engine/cache/resultcache.h"
#include "engine/store/database.h"
#include "engine/store/migrations.h"

#include <QDir>
#include <QFileInfo>

#include <chrono>
#include <sys/statvfs.h>

namespace wfs::metrics {

const char *healthStatusName(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Healthy:
        return "healthy";
    case HealthStatus::Degraded:
        return "degraded";
    case HealthStatus::Unhealthy:
        return "unhealthy";
    }
    return "unhealthy";
}

static std::string megabytes(std::uint64_t bytes)
{
    return std::to_string((bytes + (1 << 19)) >> 20) + " MB";
}

Json HealthReport::toJson() const
{
    Json checksJson = Json::array();
    for (const HealthCheckResult &c : checks) {
        Json j = Json::object();
        j["name"] = c.name;
        j["status"] = healthStatusName(c.status);
        j["detail"] = c.detail;
        for (const auto &[k, v] : c.data.items())
            j[k] = v;
        checksJson.push_back(std::move(j));
    }
    return Json{{"status", healthStatusName(status)}, {"checks", std::move(checksJson)}};
}

std::string HealthReport::toText() const
{
    std::string out = std::string("status: ") + healthStatusName(status) + "\n";
    for (const HealthCheckResult &c : checks)
        out += "  " + c.name + ": " + healthStatusName(c.status) + " - " + c.detail + "\n";
    return out;
}

HealthCheck::HealthCheck(Options options)
    : m_options(std::move(options))
{
    if (!m_options.rssProvider)
        m_options.rssProvider = &currentRssBytes;
    if (!m_options.diskFreeProvider) {
        m_options.diskFreeProvider = [](const std::string &dir) -> std::optional<std::uint64_t> {
            struct statvfs st = {};
            if (statvfs(dir.c_str(), &st) != 0)
                return std::nullopt;
            return std::uint64_t(st.f_bavail) * std::uint64_t(st.f_frsize);
        };
    }
}

HealthReport HealthCheck::run(store::Database *db, cache::ResultCache *cache,
                              const std::string &databaseError) const
{
    HealthReport report;
    report.checks.push_back(checkDatabase(db, databaseError));
    report.checks.push_back(checkCache(cache));
    report.checks.push_back(checkMemory());
    report.checks.push_back(checkDisk(db));
    for (const HealthCheckResult &c : report.checks)
        report.status = std::max(report.status, c.status);
    return report;
}

HealthCheckResult HealthCheck::checkDatabase(store::Database *db,
                                             const std::string &openError) const
{
    HealthCheckResult r;
    r.name = "database";
    if (!db) {
        r.status = HealthStatus::Unhealthy;
        r.detail = openError.empty() ? "no database is open" : openError;
        return r;
    }
    r.data["path"] = db->path();
    const auto start = std::chrono::steady_clock::now();
    Result<std::int64_t> one = db->queryInt("SELECT 1");
    if (!one || *one != 1) {
        r.status = HealthStatus::Unhealthy;
        r.detail = "SELECT 1 failed: " + (one ? std::string("wrong answer") : one.error());
        return r;
    }
    std::string quick;
    {
        auto lock = db->lock();
        Result<store::Statement> st = db->prepare("PRAGMA quick_check");
        if (!st) {
            r.status = HealthStatus::Unhealthy;
            r.detail = "quick_check failed: " + st.error();
            return r;
        }
        for (int rows = 0; rows < 10; ++rows) {
            Result<bool> row = st->step();
            if (!row) {
                r.status = HealthStatus::Unhealthy;
                r.detail = "quick_check failed: " + row.error();
                return r;
            }
            if (!*row)
                break;
            quick += (quick.empty() ? "" : "; ") + st->columnText(0);
        }
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    r.data["quick_check"] = quick;
    r.data["latency_ms"] = ms;
    if (quick != "ok") {
        r.status = HealthStatus::Unhealthy;
        r.detail = "integrity problem: " + quick;
        return r;
    }
    Result<int> version = db->userVersion();
    const int latest = store::latestSchemaVersion();
    r.data["schema_version"] = version ? *version : -1;
    r.data["schema_latest"] = latest;
    if (!version || *version != latest) {
        r.status = HealthStatus::Degraded;
        r.detail = "schema version " + std::to_string(version ? *version : -1) + ", expected " +
                   std::to_string(latest) + " (run a migration)";
        return r;
    }
    if (ms > 1000) {
        r.status = HealthStatus::Degraded;
        r.detail = "database answers slowly (" + std::to_string(int(ms)) + " ms)";
        return r;
    }
    r.detail = "ok, schema v" + std::to_string(latest);
    return r;
}

HealthCheckResult HealthCheck::checkCache(cache::ResultCache *cache) const
{
    HealthCheckResult r;
    r.name = "cache";
    if (!cache) {
        r.detail = "no result cache in this process";
        return r;
    }
    const cache::CacheStats s = cache->stats();
    r.data["l1_entries"] = s.l1.entries;
    r.data["l1_bytes"] = s.l1.bytes;
    r.data["l1_hit_rate"] = s.l1HitRate();
    r.data["l2_entries"] = s.l2.entries;
    r.data["l2_errors"] = s.l2.errors;
    r.data["l2_hit_rate"] = s.l2HitRate();
    if (s.l2.errors > 0) {
        r.status = HealthStatus::Degraded;
        r.detail = std::to_string(s.l2.errors) + " database errors in the L2 cache";
        return r;
    }
    r.detail = std::to_string(s.l1.entries) + " entries in memory (" + megabytes(s.l1.bytes) +
               "), " + std::to_string(s.l2.entries) + " on disk";
    return r;
}

HealthCheckResult HealthCheck::checkMemory() const
{
    HealthCheckResult r;
    r.name = "memory";
    const std::uint64_t rss = m_options.rssProvider();
    r.data["rss_bytes"] = rss;
    r.data["rss_degraded_bytes"] = m_options.rssDegradedBytes;
    r.data["rss_unhealthy_bytes"] = m_options.rssUnhealthyBytes;
    if (rss >= m_options.rssUnhealthyBytes) {
        r.status = HealthStatus::Unhealthy;
        r.detail = "resident memory " + megabytes(rss) + " is above the limit of " +
                   megabytes(m_options.rssUnhealthyBytes);
    } else if (rss >= m_options.rssDegradedBytes) {
        r.status = HealthStatus::Degraded;
        r.detail = "resident memory " + megabytes(rss) + " is above " +
                   megabytes(m_options.rssDegradedBytes);
    } else {
        r.detail = "resident memory " + megabytes(rss);
    }
    return r;
}

HealthCheckResult HealthCheck::checkDisk(store::Database *db) const
{
    HealthCheckResult r;
    r.name = "disk";
    std::string dir;
    if (db && !db->isInMemory())
        dir = QFileInfo(QString::fromStdString(db->path())).absolutePath().toStdString();
    else
        dir = QDir::tempPath().toStdString();
    r.data["directory"] = dir;
    const std::optional<std::uint64_t> free = m_options.diskFreeProvider(dir);
    if (!free) {
        r.status = HealthStatus::Degraded;
        r.detail = "cannot read the free space of " + dir;
        return r;
    }
    r.data["free_bytes"] = *free;
    if (*free < m_options.diskUnhealthyBytes) {
        r.status = HealthStatus::Unhealthy;
        r.detail = "only " + megabytes(*free) + " free in " + dir;
    } else if (*free < m_options.diskDegradedBytes) {
        r.status = HealthStatus::Degraded;
        r.detail = megabytes(*free) + " free in " + dir + " (low)";
    } else {
        r.detail = megabytes(*free) + " free in " + dir;
    }
    return r;
}

void HealthCheck::applyTeamStore(HealthReport &report, services::StoreHandle *store,
                                 const std::string &url, const std::string &error)
{
    HealthCheckResult c;
    c.name = "database";
    const auto start = std::chrono::steady_clock::now();
    Result<void> ping =
        store ? store->ping() : Result<void>::failure(error.empty() ? "not connected" : error);
    c.data["store"] = store ? store->describe() : services::redactUrl(url);
    c.data["latency_ms"] =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (ping) {
        c.detail = "team store " + c.data["store"].get<std::string>() + " reachable";
    } else {
        c.status = HealthStatus::Unhealthy;
        c.detail = "team store unreachable: " + ping.error();
        c.data["error"] = ping.error();
    }
    bool replaced = false;
    for (HealthCheckResult &existing : report.checks) {
        if (existing.name == "database") {
            existing = c;
            replaced = true;
        }
    }
    if (!replaced)
        report.checks.insert(report.checks.begin(), std::move(c));
    settle(report);
}

void HealthCheck::applySharedCache(HealthReport &report, redis::RedisClient &cache)
{
    HealthCheckResult *c = nullptr;
    for (HealthCheckResult &existing : report.checks) {
        if (existing.name == "cache")
            c = &existing;
    }
    if (!c) {
        report.checks.push_back({"cache", HealthStatus::Healthy, "shared cache", Json::object()});
        c = &report.checks.back();
    }
    c->data["shared"] = cache.describe();
    if (Result<void> ping = cache.ping(); !ping) {
        c->status = std::max(c->status, HealthStatus::Degraded);
        c->detail = "shared cache unreachable, serving from memory: " + ping.error();
        c->data["shared_error"] = ping.error();
    } else if (!c->data.contains("l1_entries")) {
        // No cache of this process to report on (the CLI): the shared one is the verdict.
        c->status = HealthStatus::Healthy;
        c->detail = "shared cache " + cache.describe() + " reachable";
    }
    settle(report);
}

void HealthCheck::settle(HealthReport &report)
{
    report.status = HealthStatus::Healthy;
    for (const HealthCheckResult &c : report.checks)
        report.status = std::max(report.status, c.status);
}

} // namespace wfs::metrics
