#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
#
# check_package.sh BUILD_DIR: packs BUILD_DIR with cpack (TGZ and DEB, into a temporary
# directory) and checks what would be installed. Exit 77 (CTest: skipped) when a tool is missing.
set -euo pipefail
build=$(cd "$1" && pwd)
id=org.workflowstudio.WorkflowStudio

for tool in cpack desktop-file-validate appstreamcli dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is missing (apt-get install desktop-file-utils appstream dpkg-dev)"; exit 77; }
done
for bin in workflow-studio wfstudio; do
  [[ -x $build/bin/$bin ]] || { echo "SKIP: $build/bin/$bin is not built"; exit 77; }
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G "TGZ;DEB" -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; exit 1; }
tgz=$(ls "$out"/*.tar.gz)
deb=$(ls "$out"/*.deb)
echo "packages: $(basename "$tgz") $(basename "$deb")"

fail=0
check() { # description, command...
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what"; fail=1; fi
}

# The DEB: files under /usr, dependencies from shlibdeps (Qt 6 libraries).
mkdir "$out/deb"
dpkg-deb -x "$deb" "$out/deb"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
check "DEB depends on the Qt 6 widgets library" grep -q 'libqt6widgets6' <<<"$depends"
check "DEB depends on libsqlite3" grep -q 'libsqlite3' <<<"$depends"
root=$out/deb/usr
for f in bin/workflow-studio bin/wfstudio share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
         share/icons/hicolor/scalable/apps/$id.svg share/icons/hicolor/16x16/apps/$id.png \
         share/icons/hicolor/256x256/apps/$id.png; do
  check "DEB has /usr/$f" test -f "$root/$f"
done
# The team server's files (README "Serving a team"), and the README the unit documents itself with.
team=share/workflow-studio/team
for f in lib/systemd/system/wfstudio-mcp@.service $team/haproxy.cfg $team/team.env.example \
         $team/setup-team.sh share/doc/workflow-studio/README.md; do
  check "DEB has /usr/$f" test -f "$root/$f"
done
check "DEB's setup-team.sh is executable" test -x "$root/$team/setup-team.sh"
exec_start=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$root/lib/systemd/system/wfstudio-mcp@.service" 2>/dev/null || true)
check "the unit's ExecStart ($exec_start) is a program the DEB installs" test -x "$out/deb${exec_start:-/no-ExecStart}"
suggests=$(dpkg-deb -f "$deb" Suggests)
echo "Suggests: $suggests"
for p in postgresql redis-server haproxy; do
  check "DEB suggests $p" grep -qw "$p" <<<"$suggests"
done
check "desktop-file-validate" desktop-file-validate "$root/share/applications/$id.desktop"
check "appstreamcli validate" appstreamcli validate --no-net --explain "$root/share/metainfo/$id.metainfo.xml"

# Both programs answer without a display (no DISPLAY, no platform chosen).
for bin in workflow-studio wfstudio; do
  check "$bin --version" env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$root/bin/$bin" --version
  check "$bin --help" env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$root/bin/$bin" --help
done

# The TGZ holds the same tree under its top directory.
tar -xzf "$tgz" -C "$out"
top=$(basename "$tgz" .tar.gz)
for f in bin/workflow-studio bin/wfstudio share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
         lib/systemd/system/wfstudio-mcp@.service $team/haproxy.cfg $team/team.env.example \
         $team/setup-team.sh; do
  check "TGZ has $f" test -f "$out/$top/$f"
done
check "TGZ's setup-team.sh is executable" test -x "$out/$top/$team/setup-team.sh"
exit $fail
