// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Wire vocabulary of the MCP listener: version and level names, message classification and the
// constructors of responses and notifications. Every function here is pure and thread-safe.
#include "protocol.h"

#include <array>
#include <charconv>
#include <cstdint>

namespace wfs::mcp {

namespace {

struct VersionName
{
    ProtocolVersion version;
    const char *name;
};

constexpr std::array<VersionName, 4> kVersions{{
    {ProtocolVersion::V2024_11_05, "2024-11-05"},
    {ProtocolVersion::V2025_03_26, "2025-03-26"},
    {ProtocolVersion::V2025_06_18, "2025-06-18"},
    {ProtocolVersion::V2025_11_25, "2025-11-25"},
}};

constexpr std::array<const char *, 8> kLevels{"debug", "info",     "notice", "warning",
                                              "error", "critical", "alert",  "emergency"};

} // namespace

std::optional<ProtocolVersion> parseProtocolVersion(std::string_view text)
{
    for (const VersionName &v : kVersions) {
        if (text == v.name)
            return v.version;
    }
    return std::nullopt;
}

const char *protocolVersionString(ProtocolVersion v)
{
    for (const VersionName &entry : kVersions) {
        if (entry.version == v)
            return entry.name;
    }
    assert(false && "unknown ProtocolVersion");
    return "";
}

std::string supportedVersionsText()
{
    std::string out;
    for (auto it = kVersions.rbegin(); it != kVersions.rend(); ++it) {
        if (!out.empty())
            out += ", ";
        out += it->name;
    }
    return out;
}

std::optional<LogLevel> parseLogLevel(std::string_view text)
{
    for (std::size_t i = 0; i < kLevels.size(); ++i) {
        if (text == kLevels[i])
            return static_cast<LogLevel>(i);
    }
    return std::nullopt;
}

const char *logLevelString(LogLevel level)
{
    return kLevels[static_cast<std::size_t>(level)];
}

static bool isValidId(const Json &id)
{
    return id.is_string() || id.is_number_integer();
}

MessageKind classifyMessage(const Json &message)
{
    if (!message.is_object())
        return MessageKind::Invalid;
    const auto version = message.find("jsonrpc");
    if (version == message.end() || !version->is_string() || *version != "2.0")
        return MessageKind::Invalid;
    const auto method = message.find("method");
    const auto id = message.find("id");
    if (method != message.end()) {
        if (!method->is_string())
            return MessageKind::Invalid;
        const auto params = message.find("params");
        if (params != message.end() && !params->is_object() && !params->is_array())
            return MessageKind::Invalid;
        if (id == message.end())
            return MessageKind::Notification;
        return isValidId(*id) ? MessageKind::Request : MessageKind::Invalid;
    }
    const bool hasResult = message.contains("result");
    const bool hasError = message.contains("error");
    if (id != message.end() && (isValidId(*id) || id->is_null()) && hasResult != hasError)
        return MessageKind::Response;
    return MessageKind::Invalid;
}

Json messageId(const Json &message)
{
    if (!message.is_object())
        return nullptr;
    const auto id = message.find("id");
    if (id == message.end() || !isValidId(*id))
        return nullptr;
    return *id;
}

Json makeResult(const Json &id, Json result)
{
    Json out = Json::object();
    out["jsonrpc"] = "2.0";
    out["id"] = id;
    out["result"] = std::move(result);
    return out;
}

Json makeError(const Json &id, ErrorCode code, std::string message, Json data)
{
    Json error = Json::object();
    error["code"] = static_cast<int>(code);
    error["message"] = std::move(message);
    if (!data.is_null())
        error["data"] = std::move(data);
    Json out = Json::object();
    out["jsonrpc"] = "2.0";
    out["id"] = id;
    out["error"] = std::move(error);
    return out;
}

Json makeNotification(std::string method, Json params)
{
    Json out = Json::object();
    out["jsonrpc"] = "2.0";
    out["method"] = std::move(method);
    if (!params.is_null())
        out["params"] = std::move(params);
    return out;
}

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
bool appendQuoted(std::string &out, const std::string &s)
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

void appendString(std::string &out, const std::string &s)
{
    if (!appendQuoted(out, s))
        out += Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
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
    default: // floats (nlohmann's exact formatting), binary, discarded
        out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
    }
}

} // namespace

void appendSerialized(std::string &out, const Json &value)
{
    appendJson(out, value);
}

void appendJsonString(std::string &out, const std::string &text)
{
    appendString(out, text);
}

std::string serialize(const Json &message)
{
    std::string out;
    out.reserve(256);
    appendJson(out, message);
    return out;
}

const char *serverVersion()
{
    return WFS_VERSION;
}

} // namespace wfs::mcp
