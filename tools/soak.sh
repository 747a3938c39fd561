#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
# Chaos and soak run of the MCP HTTP listener (loopback only, stops by itself): see tools/soak.py.
#   tools/soak.sh [MINUTES] [more soak.py options]      e.g. tools/soak.sh 10
# The server runs with small store limits (1,000 sessions, 20,000 call-log rows) so that the
# database reaches them within minutes and the run shows it staying bounded.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
minutes=${1:-10}
shift || true
exec python3 "$here/tools/soak.py" --wfstudio "${WFSTUDIO:-$here/build/bin/wfstudio}" \
  --minutes "$minutes" \
  --server-arg=--max-stored-sessions --server-arg=1000 \
  --server-arg=--max-stored-calls --server-arg=20000 "$@"
