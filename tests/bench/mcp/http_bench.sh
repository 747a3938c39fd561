#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
# Requests per second over HTTP keep-alive against `wfstudio mcp --http` (needs wrk and curl).
# Bodies: ping, tools/list, a cached workflow_get, a cached workflow_next, and a workflow_next
# that enters a loop (its answer carries the loop's start time, so it is computed every time):
#   tests/bench/mcp/http_bench.sh build/bin/wfstudio [SHARED_DIR] [SECONDS]
set -euo pipefail
bin=${1:-build/bin/wfstudio}
shared=$(cd "${2:-../shared}" && pwd)
secs=${3:-5}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
unset WORKFLOW_STORAGE_PATH
log=$(mktemp)
"$bin" mcp --http 127.0.0.1:0 --rate-limit 0 --workflows "$shared/workrail/workflows" \
  --workflows "$shared/workrail/workflows/examples/loops" 2>"$log" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q 'listening on' "$log" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$log" | head -1)
hdr=(-H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream')
MCP_SESSION=$(curl -s -D - -o /dev/null "${hdr[@]}" "$url" \
  -d '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{}}}' \
  | tr -d '\r' | awk -F': ' 'tolower($1)=="mcp-session-id"{print $2}')
export MCP_SESSION
curl -s -o /dev/null "${hdr[@]}" -H "Mcp-Session-Id: $MCP_SESSION" "$url" \
  -d '{"jsonrpc":"2.0","method":"notifications/initialized"}'
for body in '{"jsonrpc":"2.0","id":1,"method":"ping"}' \
            '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' \
            '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"workflow_get","arguments":{"id":"simple-batch-example","mode":"metadata"}}}' \
            '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"workflow_next","arguments":{"workflowId":"simple-batch-example","completedSteps":[]}}}' \
            '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"workflow_next","arguments":{"workflowId":"simple-batch-example","completedSteps":["load-data"],"context":{"items":["a","b"]}}}}'; do
  echo "== $body"
  MCP_BODY=$body wrk -t2 -c16 -d"${secs}s" -s "$here/post.lua" "$url" | grep -E 'Requests/sec|Latency|Non-2xx'
done
echo "server RSS: $(awk '/VmRSS/{print $2/1024 " MB"}' /proc/$pid/status)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs)"
