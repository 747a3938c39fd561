// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The schema, as a list of migrations. Never edit a released migration: add a new one.
// Every query the product runs has an index here (named after the query it serves).
#include "migrations.h"

#include "database.h"

namespace wfs::store {

const std::vector<Migration> &schemaMigrations()
{
    static const std::vector<Migration> migrations = {
        {1, "workflows, steps, sessions and the session event log", R"sql(
CREATE TABLE workflows (
    id           TEXT PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL DEFAULT '',
    description  TEXT NOT NULL DEFAULT '',
    category     TEXT NOT NULL DEFAULT 'default',
    version      TEXT NOT NULL DEFAULT '',
    source       TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL DEFAULT '',
    json         TEXT NOT NULL,
    updated_at   INTEGER NOT NULL
);
-- list by category / by source, ordered by name
CREATE INDEX workflows_by_category ON workflows(category, name);
CREATE INDEX workflows_by_source ON workflows(source, name);

CREATE TABLE steps (
    workflow_id TEXT NOT NULL REFERENCES workflows(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    step_id     TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    prompt      TEXT NOT NULL DEFAULT '',
    loop_id     TEXT,
    kind        TEXT NOT NULL DEFAULT 'step',
    PRIMARY KEY (workflow_id, position)
) WITHOUT ROWID;
-- step by id within a workflow
CREATE INDEX steps_by_step_id ON steps(workflow_id, step_id);

CREATE TABLE sessions (
    id          TEXT PRIMARY KEY NOT NULL,
    workflow_id TEXT NOT NULL,
    client      TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'active',
    state       TEXT NOT NULL DEFAULT '{}',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
-- most recent sessions first; sessions of one workflow
CREATE INDEX sessions_by_updated ON sessions(updated_at);
CREATE INDEX sessions_by_workflow ON sessions(workflow_id, updated_at);

CREATE TABLE session_events (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    payload    TEXT NOT NULL DEFAULT ''
);
-- events of one session in order
CREATE INDEX session_events_by_session ON session_events(session_id, seq);
CREATE TRIGGER session_events_append_only BEFORE UPDATE ON session_events
BEGIN
    SELECT RAISE(ABORT, 'session_events is append-only');
END;
)sql"},
        {2, "performance metrics, counters and workflow usage", R"sql(
CREATE TABLE performance_metrics (
    id          INTEGER PRIMARY KEY,
    recorded_at INTEGER NOT NULL,
    pid         INTEGER NOT NULL,
    operation   TEXT NOT NULL,
    window_ms   INTEGER NOT NULL,
    count       INTEGER NOT NULL,
    errors      INTEGER NOT NULL,
    p50_us      REAL NOT NULL,
    p90_us      REAL NOT NULL,
    p95_us      REAL NOT NULL,
    p99_us      REAL NOT NULL,
    p999_us     REAL NOT NULL,
    max_us      REAL NOT NULL,
    mean_us     REAL NOT NULL
);
-- history of one operation; everything since a time; pruning by age
CREATE INDEX performance_metrics_by_operation ON performance_metrics(operation, recorded_at);
CREATE INDEX performance_metrics_by_time ON performance_metrics(recorded_at);

CREATE TABLE metric_counters (
    id          INTEGER PRIMARY KEY,
    recorded_at INTEGER NOT NULL,
    pid         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    value       REAL NOT NULL
);
-- latest value of a counter; history of one counter
CREATE INDEX metric_counters_by_name ON metric_counters(name, recorded_at);
CREATE INDEX metric_counters_by_time ON metric_counters(recorded_at);

CREATE TABLE workflow_usage (
    workflow_id  TEXT PRIMARY KEY NOT NULL,
    calls        INTEGER NOT NULL DEFAULT 0,
    last_used_at INTEGER NOT NULL
) WITHOUT ROWID;
-- most used workflows (cache warming)
CREATE INDEX workflow_usage_by_calls ON workflow_usage(calls DESC);
)sql"},
        {3, "second-level cache", R"sql(
CREATE TABLE cache_entries (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    operation   TEXT NOT NULL,
    workflow_id TEXT NOT NULL DEFAULT '',
    value       BLOB NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    size        INTEGER NOT NULL
);
-- purge by workflow; purge expired; size accounting per operation
CREATE INDEX cache_entries_by_workflow ON cache_entries(workflow_id);
CREATE INDEX cache_entries_by_expiry ON cache_entries(expires_at);
CREATE INDEX cache_entries_by_operation ON cache_entries(operation);
)sql"},
        {4, "full-text search over workflows", R"sql(
CREATE VIRTUAL TABLE workflow_fts USING fts5(
    workflow_id UNINDEXED, name, description, step_titles, step_prompts,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO workflow_fts(workflow_id, name, description, step_titles, step_prompts)
SELECT w.id, w.name, w.description,
       coalesce((SELECT group_concat(s.title, ' ') FROM steps s WHERE s.workflow_id = w.id), ''),
       coalesce((SELECT group_concat(s.prompt, ' ') FROM steps s WHERE s.workflow_id = w.id), '')
FROM workflows w;
)sql"},
        {5, "the call log of sessions (heat map, session replay)", R"sql(
CREATE TABLE session_calls (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    workflow_id TEXT NOT NULL DEFAULT '',
    at          INTEGER NOT NULL,
    tool        TEXT NOT NULL,
    step_id     TEXT NOT NULL DEFAULT '',
    loop_id     TEXT NOT NULL DEFAULT '',
    pass        INTEGER NOT NULL DEFAULT 0,
    complete    INTEGER NOT NULL DEFAULT 0,
    valid       INTEGER,
    is_error    INTEGER NOT NULL DEFAULT 0,
    arguments   TEXT NOT NULL DEFAULT '{}',
    answer      TEXT NOT NULL DEFAULT ''
);
-- replay: the calls of one session in order
CREATE INDEX session_calls_by_session ON session_calls(session_id, seq);
-- heat map: the calls of one workflow, covering every column the aggregation reads
CREATE INDEX session_calls_heat ON session_calls(workflow_id, session_id, seq, at, tool, step_id,
                                                 loop_id, pass, complete, valid, is_error);
CREATE TRIGGER session_calls_append_only BEFORE UPDATE ON session_calls
BEGIN
    SELECT RAISE(ABORT, 'session_calls is append-only');
END;
)sql"},
    };
    return migrations;
}

int latestSchemaVersion()
{
    return schemaMigrations().back().version;
}

Result<int> migrate(Database &db, const std::vector<Migration> &migrations)
{
    auto lock = db.lock();
    Result<int> current = db.userVersion();
    if (!current)
        return current;
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    if (*current > latest) {
        return Result<int>::failure("database " + db.path() + " has schema version " +
                                    std::to_string(*current) + ", newer than this program's " +
                                    std::to_string(latest) + "; upgrade Workflow Studio");
    }
    int version = *current;
    for (const Migration &m : migrations) {
        if (m.version <= version)
            continue;
        Transaction tx(db, Transaction::Immediate);
        if (!tx.isActive())
            return Result<int>::failure("migration " + std::to_string(m.version) + ": " +
                                        tx.error());
        if (auto r = db.exec(m.sql); !r)
            return Result<int>::failure("migration " + std::to_string(m.version) + " (" +
                                        m.description + "): " + r.error());
        if (auto r = db.setUserVersion(m.version); !r)
            return Result<int>::failure(r.error());
        if (auto r = tx.commit(); !r)
            return Result<int>::failure(r.error());
        version = m.version;
    }
    return version;
}

} // namespace wfs::store
