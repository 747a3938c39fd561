// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Checkers for the draft-07 "format" values (and base64 for "contentEncoding"). Each takes the
// UTF-8 string and says whether it is well formed; none allocates for ASCII input.
#pragma once

#include <string_view>

namespace wfs::schema {

using FormatChecker = bool (*)(std::string_view);

// The checker for a draft-07 format name (date-time, date, time, email, idn-email, hostname,
// idn-hostname, ipv4, ipv6, uri, uri-reference, iri, iri-reference, uri-template,
// json-pointer, relative-json-pointer, regex), or nullptr for a format we do not know (an
// unknown format is an annotation only, as in ajv with strict mode off).
FormatChecker formatChecker(std::string_view name);

// RFC 4648 base64 with padding (the "contentEncoding": "base64" assertion).
bool isBase64(std::string_view s);

} // namespace wfs::schema
