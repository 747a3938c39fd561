// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Composition of the engine, the store, the cache and the metrics; see runtime.h.
//
// Start-up does only what a first call needs: open + migrate the database (a few ms), build the
// engine, restore the sessions. Warming the cache from usage runs first thing on the background
// thread, which then loops: flush written-behind sessions every sessionFlushMs, tick the metric
// windows every second, persist metrics, cache counters and workflow usage every
// metricsPersistMs. The destructor stops the loop and writes once more.
#include "runtime.h"

#include "session.h"

#include "engine/cache/cachingengine.h"
#include "engine/cache/l2cache.h"
#include "engine/cache/resultcache.h"
#include "engine/metrics/metricsregistry.h"
#include "engine/metrics/processstats.h"
#include "engine/redis/redisclient.h"
#include "engine/redis/redisl2store.h"
#include "engine/services/publishedworkflows.h"
#include "engine/services/storehandle.h"
#include "engine/services/storeurl.h"
#include "engine/store/database.h"
#include "engine/store/metricsstore.h"
#include "engine/store/migrations.h"
#include "engine/store/sessionsink.h"
#include "engine/store/workflowstore.h"
#include "engine/workflowrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTemporaryFile>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <functional>
#include <mutex>
#include <thread>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace wfs {

using Clock = std::chrono::steady_clock;

struct Runtime::Private
{
    Options options;
    metrics::MetricsRegistry *registry = nullptr;

    // Declaration order is destruction order reversed: the database outlives everything that
    // writes to it, the engine outlives the decorator that observes it.
    std::unique_ptr<store::Database> db; ///< set once: at construction or by reopenDatabase()
    std::atomic<store::Database *> dbView{nullptr}; ///< db.get() for other threads
    mutable std::mutex stateMutex;                  ///< guards dbPath, dbError, dbProblem
    std::string dbPath;
    std::string dbError;
    DatabaseProblem dbProblem = DatabaseProblem::None;
    double dbOpenMs = 0;
    std::unique_ptr<Engine> engine;
    std::shared_ptr<cache::L2Store> l2;
    std::shared_ptr<redis::RedisClient> redis; ///< Options::cacheUrl: the team's shared L2
    std::shared_ptr<cache::ResultCache> cache;
    std::unique_ptr<cache::CachingEngine> caching;
    // The stores, through their interfaces: the SQLite ones are owned here, a team server's
    // belong to its backend. Set with `mutex` held (reopenDatabase() may attach them late).
    std::shared_ptr<SessionSink> sink;
    store::AbstractSessionStore *sessionStore = nullptr;
    std::atomic<store::AbstractSessionStore *> sessionStoreView{nullptr}; ///< for other threads
    std::unique_ptr<store::AbstractMetricsStore> ownedMetricsStore;
    store::AbstractMetricsStore *metricsStore = nullptr;
    Clock::time_point nextPrune{}; ///< guarded by mutex

    /// guards stop, warmed, warmedCount, options.metricsRetentionDays, nextPrune and serialises
    /// persistMetrics()
    mutable std::mutex mutex;
    std::condition_variable wake;
    bool stop = false;
    bool warmed = false;
    int warmedCount = 0;
    std::thread worker;

    std::string storeUrlError; ///< Options::storeUrl could not be used (set once, at start)

    // A team store (--store postgresql://…) instead of the embedded database: opened at start
    // and, while it cannot be reached, retried from the runtime thread every kTeamRetry.
    std::string teamUrl;
    std::unique_ptr<services::StoreHandle> team; ///< set once (guarded by mutex for readers)
    std::atomic<services::StoreHandle *> teamView{nullptr};
    Clock::time_point nextTeamRetry{};
    static constexpr auto kTeamRetry = std::chrono::seconds(2);

    // Published workflows (an explicit --store): mirrored into a private folder the engine reads
    // as its lowest-precedence extra source; synced at start, when the store says they changed
    // (a team store's notification) and by polling (every 0.4 s for SQLite).
    std::unique_ptr<store::WorkflowStore> ownedWorkflowStore;
    std::unique_ptr<QTemporaryDir> publishedDir;
    std::unique_ptr<services::PublishedWorkflows> published;
    std::unique_ptr<services::StoreHandle::Watch> publishedWatch;
    std::atomic<bool> publishedDirty{false};
    Clock::duration publishedPollEvery = std::chrono::milliseconds(400);
    Clock::time_point nextPublishedPoll{};

