// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Fixtures of tst_mcpdispatcher's wire tests.
#pragma once

#include "model/jsonwrite.h"

#include <string>
#include <utility>
#include <vector>

namespace wfs::test {

// (row name, JSON-RPC request) for every answer kind the cache can splice.
const std::vector<std::pair<const char *, const char *>> &wireRequests();
std::string initializeRequest(const std::string &version);
// A message holding rawJson() nodes and its expected serialisation.
std::pair<Json, std::string> rawJsonMessage();

} // namespace wfs::test
