// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "httpchecks.h"

#include <boost/asio/ip/address.hpp>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>

#include <algorithm>

namespace wfs::mcp {

namespace asio = boost::asio;

std::string asciiLower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool isLoopbackHostName(std::string_view host)
{
    return host == "localhost" || host == "127.0.0.1" || host == "[::1]";
}

std::vector<std::string> boundHostNames(const std::string &address)
{
    std::vector<std::string> out;
    boost::system::error_code ec;
    const asio::ip::address bound = asio::ip::make_address(address, ec);
    if (ec)
        return out;
    const auto add = [&out](const asio::ip::address &a) {
        if (a.is_v6()) {
            asio::ip::address_v6 v6 = a.to_v6();
            v6.scope_id(0);
            out.push_back("[" + v6.to_string() + "]");
        } else {
            out.push_back(a.to_string());
        }
    };
    if (!bound.is_unspecified()) {
        add(bound);
        return out;
    }
    ifaddrs *list = nullptr;
    if (::getifaddrs(&list) != 0)
        return out;
    for (const ifaddrs *i = list; i; i = i->ifa_next) {
        if (!i->ifa_addr)
            continue;
        if (i->ifa_addr->sa_family == AF_INET) {
            const auto *in = reinterpret_cast<const sockaddr_in *>(i->ifa_addr);
            add(asio::ip::address_v4(ntohl(in->sin_addr.s_addr)));
        } else if (i->ifa_addr->sa_family == AF_INET6 && !bound.is_v4()) {
            const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(i->ifa_addr);
            asio::ip::address_v6::bytes_type bytes;
            std::copy(std::begin(in6->sin6_addr.s6_addr), std::end(in6->sin6_addr.s6_addr),
                      bytes.begin());
            add(asio::ip::address_v6(bytes));
        }
    }
    ::freeifaddrs(list);
    return out;
}

std::string hostPart(std::string_view authority)
{
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        return close == std::string_view::npos ? std::string()
                                               : asciiLower(authority.substr(0, close + 1));
    }
    return asciiLower(authority.substr(0, authority.find(':')));
}

bool constantTimeEquals(std::string_view a, std::string_view b)
{
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    const std::size_t n = std::max(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        diff |= static_cast<unsigned char>(x ^ y);
    }
    return diff == 0;
}

bool originAllowed(std::string_view origin, const std::vector<std::string> &allowedOrigins)
{
    const std::string o = asciiLower(origin);
    for (const std::string &allowed : allowedOrigins) {
        if (asciiLower(allowed) == o)
            return true;
    }
    std::string_view rest = o;
    if (rest.rfind("http://", 0) == 0)
        rest.remove_prefix(7);
    else if (rest.rfind("https://", 0) == 0)
        rest.remove_prefix(8);
    else
        return false; // includes the literal "null" origin
    if (rest.find('/') != std::string_view::npos)
        return false;
    return isLoopbackHostName(hostPart(rest));
}

bool hostAllowed(std::string_view host, const std::vector<std::string> &boundNames)
{
    const std::string h = hostPart(host);
    if (isLoopbackHostName(h))
        return true;
    return std::find(boundNames.begin(), boundNames.end(), h) != boundNames.end();
}

bool bearerMatches(std::optional<std::string_view> authorization, std::string_view token)
{
    const std::string_view value = authorization.value_or(std::string_view());
    return value.size() > 7 && asciiLower(value.substr(0, 7)) == "bearer " &&
           constantTimeEquals(value.substr(7), token);
}

std::optional<HeaderRefusal> checkHeader(const RequestHead &head, const HeaderChecks &checks)
{
    // 1. DNS-rebinding protection: Host, then Origin.
    if (!head.host || !hostAllowed(*head.host, checks.boundNames))
        return HeaderRefusal{403, "Forbidden: invalid Host header", {}};
    if (head.origin && !originAllowed(*head.origin, checks.allowedOrigins)) {
        return HeaderRefusal{
            403, "Forbidden: invalid Origin header: " + std::string(*head.origin), {}};
    }
    const std::string_view path = head.target.substr(0, head.target.find('?'));
    const bool health = !checks.healthPath.empty() && path == checks.healthPath;
    // 2. Bearer token.
    if (!checks.token.empty() && !health) {
        if (!bearerMatches(head.authorization, checks.token)) {
            return HeaderRefusal{401, "Unauthorized: a valid bearer token is required",
                                 head.authorization
                                     ? "Bearer realm=\"workflow-studio\", error=\"invalid_token\""
                                     : "Bearer realm=\"workflow-studio\""};
        }
    }
    // 3. The endpoint.
    if (path != checks.path && !health)
        return HeaderRefusal{404, "Not Found", {}};
    // The announced body, before it is read.
    if (head.contentLength && *head.contentLength > checks.maxBodyBytes) {
        return HeaderRefusal{413,
                             "Payload Too Large: the body exceeds " +
                                 std::to_string(checks.maxBodyBytes) + " bytes",
                             {}};
    }
    return std::nullopt;
}

} // namespace wfs::mcp
