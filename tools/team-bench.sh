#!/usr/bin/env bash
# Benchmark of the team server (#19): the realistic MCP mix (tools/team-bench.lua) driven by wrk
# through HAProxy against 1, 2 and 3 `wfstudio mcp` instances sharing a throwaway PostgreSQL
# (sessions, published workflows) and Redis (L2 cache, rate limits), and against ONE instance on
# SQLite directly (no HAProxy) for the per-call cost of the shared store.
#
#   tools/team-bench.sh [WFSTUDIO]      (default: build/bin/wfstudio)
#
# Environment: DURATION (15s), THREADS (2), CONNECTIONS (16), INSTANCES ("1 2 3"; "" for none),
# SQLITE (1: also the SQLite run), KEEP (1: keep the temporary folder), MCP_ARGS (more options
# for every `wfstudio mcp`, e.g. "--rate-limit 0"), PG_CONF (more postgresql.conf lines, e.g.
# "synchronous_commit = off").
# Needs: PostgreSQL 15 (initdb, pg_ctl), redis-server, haproxy, wrk, curl. Run as root (initdb
# then runs as the postgres user) or as a user who may run initdb. Every process it starts is
# stopped on exit; it uses free ports only.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
wfs=$(readlink -f "${1:-$repo/build/bin/wfstudio}")
DURATION=${DURATION:-15s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
INSTANCES=${INSTANCES-"1 2 3"}
SQLITE=${SQLITE:-1}
pgbin=${PGBIN:-/usr/lib/postgresql/15/bin}
token=bench-$RANDOM$RANDOM

for tool in "$wfs" "$pgbin/initdb" "$pgbin/pg_ctl" "$pgbin/createdb" redis-server redis-cli haproxy wrk curl; do
    command -v "$tool" >/dev/null || { echo "team-bench: $tool not found" >&2; exit 2; }
done

tmp=$(mktemp -d /tmp/wfs-team-bench-XXXXXX)
chmod 755 "$tmp"
pids=()          # every process started here (instances, haproxy)
pg_started=0
redis_pid=

asuser() { # run a PostgreSQL tool as postgres when root
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
stop_pids() {
    local p
    for p in "$@"; do kill "$p" 2>/dev/null || true; done
    for p in "$@"; do wait "$p" 2>/dev/null || true; done
}
cleanup() {
    set +e
    [ ${#pids[@]} -gt 0 ] && stop_pids "${pids[@]}"
    pids=()
    [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null && sleep 0.3
    [ "$pg_started" = 1 ] && asuser "$pgbin/pg_ctl" stop -D "$tmp/pg" -m fast -w >/dev/null 2>&1
    if [ "${KEEP:-0}" = 1 ]; then echo "team-bench: kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_health() { # URL [seconds]: until it answers 200
    local url=$1 deadline=$((SECONDS + ${2:-30}))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ]; do
        [ $SECONDS -lt $deadline ] || { echo "team-bench: $url never healthy" >&2; return 1; }
        sleep 0.2
    done
}

# --- PostgreSQL: initdb into $tmp/pg, free port, private socket directory ---
[ "$(id -u)" = 0 ] && chown postgres: "$tmp"
pgport=$(free_port)
asuser "$pgbin/initdb" -D "$tmp/pg" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
asuser sh -c "cat >> '$tmp/pg/postgresql.conf'" <<EOF
listen_addresses = '127.0.0.1'
port = $pgport
unix_socket_directories = '$tmp'
max_connections = 100
shared_buffers = 64MB
${PG_CONF:-}
EOF
asuser "$pgbin/pg_ctl" start -D "$tmp/pg" -l "$tmp/pg.log" -w -t 30 >/dev/null
pg_started=1
asuser "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres wfs
store="postgresql://postgres@127.0.0.1:$pgport/wfs"

# --- Redis: free port, no persistence ---
redisport=$(free_port)
redis-server --bind 127.0.0.1 --port "$redisport" --save '' --appendonly no \
    --dir "$tmp" --logfile "$tmp/redis.log" --daemonize yes --pidfile "$tmp/redis.pid"
for _ in $(seq 50); do [ -s "$tmp/redis.pid" ] && break; sleep 0.1; done
redis_pid=$(cat "$tmp/redis.pid")
cache="redis://127.0.0.1:$redisport/0"

# --- the bundled samples, published to the shared store ---
"$wfs" publish --store "$store" "$repo/resources/workflows"
"$wfs" publish --store "sqlite:$tmp/sqlite.db" "$repo/resources/workflows" >/dev/null

export WFSTUDIO_MCP_TOKEN=$token WFS_TOKEN=$token
results=()
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

cache_rates() { # PORT...: "l1 <hit rate>, l2 <hit rate>" per instance, from its /health
    local p sep=""
    for p in "$@"; do
        printf '%s' "$sep"
        curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$p/health" | python3 -c '
import json, sys
c = next(c for c in json.load(sys.stdin)["checks"] if c["name"] == "cache")
print("L1 %.0f%%, L2 %.0f%%" % (100 * c["l1_hit_rate"], 100 * c["l2_hit_rate"]), end="")'
        sep="; "
    done
}

run_wrk() { # LABEL URL INSTANCE-PORT...
    local label=$1 url=$2 out load_before load_during
    shift 2
    load_before=$(loadavg)
    # sample the 1-minute load average in the middle of the run
    ( sleep "$(( ${DURATION%s} * 2 / 3 ))"; loadavg > "$tmp/load" ) &
    local sampler=$!
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$here/team-bench.lua" "$url")
    wait "$sampler" || true
    load_during=$(cat "$tmp/load")
    echo "$out" | sed 's/^/    /' >&2
    local r
    r=$(echo "$out" | grep '^RESULT' | sed 's/^RESULT //')
    results+=("$label|$r|$load_before -> $load_during|$(cache_rates "$@")")
}

start_instance() { # NAME PORT STORE [CACHE]
    local name=$1 port=$2 st=$3 ca=${4:-}
    local args=(mcp --http "127.0.0.1:$port" --store "$st" --instance-id "$name")
    [ -n "$ca" ] && args+=(--cache "$ca")
    # shellcheck disable=SC2206 # MCP_ARGS is a list of words
    [ -n "${MCP_ARGS:-}" ] && args+=($MCP_ARGS)
    TMPDIR=$tmp "$wfs" "${args[@]}" 2>"$tmp/$name.log" &
    pids+=("$!")
}

for n in $INSTANCES; do
    ports=()
    for i in $(seq "$n"); do
        p=$(free_port)
        ports+=("$p")
        start_instance "bench$n-$i" "$p" "$store" "$cache"
    done
    for p in "${ports[@]}"; do wait_health "http://127.0.0.1:$p/health"; done
    hport=$(free_port)
    {
        cat <<EOF
global
    maxconn 4096
defaults
    mode http
    timeout connect 5s
    timeout client 1h
    timeout server 1h
    timeout tunnel 1h
    timeout http-request 30s
frontend mcp
    bind 127.0.0.1:$hport
    default_backend wfstudio
backend wfstudio
    balance roundrobin
    option httpchk
    http-check send meth GET uri /health ver HTTP/1.1 hdr Host 127.0.0.1
    http-check expect status 200
EOF
        for i in "${!ports[@]}"; do
            echo "    server mcp$((i + 1)) 127.0.0.1:${ports[$i]} check inter 2s fall 2 rise 2"
        done
    } > "$tmp/haproxy-$n.cfg"
    haproxy -q -f "$tmp/haproxy-$n.cfg" &
    hpid=$!
    pids+=("$hpid")
    wait_health "http://127.0.0.1:$hport/health"
    sleep 4 # every server's first health check has passed
    echo "== $n instance(s) on PostgreSQL + Redis, through HAProxy ==" >&2
    run_wrk "HAProxy + $n instance(s), PostgreSQL + Redis" "http://127.0.0.1:$hport/mcp" "${ports[@]}"
    stop_pids "${pids[@]}"
    pids=()
done

# The same shared store without HAProxy: what the balancer adds vs what the store costs.
p=$(free_port)
start_instance direct "$p" "$store" "$cache"
wait_health "http://127.0.0.1:$p/health"
echo "== 1 instance on PostgreSQL + Redis, direct ==" >&2
run_wrk "1 instance, PostgreSQL + Redis, direct" "http://127.0.0.1:$p/mcp" "$p"
stop_pids "${pids[@]}"
pids=()

if [ "$SQLITE" = 1 ]; then
    p=$(free_port)
    start_instance sqlite "$p" "sqlite:$tmp/sqlite.db"
    wait_health "http://127.0.0.1:$p/health"
    echo "== 1 instance on SQLite, direct ==" >&2
    run_wrk "1 instance, SQLite, direct (no HAProxy)" "http://127.0.0.1:$p/mcp" "$p"
    stop_pids "${pids[@]}"
    pids=()
fi

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); wrk -t$THREADS -c$CONNECTIONS -d$DURATION${MCP_ARGS:+; mcp $MCP_ARGS}${PG_CONF:+; postgresql.conf: $PG_CONF}"
printf '| %s | %s | %s | %s | %s | %s | %s |\n' setup 'req/s' 'p50 ms' 'p99 ms' \
    'errors: non-2xx / JSON-RPC / socket' 'load avg 1/5/15 min: before -> during' 'cache hit rates per instance'
echo '|---|---:|---:|---:|---|---|---|'
for r in "${results[@]}"; do
    IFS='|' read -r label kv load rates <<<"$r"
    declare -A f=()
    for pair in $kv; do f[${pair%%=*}]=${pair#*=}; done
    printf '| %s | %s | %s | %s | %s / %s / %s | %s | %s |\n' "$label" "${f[rps]}" \
        "${f[p50_ms]}" "${f[p99_ms]}" "${f[non2xx]}" "${f[rpc_errors]}" "${f[socket_errors]}" \
        "$load" "$rates"
    unset f
done
