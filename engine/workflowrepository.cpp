// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Loading workflow sources into immutable snapshots. A rebuild reads every source directory,
// validates each file against the bundled schema, keeps the valid ones' summaries and
// compressed text (compiled on first use, see CompiledWorkflowCache) and swaps the snapshot
// atomically; readers holding the old snapshot keep using it undisturbed.
#include "workflowrepository.h"

#include "model/jsonio.h"
#include "model/jsonschema/validator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>

#include <sys/stat.h>

namespace wfs {

namespace {

constexpr std::size_t kMaxWorkflowFileBytes = 1000000; // WorkRail's per-file limit

const char *const kBundledDir = ":/workflows";

bool schemaAvailable()
{
    static const bool available = QFile::exists(QStringLiteral(":/schema/workflow.schema.json"));
    return available;
}

// Validates against the bundled schema; "" when valid (or when no schema is bundled).
std::string schemaProblems(const Json &doc, const std::string &text)
{
    if (!schemaAvailable())
        return {};
    std::vector<schema::SchemaError> errors;
    if (schema::workflowSchemaValidator().validate(doc, &errors))
        return {};
    std::string out;
    const std::size_t shown = std::min<std::size_t>(errors.size(), 5);
    for (std::size_t i = 0; i < shown; ++i) {
        const TextPos pos =
            text.empty() ? TextPos{} : locatePointer(text, errors[i].instancePointer);
        if (i)
            out += "; ";
        if (pos.line > 0)
            out += std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": ";
        out += schema::formatSchemaError(errors[i]);
    }
    if (errors.size() > shown)
        out += "; and " + std::to_string(errors.size() - shown) + " more";
    return out.empty() ? std::string("does not match the workflow schema") : out;
}

std::string shortHash(std::string_view bytes)
{
    return QCryptographicHash::hash(QByteArrayView(bytes.data(), qsizetype(bytes.size())),
                                    QCryptographicHash::Sha256)
        .toHex()
        .left(16)
        .toStdString();
}

// workflow_list's item for a document: WorkRail's summary keys in its order, category fixed.
Json summaryOf(const Json &doc)
{
    Json item = Json::object();
    for (const char *k : {"id", "name", "description"}) {
        if (doc.contains(k))
            item[k] = doc[k];
    }
    item["category"] = "default";
    if (doc.contains("version"))
        item["version"] = doc["version"];
    return item;
}

// A file's identity on disk: a change of any of these means the file must be read again.
struct FileStamp
{
    std::int64_t size = -1;
    std::int64_t mtimeNs = 0;
    std::int64_t ctimeNs = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;
    bool operator==(const FileStamp &) const = default;
};

std::optional<FileStamp> stampOf(const std::string &path, const QFileInfo &fi)
{
    FileStamp st;
    if (path.rfind(":/", 0) == 0) { // bundled: never changes while we run
        st.size = fi.size();
        return st;
    }
    struct ::stat sb
    {};
    if (::stat(path.c_str(), &sb) != 0)
        return std::nullopt;
    st.size = sb.st_size;
    st.mtimeNs = std::int64_t(sb.st_mtim.tv_sec) * 1000000000 + sb.st_mtim.tv_nsec;
    st.ctimeNs = std::int64_t(sb.st_ctim.tv_sec) * 1000000000 + sb.st_ctim.tv_nsec;
    st.inode = sb.st_ino;
    st.device = sb.st_dev;
    return st;
}

std::int64_t wallNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A file changed less than this before a scan may change again within the file system's
// timestamp granularity without its stamp changing: its result is not reused.
constexpr std::int64_t kRacyNs = 2'000'000'000;

} // namespace

// What a rebuild found in one file: a served workflow, or why it is not served.
struct WorkflowRepository::ScannedFile
{
    FileStamp stamp;
    std::optional<WorkflowEntry> entry;
    SourceDiagnostic diagnostic; ///< when !entry
};

// Reads, parses, checks and summarises one file. The entry's text is kept compressed.
std::shared_ptr<WorkflowRepository::ScannedFile>
WorkflowRepository::scanFile(const std::string &dir, const QFileInfo &fi) const
{
    auto out = std::make_shared<ScannedFile>();
    const std::string path = fi.filePath().toStdString();
    SourceDiagnostic &diag = out->diagnostic;
    diag.source = dir;
    diag.file = path;
    if (static_cast<std::size_t>(fi.size()) > kMaxWorkflowFileBytes) {
        diag.kind = SourceDiagnostic::Kind::Unreadable;
        diag.message = path + ": skipped: " + std::to_string(fi.size()) +
                       " bytes exceeds the 1000000-byte limit for workflow files";
        return out;
    }
    auto text = readTextFile(path, kMaxWorkflowFileBytes);
    if (!text) {
        diag.kind = SourceDiagnostic::Kind::Unreadable;
        diag.message = "skipped: " + text.error();
        return out;
    }
    ParsedJson parsed = parseJson(*text, path);
    if (!parsed.ok) {
        diag.kind = SourceDiagnostic::Kind::InvalidJson;
        const Diagnostic &e =
            parsed.diagnostics.empty() ? Diagnostic{} : parsed.diagnostics.front();
        diag.message = path + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) +
                       ": skipped: invalid JSON: " + e.message;
        return out;
    }
    const Json *id =
        parsed.value.is_object() && parsed.value.contains("id") ? &parsed.value["id"] : nullptr;
    if (!id || !id->is_string() || id->get_ref<const std::string &>().empty()) {
        diag.kind = SourceDiagnostic::Kind::MissingId;
        diag.message = path + ": skipped: no string \"id\" at the top level";
        return out;
    }
    if (m_options.validateSchema) {
        const std::string problems = schemaProblems(parsed.value, *text);
        if (!problems.empty()) {
            diag.kind = SourceDiagnostic::Kind::SchemaInvalid;
            diag.message =
                path + ": workflow '" + id->get<std::string>() + "' not served: " + problems;
            return out;
        }
    }
    WorkflowEntry e;
    e.id = id->get<std::string>();
    e.file = path;
    e.source = dir;
    e.hash = shortHash(*text);
    if (const auto c = parsed.value.find("category"); c != parsed.value.end() && c->is_string())
        e.category = c->get<std::string>();
    e.m_summary = std::make_shared<const Json>(summaryOf(parsed.value));
    QByteArray compressed =
        qCompress(reinterpret_cast<const uchar *>(text->data()), qsizetype(text->size()), 1);
    compressed.squeeze(); // qCompress allocates for the worst case, the text's whole size
    e.m_compressed = std::make_shared<const QByteArray>(std::move(compressed));
    e.m_compiled = m_compiled;
    out->entry = std::move(e);
    return out;
}

