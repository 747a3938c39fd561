# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
#
# Install layout and packages (included from the top-level CMakeLists.txt):
#   bin/workflow-studio, bin/wfstudio            (install rules in app/)
#   share/applications/<id>.desktop              desktop entry
#   share/icons/hicolor/{scalable,NxN}/apps/<id>  application icon (SVG + PNG 16..256)
#   share/metainfo/<id>.metainfo.xml             AppStream metadata
#   lib/systemd/system/wfstudio-mcp@.service      team server instance (systemd template unit)
#   share/workflow-studio/team/                  haproxy.cfg, team.env.example, setup-team.sh
#   share/doc/workflow-studio/README.md
# Packages: cpack -G DEB (dependencies from dpkg-shlibdeps) and cpack -G TGZ.
set(WFS_APP_ID "org.workflowstudio.WorkflowStudio")
# The project's public home, if it has one. Empty (the default) leaves the links and the
# screenshot URLs out of the AppStream file, so no unreachable address is ever shipped.
set(WFS_PROJECT_URL "" CACHE STRING "Project home page (AppStream, package metadata); empty = none")
set(WFS_PROJECT_RAW_URL "" CACHE STRING
    "Base URL of the repository's files, for AppStream screenshot images; empty = none")
set(WFS_METAINFO_LINKS "")
if(WFS_PROJECT_URL)
  string(APPEND WFS_METAINFO_LINKS
         "  <url type=\"homepage\">${WFS_PROJECT_URL}</url>\n"
         "  <url type=\"bugtracker\">${WFS_PROJECT_URL}/issues</url>\n")
endif()
if(WFS_PROJECT_RAW_URL)
  string(APPEND WFS_METAINFO_LINKS
         "  <screenshots>\n"
         "    <screenshot type=\"default\">\n"
         "      <caption>The workflow editor with a loop, the inspector and the problems list</caption>\n"
         "      <image>${WFS_PROJECT_RAW_URL}/docs/screenshots/editor.png</image>\n"
         "    </screenshot>\n"
         "    <screenshot>\n"
         "      <caption>Connecting an AI agent over MCP</caption>\n"
         "      <image>${WFS_PROJECT_RAW_URL}/docs/screenshots/connect-agent.png</image>\n"
         "    </screenshot>\n"
         "  </screenshots>\n")
endif()

include(GNUInstallDirs)
if(WFS_BUILD_GUI)
  install(FILES ${CMAKE_CURRENT_LIST_DIR}/${WFS_APP_ID}.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/${WFS_APP_ID}.metainfo.xml.in
                 ${CMAKE_BINARY_DIR}/installer/${WFS_APP_ID}.metainfo.xml @ONLY)
  install(FILES ${CMAKE_BINARY_DIR}/installer/${WFS_APP_ID}.metainfo.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  set(_icons ${CMAKE_SOURCE_DIR}/resources/icons)
  install(FILES ${_icons}/workflow-studio.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${WFS_APP_ID}.svg)
  foreach(size 16 24 32 48 64 128 256)
    install(FILES ${_icons}/workflow-studio-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
            RENAME ${WFS_APP_ID}.png)
  endforeach()
endif()

# The team server (README "Serving a team"): the template unit runs /usr/bin/wfstudio, the path
# the DEB installs it to; the rest are the HAProxy configuration, an example of
# /etc/workflow-studio/team.env and the script that writes it and prepares the database. The
# unit goes to lib/systemd/system, not CMAKE_INSTALL_LIBDIR (lib/x86_64-linux-gnu on Debian):
# systemd reads /usr/lib/systemd/system on every architecture.
set(_team ${CMAKE_CURRENT_LIST_DIR}/team)
install(FILES ${_team}/wfstudio-mcp@.service DESTINATION lib/systemd/system)
install(FILES ${_team}/haproxy.cfg ${_team}/team.env.example
        DESTINATION ${CMAKE_INSTALL_DATADIR}/workflow-studio/team)
install(PROGRAMS ${_team}/setup-team.sh DESTINATION ${CMAKE_INSTALL_DATADIR}/workflow-studio/team)
# The unit's Documentation= (and anyone on the machine) finds the README here.
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/workflow-studio)

set(CPACK_PACKAGE_NAME "workflow-studio")
set(CPACK_PACKAGE_VENDOR "Workflow Studio authors")
set(CPACK_PACKAGE_CONTACT "Workflow Studio authors <maintainers@workflowstudio.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
if(WFS_PROJECT_URL)
  set(CPACK_PACKAGE_HOMEPAGE_URL "${WFS_PROJECT_URL}")
endif()
set(CPACK_PACKAGE_VERSION "${WFS_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "workflow-studio")
set(CPACK_RESOURCE_FILE_README "${CMAKE_SOURCE_DIR}/README.md")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt loads these at run time (not visible to shlibdeps): the SVG icon engine, the
# translations of Qt's own dialogs, and an X11 or Wayland platform plugin. The SVG plugins are
# in libqt6svg6 on Debian 12 (apt there has no qt6-svg-plugins), in qt6-svg-plugins from 13 on.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-svg-plugins | libqt6svg6, qt6-translations-l10n, qt6-wayland")
# What a team server runs next to wfstudio (installer/team/).
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql, redis-server, haproxy")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "${PROJECT_DESCRIPTION}\n Workflow Studio edits WorkRail-compatible AI-agent workflows visually,\n validates them and serves them to agents over the Model Context Protocol.\n Includes the wfstudio command-line tool.")
# DEB installs under /usr (the generator default); the TGZ holds bin/, lib/ and share/ under its
# top directory.
include(CPack)
