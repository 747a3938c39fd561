// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "publishedworkflows.h"

#include "engine/store/workflowstore.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <set>

namespace wfs::services {

PublishedWorkflows::PublishedWorkflows(store::AbstractWorkflowStore &store, std::string folder)
    : m_store(store)
    , m_folder(std::move(folder))
{}

std::string PublishedWorkflows::fileNameOf(const std::string &id)
{
    bool plain = !id.empty() && id.size() <= 200 && id.front() != '.';
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        plain = plain && ok;
    }
    if (plain)
        return id + ".json";
    return "id-" + store::WorkflowStore::contentHash(id).substr(0, 32) + ".json";
}

Result<bool> PublishedWorkflows::sync()
{
    using R = Result<bool>;
    Result<std::vector<store::WorkflowRecord>> listed = m_store.list();
    if (!listed)
        return R::failure("published workflows not read: " + listed.error());
    if (!QDir().mkpath(QString::fromStdString(m_folder)))
        return R::failure("cannot create " + m_folder);
    bool changed = false;
    std::set<std::string> present;
    for (const store::WorkflowRecord &summary : *listed) {
        present.insert(summary.id);
        const auto known = m_files.find(summary.id);
        if (known != m_files.end() && known->second == summary.contentHash)
            continue;
        Result<std::optional<store::WorkflowRecord>> full = m_store.get(summary.id);
        if (!full)
            return R::failure("published workflow " + summary.id + " not read: " + full.error());
        if (!*full) // unpublished meanwhile: the next sync removes it
            continue;
        const QString path = QString::fromStdString(m_folder + "/" + fileNameOf(summary.id));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write((*full)->json.data(), qint64((*full)->json.size())) !=
                qint64((*full)->json.size()) ||
            !file.commit())
            return R::failure("cannot write " + path.toStdString() + ": " +
                              file.errorString().toStdString());
        m_files[summary.id] = (*full)->contentHash;
        changed = true;
    }
    for (auto it = m_files.begin(); it != m_files.end();) {
        if (present.count(it->first)) {
            ++it;
            continue;
        }
        QFile::remove(QString::fromStdString(m_folder + "/" + fileNameOf(it->first)));
        it = m_files.erase(it);
        changed = true;
    }
    return changed;
}

} // namespace wfs::services