// ---------------------------------------------------------------------------------------------
// WorkflowEntry, CompiledWorkflowCache

std::string WorkflowEntry::sourceText() const
{
    if (!m_compressed)
        return {};
    const QByteArray text = qUncompress(*m_compressed);
    return std::string(text.constData(), std::size_t(text.size()));
}

Json WorkflowEntry::document() const
{
    ParsedJson parsed = parseJson(sourceText(), file);
    return parsed.ok ? std::move(parsed.value) : Json();
}

std::shared_ptr<const engine::CompiledWorkflow> WorkflowEntry::workflow() const
{
    if (auto hit = m_compiled->get(hash))
        return hit;
    // Two threads may compile the same workflow at once: same result, the second put wins.
    auto wf = engine::CompiledWorkflow::compile(document());
    m_compiled->countCompile();
    m_compiled->put(hash, wf);
    return wf;
}

std::string WorkflowEntry::summaryText(const char *key) const
{
    const auto it = m_summary->find(key);
    return it != m_summary->end() && it->is_string() ? it->get<std::string>() : std::string();
}

CompiledWorkflowCache::CompiledWorkflowCache(std::size_t maxEntries)
    : m_maxEntries(std::max<std::size_t>(maxEntries, 1))
{}

std::shared_ptr<const engine::CompiledWorkflow> CompiledWorkflowCache::get(const std::string &hash)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_index.find(hash);
    if (it == m_index.end())
        return nullptr;
    if (it->second != m_items.begin())
        m_items.splice(m_items.begin(), m_items, it->second);
    return it->second->second;
}

void CompiledWorkflowCache::put(const std::string &hash,
                                std::shared_ptr<const engine::CompiledWorkflow> workflow)
{
    std::shared_ptr<const engine::CompiledWorkflow> dropped; // released outside the lock
    std::lock_guard lock(m_mutex);
    if (const auto it = m_index.find(hash); it != m_index.end()) {
        m_items.splice(m_items.begin(), m_items, it->second);
        return;
    }
    m_items.emplace_front(hash, std::move(workflow));
    m_index.emplace(hash, m_items.begin());
    while (m_items.size() > m_maxEntries) {
        dropped = std::move(m_items.back().second);
        m_index.erase(m_items.back().first);
        m_items.pop_back();
    }
}

std::size_t CompiledWorkflowCache::size() const
{
    std::lock_guard lock(m_mutex);
    return m_items.size();
}

// ---------------------------------------------------------------------------------------------
// WorkflowSnapshot

const WorkflowEntry *WorkflowSnapshot::find(std::string_view id) const
{
    const auto it = m_index.find(std::string(id));
    return it == m_index.end() ? nullptr : &m_entries[it->second];
}

