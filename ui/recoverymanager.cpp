// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "recoverymanager.h"

#include "model/jsonio.h"
#include "settings/appsettings.h"
#include "ui/document/workflowdocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>
#include <cerrno>
#include <csignal>

namespace wfs::studio {

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

const char *const kFormat = "workflow-studio-recovery/1";

} // namespace

RecoveryManager::RecoveryManager(QString directory, QObject *parent)
    : QObject(parent)
    , m_dir(std::move(directory))
    , m_instance(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_debounceMs(envInt("WFS_AUTOSAVE_DEBOUNCE_MS", 2000))
{
    QDir().mkpath(m_dir);
    // Held until this object goes (or the process dies): never stale by age, only when free.
    m_lock = std::make_unique<QLockFile>(lockFileName(m_dir, m_instance));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0))
        m_lastError = tr("Cannot lock %1: unsaved work may not be recoverable after a crash")
                          .arg(QDir::toNativeSeparators(m_lock->fileName()));
    m_periodic.setInterval(envInt("WFS_AUTOSAVE_INTERVAL_MS", settings::autosaveSeconds() * 1000));
    connect(&m_periodic, &QTimer::timeout, this, &RecoveryManager::writeAll);
    m_periodic.start();
}

RecoveryManager::~RecoveryManager() = default; // the lock goes last (after the files)

QString RecoveryManager::lockFileName(const QString &directory, const QString &instanceId)
{
    return directory + QStringLiteral("/instance-") + instanceId + QStringLiteral(".lock");
}

bool RecoveryManager::holdsInstanceLock() const
{
    return m_lock && m_lock->isLocked();
}

bool RecoveryManager::instanceAlive(const QString &instanceId) const
{
    if (instanceId == m_instance)
        return true;
    // An id is a UUID: anything else (a path, "..") is not an instance of this folder.
    if (QUuid::fromString(instanceId).isNull())
        return false;
    const QString name = lockFileName(m_dir, instanceId);
    if (!QFileInfo::exists(name))
        return false; // unlocked cleanly, or never locked: nobody holds it
    QLockFile probe(name);
    probe.setStaleLockTime(0);
    if (probe.tryLock(0)) {
        probe.unlock(); // the owner is gone; its lock file goes with this probe
        return false;
    }
    if (probe.error() != QLockFile::LockFailedError)
        return true; // cannot tell (permissions): leave its files alone
    // The lock file's process id may be alive for other reasons (a zombie, a reused id): the
    // kernel lock decides. removeStaleLockFile() only succeeds when nobody holds it.
    return !probe.removeStaleLockFile();
}

bool RecoveryManager::fail(const QString &message)
{
    m_lastError = message;
    qWarning("recovery: %s", qPrintable(message));
    emit writeFailed(message);
    return false;
}

void RecoveryManager::setAutosaveInterval(int ms)
{
    m_periodic.setInterval(std::max(1000, ms));
}

QString RecoveryManager::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/recovery");
}

bool RecoveryManager::processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (pid == QCoreApplication::applicationPid())
        return true;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

void RecoveryManager::track(WorkflowDocument *doc)
{
    if (m_files.contains(doc))
        return;
    m_files.insert(doc, QStringLiteral("%1/%2.json")
                            .arg(m_dir, QUuid::createUuid().toString(QUuid::WithoutBraces)));
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setInterval(m_debounceMs);
    m_debounce.insert(doc, timer);
    connect(timer, &QTimer::timeout, this, [this, doc] { writeNow(doc); });
    connect(doc, &WorkflowDocument::contentsChanged, timer, qOverload<>(&QTimer::start));
    connect(doc, &WorkflowDocument::modifiedChanged, timer, qOverload<>(&QTimer::start));
    connect(doc, &QObject::destroyed, this, [this, doc] { untrack(doc); });
    if (doc->isModified())
        timer->start();
}

void RecoveryManager::untrack(WorkflowDocument *doc)
{
    const QString file = m_files.take(doc);
    if (!file.isEmpty())
        QFile::remove(file);
    if (QTimer *t = m_debounce.take(doc))
        t->deleteLater();
}

