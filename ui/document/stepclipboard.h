// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Steps as clipboard text: copying writes a JSON array of steps; pasting accepts one step
// object, an array of steps, or a whole workflow (its steps), from this or another document or
// from any text editor. Pure functions; the clipboard itself is the window's business.
#pragma once

#include "model/json.h"
#include "model/result.h"

#include <QStringList>

#include <string>
#include <vector>

namespace wfs::studio {

class WorkflowDocument;

// JSON text (an array, 2-space indented) of the steps at `pointers`, in document order.
std::string copyStepsText(const WorkflowDocument &doc, const std::vector<std::string> &pointers);

// The steps in pasted text. Fails with a message (JSON line:column, or what was expected).
Result<Json> stepsFromPastedText(const std::string &text);

// Renames steps whose id is in `taken` (or repeated among them) to a free id; a loop's string
// body that named a renamed pasted step follows the rename.
Json withUniqueIds(Json steps, QStringList taken);

} // namespace wfs::studio