Json WorkflowSnapshot::listPayload() const
{
    Json list = Json::array();
    for (const WorkflowEntry &e : m_entries)
        list.push_back(e.summary());
    return Json{{"workflows", std::move(list)}};
}

// ---------------------------------------------------------------------------------------------
// WorkflowRepository

WorkflowRepository::WorkflowRepository(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_compiled(std::make_shared<CompiledWorkflowCache>(m_options.compiledCacheEntries))
{
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(m_options.debounceMs);
    connect(m_debounce, &QTimer::timeout, this, [this] { reloadAsync(); });
    m_snapshot.store(build());
    if (m_options.watchFiles) {
        m_watcher = new QFileSystemWatcher(this);
        connect(m_watcher, &QFileSystemWatcher::directoryChanged, this,
                [this] { scheduleReload(); });
        connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { scheduleReload(); });
        updateWatcher();
    }
}

WorkflowRepository::~WorkflowRepository()
{
    {
        std::lock_guard lock(m_workerMutex);
        m_workerQuit = true;
    }
    m_workerCv.notify_all();
    if (m_worker.joinable())
        m_worker.join(); // runs what was queued first
}

std::shared_ptr<const WorkflowSnapshot> WorkflowRepository::snapshot() const
{
    return m_snapshot.load();
}

void WorkflowRepository::scheduleReload()
{
    m_debounce->start();
}

void WorkflowRepository::reload()
{
    std::shared_ptr<const WorkflowSnapshot> fresh = build();
    if (m_options.beforePublish)
        m_options.beforePublish(fresh->generation());
    {
        std::lock_guard lock(m_mutex);
        // A rebuild that started later (newer generation) already published what the disk
        // says now: this older view must not replace it.
        if (const auto current = m_snapshot.load();
            current && current->generation() > fresh->generation())
            return;
        m_snapshot.store(std::move(fresh));
    }
    QMetaObject::invokeMethod(
        this, [this] { updateWatcher(); }, Qt::AutoConnection);
    emit changed();
}

void WorkflowRepository::reloadAsync()
{
    {
        std::lock_guard lock(m_workerMutex);
        if (!m_worker.joinable())
            m_worker = std::thread([this] { workerLoop(); });
        if (m_reloadQueued)
            return; // queued and not started yet: it reads the disk after this call
        m_reloadQueued = true;
    }
    m_workerCv.notify_all();
}

void WorkflowRepository::workerLoop()
{
    std::unique_lock lock(m_workerMutex);
    for (;;) {
        m_workerCv.wait(lock, [this] { return m_reloadQueued || m_workerQuit; });
        if (!m_reloadQueued)
            return;
        m_reloadQueued = false;
        m_reloadRunning = true;
        lock.unlock();
        reload();
        lock.lock();
        m_reloadRunning = false;
        m_idleCv.notify_all();
    }
}

void WorkflowRepository::waitForReloads()
{
    std::unique_lock lock(m_workerMutex);
    m_idleCv.wait(lock, [this] { return !m_reloadQueued && !m_reloadRunning; });
}

void WorkflowRepository::setExtraDirs(std::vector<std::string> dirs)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_options.extraDirs == dirs)
            return;
        m_options.extraDirs = std::move(dirs);
    }
    reload();
}

std::vector<std::string> WorkflowRepository::extraDirs() const
{
    std::lock_guard lock(m_mutex);
    return m_options.extraDirs;
}

bool WorkflowRepository::servesFile(const std::string &file) const
{
    const QFileInfo fi(QString::fromStdString(file));
    if (fi.suffix() != QLatin1String("json"))
        return false;
    const std::string dir = QDir::cleanPath(fi.absolutePath()).toStdString();
    const auto snap = snapshot();
    return std::find(snap->sources().begin(), snap->sources().end(), dir) !=
           snap->sources().end();
}

std::vector<std::string> WorkflowRepository::directories() const
{
    return snapshot()->sources();
}

void WorkflowRepository::updateWatcher()
{
    if (!m_watcher)
        return;
    const auto snap = snapshot();
    QStringList paths;
    for (const std::string &dir : snap->sources()) {
        if (dir.rfind(":/", 0) == 0)
            continue;
        const QString qdir = QString::fromStdString(dir);
        paths << qdir;
        const QFileInfoList files =
            QDir(qdir).entryInfoList({QStringLiteral("*.json")}, QDir::Files);
        for (const QFileInfo &fi : files)
            paths << fi.filePath();
    }
    // Only the difference: a path unwatched and watched again could miss a change in between.
    const QSet<QString> wanted(paths.begin(), paths.end());
    const QStringList watchedList = m_watcher->directories() + m_watcher->files();
    const QSet<QString> watched(watchedList.begin(), watchedList.end());
    const QStringList gone = (watched - wanted).values();
    const QStringList added = (wanted - watched).values();
    if (!gone.isEmpty())
        m_watcher->removePaths(gone);
    if (!added.isEmpty())
        m_watcher->addPaths(added);
}

