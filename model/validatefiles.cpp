// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "validatefiles.h"

#include "workflowcheck.h"

#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace wfs {

Result<std::vector<std::string>> collectWorkflowFiles(const std::vector<std::string> &paths)
{
    std::vector<std::string> out;
    for (const std::string &path : paths) {
        const QString qpath = QString::fromStdString(path);
        const QFileInfo info(qpath);
        if (!info.exists() && !info.isSymLink())
            return Result<std::vector<std::string>>::failure("'" + path + "' does not exist");
        if (!info.isDir()) {
            out.push_back(path);
            continue;
        }
        std::vector<std::string> found;
        QDirIterator it(qpath, {QStringLiteral("*.json")},
                        QDir::Files | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            found.push_back(it.next().toStdString());
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

Diagnostics validateWorkflowFiles(const std::vector<std::string> &files)
{
    Diagnostics out;
    for (const std::string &f : files) {
        Diagnostics ds = checkWorkflowFile(f);
        out.insert(out.end(), std::make_move_iterator(ds.begin()),
                   std::make_move_iterator(ds.end()));
    }
    return out;
}

} // namespace wfs
