// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The checks the Streamable HTTP listener runs on a request's header, before a byte of its body
// is read (spec/mcp-transport.md §6.2 steps 1-3 and the body cap): Host and Origin (DNS
// rebinding, 403), the bearer token (401), the endpoint (404) and the announced Content-Length
// (413). Pure functions over strings, so they are tested without sockets (tst_mcphttpchecks).
//
//   HeaderChecks checks{.path = "/mcp", .token = token, .boundNames = boundHostNames(addr)};
//   if (auto refusal = checkHeader(head, checks)) answer(refusal->status, refusal->message);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wfs::mcp {

// What the listener needs to know to judge a header.
struct HeaderChecks
{
    std::string path = "/mcp"; ///< the MCP endpoint
    /// The health endpoint (GET only): Host and Origin are checked, the token is not (a load
    /// balancer's health check carries none; the answer says only healthy or not). "" = none.
    std::string healthPath;
    std::string token;                       ///< non-empty: "Authorization: Bearer" required
    std::vector<std::string> allowedOrigins; ///< beyond http(s)://localhost|127.0.0.1|[::1]
    std::vector<std::string> boundNames;     ///< Host names besides loopback (boundHostNames)
    std::uint64_t maxBodyBytes = 4u * 1024u * 1024u;
};

// The parts of a request header the checks read (absent fields are nullopt).
struct RequestHead
{
    std::optional<std::string_view> host;
    std::optional<std::string_view> origin;
    std::optional<std::string_view> authorization;
    std::string_view target;
    std::optional<std::uint64_t> contentLength;
};

// Why a header is refused: the HTTP status, the message of the JSON-RPC error body and, for
// 401, the WWW-Authenticate challenge.
struct HeaderRefusal
{
    int status = 0;
    std::string message;
    std::string wwwAuthenticate;
};

// The first check the header fails, in the spec's order, or nullopt when it passes them all.
std::optional<HeaderRefusal> checkHeader(const RequestHead &head, const HeaderChecks &checks);

bool hostAllowed(std::string_view host, const std::vector<std::string> &boundNames);
bool originAllowed(std::string_view origin, const std::vector<std::string> &allowedOrigins);
bool isLoopbackHostName(std::string_view host);
// "host[:port]" → host, lower case (IPv6 literals keep their brackets).
std::string hostPart(std::string_view authority);
bool constantTimeEquals(std::string_view a, std::string_view b);
// True when `authorization` is "Bearer TOKEN" (scheme in any case) with exactly `token`,
// compared in constant time.
bool bearerMatches(std::optional<std::string_view> authorization, std::string_view token);
std::string asciiLower(std::string_view s);

// The names a Host header may use for a listener bound to `address` (an IP literal): the
// address itself, or for a wildcard bind (0.0.0.0, ::) every address of the machine's
// interfaces (IPv6 in brackets, as in a Host header). Lower case. Empty for a bad literal.
std::vector<std::string> boundHostNames(const std::string &address);

} // namespace wfs::mcp
