// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// A call-log row for the store tests: a call of workflow "wf" in `session` at `at`.
#pragma once

#include "engine/store/sessionstore.h"

#include <cstdint>
#include <string>

namespace wfs::test {

inline store::CallRecord call(const std::string &session, std::int64_t at,
                              const std::string &tool = "workflow_next")
{
    store::CallRecord c;
    c.sessionId = session;
    c.workflowId = "wf";
    c.atMs = at;
    c.tool = tool;
    return c;
}

} // namespace wfs::test
