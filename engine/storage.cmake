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
    metrics/httploadtest.h metrics/httploadtest.cpp
    store/database.h store/database.cpp
    store/migrations.h store/migrations.cpp
    store/workflowstore.h store/workflowstore.cpp
    store/sessionstore.h store/sessionstore.cpp
    store/metricsstore.h store/metricsstore.cpp
    store/sessionsink.h store/sessionsink.cpp
    store/heatmap.h store/heatmap.cpp
    store/storeopen.h store/storeopen.cpp
    cache/cachedvalue.h cache/cachedvalue.cpp
    cache/l1cache.h cache/l1cache.cpp
    cache/l2cache.h cache/l2cache.cpp
    cache/resultcache.h cache/resultcache.cpp
    cache/cachingengine.h cache/cachingengine.cpp
)
# The load test's MCP HTTP client (metrics/httploadtest.cpp) uses Boost.Beast (header-only).
find_package(Boost 1.74 REQUIRED)
find_package(Threads REQUIRED)
target_link_libraries(engine PRIVATE Boost::headers Threads::Threads)
set_source_files_properties(metrics/httploadtest.cpp PROPERTIES COMPILE_DEFINITIONS
                            "BOOST_ASIO_NO_DEPRECATED;BOOST_BEAST_USE_STD_STRING_VIEW")
