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

void appendSerialized(std::string &out, const Json &value)
{
    appendJsonText(out, value);
}

void appendJsonString(std::string &out, const std::string &text)
{
    appendJsonStringText(out, text);
}

std::string serialize(const Json &message)
{
    return writeJson(message);
}

const char *serverVersion()
{
    return WFS_VERSION;
}

} // namespace wfs::mcp
