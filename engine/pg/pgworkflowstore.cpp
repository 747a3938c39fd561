// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Workflows, their steps and the tsvector index, one transaction per change, with
// pg_notify(kWorkflowsChannel, id) in that transaction for every workflow that changed. Steps go
// in as one jsonb parameter (jsonb_to_recordset): one round trip per workflow.
#include "pgconnection.h"
#include "pgstores.h"

#include <QDateTime>
#include <QString>

#include <algorithm>
#include <set>

namespace wfs::pg {

using namespace detail;
using store::StepRecord;
using store::SyncReport;
using store::WorkflowMeta;
using store::WorkflowRecord;

namespace {

constexpr Statement kExisting{"wfs_wf_existing",
                              "SELECT content_hash, category, source FROM workflows WHERE id = $1"
                              " FOR UPDATE"};
constexpr Statement kPut{
    "wfs_wf_put",
    "INSERT INTO workflows(id, name, description, category, version, source, content_hash, json,"
    " updated_at, search, search_text) VALUES($1, $2::text, $3::text, $4, $5, $6, $7, $8, $9,"
    " setweight(to_tsvector('simple', $2::text), 'A') ||"
    " setweight(to_tsvector('simple', $3::text), 'B') ||"
    " setweight(to_tsvector('simple', $10::text), 'C') ||"
    " setweight(to_tsvector('simple', $11::text), 'D'),"
    " concat_ws(' ', $2::text, $3::text, $10::text, $11::text))"
    " ON CONFLICT(id) DO UPDATE SET name = excluded.name, description = excluded.description,"
    " category = excluded.category, version = excluded.version, source = excluded.source,"
    " content_hash = excluded.content_hash, json = excluded.json,"
    " updated_at = excluded.updated_at, search = excluded.search,"
    " search_text = excluded.search_text"};
constexpr Statement kClearSteps{"wfs_wf_clear_steps",
                                "DELETE FROM workflow_steps WHERE workflow_id = $1"};
constexpr Statement kAddSteps{
    "wfs_wf_add_steps",
    "INSERT INTO workflow_steps(workflow_id, position, step_id, title, prompt, loop_id, kind)"
    " SELECT $1, s.position, s.step_id, s.title, s.prompt, nullif(s.loop_id, ''), s.kind"
    " FROM jsonb_to_recordset($2::jsonb) AS s(position integer, step_id text, title text,"
    " prompt text, loop_id text, kind text)"};
constexpr Statement kNotify{"wfs_wf_notify", "SELECT pg_notify($1, $2)"};
constexpr Statement kRemove{"wfs_wf_remove", "DELETE FROM workflows WHERE id = $1"};
constexpr Statement kIds{"wfs_wf_ids", "SELECT id FROM workflows"};
constexpr Statement kGet{"wfs_wf_get",
                         "SELECT id, name, description, category, version, source, content_hash,"
                         " updated_at, json FROM workflows WHERE id = $1"};
// One statement for every filter shape: a NULL filter matches everything.
constexpr Statement kList{"wfs_wf_list",
                          "SELECT id, name, description, category, version, source, content_hash,"
                          " updated_at FROM workflows WHERE ($1::text IS NULL OR category = $1)"
                          " AND ($2::text IS NULL OR source = $2) ORDER BY name, id"};
constexpr Statement kSteps{"wfs_wf_steps",
                           "SELECT step_id, position, title, prompt, coalesce(loop_id, ''), kind"
                           " FROM workflow_steps WHERE workflow_id = $1 ORDER BY position"};
constexpr Statement kCategories{"wfs_wf_categories",
                                "SELECT DISTINCT category FROM workflows ORDER BY category"};
constexpr Statement kCount{"wfs_wf_count", "SELECT count(*) FROM workflows"};
// ts_headline runs on the hits only (the inner query is already limited).
constexpr Statement kSearch{
    "wfs_wf_search",
    "SELECT h.id, h.name, h.score, ts_headline('simple', h.search_text, h.q, $3) FROM ("
    " SELECT w.id, w.name, w.search_text, q.q, -ts_rank(w.search, q.q) AS score"
    " FROM workflows w, to_tsquery('simple', $1) AS q(q) WHERE w.search @@ q.q"
    " ORDER BY score, w.id LIMIT $2) h ORDER BY h.score, h.id"};

std::string stringField(const Json &obj, const char *key)
{
    if (!obj.is_object())
        return {};
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string())
        return {};
    return it->get<std::string>();
}

// Text PostgreSQL accepts: valid UTF-8 (invalid bytes become U+FFFD), no NUL.
std::string clean(std::string_view s)
{
    std::string out = QString::fromUtf8(s.data(), qsizetype(s.size())).toStdString();
    out.erase(std::remove(out.begin(), out.end(), '\0'), out.end());
    return out;
}

Result<bool> upsertOn(PgConnection &conn, const Json &workflow, const WorkflowMeta &meta)
{
    using R = Result<bool>;
    const std::string id = stringField(workflow, "id");
    if (id.empty())
        return R::failure("workflow has no string \"id\"; not stored");
    std::string json;
    try {
        json = workflow.dump(-1, ' ', false, Json::error_handler_t::replace);
    } catch (const std::exception &e) {
        return R::failure("workflow '" + id + "' cannot be serialised: " + e.what());
    }
    const std::string hash = store::WorkflowStore::contentHash(json);
    Result<PgRows> existing = conn.exec(kExisting, {text(id)});
    if (!existing)
        return R::failure(existing.error());
    if (!existing->empty() && existing->text(0, 0) == hash &&
        existing->text(0, 1) == meta.category && existing->text(0, 2) == meta.source)
        return false;

    Json steps = Json::array();
    std::string titles;
    std::string prompts;
    for (const StepRecord &s : store::WorkflowStore::extractSteps(workflow)) {
        steps.push_back({{"position", s.position},
                         {"step_id", clean(s.stepId)},
                         {"title", clean(s.title)},
                         {"prompt", clean(s.prompt)},
                         {"loop_id", clean(s.loopId)},
                         {"kind", s.kind}});
        titles += s.title + ' ';
        prompts += s.prompt + ' ';
    }
    Result<PgRows> put = conn.exec(
        kPut, {text(id), text(clean(stringField(workflow, "name"))),
               text(clean(stringField(workflow, "description"))), text(clean(meta.category)),
               text(clean(stringField(workflow, "version"))), text(clean(meta.source)), text(hash),
               text(json), integer(QDateTime::currentMSecsSinceEpoch()), text(clean(titles)),
               text(clean(prompts))});
    if (!put)
        return R::failure("cannot store workflow '" + id + "': " + put.error());
    if (auto r = conn.exec(kClearSteps, {text(id)}); !r)
        return R::failure(r.error());
    if (auto r =
            conn.exec(kAddSteps,
                      {text(id), text(steps.dump(-1, ' ', false, Json::error_handler_t::replace))});
        !r)
        return R::failure("cannot store the steps of '" + id + "': " + r.error());
    if (auto r = conn.exec(kNotify, {text(kWorkflowsChannel), text(id)}); !r)
        return R::failure(r.error());
    return true;
}

Result<bool> removeOn(PgConnection &conn, std::string_view id)
{
    Result<PgRows> r = conn.exec(kRemove, {text(id)});
    if (!r)
        return Result<bool>::failure(r.error());
    if (r->affected() == 0)
        return false;
    if (auto n = conn.exec(kNotify, {text(kWorkflowsChannel), text(id)}); !n)
        return Result<bool>::failure(n.error());
    return true;
}

WorkflowRecord readRecord(const PgRows &rows, int i, bool withJson)
{
    WorkflowRecord r;
    r.id = rows.text(i, 0);
    r.name = rows.text(i, 1);
    r.description = rows.text(i, 2);
    r.category = rows.text(i, 3);
    r.version = rows.text(i, 4);
    r.source = rows.text(i, 5);
    r.contentHash = rows.text(i, 6);
    r.updatedAtMs = rows.integer(i, 7);
    if (withJson)
        r.json = rows.text(i, 8);
    return r;
}

} // namespace

