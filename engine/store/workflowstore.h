// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// WorkflowStore: the workflows the engine knows, mirrored into SQLite for the library view
// (list by category or source, full-text search as you type) and for history across restarts.
//
// The engine's repository stays the source of truth; sync() replaces the stored set with the
// repository's (call it on Engine::workflowsChanged). Steps (standard, loop and inline loop-body
// steps) are extracted from the workflow JSON, and the FTS5 index covers names, descriptions,
// step titles and prompts.
//
//   WorkflowStore store(db);
//   store.upsert(workflowJson, {.category = "default", .source = "bundled"});
//   auto hits = store.search("debug");   // ranked, with snippets; any input is safe
#pragma once

#include "model/json.h"
#include "model/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wfs::store {

class Database;

struct WorkflowMeta
{
    std::string category = "default"; ///< as workflow_list reports it
    std::string source;               ///< "bundled", "user", a directory path, ...
};

struct WorkflowRecord
{
    std::string id;
    std::string name;
    std::string description;
    std::string category;
    std::string version;
    std::string source;
    std::string contentHash; ///< SHA-256 (hex) of the JSON text
    std::string json;        ///< the workflow as stored (compact JSON); empty in list()
    std::int64_t updatedAtMs = 0;
};

struct StepRecord
{
    std::string stepId;
    int position = 0; ///< document order, inline loop-body steps right after their loop
    std::string title;
    std::string prompt;
    std::string loopId; ///< enclosing loop for inline body steps, the loop itself for a loop step's
                        ///< string body target; empty otherwise
    std::string kind;   ///< "step", "loop" or "inline"
};

struct SearchHit
{
    std::string workflowId;
    std::string name;
    double score = 0;    ///< bm25 (lower is better), hits are sorted by it
    std::string snippet; ///< matched text with the hit terms between SearchOptions' markers
};

struct SearchOptions
{
    int limit = 50;
    // Markers around matched terms in snippets. The snippet is raw text: escape it, then replace
    // the markers (the defaults are control characters that never occur in workflow text).
    std::string open = "\x02";
    std::string close = "\x03";
    int snippetTokens = 12;
};

struct ListFilter
{
    std::optional<std::string> category;
    std::optional<std::string> source;
};

struct SyncReport
{
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    int removed = 0;
    std::vector<std::string> changedIds; ///< inserted, updated or removed
};

// The searchable workflow index, as an interface: the SQLite (FTS5) WorkflowStore below
// implements it; another backend implements the same calls with the same meaning.
class AbstractWorkflowStore
{
public:
    virtual ~AbstractWorkflowStore() = default;

    // Inserts or replaces one workflow (its JSON must be an object with a string "id").
    // Returns true when something changed (new, or different content/meta).
    virtual Result<bool> upsert(const Json &workflow, const WorkflowMeta &meta) = 0;
    virtual Result<bool> remove(std::string_view id) = 0;
    // Makes the stored set equal to `workflows` in one transaction.
    virtual Result<SyncReport>
    sync(const std::vector<std::pair<Json, WorkflowMeta>> &workflows) = 0;
    virtual Result<std::optional<WorkflowRecord>> get(std::string_view id) = 0;
    virtual Result<std::vector<WorkflowRecord>> list(const ListFilter &filter = {}) = 0;
    virtual Result<std::vector<StepRecord>> steps(std::string_view workflowId) = 0;
    virtual Result<std::vector<std::string>> categories() = 0;
    virtual Result<std::int64_t> count() = 0;
    // Ranked full-text search. Each whitespace-separated word of `query` must match (as a prefix
    // of a word); any input is accepted: quotes, operators and punctuation are neutralised.
    virtual Result<std::vector<SearchHit>> search(std::string_view query,
                                                  const SearchOptions &options = {}) = 0;
};

class WorkflowStore final : public AbstractWorkflowStore
{
public:
    explicit WorkflowStore(Database &db);
    Result<bool> upsert(const Json &workflow, const WorkflowMeta &meta) override;
    Result<bool> remove(std::string_view id) override;
    Result<SyncReport> sync(const std::vector<std::pair<Json, WorkflowMeta>> &workflows) override;
    Result<std::optional<WorkflowRecord>> get(std::string_view id) override;
    Result<std::vector<WorkflowRecord>> list(const ListFilter &filter = {}) override;
    Result<std::vector<StepRecord>> steps(std::string_view workflowId) override;
    Result<std::vector<std::string>> categories() override;
    Result<std::int64_t> count() override;
    Result<std::vector<SearchHit>> search(std::string_view query,
                                          const SearchOptions &options = {}) override;

    // The FTS5 MATCH expression for user input: every word double-quoted (inner quotes doubled)
    // and marked as a prefix; empty when the input holds no word.
    static std::string ftsQuery(std::string_view userInput);
    // Hex SHA-256 of `bytes`.
    static std::string contentHash(std::string_view bytes);
    static std::vector<StepRecord> extractSteps(const Json &workflow);

private:
    Result<bool> upsertLocked(const Json &workflow, const WorkflowMeta &meta);
    Result<bool> removeLocked(std::string_view id);

    Database &m_db;
};

} // namespace wfs::store
