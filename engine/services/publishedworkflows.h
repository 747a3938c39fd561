// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// PublishedWorkflows: the workflows `wfstudio publish` put in a store, mirrored into a private
// folder that the engine reads as one more workflow source (#19). The engine's repository then
// does what it does for any folder — lazy parsing, content-hash cache keys (so a new version is
// never served from an old cache entry), snapshots — and a published workflow is served by every
// instance exactly as a file would be.
//
//   PublishedWorkflows published(store.workflows(), folder);
//   published.sync();                 // at start, then whenever the store says it changed
//   if (*published.sync()) engine.repository().reloadAsync();
//
// sync() compares the store's (id, content hash) list with what the folder holds and writes or
// deletes only the files that differ (written atomically). Not thread-safe: one caller.
#pragma once

#include "model/result.h"

#include <map>
#include <string>

namespace wfs::store {
class AbstractWorkflowStore;
}

namespace wfs::services {

class PublishedWorkflows
{
public:
    PublishedWorkflows(store::AbstractWorkflowStore &store, std::string folder);

    // Makes the folder hold exactly the published set. True when a file was written or deleted.
    Result<bool> sync();
    const std::string &folder() const { return m_folder; }
    std::size_t size() const { return m_files.size(); }

    // The file name a workflow id is mirrored to ("<id>.json" for ids of letters, digits, '.',
    // '_' and '-'; otherwise a hash of the id).
    static std::string fileNameOf(const std::string &id);

private:
    store::AbstractWorkflowStore &m_store;
    std::string m_folder;
    std::map<std::string, std::string> m_files; ///< id -> content hash of the file written
};

} // namespace wfs::services
