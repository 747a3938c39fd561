# Store (SQLite), two-level cache, metrics, rate limiter and health check: sources of the engine
# library, kept in this file so that adding one touches no shared listing.
target_sources(engine PRIVATE
    metrics/clock.h
    metrics/histogram.h metrics/histogram.cpp
    metrics/metricsregistry.h metrics/metricsregistry.cpp
    metrics/processstats.h metrics/processstats.cpp
    metrics/ratelimiter.h metrics/ratelimiter.cpp
    metrics/healthcheck.h metrics/healthcheck.cpp
    metrics/metricspoller.h metrics/metricspoller.cpp
    metrics/loadtest.h metrics/loadtest.cpp
    store/database.h store/database.cpp
    store/migrations.h store/migrations.cpp
    store/workflowstore.h store/workflowstore.cpp
    store/sessionstore.h store/sessionstore.cpp
    store/metricsstore.h store/metricsstore.cpp
    store/sessionsink.h store/sessionsink.cpp
    store/storeopen.h store/storeopen.cpp
    cache/cachedvalue.h cache/cachedvalue.cpp
    cache/l1cache.h cache/l1cache.cpp
    cache/l2cache.h cache/l2cache.cpp
    cache/resultcache.h cache/resultcache.cpp
    cache/cachingengine.h cache/cachingengine.cpp
)
