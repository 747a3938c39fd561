// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Where workflows come from (workrail-compat.md §5) and the immutable snapshot the engine
// serves them from.
//
// Sources, lowest to highest precedence: bundled samples (:/workflows), ~/.workrail/workflows,
// ./workflows, each WORKFLOW_STORAGE_PATH entry, each extra directory (the studio's workflow
// folders and --workflows DIR). There is no other layer: what is served is what the files in
// those directories say, so an edit, a new file, a deletion or a rename applies with the next
// reload (the watcher's, within the debounce, or reload()). Per directory only direct *.json
// children; files over 1,000,000 bytes,
// unparsable JSON, objects without an id and schema-invalid workflows are skipped AND reported
// (diagnostics()), and a skipped file never hides the valid workflow it would override.
//
// Threading: snapshot() is safe from any thread and never blocks on a rebuild (atomic
// shared_ptr swap). The repository itself (watcher, timers, signals) lives in the thread that
// created it; reload(), reloadAsync() and setExtraDirs() may be called from any thread. Every
// rebuild takes a generation number when it starts, and a rebuild finishing after a newer one
// is dropped, so concurrent reloads never publish an older view of the disk last. changed() is
// emitted from the thread that ran the rebuild (reloadAsync() and the watcher's reloads: the
// repository's own worker thread, never the thread that owns it).
//
// Memory (5,000 workflows): a snapshot keeps per workflow its summary (id, name, description,
// version, category), a content hash and the source text compressed; the parsed document and
// its compiled form are built on first use and kept in a bounded LRU shared by all snapshots
// (keyed by content hash, so a reload keeps what did not change). A rebuild re-reads only the
// files whose size, mtime, ctime or inode changed since the previous one.
#pragma once

#include "compiledworkflow.h"
#include "engine.h"
#include "model/json.h"

#include <QByteArray>
#include <QObject>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

class QFileInfo;
class QFileSystemWatcher;
class QTimer;

namespace wfs {

// One problem found while loading a source.
struct SourceDiagnostic
{
    enum class Kind {
        Unreadable,    ///< cannot open / too large (> 1,000,000 bytes)
        InvalidJson,   ///< does not parse
        MissingId,     ///< no string "id"
        SchemaInvalid, ///< fails the workflow schema: not served
        Overridden     ///< a valid workflow replaced one of a lower-precedence source (info)
    };
    Kind kind = Kind::Unreadable;
    std::string source;  ///< the directory (":/workflows" for the bundled samples)
    std::string file;    ///< the file path
    std::string message; ///< human-readable, names the file and, when known, line:column/pointer
};

class CompiledWorkflowCache;

// One served workflow: its summary and where it came from; the document and its compiled form
// on demand.
struct WorkflowEntry
{
    std::string id;
    std::string file;   ///< where it was read from (":/workflows/x.json" when bundled)
    std::string source; ///< the source directory
    std::string hash;   ///< 16 hex digits of SHA-256 of the file's bytes
    std::string category; ///< the document's "category" ("" when absent or not a string)

    // workflow_list's item for it: {id, name, description, category: "default", version},
    // the values as the document has them.
    const Json &summary() const { return *m_summary; }
    // A string member of summary() ("name", "description", "version"); "" otherwise.
    std::string summaryText(const char *key) const;

