// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Short human-readable forms of conditions and loop configurations, for edge guard labels,
// loop frames and tooltips: {"var":"mode","equals":"fast"} -> mode == "fast".
#pragma once

#include "model/json.h"

#include <QString>

namespace wfs::studio {

// One line; operators as in WorkRail's evaluation order (§1.4 of the compat spec).
QString conditionSummary(const Json &condition);

// "while: retry == true · max 5", "forEach item in files · max 100", ...
QString loopSummary(const Json &loopConfig);

// Compact JSON text of a value (for values typed as JSON in editors).
QString compactJson(const Json &value);

} // namespace wfs::studio
