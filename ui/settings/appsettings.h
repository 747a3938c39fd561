// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The application's persistent settings (QSettings keys, defaults, typed accessors) and what
// applies them process-wide: the theme (palette and style) and the translators. The MCP
// listener reads the mcp/* keys at start-up (app/studio/main.cpp).
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace wfs::studio::settings {

// Keys.
inline constexpr const char *kMcpEnabled = "mcp/enabled";
inline constexpr const char *kMcpHost = "mcp/host";
inline constexpr const char *kMcpPort = "mcp/port";
inline constexpr const char *kMcpToken = "mcp/token";
inline constexpr const char *kWorkflowDirs = "workflows/dirs";
inline constexpr const char *kTheme = "ui/theme";
inline constexpr const char *kLanguage = "ui/language";
inline constexpr const char *kAutosaveSeconds = "editor/autosaveSeconds";
inline constexpr const char *kRetentionDays = "metrics/retentionDays";
inline constexpr const char *kSessionRetentionDays = "sessions/retentionDays";
inline constexpr const char *kRecentFiles = "recentFiles";
inline constexpr const char *kTeamStoreUrl = "team/storeUrl";
inline constexpr const char *kTeamCacheUrl = "team/cacheUrl";

// Defaults.
inline constexpr bool kDefaultMcpEnabled = true;
inline constexpr const char *kDefaultMcpHost = "127.0.0.1";
inline constexpr int kDefaultMcpPort = 8765;
inline constexpr int kDefaultAutosaveSeconds = 30;
inline constexpr int kDefaultRetentionDays = 30;
inline constexpr int kDefaultSessionRetentionDays = 30;
inline constexpr int kMaxRecentFiles = 10;

bool mcpEnabled();
QString mcpHost();
int mcpPort();
QString mcpToken();
// The stored token; generates and stores one first when there is none.
QString ensureMcpToken();
// 32 random bytes from the system generator as 64 lowercase hex digits.
QString generateToken();
QStringList workflowDirs();
// File ▸ Open Recent, most recent first (at most kMaxRecentFiles).
QStringList recentFiles();
void addRecentFile(const QString &path); ///< moves it to the front
void clearRecentFiles();
QString theme();    ///< "system", "light" or "dark"
QString language(); ///< "system", "en", "de" or "fr"
int autosaveSeconds();
int retentionDays();
int sessionRetentionDays();
// Settings ▸ Team server: the team store ("" = this computer's own database) and the shared
// cache ("" = none) the studio joins at start-up (Runtime::Options::storeUrl / cacheUrl).
QString teamStoreUrl();
QString teamCacheUrl();

// The themes and languages the settings dialog offers (values stored in the settings).
QStringList themeValues();
QStringList languageValues();

// Applies "system", "light" or "dark" to the running application: the Fusion style with a
// light or dark palette, or the platform's own style and palette back for "system".
void applyTheme(const QString &theme);

// Loads our translation (compiled into the resources as :/i18n/workflowstudio_<lang>.qm) and
// Qt's own (qtbase_<lang>.qm from QLibraryInfo::TranslationsPath) for `language` ("system":
// the locale's UI languages, which follow LANGUAGE/LC_ALL/LANG). Returns the language loaded
// ("en" when none was needed or found).
QString installTranslators(QCoreApplication *app, const QString &language);

} // namespace wfs::studio::settings
