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
// created it; reload() and setExtraDirs() may be called from any thread. Every rebuild takes a
// generation number when it starts, and a rebuild finishing after a newer one is dropped, so
// concurrent reloads never publish an older view of the disk last.
#pragma once

#include "compiledworkflow.h"
#include "model/json.h"

#include <QObject>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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

struct WorkflowEntry
{
    std::shared_ptr<const engine::CompiledWorkflow> workflow;
    std::string file;   ///< where it was read from (":/workflows/x.json" when bundled)
    std::string source; ///< the source directory
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
    // version}]}, built once with the snapshot.
    const Json &listPayload() const { return m_listPayload; }

private:
    friend class WorkflowRepository;
    std::vector<WorkflowEntry> m_entries;
    std::unordered_map<std::string, std::size_t> m_index;
    std::vector<SourceDiagnostic> m_diagnostics;
    std::vector<std::string> m_sources;
    std::uint64_t m_generation = 0;
    Json m_listPayload;
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
    };

    explicit WorkflowRepository(Options options, QObject *parent = nullptr);
    ~WorkflowRepository() override;

    // The current set; never null. Cheap; call it once per operation and keep the pointer.
    std::shared_ptr<const WorkflowSnapshot> snapshot() const;

    // Rebuilds the set from disk now and emits changed() (unless a rebuild that started later
    // has already been published: then this one is dropped).
    void reload();

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
    std::shared_ptr<const WorkflowSnapshot> build();
    void scheduleReload();
    void updateWatcher();

    Options m_options;
    std::atomic<std::shared_ptr<const WorkflowSnapshot>> m_snapshot;
    mutable std::mutex m_mutex; ///< guards m_options.extraDirs, m_generation, publishing
    std::uint64_t m_generation = 0;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_debounce = nullptr;
};

} // namespace wfs