PgWorkflowStore::PgWorkflowStore(std::shared_ptr<PgPool> pool)
    : m_pool(std::move(pool))
{}

std::string PgWorkflowStore::tsQuery(std::string_view input)
{
    const std::string valid = clean(input);
    std::string out;
    std::size_t i = 0;
    int words = 0;
    while (i < valid.size() && words < 32) {
        while (i < valid.size() && std::isspace(static_cast<unsigned char>(valid[i])) != 0)
            ++i;
        const std::size_t start = i;
        while (i < valid.size() && std::isspace(static_cast<unsigned char>(valid[i])) == 0)
            ++i;
        std::string_view word = std::string_view(valid).substr(start, i - start);
        const bool hasToken = std::any_of(word.begin(), word.end(), [](char c) {
            const auto u = static_cast<unsigned char>(c);
            return u >= 0x80 || std::isalnum(u) != 0;
        });
        if (!hasToken)
            continue;            // pure punctuation: the parser would drop it anyway
        if (word.size() > 200) { // tsquery words are limited; cut on a UTF-8 boundary
            std::size_t cut = 200;
            while (cut > 0 && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80)
                --cut;
            word = word.substr(0, cut);
        }
        if (!out.empty())
            out += " & ";
        out += '\'';
        for (char c : word) {
            if (c == '\'')
                out += "''";
            else if (c == '\\')
                out += "\\\\";
            else
                out += c;
        }
        out += "':*";
        ++words;
    }
    return out;
}

