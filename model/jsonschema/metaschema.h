// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The draft-07 meta-schema text, for $ref to http://json-schema.org/draft-07/schema#.
#pragma once

#include <string_view>

namespace wfs::schema {

inline constexpr std::string_view kDraft07MetaSchemaUri = "http://json-schema.org/draft-07/schema";

std::string_view draft07MetaSchemaText();

} // namespace wfs::schema
