// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Loading workflow sources into immutable snapshots. A rebuild reads every source directory,
// validates each file against the bundled schema, compiles the valid ones and swaps the
// snapshot atomically; readers holding the old snapshot keep using it undisturbed.
#include "workflowrepository.h"

#include "model/jsonio.h"
#include "model/jsonschema/validator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <cstdlib>

namespace wfs {

namespace {

constexpr std::size_t kMaxWorkflowFileBytes = 1000000; // WorkRail's per-file limit

const char *const kBundledDir = ":/workflows";

struct Candidate
{
    Json document;
    std::string id;
    std::string file;
    std::string source;
};

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

void scanDirectory(const std::string &dir, bool validate, std::vector<Candidate> &out,
                   std::vector<SourceDiagnostic> &diags)
{
    QDir d(QString::fromStdString(dir));
    const QFileInfoList files = d.entryInfoList(
        {QStringLiteral("*.json")}, QDir::Files | QDir::Readable | QDir::Hidden, QDir::Name);
    for (const QFileInfo &fi : files) {
        const std::string path = fi.filePath().toStdString();
        SourceDiagnostic diag;
        diag.source = dir;
        diag.file = path;
        if (static_cast<std::size_t>(fi.size()) > kMaxWorkflowFileBytes) {
            diag.kind = SourceDiagnostic::Kind::Unreadable;
            diag.message = path + ": skipped: " + std::to_string(fi.size()) +
                           " bytes exceeds the 1000000-byte limit for workflow files";
            diags.push_back(std::move(diag));
            continue;
        }
        auto text = readTextFile(path, kMaxWorkflowFileBytes);
        if (!text) {
            diag.kind = SourceDiagnostic::Kind::Unreadable;
            diag.message = "skipped: " + text.error();
            diags.push_back(std::move(diag));
            continue;
        }
        ParsedJson parsed = parseJson(*text, path);
        if (!parsed.ok) {
            diag.kind = SourceDiagnostic::Kind::InvalidJson;
            const Diagnostic &e =
                parsed.diagnostics.empty() ? Diagnostic{} : parsed.diagnostics.front();
            diag.message = path + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) +
                           ": skipped: invalid JSON: " + e.message;
            diags.push_back(std::move(diag));
            continue;
        }
        const Json *id =
            parsed.value.is_object() && parsed.value.contains("id") ? &parsed.value["id"] : nullptr;
        if (!id || !id->is_string() || id->get_ref<const std::string &>().empty()) {
            diag.kind = SourceDiagnostic::Kind::MissingId;
            diag.message = path + ": skipped: no string \"id\" at the top level";
            diags.push_back(std::move(diag));
            continue;
        }
        if (validate) {
            const std::string problems = schemaProblems(parsed.value, *text);
            if (!problems.empty()) {
                diag.kind = SourceDiagnostic::Kind::SchemaInvalid;
                diag.message =
                    path + ": workflow '" + id->get<std::string>() + "' not served: " + problems;
                diags.push_back(std::move(diag));
                continue;
            }
        }
        Candidate c;
        c.id = id->get<std::string>();
        c.document = std::move(parsed.value);
        c.file = path;
        c.source = dir;
        out.push_back(std::move(c));
    }
}

// workflow_list's item per workflow: WorkRail's summary keys in its order, category fixed.
Json listPayloadFor(const std::vector<WorkflowEntry> &entries)
{
    Json list = Json::array();
    for (const WorkflowEntry &e : entries) {
        const Json &doc = e.workflow->document();
        Json item = Json::object();
        for (const char *k : {"id", "name", "description"}) {
            if (doc.contains(k))
                item[k] = doc[k];
        }
        item["category"] = "default";
        if (doc.contains("version"))
            item["version"] = doc["version"];
        list.push_back(std::move(item));
    }
    return Json{{"workflows", std::move(list)}};
}

} // namespace

const WorkflowEntry *WorkflowSnapshot::find(std::string_view id) const
{
    const auto it = m_index.find(std::string(id));
    return it == m_index.end() ? nullptr : &m_entries[it->second];
}

WorkflowRepository::WorkflowRepository(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(m_options.debounceMs);
    connect(m_debounce, &QTimer::timeout, this, [this] { reload(); });
    m_snapshot.store(build());
    if (m_options.watchFiles) {
        m_watcher = new QFileSystemWatcher(this);
        connect(m_watcher, &QFileSystemWatcher::directoryChanged, this,
                [this] { scheduleReload(); });
        connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { scheduleReload(); });
        updateWatcher();
    }
}

WorkflowRepository::~WorkflowRepository() = default;

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

    std::vector<Candidate> candidates;
    const bool validate = m_options.validateSchema;
    for (const std::string &dir : dirs)
        scanDirectory(dir, validate, candidates, snap->m_diagnostics);

    for (Candidate &c : candidates) {
        WorkflowEntry e;
        e.workflow = engine::CompiledWorkflow::compile(std::move(c.document));
        e.file = std::move(c.file);
        e.source = std::move(c.source);
        const auto it = snap->m_index.find(c.id);
        if (it != snap->m_index.end()) {
            SourceDiagnostic info;
            info.kind = SourceDiagnostic::Kind::Overridden;
            info.source = e.source;
            info.file = e.file;
            info.message = "workflow '" + c.id + "' from " + snap->m_entries[it->second].file +
                           " is overridden by " + e.file;
            snap->m_diagnostics.push_back(std::move(info));
            snap->m_entries[it->second] = std::move(e); // keeps the list position
        } else {
            snap->m_index.emplace(c.id, snap->m_entries.size());
            snap->m_entries.push_back(std::move(e));
        }
    }
    snap->m_sources = std::move(dirs);
    snap->m_listPayload = listPayloadFor(snap->m_entries);
    return snap;
}

} // namespace wfs