Result<bool> PgWorkflowStore::upsert(const Json &workflow, const WorkflowMeta &meta)
{
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return Result<bool>::failure(lease.error());
    Transaction tx(**lease);
    if (!tx.begun())
        return Result<bool>::failure(tx.begun().error());
    Result<bool> r = upsertOn(**lease, workflow, meta);
    if (!r)
        return r;
    if (auto c = tx.commit(); !c)
        return Result<bool>::failure(c.error());
    return r;
}

Result<bool> PgWorkflowStore::remove(std::string_view id)
{
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return Result<bool>::failure(lease.error());
    Transaction tx(**lease);
    if (!tx.begun())
        return Result<bool>::failure(tx.begun().error());
    Result<bool> r = removeOn(**lease, id);
    if (!r)
        return r;
    if (auto c = tx.commit(); !c)
        return Result<bool>::failure(c.error());
    return r;
}

Result<SyncReport>
PgWorkflowStore::sync(const std::vector<std::pair<Json, WorkflowMeta>> &workflows)
{
    using R = Result<SyncReport>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    PgConnection &conn = **lease;
    Transaction tx(conn);
    if (!tx.begun())
        return R::failure(tx.begun().error());
    SyncReport report;
    Result<PgRows> ids = conn.exec(kIds);
    if (!ids)
        return R::failure(ids.error());
    std::set<std::string> stored;
    for (int i = 0; i < ids->size(); ++i)
        stored.insert(ids->text(i, 0));
    std::set<std::string> keep;
    for (const auto &[json, meta] : workflows) {
        const std::string id = stringField(json, "id");
        Result<bool> changed = upsertOn(conn, json, meta);
        if (!changed)
            return R::failure(changed.error());
        keep.insert(id);
        if (!*changed) {
            ++report.unchanged;
            continue;
        }
        ++(stored.contains(id) ? report.updated : report.inserted);
        report.changedIds.push_back(id);
    }
    for (const std::string &id : stored) {
        if (keep.contains(id))
            continue;
        Result<bool> removed = removeOn(conn, id);
        if (!removed)
            return R::failure(removed.error());
        ++report.removed;
        report.changedIds.push_back(id);
    }
    if (auto c = tx.commit(); !c)
        return R::failure(c.error());
    return report;
}