    void configureStore();
    void createPublishedFolder();
    void preparePublished();
    bool openTeamStore();
    std::function<void()> teamConnected; ///< Runtime::teamStoreConnected, once constructed
    void attachTeamSessions();
    void syncPublished(bool reload);
    void openDatabase();
    void attachDatabase(bool late);
    void run();
    void warm();
    void persistMetrics();
};

namespace {

// True when a file can be created in `dir` (an existing folder). Asks the file system rather
// than the permission bits: root ignores those, a read-only mount does not.
bool folderWritable(const QString &dir)
{
    QTemporaryFile probe(dir + QStringLiteral("/.workflow-studio-probe-XXXXXX"));
    return probe.open();
}

// The nearest existing folder at or above the database's folder (mkpath creates the rest).
QString existingFolderOf(const QString &file)
{
    QString dir = QFileInfo(file).absolutePath();
    while (!QFileInfo(dir).exists()) {
        const QString parent = QFileInfo(dir).absolutePath();
        if (parent == dir)
            break;
        dir = parent;
    }
    return dir;
}

} // namespace

// Reads Options::storeUrl: sqlite:PATH names the database file.
void Runtime::Private::configureStore()
{
    Result<services::StoreLocation> location = services::parseStoreUrl(options.storeUrl);
    if (!location) {
        storeUrlError = location.error();
        return;
    }
    if (location->kind == services::StoreLocation::Kind::Sqlite && !location->target.empty())
        options.databasePath = location->target;
    if (location->kind == services::StoreLocation::Kind::PostgreSql)
        teamUrl = location->target;
}

// The engine's sessions on the team store: loaded on demand, written through before the answer
// leaves, then dropped from memory (SessionManager::setSharedStore), so any instance continues
// any session and a SIGKILLed instance loses nothing it answered.
void Runtime::Private::attachTeamSessions()
{
    services::StoreHandle *handle = teamView.load();
    SessionManager &sessions = engine->sessions();
    sessions.setSink(handle->sessionSink());
    sessions.setWriteBehind(false); // written through: see SessionManager::setSharedStore
    sessions.setSharedStore([handle](const std::string &id) -> std::optional<Session> {
        Result<std::optional<store::SessionRecord>> r = handle->sessions().load(id);
        if (!r || !*r)
            return std::nullopt;
        return store::sessionOfRecord(**r);
    });
}

// Connects to the team store and attaches sessions (shared: loaded on demand, written through),
// metrics, usage and the published set to it. False (saying why in databaseError()) while it
// cannot be reached.
bool Runtime::Private::openTeamStore()
{
    nextTeamRetry = Clock::now() + kTeamRetry;
    services::StoreHandle::Options so;
    so.instanceId = options.instanceId;
    Result<std::unique_ptr<services::StoreHandle>> opened =
        services::StoreHandle::open(teamUrl, so);
    if (!opened) {
        std::lock_guard lock(stateMutex);
        const bool first = dbError != opened.error();
        dbPath = services::redactUrl(teamUrl);
        dbProblem = DatabaseProblem::Unavailable;
        dbError = opened.error();
        if (first)
            qWarning("runtime: the team store cannot be reached (retrying): %s", dbError.c_str());
        return false;
    }
    services::StoreHandle &store = **opened;
    {
        std::lock_guard lock(mutex);
        team = std::move(*opened);
        sink = store.sessionSink();
        sessionStore = &store.sessions();
        metricsStore = &store.metrics();
    }
    sessionStoreView.store(&store.sessions());
    teamView.store(&store);
    {
        std::lock_guard lock(stateMutex);
        dbPath = store.describe();
        dbProblem = DatabaseProblem::None;
        dbError.clear();
    }
    if (engine) // attached late: the engine exists
        attachTeamSessions();
    if (publishedDir && !published) {
        published = std::make_unique<services::PublishedWorkflows>(
            store.workflows(), publishedDir->path().toStdString());
        publishedPollEvery = std::chrono::seconds(30); // notifications say when; this is a net
        publishedWatch = store.watchWorkflows([this](const std::string &) {
            publishedDirty = true;
            std::lock_guard lock(mutex);
            wake.notify_all();
        });
        if (!publishedWatch)
            publishedPollEvery = std::chrono::milliseconds(400);
        syncPublished(engine != nullptr);
    }
    return true;
}

