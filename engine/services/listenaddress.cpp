// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "listenaddress.h"

#include <charconv>

namespace wfs::services {

std::string normalizeListenHost(std::string_view host)
{
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host == "localhost")
        return "127.0.0.1";
    return std::string(host);
}

bool isLoopbackHost(std::string_view host)
{
    return host == "127.0.0.1" || host == "::1";
}

Result<std::uint16_t> parseListenPort(std::string_view text)
{
    // As QString::toInt: optional surrounding blanks and sign, decimal digits only.
    std::string_view t = text;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t'))
        t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t'))
        t.remove_suffix(1);
    if (!t.empty() && t.front() == '+')
        t.remove_prefix(1);
    int value = -1;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (t.empty() || ec != std::errc() || end != t.data() + t.size() || value < 0 || value > 65535)
        return Result<std::uint16_t>::failure("'" + std::string(text) +
                                              "' is not a port number (0-65535)");
    return static_cast<std::uint16_t>(value);
}

Result<ListenEndpoint> parseListenAddress(std::string_view text, std::string_view defaultHost)
{
    ListenEndpoint endpoint;
    endpoint.host = normalizeListenHost(defaultHost);
    std::string_view portText = text;
    if (const auto colon = text.rfind(':'); colon != std::string_view::npos) {
        endpoint.host = normalizeListenHost(text.substr(0, colon));
        portText = text.substr(colon + 1);
    }
    const Result<std::uint16_t> port = parseListenPort(portText);
    if (!port)
        return Result<ListenEndpoint>::failure(port.error());
    endpoint.port = *port;
    return endpoint;
}

Result<ListenEndpoint> listenEndpoint(std::string_view host, int port)
{
    if (port < 0 || port > 65535)
        return Result<ListenEndpoint>::failure("invalid port " + std::to_string(port));
    return ListenEndpoint{normalizeListenHost(host), static_cast<std::uint16_t>(port)};
}

} // namespace wfs::services