Result<std::optional<WorkflowRecord>> PgWorkflowStore::get(std::string_view id)
{
    using R = Result<std::optional<WorkflowRecord>>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<PgRows> rows = (*lease)->exec(kGet, {text(clean(id))});
    if (!rows)
        return R::failure(rows.error());
    if (rows->empty())
        return std::optional<WorkflowRecord>();
    return std::optional<WorkflowRecord>(readRecord(*rows, 0, true));
}

Result<std::vector<WorkflowRecord>> PgWorkflowStore::list(const store::ListFilter &filter)
{
    using R = Result<std::vector<WorkflowRecord>>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<PgRows> rows =
        (*lease)->exec(kList, {filter.category ? text(*filter.category) : Param(std::nullopt),
                               filter.source ? text(*filter.source) : Param(std::nullopt)});
    if (!rows)
        return R::failure(rows.error());
    std::vector<WorkflowRecord> out;
    for (int i = 0; i < rows->size(); ++i)
        out.push_back(readRecord(*rows, i, false));
    return out;
}

Result<std::vector<StepRecord>> PgWorkflowStore::steps(std::string_view workflowId)
{
    using R = Result<std::vector<StepRecord>>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<PgRows> rows = (*lease)->exec(kSteps, {text(clean(workflowId))});
    if (!rows)
        return R::failure(rows.error());
    std::vector<StepRecord> out;
    for (int i = 0; i < rows->size(); ++i) {
        StepRecord s;
        s.stepId = rows->text(i, 0);
        s.position = int(rows->integer(i, 1));
        s.title = rows->text(i, 2);
        s.prompt = rows->text(i, 3);
        s.loopId = rows->text(i, 4);
        s.kind = rows->text(i, 5);
        out.push_back(std::move(s));
    }
    return out;
}

Result<std::vector<std::string>> PgWorkflowStore::categories()
{
    using R = Result<std::vector<std::string>>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<PgRows> rows = (*lease)->exec(kCategories);
    if (!rows)
        return R::failure(rows.error());
    std::vector<std::string> out;
    for (int i = 0; i < rows->size(); ++i)
        out.push_back(rows->text(i, 0));
    return out;
}

Result<std::int64_t> PgWorkflowStore::count()
{
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return Result<std::int64_t>::failure(lease.error());
    Result<PgRows> rows = (*lease)->exec(kCount);
    if (!rows)
        return Result<std::int64_t>::failure(rows.error());
    return rows->integer(0, 0);
}

Result<std::vector<store::SearchHit>> PgWorkflowStore::search(std::string_view query,
                                                              const store::SearchOptions &options)
{
    using R = Result<std::vector<store::SearchHit>>;
    const std::string tsquery = tsQuery(query);
    std::vector<store::SearchHit> out;
    if (tsquery.empty() || options.limit <= 0)
        return out;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    // Private markers (control characters no text holds), replaced by the caller's afterwards:
    // ts_headline's option syntax cannot carry arbitrary marker text.
    const int maxWords = std::clamp(options.snippetTokens, 2, 64);
    const std::string headline =
        "StartSel=\x02, StopSel=\x03, MaxWords=" + std::to_string(maxWords) +
        ", MinWords=" + std::to_string(std::max(1, maxWords / 2)) + ", ShortWord=0";
    Result<PgRows> rows =
        (*lease)->exec(kSearch, {text(tsquery), integer(options.limit), text(headline)});
    if (!rows)
        return R::failure("search for '" + std::string(query) + "' failed: " + rows.error());
    const auto markers = [&options](const std::string &s) {
        std::string r;
        r.reserve(s.size());
        for (char c : s) {
            if (c == '\x02')
                r += options.open;
            else if (c == '\x03')
                r += options.close;
            else
                r += c;
        }
        return r;
    };
    for (int i = 0; i < rows->size(); ++i) {
        store::SearchHit h;
        h.workflowId = rows->text(i, 0);
        h.name = rows->text(i, 1);
        h.score = rows->real(i, 2);
        h.snippet = markers(rows->text(i, 3));
        out.push_back(std::move(h));
    }
    return out;
}

} // namespace wfs::pg