std::shared_ptr<const WorkflowSnapshot> WorkflowRepository::build()
{
    auto snap = std::make_shared<WorkflowSnapshot>();
    std::vector<std::string> extraDirs;
    {
        // The generation is taken before the disk is read: a later start sees a later disk.
        std::lock_guard lock(m_mutex);
        snap->m_generation = ++m_generation;
        extraDirs = m_options.extraDirs;
    }
    const std::int64_t scanStartNs = wallNowNs();
    std::vector<std::string> dirs;
    auto addDir = [&](const QString &path) {
        const QFileInfo fi(path);
        if (!fi.isDir())
            return;
        const std::string abs = path.startsWith(QLatin1String(":/"))
                                    ? path.toStdString()
                                    : QDir::cleanPath(fi.absoluteFilePath()).toStdString();
        if (std::find(dirs.begin(), dirs.end(), abs) == dirs.end())
            dirs.push_back(abs);
    };
    if (m_options.includeBundled)
        addDir(QString::fromLatin1(kBundledDir));
    if (m_options.useStandardLocations) {
        addDir(QDir::homePath() + QStringLiteral("/.workrail/workflows"));
        addDir(QDir::currentPath() + QStringLiteral("/workflows"));
    }
    if (m_options.useEnvironment) {
        const QString env = qEnvironmentVariable("WORKFLOW_STORAGE_PATH");
#ifdef Q_OS_WIN
        const QChar sep = QLatin1Char(';');
#else
        const QChar sep = QLatin1Char(':');
#endif
        for (const QString &p : env.split(sep, Qt::SkipEmptyParts))
            addDir(QDir::current().absoluteFilePath(p));
    }
    for (const std::string &d : extraDirs)
        addDir(QDir::current().absoluteFilePath(QString::fromStdString(d)));

    // Per directory only direct *.json children, by name; a file whose stamp did not change
    // since the last rebuild is not read again.
    std::vector<std::shared_ptr<const ScannedFile>> scanned;
    std::unordered_map<std::string, std::shared_ptr<const ScannedFile>> keep;
    for (const std::string &dir : dirs) {
        const QFileInfoList files =
            QDir(QString::fromStdString(dir))
                .entryInfoList({QStringLiteral("*.json")},
                               QDir::Files | QDir::Readable | QDir::Hidden, QDir::Name);
        for (const QFileInfo &fi : files) {
            const std::string path = fi.filePath().toStdString();
            const std::optional<FileStamp> stamp = stampOf(path, fi);
            std::shared_ptr<const ScannedFile> result;
            if (stamp) {
                std::lock_guard lock(m_scanMutex);
                const auto it = m_scanned.find(path);
                if (it != m_scanned.end() && it->second->stamp == *stamp &&
                    it->second->diagnostic.source == dir)
                    result = it->second;
            }
            if (!result) {
                std::shared_ptr<ScannedFile> fresh = scanFile(dir, fi);
                if (stamp)
                    fresh->stamp = *stamp;
                result = std::move(fresh);
            }
            // Reused next time only when the file is older than the timestamp granularity.
            const bool racy =
                !stamp || (path.rfind(":/", 0) != 0 && scanStartNs - stamp->mtimeNs < kRacyNs);
            if (!racy)
                keep.emplace(path, result);
            scanned.push_back(std::move(result));
        }
    }
    {
        std::lock_guard lock(m_scanMutex);
        m_scanned = std::move(keep);
    }

    for (const std::shared_ptr<const ScannedFile> &f : scanned) {
        if (!f->entry) {
            snap->m_diagnostics.push_back(f->diagnostic);
            continue;
        }
        const WorkflowEntry &e = *f->entry;
        const auto it = snap->m_index.find(e.id);
        if (it != snap->m_index.end()) {
            SourceDiagnostic info;
            info.kind = SourceDiagnostic::Kind::Overridden;
            info.source = e.source;
            info.file = e.file;
            info.message = "workflow '" + e.id + "' from " + snap->m_entries[it->second].file +
                           " is overridden by " + e.file;
            snap->m_diagnostics.push_back(std::move(info));
            snap->m_entries[it->second] = e; // keeps the list position
        } else {
            snap->m_index.emplace(e.id, snap->m_entries.size());
            snap->m_entries.push_back(e);
        }
    }
    snap->m_sources = std::move(dirs);
    snap->m_listAnswer = SerializedAnswer::of(ToolResult::ok(snap->listPayload()));
    return snap;
}

} // namespace wfs
