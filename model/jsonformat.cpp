// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// JSON text out, laid out: JavaScript's JSON.stringify (toJsJson), the save format, and a
// given JsonTextStyle (formatJsonText). Compact wire output is jsonwrite.cpp's.
#include "jsonio.h"
#include "jsontext.h"
#include "jsonwrite.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace wfs {

namespace {

using namespace jsontext;

// ---------------------------------------------------------------------------------------------
// Writers

// Appends the shortest round-trip digits of |v| (v finite, non-zero) as JavaScript's
// Number.prototype.toString lays them out.
void appendJsNumber(std::string &out, double v)
{
    if (!std::isfinite(v)) {
        out += "null";
        return;
    }
    if (v == 0) {
        out += '0';
        return;
    }
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    std::string_view s(buf, static_cast<std::size_t>(r.ptr - buf));
    if (s.front() == '-') {
        out += '-';
        s.remove_prefix(1);
    }
    const std::size_t ePos = s.find('e');
    std::string digits;
    for (char c : s.substr(0, ePos))
        if (c != '.')
            digits += c;
    int exp10 = 0;
    std::from_chars(s.data() + ePos + (s[ePos + 1] == '+' ? 2 : 1), s.data() + s.size(), exp10);
    const int k = static_cast<int>(digits.size());
    const int nExp = exp10 + 1; // value = 0.digits × 10^nExp
    if (k <= nExp && nExp <= 21) {
        out += digits;
        out.append(static_cast<std::size_t>(nExp - k), '0');
    } else if (0 < nExp && nExp <= 21) {
        out.append(digits, 0, static_cast<std::size_t>(nExp));
        out += '.';
        out.append(digits, static_cast<std::size_t>(nExp));
    } else if (-6 < nExp && nExp <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-nExp), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out.append(digits, 1);
        }
        out += 'e';
        out += nExp - 1 >= 0 ? '+' : '-';
        out += std::to_string(std::abs(nExp - 1));
    }
}

// JSON.stringify's string form: the same escapes as the wire writer (control characters,
// '"' and '\\'; other characters as they are). Invalid UTF-8, which a JavaScript string cannot
// hold, comes out as U+FFFD as it would after Node decoded the bytes.
void appendJsString(std::string &out, const std::string &s)
{
    appendJsonStringText(out, s);
}

