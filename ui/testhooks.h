// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Non-interactive hooks for tests that drive the real executable (crash recovery), read from
// the environment once the window is up. Without these variables nothing happens.
//   WFS_TEST_EDIT="<owner pointer>|<field pointer>|<JSON value>"  applies one SetFieldCommand
//       to the current document (as if typed in the inspector);
//   WFS_TEST_SELECT=<step pointer>  selects that step (screenshots show its inspector);
//   WFS_TEST_DIALOG=connect-agent|settings  opens that dialog (screenshots);
//   WFS_TEST_DOCKS=<name>,...  shows those docks (e.g. dashboardDock for the dashboard);
//   WFS_TEST_REPORT=<file>  writes {"documents":[{"filePath","modified","workflow"}...]} once
//       start-up (files, recovery, the edit) is done.
#pragma once

namespace wfs {
class MainWindow;
namespace studio {
void applyTestHooks(MainWindow &window);
} // namespace studio
} // namespace wfs