    // The compiled workflow (parsed and compiled on first use, then kept in the repository's
    // bounded LRU). Never null. Keep the pointer for the whole operation.
    std::shared_ptr<const engine::CompiledWorkflow> workflow() const;
    // The document, parsed now (not cached): for whole-set readers such as the Library index.
    Json document() const;
    // The source text as read from the file.
    std::string sourceText() const;

private:
    friend class WorkflowRepository;
    std::shared_ptr<const Json> m_summary;
    std::shared_ptr<const QByteArray> m_compressed; ///< qCompress(source text)
    std::shared_ptr<CompiledWorkflowCache> m_compiled;
};

// The compiled workflows kept in memory: at most `maxEntries`, least recently used dropped.
// Thread-safe; shared by a repository and its snapshots.
class CompiledWorkflowCache
{
public:
    explicit CompiledWorkflowCache(std::size_t maxEntries);
    std::shared_ptr<const engine::CompiledWorkflow> get(const std::string &hash);
    void put(const std::string &hash, std::shared_ptr<const engine::CompiledWorkflow> workflow);
    std::size_t size() const;
    std::uint64_t compiles() const { return m_compiles.load(std::memory_order_relaxed); }
    void countCompile() { m_compiles.fetch_add(1, std::memory_order_relaxed); }

private:
    using Item = std::pair<std::string, std::shared_ptr<const engine::CompiledWorkflow>>;
    mutable std::mutex m_mutex;
    std::size_t m_maxEntries;
    std::list<Item> m_items; ///< most recently used first
    std::unordered_map<std::string, std::list<Item>::iterator> m_index;
    std::atomic<std::uint64_t> m_compiles{0};
};

// An immutable set of workflows.
class WorkflowSnapshot
{
public:
    const std::vector<WorkflowEntry> &entries() const { return m_entries; } ///< list order
    const WorkflowEntry *find(std::string_view id) const;
    const std::vector<SourceDiagnostic> &diagnostics() const { return m_diagnostics; }
    const std::vector<std::string> &sources() const { return m_sources; } ///< in precedence order
    std::uint64_t generation() const { return m_generation; }
    // workflow_list's answer for this set, {"workflows": [{id, name, description, category,
    // version}]} (a copy made now; the MCP transports use listAnswer()).
    Json listPayload() const;
    // The same answer written out once (what the MCP transports splice): no copy per call.
    const std::shared_ptr<const SerializedAnswer> &listAnswer() const { return m_listAnswer; }

private:
    friend class WorkflowRepository;
    std::vector<WorkflowEntry> m_entries;
    std::unordered_map<std::string, std::size_t> m_index;
    std::vector<SourceDiagnostic> m_diagnostics;
    std::vector<std::string> m_sources;
    std::uint64_t m_generation = 0;
    std::shared_ptr<const SerializedAnswer> m_listAnswer;
};

class WorkflowRepository : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool includeBundled = true;         ///< :/workflows
        bool useStandardLocations = true;   ///< ~/.workrail/workflows, ./workflows
        bool useEnvironment = true;         ///< WORKFLOW_STORAGE_PATH
        std::vector<std::string> extraDirs; ///< workflow folders, --workflows DIR; highest
        bool watchFiles = true;             ///< QFileSystemWatcher + debounce
        bool validateSchema = true;         ///< drop schema-invalid files (reported)
        int debounceMs = 250;
        std::size_t compiledCacheEntries = 128; ///< compiled workflows kept in memory (LRU)
        /// Test hook: runs in every rebuild after it read the disk and before it publishes,
        /// with the rebuild's generation (tests hold a rebuild back here).
        std::function<void(std::uint64_t generation)> beforePublish;
    };

    explicit WorkflowRepository(Options options, QObject *parent = nullptr);
    ~WorkflowRepository() override;

    // The current set; never null. Cheap; call it once per operation and keep the pointer.
    std::shared_ptr<const WorkflowSnapshot> snapshot() const;

    // Rebuilds the set from disk now and emits changed() (unless a rebuild that started later
    // has already been published: then this one is dropped).
    void reload();
    // reload() on the repository's worker thread; returns at once. Calls made while one is
    // queued and not started yet share it.
    void reloadAsync();
    // Waits until no reloadAsync() is queued or running.
    void waitForReloads();
    // The compiled workflows in memory and how many were compiled so far (tests, benchmarks).
    const CompiledWorkflowCache &compiledCache() const { return *m_compiled; }

    // Replaces the extra directories (the settings' workflow folders and --workflows DIRs, in
    // precedence order) and reloads.
    void setExtraDirs(std::vector<std::string> dirs);
    std::vector<std::string> extraDirs() const;

    // The directories in precedence order (existing ones only), as the last reload saw them.
    std::vector<std::string> directories() const;
    // True when `file` is read by the next reload: a *.json file directly inside one of
    // directories() (compared as clean absolute paths).
    bool servesFile(const std::string &file) const;

signals:
    // The set was rebuilt (file change on disk, reload(), setExtraDirs()).
    void changed();

private:
    struct ScannedFile;
    std::shared_ptr<const WorkflowSnapshot> build();
    std::shared_ptr<ScannedFile> scanFile(const std::string &dir, const QFileInfo &fi) const;
    void scheduleReload();
    void updateWatcher();

    Options m_options;
    std::atomic<std::shared_ptr<const WorkflowSnapshot>> m_snapshot;
    mutable std::mutex m_mutex; ///< guards m_options.extraDirs, m_generation, publishing
    std::uint64_t m_generation = 0;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_debounce = nullptr;
    std::shared_ptr<CompiledWorkflowCache> m_compiled;
    std::mutex m_scanMutex; ///< guards m_scanned
    /// What the last rebuild found per file, reused while the file's stat is unchanged.
    std::unordered_map<std::string, std::shared_ptr<const ScannedFile>> m_scanned;
    // reloadAsync()'s worker: one std::thread, started on first use.
    void workerLoop();
    std::mutex m_workerMutex;
    std::condition_variable m_workerCv; ///< a reload is queued, or quit
    std::condition_variable m_idleCv;   ///< nothing queued or running
    bool m_reloadQueued = false;
    bool m_reloadRunning = false;
    bool m_workerQuit = false;
    std::thread m_worker;
};

} // namespace wfs
