// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Workflow fixtures for the semantic-check tests. They live in a file without Q_OBJECT because
// moc (Qt 6.4) mis-tokenizes some raw string literals.
#pragma once

#include <string>
#include <vector>

namespace wfs::test {

struct SemanticCase
{
    std::string name;
    std::string header; ///< extra top-level members, written on line 1 before "steps"
    std::string steps;  ///< the steps array's content; its first line is line 2 of the file
    std::vector<std::string> expected; ///< formatDiagnostic lines (file "t.json"), in order
};

// The workflow text of a case: line 1 holds id/name/description/version, `header` and
// `"steps": [`; the steps start on line 2.
std::string semanticCaseText(const SemanticCase &c);

std::vector<SemanticCase> semanticCases();

// A workflow using every construct of the format, for the model tests.
std::string richWorkflowText();

} // namespace wfs::test
