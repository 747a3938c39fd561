#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
#
# The threading tests under ThreadSanitizer: configures a separate build (default build-tsan/,
# WFS_TSAN=ON instruments every library, no GUI, no benchmarks), builds only these tests and
# runs them; any report fails the script (halt_on_error).
#
#   tools/tsan.sh [BUILD_DIR]        # from the repository root; -j2 (JOBS=N to change)
#
# Tests: tst_enginerepository (concurrent reloads; an older rebuild held back and dropped;
# reloadAsync on the worker thread), tst_cachingengine (version tables freed while calls run),
# tst_hammer (many threads through engine, cache and metrics, reloads among them),
# tst_sessionstore (session signals coalesced from four recording threads).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-tsan}
shared=${WFS_SHARED_DIR:-$(cd "$root/.." && pwd)/shared}
tests=(tst_enginerepository tst_cachingengine tst_hammer tst_sessionstore)

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWFS_TSAN=ON \
  -DWFS_BUILD_GUI=OFF -DWFS_BUILD_BENCHMARKS=OFF -DWFS_SHARED_DIR="$shared" >/dev/null
cmake --build "$build" -j"${JOBS:-2}" --target "${tests[@]}"

# tools/tsan.supp: the known false positives (libstdc++'s atomic shared_ptr, uninstrumented Qt).
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$root/tools/tsan.supp ${TSAN_OPTIONS:-}"
export QT_QPA_PLATFORM=offscreen
failed=0
for t in "${tests[@]}"; do
  echo "== $t (ThreadSanitizer)"
  if ! "$build/tests/$t"; then
    echo "== $t: FAILED"
    failed=1
  fi
done
exit $failed
