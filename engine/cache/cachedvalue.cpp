// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Encoding of cached tool answers for the SQLite level.
#include "cachedvalue.h"

namespace wfs::cache {

// In-memory JSON costs roughly three times its compact text; plus the fixed parts.
static std::size_t estimateBytes(const CachedValue &v)
{
    std::size_t bytes = sizeof(CachedValue) + v.encoded.size() * 3 + v.text.size() + 64;
    if (v.serialized) {
        bytes += sizeof(SerializedAnswer) + v.serialized->contentTextJson.size() +
                 v.serialized->payloadJson.size();
    }
    return bytes;
}

static void serialize(CachedValue &v)
{
    ToolResult r;
    r.isError = v.isError;
    r.payload = v.payload; // one copy per stored answer, none per hit
    r.text = v.text;
    v.serialized = SerializedAnswer::of(r);
}

std::shared_ptr<const CachedValue> CachedValue::make(bool isError, Json payload, std::string text)
{
    auto v = std::make_shared<CachedValue>();
    v->isError = isError;
    v->payload = std::move(payload);
    v->text = std::move(text);
    Json envelope = Json::object();
    envelope["e"] = v->isError;
    envelope["p"] = v->payload;
    envelope["t"] = v->text;
    v->encoded = envelope.dump(-1, ' ', false, Json::error_handler_t::replace);
    serialize(*v);
    v->bytes = estimateBytes(*v);
    return v;
}

std::shared_ptr<const CachedValue> CachedValue::bypassMarker()
{
    static const std::shared_ptr<const CachedValue> marker = [] {
        auto v = std::make_shared<CachedValue>();
        v->bypass = true;
        v->bytes = sizeof(CachedValue) + 64;
        return v;
    }();
    return marker;
}

std::shared_ptr<const CachedValue> CachedValue::decode(std::string_view encoded)
{
    Json envelope = Json::parse(encoded.begin(), encoded.end(), nullptr, false);
    if (envelope.is_discarded() || !envelope.is_object())
        return nullptr;
    const auto e = envelope.find("e");
    const auto p = envelope.find("p");
    const auto t = envelope.find("t");
    if (e == envelope.end() || !e->is_boolean() || p == envelope.end() || t == envelope.end() ||
        !t->is_string())
        return nullptr;
    auto v = std::make_shared<CachedValue>();
    v->isError = e->get<bool>();
    v->payload = std::move(*p);
    v->text = t->get<std::string>();
    v->encoded = std::string(encoded);
    serialize(*v);
    v->bytes = estimateBytes(*v);
    return v;
}

} // namespace wfs::cache
