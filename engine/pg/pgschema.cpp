// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The team server's schema (PostgreSQL 15). Times are Unix epoch milliseconds (bigint), as in
// the SQLite store; seq columns are identities (global, increasing). Every query the stores run
// has an index here.
#include "pgschema.h"

namespace wfs::pg::detail {

const std::vector<PgMigration> &pgMigrations()
{
    static const std::vector<PgMigration> migrations = {
        {1, "workflows, steps and their full-text index", R"sql(
CREATE TABLE workflows (
    id           text PRIMARY KEY,
    name         text NOT NULL DEFAULT '',
    description  text NOT NULL DEFAULT '',
    category     text NOT NULL DEFAULT 'default',
    version      text NOT NULL DEFAULT '',
    source       text NOT NULL DEFAULT '',
    content_hash text NOT NULL DEFAULT '',
    json         text NOT NULL,
    updated_at   bigint NOT NULL,
    -- name (A), description (B), step titles (C), step prompts (D); 'simple': no stemming
    search       tsvector NOT NULL DEFAULT ''::tsvector,
    search_text  text NOT NULL DEFAULT '' -- what ts_headline cuts snippets from
);
CREATE INDEX workflows_by_category ON workflows(category, name);
CREATE INDEX workflows_by_source ON workflows(source, name);
CREATE INDEX workflows_by_name ON workflows(name, id);
CREATE INDEX workflows_search ON workflows USING gin(search);

CREATE TABLE workflow_steps (
    workflow_id text NOT NULL REFERENCES workflows(id) ON DELETE CASCADE,
    position    integer NOT NULL,
    step_id     text NOT NULL,
    title       text NOT NULL DEFAULT '',
    prompt      text NOT NULL DEFAULT '',
    loop_id     text,
    kind        text NOT NULL DEFAULT 'step',
    PRIMARY KEY (workflow_id, position)
);
CREATE INDEX workflow_steps_by_step_id ON workflow_steps(workflow_id, step_id);
)sql"},
        {2, "sessions, their event log and call log", R"sql(
CREATE FUNCTION wfs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;

CREATE TABLE sessions (
    id          text PRIMARY KEY,
    workflow_id text NOT NULL,
    client      text NOT NULL DEFAULT '',
    status      text NOT NULL DEFAULT 'active',
    state       text NOT NULL DEFAULT '{}',
    created_at  bigint NOT NULL,
    updated_at  bigint NOT NULL
);
CREATE INDEX sessions_by_updated ON sessions(updated_at DESC, id);
CREATE INDEX sessions_by_workflow ON sessions(workflow_id, updated_at);

CREATE TABLE session_events (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    at         bigint NOT NULL,
    kind       text NOT NULL,
    payload    text NOT NULL DEFAULT ''
);
CREATE INDEX session_events_by_session ON session_events(session_id, seq);
CREATE INDEX session_events_by_kind ON session_events(session_id, kind);
CREATE TRIGGER session_events_append_only BEFORE UPDATE ON session_events
    FOR EACH ROW EXECUTE FUNCTION wfs_append_only();

CREATE TABLE session_calls (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id  text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    workflow_id text NOT NULL DEFAULT '',
    at          bigint NOT NULL,
    tool        text NOT NULL,
    step_id     text NOT NULL DEFAULT '',
    loop_id     text NOT NULL DEFAULT '',
    pass        integer NOT NULL DEFAULT 0,
    complete    boolean NOT NULL DEFAULT false,
    valid       smallint, -- NULL for tools other than workflow_validate
    is_error    boolean NOT NULL DEFAULT false,
    arguments   text NOT NULL DEFAULT '{}',
    answer      text NOT NULL DEFAULT ''
);
CREATE INDEX session_calls_by_session ON session_calls(session_id, seq);
CREATE INDEX session_calls_by_workflow ON session_calls(workflow_id, session_id, seq);
CREATE TRIGGER session_calls_append_only BEFORE UPDATE ON session_calls
    FOR EACH ROW EXECUTE FUNCTION wfs_append_only();
)sql"},
        {3, "fleet metrics (with histogram buckets), counters, workflow usage", R"sql(
-- One row per instance, operation and persist window. buckets/bucket_counts are the window's
-- histogram, sparse (engine/metrics/histogram.h bucket index -> count), so that percentiles of
-- the fleet are taken from merged histograms, never averaged.
CREATE TABLE performance_metrics (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at   bigint NOT NULL,
    instance      text NOT NULL,
    pid           bigint NOT NULL,
    operation     text NOT NULL,
    window_ms     bigint NOT NULL,
    count         bigint NOT NULL,
    errors        bigint NOT NULL,
    p50_us        double precision NOT NULL,
    p90_us        double precision NOT NULL,
    p95_us        double precision NOT NULL,
    p99_us        double precision NOT NULL,
    p999_us       double precision NOT NULL,
    max_us        double precision NOT NULL,
    mean_us       double precision NOT NULL,
    sum_ns        bigint NOT NULL,
    min_ns        bigint NOT NULL,
    max_ns        bigint NOT NULL,
    buckets       integer[] NOT NULL,
    bucket_counts bigint[] NOT NULL
);
CREATE INDEX performance_metrics_by_operation ON performance_metrics(operation, recorded_at);
CREATE INDEX performance_metrics_by_time ON performance_metrics(recorded_at);

CREATE TABLE metric_counters (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at bigint NOT NULL,
    instance    text NOT NULL,
    pid         bigint NOT NULL,
    name        text NOT NULL,
    value       double precision NOT NULL
);
CREATE INDEX metric_counters_by_name ON metric_counters(name, recorded_at DESC, id DESC);
CREATE INDEX metric_counters_by_time ON metric_counters(recorded_at);

CREATE TABLE workflow_usage (
    workflow_id  text PRIMARY KEY,
    calls        bigint NOT NULL DEFAULT 0,
    last_used_at bigint NOT NULL
);
CREATE INDEX workflow_usage_by_calls ON workflow_usage(calls DESC, last_used_at DESC);
)sql"},
        {4, "MCP transport sessions shared by the instances", R"sql(
CREATE TABLE mcp_sessions (
    id               text PRIMARY KEY,
    protocol_version text NOT NULL DEFAULT '',
    client_info      text NOT NULL DEFAULT '{}',
    instance         text NOT NULL DEFAULT '',
    initialized      boolean NOT NULL DEFAULT false,
    created_at       bigint NOT NULL,
    last_used_at     bigint NOT NULL
);
CREATE INDEX mcp_sessions_by_last_used ON mcp_sessions(last_used_at);
)sql"},
    };
    return migrations;
}

Result<int> migrate(PgConnection &conn)
{
    using R = Result<int>;
    // 'WFS' + schema: the lock every instance takes before looking at the schema.
    static constexpr Statement kLock{"wfs_schema_lock", "SELECT pg_advisory_xact_lock($1)"};
    static constexpr Statement kVersion{"wfs_schema_version",
                                        "SELECT coalesce(max(version), 0) FROM wfs_schema"};
    static constexpr Statement kRecord{
        "wfs_schema_record", "INSERT INTO wfs_schema(version, description) VALUES($1, $2)"};
    Transaction tx(conn);
    if (!tx.begun())
        return R::failure(tx.begun().error());
    if (auto r = conn.exec(kLock, {integer(0x5746530001)}); !r)
        return R::failure(r.error());
    if (auto r = conn.command("CREATE TABLE IF NOT EXISTS wfs_schema (version integer PRIMARY KEY,"
                              " description text NOT NULL, applied_at timestamptz NOT NULL"
                              " DEFAULT now())");
        !r)
        return R::failure(r.error());
    Result<PgRows> current = conn.exec(kVersion);
    if (!current)
        return R::failure(current.error());
    int version = int(current->integer(0, 0));
    const int latest = pgMigrations().back().version;
    if (version > latest)
        return R::failure("the PostgreSQL schema has version " + std::to_string(version) +
                          ", newer than this program's " + std::to_string(latest) +
                          "; upgrade Workflow Studio");
    for (const PgMigration &m : pgMigrations()) {
        if (m.version <= version)
            continue;
        if (auto r = conn.command(m.sql); !r)
            return R::failure("migration " + std::to_string(m.version) + " (" + m.description +
                              "): " + r.error());
        if (auto r = conn.exec(kRecord, {integer(m.version), text(m.description)}); !r)
            return R::failure(r.error());
        version = m.version;
    }
    if (auto r = tx.commit(); !r)
        return R::failure(r.error());
    return version;
}

} // namespace wfs::pg::detail
