// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Workflows, their steps and the FTS5 index, kept consistent in one transaction per change.
// The FTS row of a workflow is rewritten whenever the workflow is: delete by workflow_id, then
// insert; the table is small (one row per workflow) so the unindexed scan is cheap.
#include "workflowstore.h"

#include "database.h"

#include <QCryptographicHash>
#include <QDateTime>

#include <cassert>

namespace wfs::store {

static std::string stringField(const Json &obj, const char *key)
{
    if (!obj.is_object())
        return {};
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string())
        return {};
    return it->get<std::string>();
}

static std::int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

WorkflowStore::WorkflowStore(Database &db)
    : m_db(db)
{}

std::string WorkflowStore::contentHash(std::string_view bytes)
{
    return QCryptographicHash::hash(QByteArrayView(bytes.data(), qsizetype(bytes.size())),
                                    QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

std::vector<StepRecord> WorkflowStore::extractSteps(const Json &workflow)
{
    std::vector<StepRecord> out;
    const auto stepsIt = workflow.is_object() ? workflow.find("steps") : workflow.end();
    if (!workflow.is_object() || stepsIt == workflow.end() || !stepsIt->is_array())
        return out;
    int position = 0;
    for (const Json &step : *stepsIt) {
        StepRecord r;
        r.stepId = stringField(step, "id");
        r.title = stringField(step, "title");
        r.prompt = stringField(step, "prompt");
        r.position = position++;
        const bool isLoop = stringField(step, "type") == "loop";
        r.kind = isLoop ? "loop" : "step";
        if (isLoop) {
            const auto body = step.find("body");
            if (body != step.end() && body->is_string())
                r.loopId = body->get<std::string>(); // the top-level step it runs
            out.push_back(r);
            if (body != step.end() && body->is_array()) {
                for (const Json &inner : *body) {
                    StepRecord b;
                    b.stepId = stringField(inner, "id");
                    b.title = stringField(inner, "title");
                    b.prompt = stringField(inner, "prompt");
                    b.position = position++;
                    b.loopId = r.stepId;
                    b.kind = "inline";
                    out.push_back(std::move(b));
                }
            }
            continue;
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::string WorkflowStore::ftsQuery(std::string_view input)
{
    std::string out;
    std::size_t i = 0;
    while (i < input.size()) {
        while (i < input.size() && (std::isspace(static_cast<unsigned char>(input[i])) != 0))
            ++i;
        std::size_t start = i;
        while (i < input.size() && (std::isspace(static_cast<unsigned char>(input[i])) == 0))
            ++i;
        const std::string_view word = input.substr(start, i - start);
        bool hasToken = false;
        for (char c : word) {
            const auto u = static_cast<unsigned char>(c);
            if (u >= 0x80 || std::isalnum(u) != 0) {
                hasToken = true;
                break;
            }
        }
        if (!hasToken)
            continue; // pure punctuation: the tokenizer would drop it anyway
        if (!out.empty())
            out += ' ';
        out += '"';
        for (char c : word) {
            if (c == '"')
                out += "\"\"";
            else if (c != '\0')
                out += c;
        }
        out += "\"*";
    }
    return out;
}

Result<bool> WorkflowStore::upsert(const Json &workflow, const WorkflowMeta &meta)
{
    Transaction tx(m_db, Transaction::Immediate);
    if (!tx.isActive())
        return Result<bool>::failure(tx.error());
    Result<bool> r = upsertLocked(workflow, meta);
    if (!r)
        return r;
    if (auto c = tx.commit(); !c)
        return Result<bool>::failure(c.error());
    return r;
}

Result<bool> WorkflowStore::upsertLocked(const Json &workflow, const WorkflowMeta &meta)
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
    const std::string hash = contentHash(json);

    auto existing =
        m_db.cached("SELECT content_hash, category, source FROM workflows WHERE id = ?1");
    if (!existing)
        return R::failure(existing.error());
    (*existing)->bindText(1, id);
    Result<bool> row = (*existing)->step();
    if (!row)
        return R::failure(row.error());
    if (*row && (*existing)->columnText(0) == hash && (*existing)->columnText(1) == meta.category &&
        (*existing)->columnText(2) == meta.source) {
        (*existing)->reset();
        return false;
    }
    (*existing)->reset();

    auto put = m_db.cached(
        "INSERT INTO workflows(id, name, description, category, version, source, content_hash,"
        " json, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        " ON CONFLICT(id) DO UPDATE SET name = excluded.name, description = excluded.description,"
        " category = excluded.category, version = excluded.version, source = excluded.source,"
        " content_hash = excluded.content_hash, json = excluded.json,"
        " updated_at = excluded.updated_at");
    if (!put)
        return R::failure(put.error());
    (*put)
        ->bindText(1, id)
        .bindText(2, stringField(workflow, "name"))
        .bindText(3, stringField(workflow, "description"))
        .bindText(4, meta.category)
        .bindText(5, stringField(workflow, "version"))
        .bindText(6, meta.source)
        .bindText(7, hash)
        .bindText(8, json)
        .bindInt(9, nowMs());
    if (auto r = (*put)->run(); !r)
        return R::failure("cannot store workflow '" + id + "': " + r.error());

    auto clearSteps = m_db.cached("DELETE FROM steps WHERE workflow_id = ?1");
    if (!clearSteps)
        return R::failure(clearSteps.error());
    (*clearSteps)->bindText(1, id);
    if (auto r = (*clearSteps)->run(); !r)
        return R::failure(r.error());

    auto addStep = m_db.cached("INSERT INTO steps(workflow_id, position, step_id, title, prompt,"
                               " loop_id, kind) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!addStep)
        return R::failure(addStep.error());
    std::string titles;
    std::string prompts;
    for (const StepRecord &s : extractSteps(workflow)) {
        (*addStep)
            ->bindText(1, id)
            .bindInt(2, s.position)
            .bindText(3, s.stepId)
            .bindText(4, s.title)
            .bindText(5, s.prompt)
            .bindOptionalText(6, s.loopId.empty() ? std::nullopt
                                                  : std::optional<std::string>(s.loopId))
            .bindText(7, s.kind);
        if (auto r = (*addStep)->run(); !r)
            return R::failure("cannot store step '" + s.stepId + "' of '" + id + "': " + r.error());
        titles += s.title + ' ';
        prompts += s.prompt + ' ';
    }

    auto ftsDelete = m_db.cached("DELETE FROM workflow_fts WHERE workflow_id = ?1");
    if (!ftsDelete)
        return R::failure(ftsDelete.error());
    (*ftsDelete)->bindText(1, id);
    if (auto r = (*ftsDelete)->run(); !r)
        return R::failure(r.error());
    auto ftsInsert = m_db.cached("INSERT INTO workflow_fts(workflow_id, name, description,"
                                 " step_titles, step_prompts) VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!ftsInsert)
        return R::failure(ftsInsert.error());
    (*ftsInsert)
        ->bindText(1, id)
        .bindText(2, stringField(workflow, "name"))
        .bindText(3, stringField(workflow, "description"))
        .bindText(4, titles)
        .bindText(5, prompts);
    if (auto r = (*ftsInsert)->run(); !r)
        return R::failure(r.error());
    return true;
}

Result<bool> WorkflowStore::remove(std::string_view id)
{
    Transaction tx(m_db, Transaction::Immediate);
    if (!tx.isActive())
        return Result<bool>::failure(tx.error());
    Result<bool> r = removeLocked(id);
    if (!r)
        return r;
    if (auto c = tx.commit(); !c)
        return Result<bool>::failure(c.error());
    return r;
}

Result<bool> WorkflowStore::removeLocked(std::string_view id)
{
    auto del = m_db.cached("DELETE FROM workflows WHERE id = ?1");
    if (!del)
        return Result<bool>::failure(del.error());
    (*del)->bindText(1, id);
    if (auto r = (*del)->run(); !r)
        return Result<bool>::failure(r.error());
    const bool removed = m_db.changes() > 0;
    auto fts = m_db.cached("DELETE FROM workflow_fts WHERE workflow_id = ?1");
    if (!fts)
        return Result<bool>::failure(fts.error());
    (*fts)->bindText(1, id);
    if (auto r = (*fts)->run(); !r)
        return Result<bool>::failure(r.error());
    return removed;
}

Result<SyncReport> WorkflowStore::sync(const std::vector<std::pair<Json, WorkflowMeta>> &workflows)
{
    using R = Result<SyncReport>;
    Transaction tx(m_db, Transaction::Immediate);
    if (!tx.isActive())
        return R::failure(tx.error());
    SyncReport report;
    std::vector<std::string> storedIds;
    {
        auto ids = m_db.prepare("SELECT id FROM workflows");
        if (!ids)
            return R::failure(ids.error());
        for (;;) {
            Result<bool> row = ids->step();
            if (!row)
                return R::failure(row.error());
            if (!*row)
                break;
            storedIds.push_back(ids->columnText(0));
        }
    }
    std::vector<std::string> keep;
    for (const auto &[json, meta] : workflows) {
        const std::string id = stringField(json, "id");
        const bool known = std::find(storedIds.begin(), storedIds.end(), id) != storedIds.end();
        Result<bool> changed = upsertLocked(json, meta);
        if (!changed)
            return R::failure(changed.error());
        keep.push_back(id);
        if (!*changed) {
            ++report.unchanged;
            continue;
        }
        ++(known ? report.updated : report.inserted);
        report.changedIds.push_back(id);
    }
    for (const std::string &id : storedIds) {
        if (std::find(keep.begin(), keep.end(), id) != keep.end())
            continue;
        Result<bool> removed = removeLocked(id);
        if (!removed)
            return R::failure(removed.error());
        ++report.removed;
        report.changedIds.push_back(id);
    }
    if (auto c = tx.commit(); !c)
        return R::failure(c.error());
    return report;
}

static WorkflowRecord readRecord(const Statement &st, bool withJson)
{
    WorkflowRecord r;
    r.id = st.columnText(0);
    r.name = st.columnText(1);
    r.description = st.columnText(2);
    r.category = st.columnText(3);
    r.version = st.columnText(4);
    r.source = st.columnText(5);
    r.contentHash = st.columnText(6);
    r.updatedAtMs = st.columnInt(7);
    if (withJson)
        r.json = st.columnText(8);
    return r;
}

Result<std::optional<WorkflowRecord>> WorkflowStore::get(std::string_view id)
{
    using R = Result<std::optional<WorkflowRecord>>;
    auto lock = m_db.lock();
    auto st = m_db.cached("SELECT id, name, description, category, version, source, content_hash,"
                          " updated_at, json FROM workflows WHERE id = ?1");
    if (!st)
        return R::failure(st.error());
    (*st)->bindText(1, id);
    return (*st)->readOne([](const Statement &row) { return readRecord(row, true); });
}

Result<std::vector<WorkflowRecord>> WorkflowStore::list(const ListFilter &filter)
{
    using R = Result<std::vector<WorkflowRecord>>;
    auto lock = m_db.lock();
    // One statement per filter shape so that each uses its index.
    const char *sql = nullptr;
    if (filter.category && filter.source)
        sql = "SELECT id, name, description, category, version, source, content_hash, updated_at"
              " FROM workflows WHERE category = ?1 AND source = ?2 ORDER BY name, id";
    else if (filter.category)
        sql = "SELECT id, name, description, category, version, source, content_hash, updated_at"
              " FROM workflows WHERE category = ?1 ORDER BY name, id";
    else if (filter.source)
        sql = "SELECT id, name, description, category, version, source, content_hash, updated_at"
              " FROM workflows WHERE source = ?2 ORDER BY name, id";
    else
        sql = "SELECT id, name, description, category, version, source, content_hash, updated_at"
              " FROM workflows ORDER BY name, id";
    auto st = m_db.cached(sql);
    if (!st)
        return R::failure(st.error());
    if (filter.category)
        (*st)->bindText(1, *filter.category);
    if (filter.source)
        (*st)->bindText(2, *filter.source);
    return (*st)->readAll([](const Statement &row) { return readRecord(row, false); });
}

Result<std::vector<StepRecord>> WorkflowStore::steps(std::string_view workflowId)
{
    using R = Result<std::vector<StepRecord>>;
    auto lock = m_db.lock();
    auto st = m_db.cached("SELECT step_id, position, title, prompt, loop_id, kind FROM steps"
                          " WHERE workflow_id = ?1 ORDER BY position");
    if (!st)
        return R::failure(st.error());
    (*st)->bindText(1, workflowId);
    return (*st)->readAll([](const Statement &row) {
        StepRecord s;
        s.stepId = row.columnText(0);
        s.position = int(row.columnInt(1));
        s.title = row.columnText(2);
        s.prompt = row.columnText(3);
        s.loopId = row.columnText(4);
        s.kind = row.columnText(5);
        return s;
    });
}

Result<std::vector<std::string>> WorkflowStore::categories()
{
    using R = Result<std::vector<std::string>>;
    auto lock = m_db.lock();
    auto st = m_db.cached("SELECT DISTINCT category FROM workflows ORDER BY category");
    if (!st)
        return R::failure(st.error());
    return (*st)->readAll([](const Statement &row) { return row.columnText(0); });
}

Result<std::int64_t> WorkflowStore::count()
{
    return m_db.queryInt("SELECT count(*) FROM workflows");
}

Result<std::vector<SearchHit>> WorkflowStore::search(std::string_view query,
                                                     const SearchOptions &options)
{
    using R = Result<std::vector<SearchHit>>;
    const std::string match = ftsQuery(query);
    std::vector<SearchHit> out;
    if (match.empty())
        return out;
    auto lock = m_db.lock();
    // Column weights: name 10, description 4, step titles 3, prompts 1.
    auto st = m_db.cached(
        "SELECT workflow_id, name, bm25(workflow_fts, 0.0, 10.0, 4.0, 3.0, 1.0) AS score,"
        " snippet(workflow_fts, -1, ?2, ?3, '…', ?4) FROM workflow_fts"
        " WHERE workflow_fts MATCH ?1 ORDER BY score, workflow_id LIMIT ?5");
    if (!st)
        return R::failure(st.error());
    (*st)
        ->bindText(1, match)
        .bindText(2, options.open)
        .bindText(3, options.close)
        .bindInt(4, std::clamp(options.snippetTokens, 1, 64))
        .bindInt(5, std::max(options.limit, 0));
    for (;;) {
        Result<bool> row = (*st)->step();
        if (!row)
            return R::failure("search for '" + std::string(query) + "' failed: " + row.error());
        if (!*row)
            break;
        SearchHit h;
        h.workflowId = (*st)->columnText(0);
        h.name = (*st)->columnText(1);
        h.score = (*st)->columnDouble(2);
        h.snippet = (*st)->columnText(3);
        out.push_back(std::move(h));
    }
    return out;
}

} // namespace wfs::store
