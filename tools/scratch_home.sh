# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
#
# Sourced by the screenshot scripts: a throw-away home (no settings, recent files, database or
# recovery offers of the real user), removed on exit. Sets $scratch, HOME and the XDG folders,
# and creates the studio's settings folder ($XDG_CONFIG_HOME/WorkflowStudio).
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME=$scratch/home XDG_CONFIG_HOME=$scratch/config XDG_DATA_HOME=$scratch/data
export XDG_CACHE_HOME=$scratch/cache XDG_RUNTIME_DIR=$scratch/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME/WorkflowStudio" && chmod 700 "$XDG_RUNTIME_DIR"
