#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
#
# Takes the README's heat map screenshot: records agent sessions on
# coding-task-workflow-with-loops with real MCP traffic (tools/heat_sessions.py: nine clients of
# `wfstudio mcp` over stdio, writing into the studio's database in a throw-away home), then
# starts workflow-studio on a virtual X display with the workflow open and the Heat Map dock
# shown, and grabs the screen.
#   tools/heatmap_screenshot.sh [BUILD_DIR] [OUT.png]
# Needs xvfb-run, import (imagemagick) and python3; ../shared/workrail/workflows beside the
# repository. WFS_SCREENSHOT_METRIC=<index> colours by another metric (0 reached, 1 stopped
# here, 2 think p50, 3 think p95, 4 validation failures, 5 loop passes).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$here/build}
out=${2:-$here/docs/screenshots/heatmap.png}
workflows=$here/../shared/workrail/workflows
workflow=$workflows/coding-task-workflow-with-loops.json
for tool in xvfb-run import python3; do
  command -v "$tool" >/dev/null || { echo "heatmap_screenshot: $tool is missing" >&2; exit 1; }
done
[[ -f $workflow ]] || { echo "heatmap_screenshot: $workflow not found" >&2; exit 1; }
mkdir -p "$(dirname "$out")"

source "$here/tools/scratch_home.sh"
printf '[ui]\nlanguage=en\n' > "$XDG_CONFIG_HOME/WorkflowStudio/Workflow Studio.conf"

# The studio's own database (AppDataLocation of "Workflow Studio").
db="$XDG_DATA_HOME/WorkflowStudio/Workflow Studio/workflow-studio.db"
mkdir -p "$(dirname "$db")"
python3 "$here/tools/heat_sessions.py" "$build/bin/wfstudio" "$db" "$workflows"
"$build/bin/wfstudio" heat coding-task-workflow-with-loops --db "$db" --workflows "$workflows"

export QT_QPA_PLATFORM=xcb WFS_TEST_DOCKS=heatDock WFS_TEST_HEAT_METRIC=${WFS_SCREENSHOT_METRIC:-0}
export WFS_TEST_ZOOM_OUT=${WFS_SCREENSHOT_ZOOM_OUT:-2}
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  "$1" --no-mcp --workflows "$2" -geometry 1600x1000+0+0 "$3" &
  pid=$!
  sleep "${WFS_SCREENSHOT_DELAY:-7}"
  import -window root "$4"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
' screenshot "$build/bin/workflow-studio" "$workflows" "$workflow" "$out"
echo "heatmap_screenshot: wrote $out"
