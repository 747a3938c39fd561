#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
#
# Takes the README's editor screenshot: starts workflow-studio on a virtual X display (Xvfb)
# with a real workflow open and one step selected, and grabs the screen with ImageMagick.
#   tools/screenshot.sh [BUILD_DIR] [WORKFLOW.json] [OUT.png] [STEP_POINTER]
# Defaults: build/, ../shared/workrail/workflows/coding-task-workflow-with-loops.json,
# docs/screenshots/editor.png, /steps/3. Needs xvfb-run and import (packages xvfb, imagemagick).
# Environment:
#   WFS_SCREENSHOT_LANGUAGE=de|fr   the UI language (written to the throw-away settings)
#   WFS_SCREENSHOT_DIALOG=connect-agent|settings   also open that dialog (over the window)
#   WFS_SCREENSHOT_DELAY=seconds    wait before grabbing (default 6)
#   WFS_SCREENSHOT_GEOMETRY=WxH     screen and window size (default 1600x1000)
#   WFS_SCREENSHOT_DOCKS=name,...   also show these docks (e.g. every dock, for
#       docs/screenshots/layout-1024x700.png: WFS_SCREENSHOT_GEOMETRY=1024x700
#       WFS_SCREENSHOT_DOCKS=libraryDock,inspectorDock,jsonDock,problemsDock,stepperDock,sessionsDock,dashboardDock)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$here/build}
workflow=${2:-$here/../shared/workrail/workflows/coding-task-workflow-with-loops.json}
out=${3:-$here/docs/screenshots/editor.png}
select=${4:-/steps/3}
binary=$build/bin/workflow-studio

for tool in xvfb-run import; do
  command -v "$tool" >/dev/null || { echo "screenshot: $tool is missing" >&2; exit 1; }
done
[[ -x $binary ]] || { echo "screenshot: $binary is not built" >&2; exit 1; }
[[ -f $workflow ]] || { echo "screenshot: $workflow not found" >&2; exit 1; }
mkdir -p "$(dirname "$out")"

# A throw-away home: no settings, recent files or recovery offers from the real user.
source "$here/tools/scratch_home.sh"
export QT_QPA_PLATFORM=xcb WFS_TEST_SELECT=$select
{
  echo "[ui]"
  echo "language=${WFS_SCREENSHOT_LANGUAGE:-en}"
} > "$XDG_CONFIG_HOME/WorkflowStudio/Workflow Studio.conf"
export WFS_TEST_DIALOG=${WFS_SCREENSHOT_DIALOG:-}
export WFS_TEST_DOCKS=${WFS_SCREENSHOT_DOCKS:-}
export WFS_SCREENSHOT_GEOMETRY=${WFS_SCREENSHOT_GEOMETRY:-1600x1000}

xvfb-run -a -s "-screen 0 ${WFS_SCREENSHOT_GEOMETRY}x24" bash -c '
  "$1" --no-mcp -geometry "$WFS_SCREENSHOT_GEOMETRY+0+0" "$2" &
  pid=$!
  sleep "${WFS_SCREENSHOT_DELAY:-6}"
  import -window root "$3"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
' screenshot "$binary" "$workflow" "$out"
echo "screenshot: wrote $out"