void Runtime::Private::createPublishedFolder()
{
    if (options.storeUrl.empty() || options.storage == Storage::Disabled)
        return;
    // The folder names its process: mirrors left by killed instances (no destructor ran) are
    // removed by the next one to start.
    const QDir temp(QDir::tempPath());
    for (const QString &name : temp.entryList({QStringLiteral("wfs-published-*")}, QDir::Dirs)) {
        const qint64 pid = name.section(QLatin1Char('-'), 2, 2).toLongLong();
        if (pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            QDir(temp.filePath(name)).removeRecursively();
    }
    publishedDir = std::make_unique<QTemporaryDir>(
        QDir::tempPath() +
        QStringLiteral("/wfs-published-%1-XXXXXX").arg(QCoreApplication::applicationPid()));
    if (!publishedDir->isValid()) {
        qWarning("runtime: published workflows not served: no temporary folder: %s",
                 qPrintable(publishedDir->errorString()));
        publishedDir.reset();
    }
}

// The published set of an embedded database named with --store sqlite:PATH (a team store's is
// mirrored by openTeamStore()), before the engine first loads.
void Runtime::Private::preparePublished()
{
    if (!publishedDir || published || !db)
        return;
    ownedWorkflowStore = std::make_unique<store::WorkflowStore>(*db);
    published = std::make_unique<services::PublishedWorkflows>(*ownedWorkflowStore,
                                                               publishedDir->path().toStdString());
    syncPublished(false);
}

void Runtime::Private::syncPublished(bool reload)
{
    nextPublishedPoll = Clock::now() + publishedPollEvery;
    Result<bool> changed = published->sync();
    if (!changed) {
        qWarning("runtime: %s", changed.error().c_str());
        return;
    }
    if (*changed && reload)
        engine->repository().reloadAsync();
}

// Opens and migrates the database, and when that fails says why in terms a person can act on:
// a read-only folder is checked first (nothing else can work there), a newer schema is left
// untouched, a file that exists but does not open is corrupt.
void Runtime::Private::openDatabase()
{
    if (options.storage == Storage::Disabled)
        return;
    using Problem = DatabaseProblem;
    if (!storeUrlError.empty()) {
        std::lock_guard lock(stateMutex);
        dbPath = services::redactUrl(options.storeUrl);
        dbProblem = Problem::Unavailable;
        dbError = storeUrlError;
        qWarning("runtime: running without a database: %s", dbError.c_str());
        return;
    }
    if (!teamUrl.empty()) {
        const auto start = Clock::now();
        openTeamStore();
        dbOpenMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        return;
    }
    const std::string path =
        options.databasePath.empty() ? store::Database::defaultPath() : options.databasePath;
    const QString qpath = QString::fromStdString(path);
    const bool memory = path == ":memory:";
    const auto fail = [&](Problem problem, std::string reason) {
        std::lock_guard lock(stateMutex);
        dbPath = path;
        dbProblem = problem;
        dbError = std::move(reason);
        qWarning("runtime: running without a database: %s", dbError.c_str());
    };
    const auto start = Clock::now();
    const auto elapsed = [&] {
        dbOpenMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    };
    if (!memory) {
        const QFileInfo file(qpath);
        const QString folder = existingFolderOf(qpath);
        if (QFileInfo(folder).isDir() && !folderWritable(folder)) {
            elapsed();
            return fail(Problem::ReadOnly, "the folder " +
                                               QDir::toNativeSeparators(folder).toStdString() +
                                               " is read-only: " + path + " cannot be written");
        }
        if (file.isFile() && !QFile(qpath).open(QIODevice::ReadWrite)) {
            elapsed();
            return fail(Problem::ReadOnly, "the file " + path + " is read-only");
        }
    }
    Result<std::unique_ptr<store::Database>> opened = store::Database::open(path);
    if (!opened) {
        elapsed();
        const QFileInfo file(qpath);
        return fail(file.isFile() && file.size() > 0 ? Problem::Corrupt : Problem::Unavailable,
                    opened.error());
    }
    Result<int> version = (*opened)->userVersion();
    if (!version) {
        elapsed();
        return fail(Problem::Corrupt, "cannot read database " + path + ": " + version.error());
    }
    if (*version > store::latestSchemaVersion()) {
        elapsed();
        return fail(Problem::NewerSchema, "database " + path + " has schema version " +
                                              std::to_string(*version) +
                                              ", newer than this program's " +
                                              std::to_string(store::latestSchemaVersion()) +
                                              " (written by a newer Workflow Studio)");
    }
    if (Result<int> v = store::migrate(**opened); !v) {
        elapsed();
        return fail(Problem::Corrupt, path + ": " + v.error());
    }
    elapsed();
    db = std::move(*opened);
    dbView.store(db.get());
    std::lock_guard lock(stateMutex);
    dbPath = path;
    dbProblem = Problem::None;
    dbError.clear();
}

// Sessions (restored, then written behind), metrics and usage on the open database. `late`:
// opened by reopenDatabase() while the runtime was serving from memory; the sessions kept in
// memory meanwhile are written to it and win over older copies of the same id in the file.
void Runtime::Private::attachDatabase(bool late)
{
    auto newSink = std::make_shared<store::SqliteSessionSink>(*db);
    SessionManager &sessions = engine->sessions();
    if (options.restoreSessions > 0) {
        if (!late) {
            if (Result<int> n = newSink->restoreInto(sessions, options.restoreSessions); !n)
                qWarning("runtime: sessions not restored: %s", n.error().c_str());
        } else {
            SessionManager stored;
            if (Result<int> n = newSink->restoreInto(stored, options.restoreSessions); !n)
                qWarning("runtime: sessions not restored: %s", n.error().c_str());
            for (Session &s : stored.list()) {
                if (!sessions.get(s.id))
                    sessions.restore(std::move(s));
            }
        }
    }
    if (late) {
        for (const Session &s : sessions.list())
            newSink->sessionSaved(s);
    }
    {
        std::lock_guard lock(mutex);
        sink = newSink;
        sessionStore = &newSink->store();
        ownedMetricsStore = std::make_unique<store::MetricsStore>(*db);
        metricsStore = ownedMetricsStore.get();
    }
    sessionStoreView.store(&newSink->store());
    sessions.setSink(newSink);
    sessions.setWriteBehind(true);
}

void Runtime::Private::warm()
{
    int n = 0;
    store::AbstractMetricsStore *usage = nullptr;
    {
        std::lock_guard lock(mutex); // reopenDatabase() may set it meanwhile
        usage = metricsStore;
    }
    if (usage && options.warmLimit > 0) {
        Result<int> r = caching->warmFromUsage(*usage, options.warmLimit);
        if (r)
            n = *r;
        else
            qWarning("runtime: %s", r.error().c_str());
    }
    std::lock_guard lock(mutex);
    warmed = true;
    warmedCount = n;
    wake.notify_all();
}

void Runtime::Private::persistMetrics()
{
    std::lock_guard lock(mutex);
    if (!metricsStore)
        return;
    std::map<std::string, double> counters = cache->stats().toCounters();
    counters["process.rss_bytes"] = double(metrics::currentRssBytes());
    counters["process.heap_bytes"] = double(metrics::currentHeapBytes());
    if (Result<int> rows = metricsStore->persist(*registry, counters); !rows)
        qWarning("runtime: metrics not persisted: %s", rows.error().c_str());
    if (Result<void> r = metricsStore->addUsage(caching->takeUsage()); !r)
        qWarning("runtime: workflow usage not persisted: %s", r.error().c_str());
    // Retention: at the first persist, then once an hour.
    const auto now = Clock::now();
    const bool hourly = now >= nextPrune;
    if (hourly)
        nextPrune = now + std::chrono::hours(1);
    const std::int64_t nowMs = QDateTime::currentMSecsSinceEpoch();
    if (options.metricsRetentionDays > 0 && hourly) {
        const std::int64_t cutoffMs =
            nowMs - std::int64_t(options.metricsRetentionDays) * 86'400'000;
        if (Result<int> r = metricsStore->prune(cutoffMs); !r)
            qWarning("runtime: old metrics not pruned: %s", r.error().c_str());
    }
    // Sessions: by age hourly; by count (sessions, call-log rows) at every persist, so a burst
    // of traffic cannot grow the file for an hour first.
    if (sessionStore) {
        const std::int64_t cutoffMs =
            hourly && options.sessionRetentionDays > 0
                ? nowMs - std::int64_t(options.sessionRetentionDays) * 86'400'000
                : 0;
        Result<store::AbstractSessionStore::Pruned> r =
            sessionStore->prune(cutoffMs, options.maxStoredSessions, options.maxStoredCalls);
        if (!r)
            qWarning("runtime: old sessions not pruned: %s", r.error().c_str());
    }
}

// Gives the heap's free pages back to the system once more than 1 MB lies free (start-up
// parsing and bursts of requests leave freed blocks that glibc keeps otherwise): a long-running
// `wfstudio mcp` should hold what it uses, not its peak.
static void releaseFreeMemory()
{
#ifdef __GLIBC__
    if (mallinfo2().fordblks > (std::size_t(1) << 20))
        malloc_trim(0);
#endif
}

void Runtime::Private::run()
{
    warm();
    releaseFreeMemory();
    const auto flushEvery = std::chrono::milliseconds(std::max(10, options.sessionFlushMs));
    const auto persistEvery = std::chrono::milliseconds(std::max(100, options.metricsPersistMs));
    const auto tickEvery = std::chrono::seconds(1);
    auto nextFlush = Clock::now() + flushEvery;
    auto nextPersist = Clock::now() + persistEvery;
    auto nextTick = Clock::now() + tickEvery;
    for (;;) {
        {
            std::unique_lock lock(mutex);
            const auto until = std::min({nextFlush, nextPersist, nextTick});
            wake.wait_until(lock, until, [this] { return stop; });
            if (stop)
                return;
        }
        const auto now = Clock::now();
        if (!teamUrl.empty() && !teamView.load() && now >= nextTeamRetry)
            if (openTeamStore() && teamConnected)
                teamConnected();
        if (published && (publishedDirty.exchange(false) || now >= nextPublishedPoll))
            syncPublished(true);
        if (now >= nextFlush) {
            engine->sessions().flushPending();
            nextFlush = now + flushEvery;
        }
        if (now >= nextTick) {
            if (options.tickMetrics)
                registry->tick();
            releaseFreeMemory();
            nextTick = now + tickEvery;
        }
        if (now >= nextPersist) {
            persistMetrics();
            nextPersist = now + persistEvery;
        }
    }
}

Runtime::Runtime(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->teamConnected = [this] { emit teamStoreConnected(); };
    d->configureStore();
    d->registry = d->options.registry ? d->options.registry : &metrics::MetricsRegistry::global();
    d->createPublishedFolder();
    d->openDatabase();

    d->preparePublished();

    Engine::Options eo;
    eo.includeBundled = d->options.includeBundled;
    eo.useStandardLocations = d->options.useStandardLocations;
    eo.useEnvironment = d->options.useEnvironment;
    if (d->publishedDir) // below the process's own --workflows
        eo.extraDirs.push_back(d->publishedDir->path().toStdString());
    eo.extraDirs.insert(eo.extraDirs.end(), d->options.workflowDirs.begin(),
                        d->options.workflowDirs.end());
    eo.watchFiles = d->options.watchFiles;
    d->engine = std::make_unique<Engine>(std::move(eo));

    if (!d->options.cacheUrl.empty()) {
        // A team's shared L2 in Redis: every instance reads what any one computed. Down, it
        // costs nothing (calls fail fast, L1 serves) and it recovers by itself.
        Result<redis::RedisOptions> ro = redis::parseRedisUrl(d->options.cacheUrl);
        if (ro) {
            ro->instanceId = d->options.instanceId;
            d->redis = std::make_shared<redis::RedisClient>(std::move(*ro));
            d->l2 = std::make_shared<redis::RedisL2Store>(d->redis);
        } else {
            qWarning("runtime: no shared cache: %s", ro.error().c_str());
        }
    } else if (d->db) {
        cache::L2Cache::Options lo;
        lo.maxBytes = d->options.l2Bytes;
        d->l2 = std::make_shared<cache::L2Cache>(*d->db, lo);
    }
    cache::ResultCache::Options co;
    co.l1.maxBytes = d->options.l1Bytes;
    co.ttlMs = d->options.cacheTtlMs;
    d->cache = std::make_shared<cache::ResultCache>(std::move(co), d->l2);
    d->caching = std::make_unique<cache::CachingEngine>(*d->engine, d->cache, *d->registry);

    if (d->db)
        d->attachDatabase(false);
    if (d->teamView.load())
        d->attachTeamSessions();
    d->worker = std::thread([p = d.get()] { p->run(); });
}

Runtime::~Runtime()
{
    // A reload on the repository's worker refreshes the cache: let it finish first.
    d->engine->repository().waitForReloads();
    {
        std::lock_guard lock(d->mutex);
        d->stop = true;
        d->wake.notify_all();
    }
    if (d->worker.joinable())
        d->worker.join();
    flush();
    SessionManager &sessions = d->engine->sessions();
    sessions.setWriteBehind(false);
    sessions.setSink(nullptr);
}

void Runtime::setMetricsRetentionDays(int days)
{
    std::lock_guard lock(d->mutex);
    const int value = std::max(0, days);
    if (d->options.metricsRetentionDays == value)
        return;
    d->options.metricsRetentionDays = value;
    d->nextPrune = {}; // prune with the new limit at the next persist
}

int Runtime::metricsRetentionDays() const
{
    std::lock_guard lock(d->mutex);
    return d->options.metricsRetentionDays;
}

void Runtime::setSessionRetentionDays(int days)
{
    std::lock_guard lock(d->mutex);
    const int value = std::max(0, days);
    if (d->options.sessionRetentionDays == value)
        return;
    d->options.sessionRetentionDays = value;
    d->nextPrune = {};
}

int Runtime::sessionRetentionDays() const
{
    std::lock_guard lock(d->mutex);
    return d->options.sessionRetentionDays;
}

void Runtime::flush()
{
    d->engine->sessions().flushPending();
    d->persistMetrics();
}

int Runtime::waitForWarming()
{
    std::unique_lock lock(d->mutex);
    d->wake.wait(lock, [this] { return d->warmed || d->stop; });
    return d->warmedCount;
}

ToolResult Runtime::toolCall(std::string_view name, const Json &arguments, const CallContext &ctx)
{
    return d->caching->callTool(name, arguments, ctx);
}

Engine &Runtime::engine() const
{
    return *d->engine;
}

cache::CachingEngine &Runtime::cachingEngine() const
{
    return *d->caching;
}

cache::ResultCache &Runtime::cache() const
{
    return *d->cache;
}

SessionManager &Runtime::sessions() const
{
    return d->engine->sessions();
}

metrics::MetricsRegistry &Runtime::registry() const
{
    return *d->registry;
}

store::Database *Runtime::database() const
{
    return d->dbView.load();
}

store::AbstractSessionStore *Runtime::sessionStore() const
{
    return d->sessionStoreView.load();
}

store::AbstractMcpSessionStore *Runtime::mcpSessionStore() const
{
    services::StoreHandle *team = d->teamView.load();
    return team ? team->mcpSessions() : nullptr;
}

bool Runtime::isTeamServer() const
{
    return !d->teamUrl.empty();
}

services::StoreHandle *Runtime::teamStore() const
{
    return d->teamView.load();
}

std::string Runtime::publishedFolder() const
{
    return d->publishedDir ? d->publishedDir->path().toStdString() : std::string();
}

std::string Runtime::databaseError() const
{
    std::lock_guard lock(d->stateMutex);
    return d->dbError;
}

Runtime::DatabaseState Runtime::databaseState() const
{
    DatabaseState s;
    s.disabled = d->options.storage == Storage::Disabled;
    // A team store in use counts as the open database (nothing to repair or move aside).
    s.open = d->dbView.load() != nullptr || d->teamView.load() != nullptr;
    {
        std::lock_guard lock(d->stateMutex);
        s.problem = d->dbProblem;
        s.path = d->dbPath;
        s.reason = d->dbError;
    }
    if (!s.open && !s.disabled && s.path != ":memory:" && !s.path.empty()) {
        const QString path = QString::fromStdString(s.path);
        s.canMoveAside = QFileInfo(path).isFile() && folderWritable(QFileInfo(path).absolutePath());
    }
    return s;
}

Result<std::string> Runtime::moveDatabaseAside()
{
    using R = Result<std::string>;
    const DatabaseState s = databaseState();
    if (s.open)
        return R::failure("the database " + s.path + " is open; it is not moved aside");
    if (s.disabled || s.path.empty() || s.path == ":memory:")
        return R::failure("there is no database file to move aside");
    const QString path = QString::fromStdString(s.path);
    if (!QFileInfo(path).isFile())
        return R::failure("there is no file " + s.path + " to move aside");
    const QString folder = QFileInfo(path).absolutePath();
    if (!folderWritable(folder))
        return R::failure("the folder " + QDir::toNativeSeparators(folder).toStdString() +
                          " is read-only: " + s.path + " cannot be moved aside");
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = path + QStringLiteral(".broken-") + stamp;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = path + QStringLiteral(".broken-%1-%2").arg(stamp).arg(n);
    // The journal files belong to the broken file: they go with it, or a fresh database
    // would replay them.
    for (const QString &suffix :
         {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        if (QFileInfo::exists(path + suffix) && !QFile::rename(path + suffix, target + suffix))
            return R::failure("cannot move " + (path + suffix).toStdString() + " aside to " +
                              (target + suffix).toStdString());
    }
    QFile file(path);
    if (!file.rename(target))
        return R::failure("cannot move " + s.path + " aside to " + target.toStdString() + ": " +
                          file.errorString().toStdString());
    qInfo("runtime: moved the database %s aside to %s", s.path.c_str(), qPrintable(target));
    return target.toStdString();
}

Result<void> Runtime::reopenDatabase()
{
    if (d->db)
        return Result<void>();
    if (d->options.storage == Storage::Disabled)
        return Result<void>::failure("the database is disabled by configuration");
    d->openDatabase();
    if (!d->db)
        return Result<void>::failure(databaseError());
    d->attachDatabase(true);
    emit databaseReopened();
    return Result<void>();
}

double Runtime::databaseOpenMs() const
{
    return d->dbOpenMs;
}

metrics::HealthReport Runtime::health() const
{
    const metrics::HealthCheck check{metrics::HealthCheck::Options{}};
    store::Database *db = d->dbView.load();
    const std::string dbError = databaseError();
    metrics::HealthReport report = check.run(db, d->cache.get(), dbError);
    for (metrics::HealthCheckResult &c : report.checks) {
        if (c.name != "database" || db)
            continue;
        if (d->options.storage == Storage::Disabled) {
            c.status = metrics::HealthStatus::Healthy;
            c.detail = "disabled by configuration: sessions, metrics and the L2 cache stay in "
                       "memory";
            c.data["disabled"] = true;
        } else {
            c.status = metrics::HealthStatus::Degraded;
            c.detail = "not open, serving from memory without persistence: " + dbError;
            c.data["error"] = dbError;
        }
    }
    if (!d->teamUrl.empty())
        metrics::HealthCheck::applyTeamStore(report, d->teamView.load(), d->teamUrl, dbError);
    if (d->redis)
        metrics::HealthCheck::applySharedCache(report, *d->redis);
    report.status = metrics::HealthStatus::Healthy;
    for (const metrics::HealthCheckResult &c : report.checks)
        report.status = std::max(report.status, c.status);
    return report;
}

} // namespace wfs
