// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "recoverymanager.h"

#include "model/jsonio.h"
#include "settings/appsettings.h"
#include "ui/document/workflowdocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

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
    , m_debounceMs(envInt("WFS_AUTOSAVE_DEBOUNCE_MS", 2000))
{
    QDir().mkpath(m_dir);
    m_periodic.setInterval(envInt("WFS_AUTOSAVE_INTERVAL_MS", settings::autosaveSeconds() * 1000));
    connect(&m_periodic, &QTimer::timeout, this, &RecoveryManager::writeAll);
    m_periodic.start();
}

RecoveryManager::~RecoveryManager() = default;

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
    m_files.insert(doc, QStringLiteral("%1/%2-%3.json")
                            .arg(m_dir)
                            .arg(QCoreApplication::applicationPid())
                            .arg(++m_serial));
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

void RecoveryManager::writeNow(WorkflowDocument *doc)
{
    const QString file = m_files.value(doc);
    if (file.isEmpty())
        return;
    if (!doc->isModified()) {
        QFile::remove(file);
        return;
    }
    Json record = Json::object();
    record["format"] = kFormat;
    record["pid"] = QCoreApplication::applicationPid();
    record["filePath"] = doc->filePath().toStdString();
    record["savedAt"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
    record["workflow"] = doc->json();
    const std::string text = formatJsonForSave(record);
    QDir().mkpath(m_dir);
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return;
    out.write(text.data(), static_cast<qint64>(text.size()));
    out.commit();
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
        if (processAlive(pid))
            continue; // another running studio owns it
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
        out << o;
    }
    return out;
}

} // namespace wfs::studio
