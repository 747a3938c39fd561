// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The logic behind `wfstudio validate`: which files a list of paths means, and their checks.
#pragma once

#include "diagnostic.h"
#include "result.h"

#include <string>
#include <vector>

namespace wfs {

// Expands paths: a file stays itself (whatever its name); a directory becomes every `*.json`
// below it, recursively (also dangling symlinks, FIFOs and other non-files with that name, so
// that they are reported rather than silently skipped; symlinked directories are not
// followed), sorted. Fails, naming the path, when a path does not exist.
Result<std::vector<std::string>> collectWorkflowFiles(const std::vector<std::string> &paths);

// checkWorkflowFile for each file, concatenated in file order.
Diagnostics validateWorkflowFiles(const std::vector<std::string> &files);

} // namespace wfs
