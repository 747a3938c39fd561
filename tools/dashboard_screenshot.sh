#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
#
# Takes the README's dashboard screenshot during a load test: starts workflow-studio on a
# virtual X display (Xvfb) with its MCP listener on and the Dashboard dock shown, drives the
# listener with wrk (the product mix: list, get, next, validate on four keep-alive streams,
# bearer token and MCP session as an agent sends them), and grabs the screen mid-run.
#   tools/dashboard_screenshot.sh [BUILD_DIR] [OUT.png] [SECONDS_BEFORE_GRAB]
# Defaults: build/, docs/screenshots/dashboard.png, 90. Needs xvfb-run, import, wrk and curl.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$here/build}
out=${2:-$here/docs/screenshots/dashboard.png}
grab_after=${3:-90}
binary=$build/bin/workflow-studio
for tool in xvfb-run import wrk curl; do
  command -v "$tool" >/dev/null || { echo "dashboard_screenshot: $tool is missing" >&2; exit 1; }
done
[[ -x $binary ]] || { echo "dashboard_screenshot: $binary is not built" >&2; exit 1; }
mkdir -p "$(dirname "$out")"

source "$here/tools/scratch_home.sh"
port=$((20000 + RANDOM % 20000))
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
cat > "$XDG_CONFIG_HOME/WorkflowStudio/Workflow Studio.conf" <<CONF
[mcp]
enabled=true
host=127.0.0.1
port=$port
token=$token
CONF
export QT_QPA_PLATFORM=xcb WFS_TEST_DOCKS=dashboardDock
export MCP_TOKEN=$token MCP_URL=http://127.0.0.1:$port/mcp GRAB_AFTER=$grab_after
export POST_LUA=$here/tests/bench/mcp/post.lua

xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  set -euo pipefail
  "$1" -geometry 1600x1000+0+0 "$3" &
  pid=$!
  for _ in $(seq 100); do curl -s -o /dev/null "$MCP_URL" && break; sleep 0.2; done
  hdr=(-H "Content-Type: application/json" -H "Accept: application/json, text/event-stream"
       -H "Authorization: Bearer $MCP_TOKEN")
  # One MCP session per stream, paced (2 ms think time) to stay under the per-session limit.
  session() {
    curl -s -D - -o /dev/null "${hdr[@]}" "$MCP_URL" \
      -d "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"load\",\"version\":\"1\"}}}" \
      | tr -d "\r" | awk -F": " "tolower(\$1)==\"mcp-session-id\"{print \$2}"
  }
  call() { echo "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"$1\",\"arguments\":$2}}"; }
  secs=$((GRAB_AFTER + 10))
  for body in "$(call workflow_list "{}")" \
              "$(call workflow_get "{\"id\":\"release-checklist\"}")" \
              "$(call workflow_next "{\"workflowId\":\"release-checklist\",\"completedSteps\":[]}")" \
              "$(call workflow_validate "{\"workflowId\":\"release-checklist\",\"stepId\":\"migration-notes\",\"output\":\"Migration notes: none needed\"}")"; do
    sid=$(session)
    curl -s -o /dev/null "${hdr[@]}" -H "Mcp-Session-Id: $sid" "$MCP_URL" \
      -d "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"
    MCP_SESSION=$sid MCP_BODY=$body MCP_DELAY_MS=2 wrk -t1 -c1 -d"${secs}s" -s "$POST_LUA" "$MCP_URL" \
      >/dev/null 2>&1 &
  done
  sleep "$GRAB_AFTER"
  import -window root "$2"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
' screenshot "$binary" "$out" "$here/resources/workflows/release-checklist.json"
echo "dashboard_screenshot: wrote $out"