bool RecoveryManager::writeNow(WorkflowDocument *doc)
{
    const QString file = m_files.value(doc);
    if (file.isEmpty())
        return true;
    if (!doc->isModified()) {
        QFile::remove(file);
        return true;
    }
    Json record = Json::object();
    record["format"] = kFormat;
    record["instance"] = m_instance.toStdString();
    record["pid"] = QCoreApplication::applicationPid();
    record["filePath"] = doc->filePath().toStdString();
    record["savedAt"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
    record["workflow"] = doc->json();
    const std::string text = formatJsonForSave(record);
    const QString name = doc->displayName();
    const QString target = QDir::toNativeSeparators(file);
    if (!QDir().mkpath(m_dir))
        return fail(tr("Recovery data of “%1” not saved: cannot create the folder %2")
                        .arg(name, QDir::toNativeSeparators(m_dir)));
    // The folder may have become writable since the start: own the files before writing one
    // (without the lock, another instance would take them for a crashed session's).
    if (!m_lock->isLocked() && !m_lock->tryLock(0))
        return fail(tr("Cannot lock %1: unsaved work may not be recoverable after a crash")
                        .arg(QDir::toNativeSeparators(m_lock->fileName())));
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return fail(
            tr("Recovery data of “%1” not saved to %2: %3").arg(name, target, out.errorString()));
    if (out.write(text.data(), static_cast<qint64>(text.size())) !=
            static_cast<qint64>(text.size()) ||
        !out.commit())
        return fail(
            tr("Recovery data of “%1” not saved to %2: %3").arg(name, target, out.errorString()));
    m_lastError.clear();
    return true;
}

void RecoveryManager::writeAll()
{
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it)
        writeNow(it.key());
}

QList<RecoveryManager::Orphan> RecoveryManager::orphans() const
{
    QList<Orphan> out;
    const QDir dir(m_dir);
    QHash<QString, bool> alive; // instance -> running (one probe per instance)
    for (const QFileInfo &fi : dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files,
                                                 QDir::Time)) {
        const ParsedJson parsed = loadJsonFile(fi.absoluteFilePath().toStdString());
        if (!parsed.ok || !parsed.value.is_object() || !parsed.value.contains("format")
            || parsed.value["format"] != kFormat || !parsed.value.contains("workflow"))
            continue;
        const Json &v = parsed.value;
        const qint64 pid = v.contains("pid") && v["pid"].is_number_integer()
                               ? v["pid"].get<qint64>()
                               : 0;
        const QString instance = v.contains("instance") && v["instance"].is_string()
                                     ? QString::fromStdString(v["instance"].get<std::string>())
                                     : QString();
        if (instance.isEmpty()) {
            if (processAlive(pid))
                continue; // a file of an older version whose process still runs
        } else {
            const auto known = alive.constFind(instance);
            const bool running =
                known != alive.cend() ? *known : *alive.insert(instance, instanceAlive(instance));
            if (running)
                continue; // a running studio (this one included) owns it
        }
        Orphan o;
        o.recoveryFile = fi.absoluteFilePath();
        o.filePath = v.contains("filePath") && v["filePath"].is_string()
                         ? QString::fromStdString(v["filePath"].get<std::string>())
                         : QString();
        o.workflow = v["workflow"];
        o.savedAt = v.contains("savedAt") && v["savedAt"].is_string()
                        ? QDateTime::fromString(
                              QString::fromStdString(v["savedAt"].get<std::string>()),
                              Qt::ISODateWithMs)
                        : fi.lastModified();
        o.pid = pid;
        o.instance = instance;
        out << o;
    }
    // Lock files of instances that crashed with nothing unsaved: probing removes stale ones.
    static const QString prefix = QStringLiteral("instance-");
    for (const QString &name :
         dir.entryList({prefix + QStringLiteral("*.lock")}, QDir::Files | QDir::Hidden)) {
        const QString id = name.mid(prefix.size(), name.size() - prefix.size() - 5);
        if (!alive.contains(id))
            instanceAlive(id);
    }
    return out;
}

} // namespace wfs::studio
