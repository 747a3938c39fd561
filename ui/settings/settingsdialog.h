// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Settings… : the MCP listener (on/off, address, port, bearer token), the workflow folders,
// theme, language, autosave interval, metrics and session retention, and the team server (the
// store and cache URLs the studio joins, with Test Connection), stored with QSettings (keys in
// appsettings.h). OK/Apply write them; the theme, autosave, workflow folders and retention
// apply at once (the window passes them on), the language, the MCP listener and the team server
// after a restart (the dialog says so next to them).
#pragma once

#include "engine/services/teamprobe.h"

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace wfs::studio {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Writes the form to QSettings and applies what applies at once (theme; the signals below
    // for the rest). False, writing nothing, when a team server URL is not one (the Team server
    // group says why).
    bool apply();
    // Settings ▸ Team server: checks the store and cache URLs in the form (in the background;
    // teamTestFinished() follows, the result shows under the fields).
    void testTeamServer();
    QLabel *teamResult() const { return m_teamResult; }
    // The pages: General, Workflow folders, MCP listener, Team server.
    QTabWidget *pages() const { return m_pages; }
    QString token() const;

signals:
    // After apply(): the autosave interval in seconds (the window passes it to its recovery).
    void autosaveIntervalChanged(int seconds);
    // After apply(), when they changed: the workflow folders (the window serves them at once)
    // and the metrics retention in days (the runtime prunes with it from its next persist).
    void workflowDirsChanged(const QStringList &dirs);
    void retentionDaysChanged(int days);
    // The session retention in days (the runtime prunes stored sessions with it).
    void sessionRetentionDaysChanged(int days);
    // Test Connection finished (teamResult() says what it found).
    void teamTestFinished(bool ok);

private:
    void load();
    void regenerateToken();
    void addFolder();
    void removeFolder();

    QCheckBox *m_mcpEnabled;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_token;
    QListWidget *m_dirs;
    QComboBox *m_theme;
    QComboBox *m_language;
    QSpinBox *m_autosave;
    QSpinBox *m_retention;
    QSpinBox *m_sessionRetention;
    QLineEdit *m_teamStore;
    QLineEdit *m_teamCache;
    QPushButton *m_teamTest;
    QLabel *m_teamResult;
    QFutureWatcher<services::TeamProbe> m_probe;
    QTabWidget *m_pages = nullptr;
    QDialogButtonBox *m_buttons;
};

} // namespace wfs::studio
