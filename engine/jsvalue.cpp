// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// JavaScript value semantics for the engine: every function mirrors what Node does to the same
// JSON value, so that conditions, blocked hints and size estimates match WorkRail.
#include "jsvalue.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace wfs::js {

std::string numberToString(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Infinity" : "-Infinity";
    if (value == 0)
        return "0";
    // Shortest round-trip digits in scientific form: d.ddde[+-]x
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    std::string sign;
    if (sci[0] == '-') {
        sign = "-";
        sci.erase(0, 1);
    }
    const auto ePos = sci.find('e');
    std::string digits;
    for (std::size_t i = 0; i < ePos; ++i) {
        if (sci[i] != '.')
            digits += sci[i];
    }
    const int exp = std::atoi(sci.c_str() + ePos + 1);
    const int k = static_cast<int>(digits.size());
    const int n = exp + 1;
    std::string out;
    if (k <= n && n <= 21) {
        out = digits + std::string(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out = digits.substr(0, static_cast<std::size_t>(n)) + "." +
              digits.substr(static_cast<std::size_t>(n));
    } else if (-6 < n && n <= 0) {
        out = "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
    } else {
        out = digits.substr(0, 1);
        if (k > 1)
            out += "." + digits.substr(1);
        out += (n - 1 >= 0 ? "e+" : "e-") + std::to_string(std::abs(n - 1));
    }
    return sign + out;
}

static std::string arrayJoin(const Json &array)
{
    std::string out;
    bool first = true;
    for (const Json &e : array) {
        if (!first)
            out += ',';
        first = false;
        if (!e.is_null())
            out += toString(&e); // Array#join writes null/undefined as ""
    }
    return out;
}

std::string toString(const Json *value)
{
    if (!value)
        return "undefined";
    switch (value->type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::boolean:
        return value->get<bool>() ? "true" : "false";
    case Json::value_t::string:
        return value->get_ref<const std::string &>();
    case Json::value_t::number_integer:
        return std::to_string(value->get<std::int64_t>());
    case Json::value_t::number_unsigned:
        return std::to_string(value->get<std::uint64_t>());
    case Json::value_t::number_float:
        return numberToString(value->get<double>());
    case Json::value_t::array:
        return arrayJoin(*value);
    case Json::value_t::object:
        return "[object Object]";
    default:
        return "";
    }
}

bool truthy(const Json *value)
{
    if (!value)
        return false;
    switch (value->type()) {
    case Json::value_t::null:
        return false;
    case Json::value_t::boolean:
        return value->get<bool>();
    case Json::value_t::string:
        return !value->get_ref<const std::string &>().empty();
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: {
        const double d = value->get<double>();
        return d != 0 && !std::isnan(d);
    }
    default:
        return true; // arrays and objects, even empty ones
    }
}

bool strictEquals(const Json *a, const Json *b)
{
    if (!a || !b)
        return !a && !b;
    if (a->is_number() && b->is_number())
        return a->get<double>() == b->get<double>();
    if (a->type() != b->type())
        return false;
    switch (a->type()) {
    case Json::value_t::null:
        return true;
    case Json::value_t::boolean:
        return a->get<bool>() == b->get<bool>();
    case Json::value_t::string:
        return a->get_ref<const std::string &>() == b->get_ref<const std::string &>();
    default:
        return false; // objects/arrays: distinct identities
    }
}

const char *typeOf(const Json *value)
{
    if (!value)
        return "undefined";
    switch (value->type()) {
    case Json::value_t::boolean:
        return "boolean";
    case Json::value_t::string:
        return "string";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return "number";
    default:
        return "object";
    }
}

static bool isJsWhitespace(char32_t c)
{
    switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

// Decodes one UTF-8 sequence at `i` (advancing it); invalid bytes decode as U+FFFD.
static char32_t decodeUtf8(std::string_view s, std::size_t &i)
{
    const auto b0 = static_cast<unsigned char>(s[i]);
    int len = 1;
    char32_t cp = b0;
    if (b0 >= 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else if (b0 >= 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if (b0 >= 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0x80) {
        ++i;
        return 0xFFFD;
    }
    if (i + static_cast<std::size_t>(len) > s.size()) {
        i = s.size();
        return 0xFFFD;
    }
    for (int k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    i += static_cast<std::size_t>(len);
    return cp;
}

double toNumber(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null:
        return 0;
    case Json::value_t::boolean:
        return value.get<bool>() ? 1 : 0;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return value.get<double>();
    case Json::value_t::string: {
        const std::string &s = value.get_ref<const std::string &>();
        std::size_t b = 0;
        std::size_t e = s.size();
        while (b < e && (s[b] == ' ' || (s[b] >= '\t' && s[b] <= '\r')))
            ++b;
        while (e > b && (s[e - 1] == ' ' || (s[e - 1] >= '\t' && s[e - 1] <= '\r')))
            --e;
        if (b == e)
            return 0;
        const std::string t = s.substr(b, e - b);
        char *end = nullptr;
        const double d = std::strtod(t.c_str(), &end);
        if (end != t.c_str() + t.size() || t.find_first_of("xXpP") != std::string::npos)
            return std::nan("");
        return d;
    }
    default:
        return std::nan("");
    }
}

std::size_t utf16Length(std::string_view utf8)
{
    // ASCII prefix eight bytes at a time (the common case: context strings and prompts are
    // mostly ASCII); the decoder takes over at the first byte with the high bit set.
    std::size_t i = 0;
    const std::size_t size = utf8.size();
    const char *data = utf8.data();
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    while (i + 8 <= size) {
        std::uint64_t word;
        std::memcpy(&word, data + i, sizeof word);
        if (word & kHighBits)
            break;
        i += 8;
    }
    while (i < size && static_cast<unsigned char>(data[i]) < 0x80)
        ++i;
    std::size_t n = i;
    while (i < size) {
        if (static_cast<unsigned char>(data[i]) < 0x80) {
            ++i;
            ++n;
            continue;
        }
        const char32_t cp = decodeUtf8(utf8, i);
        n += cp >= 0x10000 ? 2 : 1;
    }
    return n;
}

bool hasNonWhitespace(std::string_view utf8)
{
    for (std::size_t i = 0; i < utf8.size();) {
        if (!isJsWhitespace(decodeUtf8(utf8, i)))
            return true;
    }
    return false;
}

std::vector<std::string> splitCodePoints(std::string_view utf8)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t start = i;
        decodeUtf8(utf8, i);
        out.emplace_back(utf8.substr(start, i - start));
    }
    return out;
}

double contextSize(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null:
    case Json::value_t::boolean:
        return 4;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return 8;
    case Json::value_t::string:
        return 2.0 * static_cast<double>(utf16Length(value.get_ref<const std::string &>()));
    case Json::value_t::array: {
        double s = 4;
        for (const Json &e : value)
            s += contextSize(e);
        return s;
    }
    case Json::value_t::object: {
        double s = 4;
        for (auto it = value.begin(); it != value.end(); ++it)
            s += 2.0 * static_cast<double>(utf16Length(it.key())) + contextSize(it.value());
        return s;
    }
    default:
        return 0;
    }
}

} // namespace wfs::js
