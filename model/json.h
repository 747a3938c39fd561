// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The one JSON type of the project: insertion-ordered, so that a workflow saved again keeps
// its key order (lossless round trip).
#pragma once

#include <nlohmann/json.hpp>

namespace wfs {
using Json = nlohmann::ordered_json;
} // namespace wfs
