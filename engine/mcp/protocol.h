// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// MCP protocol vocabulary: JSON-RPC 2.0 error codes, the protocol revisions we negotiate, log
// levels and the helpers that build wire messages. Plain data, no transport, no state.
//
// Deliberate choices where WorkRail 0.3.0 (spec/workrail-compat.md §2) and the MCP
// specification disagree — the specification wins unless an agent would notice:
//  - A line or body that is not JSON gets -32700 and a JSON value that is not a JSON-RPC message
//    gets -32600, both with "id": null when no id can be read (JSON-RPC 2.0 §5). WorkRail stays
//    silent on both.
//  - tools/call with a missing/non-object `params` or a missing/non-string `name` is -32602
//    (invalid params), not WorkRail's -32603 with a zod dump.
//  - An unknown tool name is the protocol error -32602 "Unknown tool: <name>" (MCP tools page),
//    not WorkRail's isError result with the same text.
//  - Input schemas are enforced (WorkRail only advertises them). Exception, so that agents keep
//    WorkRail's texts: when a required argument is missing or falsy ("" / 0 / false / null) the
//    call goes to the engine, which answers the isError texts agents know
//    ("Error: workflowId parameter is required", ...). Every other schema violation (a wrong
//    type, a bad id pattern, an unknown `mode`, an extra argument) is reported as
//    "Invalid arguments for tool <name>: <pointer>: <message>; ..." — an isError result for
//    2025-11-25 sessions (that revision makes argument errors tool errors) and a -32602 error
//    with the same message for older ones.
//  - initialize answers with the requested revision when we support it, else our newest;
//    WorkRail always answers 2024-11-05.
//  - resources/* and prompts/* exist (WorkRail: -32601); roots/list stays -32601 (it is a
//    client feature).
#pragma once

#include "model/json.h"
#include "model/jsonwrite.h"

#include <optional>
#include <string>
#include <string_view>

namespace wfs::mcp {

// JSON-RPC 2.0 and MCP error codes, with the specification's numbers.
enum class ErrorCode : int {
    ParseError = -32700,      ///< the text is not JSON
    InvalidRequest = -32600,  ///< JSON, but not a valid JSON-RPC message
    MethodNotFound = -32601,  ///< unknown method
    InvalidParams = -32602,   ///< bad params, unknown tool, bad cursor, bad log level
    InternalError = -32603,   ///< a fault on our side
    ServerError = -32000,     ///< transport-level HTTP errors (SDK convention)
    SessionNotFound = -32001, ///< unknown or expired Mcp-Session-Id (SDK convention)
    ResourceNotFound = -32002 ///< resources/read of an unknown uri (MCP)
};

// The protocol revisions we speak, oldest first.
enum class ProtocolVersion {
    V2024_11_05, ///< R1: no batches, no annotations
    V2025_03_26, ///< R2: batches, annotations, instructions
    V2025_06_18, ///< R3: title, outputSchema/structuredContent, MCP-Protocol-Version header
    V2025_11_25  ///< R4: argument errors are tool errors, SSE priming events
};
inline constexpr ProtocolVersion kNewestVersion = ProtocolVersion::V2025_11_25;
// What a transport assumes before initialize fixed a revision (the HTTP header rule).
inline constexpr ProtocolVersion kDefaultVersion = ProtocolVersion::V2025_03_26;

std::optional<ProtocolVersion> parseProtocolVersion(std::string_view text);
const char *protocolVersionString(ProtocolVersion v);
// "2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05"
std::string supportedVersionsText();
inline bool supportsBatches(ProtocolVersion v)
{
    return v == ProtocolVersion::V2025_03_26;
}

// RFC 5424 levels as MCP names them, in increasing severity.
enum class LogLevel { Debug, Info, Notice, Warning, Error, Critical, Alert, Emergency };
std::optional<LogLevel> parseLogLevel(std::string_view text);
const char *logLevelString(LogLevel level);

// What a parsed JSON value is, as a JSON-RPC message.
enum class MessageKind {
    Request,      ///< method + id (string or integer)
    Notification, ///< method, no id
    Response,     ///< id + exactly one of result/error (a reply to a server request)
    Invalid       ///< anything else
};
MessageKind classifyMessage(const Json &message);

// The id of `message` when it has a usable one (string or integer), else null.
Json messageId(const Json &message);

// {"jsonrpc":"2.0","id":id,"result":result}
Json makeResult(const Json &id, Json result);
// {"jsonrpc":"2.0","id":id,"error":{"code","message"[,"data"]}}; id null when unknown.
Json makeError(const Json &id, ErrorCode code, std::string message, Json data = nullptr);
// {"jsonrpc":"2.0","method":method[,"params":params]}
Json makeNotification(std::string method, Json params = nullptr);

// Compact serialisation for the wire (model/jsonwrite.h: writeJson): invalid UTF-8 in strings
// is replaced, never thrown on; rawJson() nodes are copied verbatim. Byte-identical to
// Json::dump(-1, ' ', false, error_handler_t::replace) for every parsed value.
std::string serialize(const Json &message);
// serialize(value), appended to `out`.
void appendSerialized(std::string &out, const Json &value);
// `text` as a quoted JSON string (same escaping as serialize), appended to `out`.
void appendJsonString(std::string &out, const std::string &text);

// The name and version in serverInfo.
inline constexpr const char *kServerName = "workflow-studio";
const char *serverVersion();

} // namespace wfs::mcp
