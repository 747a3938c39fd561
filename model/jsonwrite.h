// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Compact JSON writing for the wire and the caches: byte-identical to
// Json::dump(-1, ' ', false, error_handler_t::replace) (invalid UTF-8 in strings is replaced,
// never thrown on), several times faster on the common, valid path.
//
// Pre-serialised parts: rawJson(text) makes a node that writeJson() copies verbatim, so an
// answer cached as text (a tool result, the tools list) is spliced into a response without
// being rebuilt. Such a node is a binary value to everything else (dump() writes it as
// {"bytes":…}): only build it into messages that go straight to writeJson().
#pragma once

#include "json.h"

#include <string>
#include <string_view>

namespace wfs {

std::string writeJson(const Json &value);
// writeJson(value), appended to `out`.
void appendJsonText(std::string &out, const Json &value);
// `text` as a quoted JSON string (same escaping as writeJson), appended to `out`.
void appendJsonStringText(std::string &out, std::string_view text);
// A node holding `text`, which must be one complete JSON value, for writeJson() to copy.
Json rawJson(std::string_view text);

} // namespace wfs
