// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Subscriber: SUBSCRIBE to one channel on a dedicated connection and thread, for the team
// server's invalidation messages (kInvalidateChannel).
//
//   redis::Subscriber sub(options, std::string(redis::kInvalidateChannel),
//                         [&](const std::string &payload) {
//                             if (payload.empty()) cache.invalidateAll(); // may have missed some
//                             else handle(payload);
//                         });
//
// The callback runs on the subscriber's thread, one message at a time, with the payload as
// published; it must not destroy its Subscriber (the destructor joins that thread). It reconnects
// by itself (250 ms back-off doubling to 1 s); whenever a subscription is established other than
// the very first one on the first attempt — after a lost connection, or late because Redis was down
// at start — it calls callback("") first: messages may have been missed, the caller must assume
// anything changed. Connect and I/O are non-blocking and polled together with a wake-up descriptor,
// so the destructor returns promptly (well under 200 ms; only a DNS lookup in progress cannot be
// interrupted). A silent connection is checked with a PING after max(1 s, 10 x commandTimeoutMs)
// without traffic; no answer within max(1 s, 3 x commandTimeoutMs) counts as lost (a dead peer or
// network path), so a partition is noticed within seconds rather than at TCP keep-alive's pace.
#pragma once

#include "redisclient.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace wfs::redis {

class Subscriber
{
public:
    Subscriber(RedisOptions options, std::string channel,
               std::function<void(const std::string &)> callback);
    ~Subscriber();
    Subscriber(const Subscriber &) = delete;
    Subscriber &operator=(const Subscriber &) = delete;

    // True while the subscription is confirmed by Redis (tests wait for it before publishing).
    bool subscribed() const;
    // Subscriptions established so far (1 after the first; each reconnect adds one).
    std::uint64_t subscriptions() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace wfs::redis