// Canonical array index ("0", "17"; below 2^32 - 1): JavaScript lists these keys first.
bool isArrayIndexKey(const std::string &k, std::uint64_t &value)
{
    if (k.empty() || k.size() > 10 || (k.size() > 1 && k[0] == '0'))
        return false;
    std::uint64_t v = 0;
    for (char c : k) {
        if (!isDigit(c))
            return false;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (v >= 4294967295ull)
        return false;
    value = v;
    return true;
}

enum class NumberStyle {
    JavaScript, ///< JSON.stringify: every number is a double
    AsRead      ///< integers as integers, doubles keep a '.' or an exponent
};

void appendNumber(std::string &out, const Json &v, NumberStyle style)
{
    if (v.is_number_integer()) {
        if (style == NumberStyle::JavaScript) {
            const double d = v.is_number_unsigned() ? static_cast<double>(v.get<std::uint64_t>())
                                                    : static_cast<double>(v.get<std::int64_t>());
            if (std::abs(d) < 9007199254740992.0) {
                out += v.is_number_unsigned() ? std::to_string(v.get<std::uint64_t>())
                                              : std::to_string(v.get<std::int64_t>());
                return;
            }
            appendJsNumber(out, d);
            return;
        }
        out += v.is_number_unsigned() ? std::to_string(v.get<std::uint64_t>())
                                      : std::to_string(v.get<std::int64_t>());
        return;
    }
    const double d = v.get<double>();
    if (style == NumberStyle::JavaScript) {
        appendJsNumber(out, d);
        return;
    }
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    if (d == 0) {
        out += std::signbit(d) ? "-0.0" : "0.0";
        return;
    }
    const std::size_t from = out.size();
    appendJsNumber(out, d);
    if (out.find_first_of(".e", from) == std::string::npos)
        out += ".0";
}

// How a writer lays out containers (see JsonTextStyle): `indent` empty = one line.
struct Layout
{
    std::string_view indent;
    std::string_view newline = "\n";
    std::string_view base; ///< indentation of the line the value starts on
    std::string_view colon = ": ";
    std::string_view comma = ",";
    std::string_view objectPad;
    std::string_view arrayPad;
};

void writeJson(std::string &out, const Json &v, const Layout &layout, int level, NumberStyle style)
{
    switch (v.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded:
        out += "null";
        return;
    case Json::value_t::boolean:
        out += v.get<bool>() ? "true" : "false";
        return;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        appendNumber(out, v, style);
        return;
    case Json::value_t::string:
        appendJsString(out, v.get_ref<const std::string &>());
        return;
    case Json::value_t::binary:
        out += "null";
        return;
    case Json::value_t::array:
    case Json::value_t::object:
        break;
    }
    const bool isArray = v.is_array();
    if (v.empty()) {
        out += isArray ? "[]" : "{}";
        return;
    }
    const bool multiLine = !layout.indent.empty();
    const std::string_view pad = isArray ? layout.arrayPad : layout.objectPad;
    auto newline = [&](int lvl) {
        if (!multiLine)
            return;
        out += layout.newline;
        out += layout.base;
        for (int k = 0; k < lvl; ++k)
            out += layout.indent;
    };
    out += isArray ? '[' : '{';
    if (!multiLine)
        out += pad;
    bool first = true;
    auto separate = [&] {
        if (!first)
            out += multiLine ? std::string_view(",") : layout.comma;
        first = false;
        newline(level + 1);
    };
    if (isArray) {
        for (const Json &e : v.get_ref<const Json::array_t &>()) {
            separate();
            writeJson(out, e, layout, level + 1, style);
        }
    } else {
        const auto &obj = static_cast<const std::vector<Json::object_t::value_type> &>(
            v.get_ref<const Json::object_t &>());
        auto writeMember = [&](const std::string &key, const Json &value) {
            separate();
            appendJsString(out, key);
            out += layout.colon;
            writeJson(out, value, layout, level + 1, style);
        };
        if (style == NumberStyle::JavaScript) {
            std::vector<std::pair<std::uint64_t, std::size_t>> indexKeys;
            for (std::size_t k = 0; k < obj.size(); ++k) {
                std::uint64_t idx = 0;
                if (isArrayIndexKey(obj[k].first, idx))
                    indexKeys.emplace_back(idx, k);
            }
            std::sort(indexKeys.begin(), indexKeys.end());
            for (const auto &[idx, k] : indexKeys)
                writeMember(obj[k].first, obj[k].second);
            for (std::size_t k = 0; k < obj.size(); ++k) {
                std::uint64_t idx = 0;
                if (!isArrayIndexKey(obj[k].first, idx))
                    writeMember(obj[k].first, obj[k].second);
            }
        } else {
            for (const auto &[key, value] : obj)
                writeMember(key, value);
        }
    }
    if (!multiLine)
        out += pad;
    newline(level);
    out += isArray ? ']' : '}';
}

} // namespace

std::string toJsJson(const Json &value, int indent)
{
    std::string out;
    const std::string spaces(static_cast<std::size_t>(std::clamp(indent, 0, 10)), ' ');
    Layout layout;
    layout.indent = spaces;
    layout.colon = spaces.empty() ? ":" : ": ";
    writeJson(out, value, layout, 0, NumberStyle::JavaScript);
    return out;
}

std::string formatJsonForSave(const Json &value)
{
    std::string out;
    out.reserve(4096);
    Layout layout;
    layout.indent = "  ";
    writeJson(out, value, layout, 0, NumberStyle::AsRead);
    out += '\n';
    return out;
}

std::string formatJsonText(const Json &value, const JsonTextStyle &style,
                           std::string_view baseIndent)
{
    std::string out;
    Layout layout;
    layout.indent = style.indent;
    layout.newline = style.newline;
    layout.base = baseIndent;
    layout.colon = style.colon;
    layout.comma = style.comma;
    layout.objectPad = style.objectPad;
    layout.arrayPad = style.arrayPad;
    writeJson(out, value, layout, 0, NumberStyle::AsRead);
    return out;
}

} // namespace wfs
