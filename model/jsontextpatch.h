// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Lossless saving: the new text of a JSON file is its old text patched where the value
// changed, so that an edit of one title changes one line of the file.
//
// Untouched parts stay byte-identical (indentation, key order, number spellings such as `1.0`
// or `1e3`, string escapes such as `\u00e9`, blank lines, CRLF line endings, a missing final
// newline). A changed scalar gets a new token; an added member or element is written in the
// file's detected style (indentation unit, line ending, `": "`); a removed one goes with its
// comma and line; array elements are matched (longest common subsequence, then by "id") so
// that inserts, deletes and moves patch only what moved. A container written on one line stays
// on one line while it stays short; a short one that grows past kOneLineLimit is laid out on
// lines (a long one, such as a minified file, keeps its form).
#pragma once

#include "json.h"
#include "jsonio.h"

#include <string>
#include <string_view>

namespace wfs {

// A one-line container up to this long keeps its one-line form while it stays this short.
inline constexpr std::size_t kOneLineLimit = 100;

// The layout of `text` (indentation unit, line ending, key separator, one-line spacing).
// Defaults (formatJsonForSave's layout) for what the text does not show.
JsonTextStyle detectJsonTextStyle(std::string_view text);

// The text of `value` for a file whose text was `original`. Parsing the result gives `value`
// (numbers compare as numbers: an unchanged integer stays an integer, an unchanged float keeps
// its spelling). When `original` is empty or not valid JSON: formatJsonForSave(value).
std::string patchJsonText(std::string_view original, const Json &value);

} // namespace wfs
