// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "requestlog.h"

#include <algorithm>

namespace wfs::mcp {

RequestLog::RequestLog(std::size_t capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(std::max<std::size_t>(capacity, 1))
{}

void RequestLog::append(RequestLogEntry entry)
{
    {
        std::lock_guard lock(m_mutex);
        entry.sequence = ++m_sequence;
        m_entries.push_back(std::move(entry));
        if (m_entries.size() > m_capacity)
            m_entries.pop_front();
    }
    if (!m_notifyPending.exchange(true, std::memory_order_acq_rel))
        emit appended();
}

std::vector<RequestLogEntry> RequestLog::snapshot(std::size_t n) const
{
    m_notifyPending.store(false, std::memory_order_release);
    std::lock_guard lock(m_mutex);
    const std::size_t count = n == 0 ? m_entries.size() : std::min(n, m_entries.size());
    return {m_entries.end() - static_cast<std::ptrdiff_t>(count), m_entries.end()};
}

std::vector<RequestLogEntry> RequestLog::since(std::uint64_t sequence) const
{
    m_notifyPending.store(false, std::memory_order_release);
    std::lock_guard lock(m_mutex);
    const auto first =
        std::upper_bound(m_entries.begin(), m_entries.end(), sequence,
                         [](std::uint64_t s, const RequestLogEntry &e) { return s < e.sequence; });
    return {first, m_entries.end()};
}

std::uint64_t RequestLog::lastSequence() const
{
    std::lock_guard lock(m_mutex);
    return m_sequence;
}

std::size_t RequestLog::size() const
{
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

void RequestLog::clear()
{
    std::lock_guard lock(m_mutex);
    m_entries.clear();
}

} // namespace wfs::mcp
