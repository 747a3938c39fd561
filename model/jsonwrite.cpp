// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The compact JSON writer (see jsonwrite.h).
#include "jsonwrite.h"

#include <array>
#include <charconv>
#include <cstdint>

namespace wfs {

namespace {

// Length of the well-formed UTF-8 sequence at p (RFC 3629: no overlongs, no surrogates, at
// most U+10FFFF — exactly what nlohmann's decoder accepts), 0 when it is not well formed.
std::size_t utf8SequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = p[0];
    const auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        return p + i < end && p[i] >= lo && p[i] <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF)
        return cont(1) ? 2 : 0;
    if (c == 0xE0)
        return cont(1, 0xA0) && cont(2) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
        return cont(1) && cont(2) ? 3 : 0;
    if (c == 0xED)
        return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    if (c == 0xF0)
        return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3)
        return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (c == 0xF4)
        return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
}

// Appends `s` as a JSON string exactly as nlohmann's dump(ensure_ascii = false) does. Returns
// false (having appended nothing) when `s` is not well-formed UTF-8.
bool appendQuoted(std::string &out, std::string_view s)
{
    static constexpr char kHex[] = "0123456789abcdef";
    // 1 for the bytes that cannot be copied as they are: control characters, '"', '\\' and
    // the non-ASCII bytes (checked as UTF-8 sequences).
    static constexpr auto kSpecial = [] {
        std::array<unsigned char, 256> t{};
        for (int c = 0; c < 256; ++c)
            t[static_cast<std::size_t>(c)] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
        return t;
    }();
    const std::size_t mark = out.size();
    out.reserve(out.size() + s.size() + s.size() / 8 + 2);
    out += '"';
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const auto *end = p + s.size();
    const auto *run = p;
    while (p < end) {
        while (p < end && !kSpecial[*p])
            ++p;
        if (p == end)
            break;
        const unsigned char c = *p;
        if (c >= 0x80) {
            const std::size_t n = utf8SequenceLength(p, end);
            if (n == 0) {
                out.resize(mark);
                return false;
            }
            p += n;
            continue;
        }
        out.append(reinterpret_cast<const char *>(run), static_cast<std::size_t>(p - run));
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\r':
            out += "\\r";
            break;
        default: {
            const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
            out.append(esc, 6);
        }
        }
        ++p;
        run = p;
    }
    out.append(reinterpret_cast<const char *>(run), static_cast<std::size_t>(p - run));
    out += '"';
    return true;
}

void appendString(std::string &out, std::string_view s)
{
    if (!appendQuoted(out, s))
        out += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Compact serialisation, byte-identical to dump(-1, ' ', false, replace) but without its
// per-byte UTF-8 state machine on the common (valid) path.
void appendJson(std::string &out, const Json &value)
{
    switch (value.type()) {
    case Json::value_t::object: {
        if (value.empty()) {
            out += "{}";
            return;
        }
        out += '{';
        bool first = true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!first)
                out += ',';
            first = false;
            appendString(out, it.key());
            out += ':';
            appendJson(out, it.value());
        }
        out += '}';
        return;
    }
    case Json::value_t::array: {
        if (value.empty()) {
            out += "[]";
            return;
        }
        out += '[';
        bool first = true;
        for (const Json &element : value) {
            if (!first)
                out += ',';
            first = false;
            appendJson(out, element);
        }
        out += ']';
        return;
    }
    case Json::value_t::string:
        appendString(out, value.get_ref<const std::string &>());
        return;
    case Json::value_t::boolean:
        out += value.get<bool>() ? "true" : "false";
        return;
    case Json::value_t::null:
        out += "null";
        return;
    case Json::value_t::number_integer: {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, value.get<std::int64_t>());
        out.append(buf, static_cast<std::size_t>(r.ptr - buf));
        return;
    }
    case Json::value_t::number_unsigned: {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, value.get<std::uint64_t>());
        out.append(buf, static_cast<std::size_t>(r.ptr - buf));
        return;
    }
    case Json::value_t::binary: { // rawJson(): text serialised earlier, written verbatim
        const Json::binary_t &raw = value.get_binary();
        out.append(reinterpret_cast<const char *>(raw.data()), raw.size());
        return;
    }
    default: // floats (nlohmann's exact formatting), discarded
        out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
    }
}

} // namespace

void appendJsonText(std::string &out, const Json &value)
{
    appendJson(out, value);
}

void appendJsonStringText(std::string &out, std::string_view text)
{
    appendString(out, text);
}

std::string writeJson(const Json &value)
{
    std::string out;
    out.reserve(256);
    appendJson(out, value);
    return out;
}

Json rawJson(std::string_view text)
{
    // One memmove (a char-to-byte iterator copy went byte by byte: ~2 MB per workflow_list
    // answer at 5,000 workflows).
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(text.data());
    return Json::binary(Json::binary_t::container_type(bytes, bytes + text.size()));
}

} // namespace wfs
