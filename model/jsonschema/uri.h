// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// RFC 3986 reference resolution for $id and $ref (works for http:, file:, urn: and for
// relative bases such as "" or "schemas/a.json").
#pragma once

#include <string>
#include <string_view>

namespace wfs::schema {

// Resolves `ref` against `base` (RFC 3986 §5.2, with dot-segment removal). An empty base
// returns `ref` unchanged apart from dot segments.
std::string resolveUri(std::string_view base, std::string_view ref);

// The URI without its fragment ("a#b" → "a"), and the fragment alone ("a#b" → "b").
std::string_view uriWithoutFragment(std::string_view uri);
std::string_view uriFragment(std::string_view uri);

// Decodes %XX escapes (invalid escapes are kept as they are).
std::string percentDecode(std::string_view s);

} // namespace wfs::schema
