// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The workflow heat map: how recorded sessions (studio runs, MCP agents) moved through one
// workflow, per step, from the call log (session_calls, see sessionsink.h).
//
//   store::HeatFilter f;
//   f.sinceMs = now - 60 * 60'000;  // sessions active in the last hour
//   f.client = "Claude Code";       // an agent's name, a full client string or a transport
//   // Any session store: the embedded SessionStore or a team server's PgSessionStore.
//   Result<store::HeatReport> r =
//       store::computeHeat(sessions, "my-flow", f, store::stepOrderOf(doc));
//   r->toJson();  // {"workflowId", "sessions", "steps": [{"id", "reached", ...}]}
//
// Per step (by id; loop frames included):
//   reached             sessions that were handed the step at least once (a loop: any body step)
//   stoppedHere         sessions whose last workflow_next handed out this step (not complete)
//   thinkP50Ms/P95Ms    time from the workflow_next that handed out the step to the session's
//                       next workflow_next call (nearest rank; none when no such call yet)
//   validationFailures  workflow_validate calls on the step answered invalid (or an error)
//   validationRetries   workflow_validate calls on the step after a failed one, same session
//   loopPasses          loop passes in which the step was handed out, summed over sessions (a
//                       loop frame: the passes its body ran); 0 outside loops
//
// The store reads the rows (AbstractSessionStore::heatCalls: one prepared query with bound
// parameters; SQLite reads only the covering index session_calls_heat when unfiltered); the
// aggregation is one pass over them, the same for every store.
#pragma once

#include "engine/session.h"
#include "engine/store/sessionstore.h"
#include "model/json.h"
#include "model/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wfs::store {

struct HeatCell
{
    std::string id;
    int reached = 0;
    int stoppedHere = 0;
    std::optional<std::int64_t> thinkP50Ms;
    std::optional<std::int64_t> thinkP95Ms;
    int thinkSamples = 0;
    int validationFailures = 0;
    int validationRetries = 0;
    int loopPasses = 0;

    bool operator==(const HeatCell &) const = default;
};

struct HeatReport
{
    std::string workflowId;
    int sessions = 0;            ///< sessions with at least one recorded call of the workflow
    std::vector<HeatCell> steps; ///< in the order given, then the steps only the log names
    const HeatCell *find(const std::string &id) const;
    Json toJson() const;
};

// The aggregation itself (pure; `calls` grouped by session, each session's calls in order).
HeatReport aggregateHeat(const std::string &workflowId, const std::vector<HeatCall> &calls,
                         const std::vector<std::string> &stepOrder = {});

// Reads the workflow's calls from `store` (filtered: AbstractSessionStore::heatCalls) and
// aggregates them.
Result<HeatReport> computeHeat(AbstractSessionStore &store, const std::string &workflowId,
                               const HeatFilter &filter = {},
                               const std::vector<std::string> &stepOrder = {});

// The clients that recorded calls of the workflow (agent names, as HeatFilter::client takes
// them), sorted.
Result<std::vector<std::string>> heatClients(AbstractSessionStore &store,
                                             const std::string &workflowId);

// A workflow document's step ids in document order: each top-level step, a loop's inline body
// steps right after the loop.
std::vector<std::string> stepOrderOf(const Json &workflow);

// What the overlay colours by. heatValue() is empty when the step has no value for the metric
// (a think time without samples); zero counts are values.
enum class HeatMetric { Reached, StoppedHere, ThinkP50, ThinkP95, ValidationFailures, LoopPasses };
std::optional<double> heatValue(const HeatCell &cell, HeatMetric metric);

// Session replay: the session as it stood right after calls[index] (the last workflow_next at
// or before it: the completed steps it sent, the step and context it was answered with).
Session sessionAtCall(const std::vector<CallRecord> &calls, std::size_t index);

// The agent name of a session's client string: "Claude Code (http:1a2b)" -> "Claude Code";
// a bare "http:1a2b" -> "http"; "studio", "stdio" as they are.
std::string clientName(const std::string &client);

} // namespace wfs::store
