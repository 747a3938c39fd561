// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "settingsdialog.h"

#include "appsettings.h"

#include "engine/services/storeurl.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace wfs::studio {

namespace {
QString key(const char *k)
{
    return QString::fromLatin1(k);
}
} // namespace

SettingsDialog::~SettingsDialog()
{
    m_probe.waitForFinished();
}

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_mcpEnabled(new QCheckBox(tr("&Start the MCP listener with the studio")))
    , m_host(new QLineEdit)
    , m_port(new QSpinBox)
    , m_token(new QLineEdit)
    , m_dirs(new QListWidget)
    , m_theme(new QComboBox)
    , m_language(new QComboBox)
    , m_autosave(new QSpinBox)
    , m_retention(new QSpinBox)
    , m_sessionRetention(new QSpinBox)
    , m_teamStore(new QLineEdit)
    , m_teamCache(new QLineEdit)
    , m_teamTest(new QPushButton(tr("Test Co&nnection")))
    , m_teamResult(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                     QDialogButtonBox::Apply))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    // MCP listener.
    auto *mcp = new QGroupBox(tr("MCP listener"));
    auto *mcpForm = new QFormLayout(mcp);
    m_mcpEnabled->setObjectName(QStringLiteral("mcpEnabled"));
    mcpForm->addRow(m_mcpEnabled);
    m_host->setObjectName(QStringLiteral("mcpHost"));
    m_host->setToolTip(tr("The address the HTTP listener binds to. 127.0.0.1 accepts only "
                          "local clients."));
    mcpForm->addRow(tr("&Address:"), m_host);
    m_port->setObjectName(QStringLiteral("mcpPort"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    mcpForm->addRow(tr("&Port:"), m_port);
    m_token->setObjectName(QStringLiteral("mcpToken"));
    m_token->setReadOnly(true);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *show = new QToolButton;
    show->setObjectName(QStringLiteral("showToken"));
    show->setText(tr("Show"));
    show->setCheckable(true);
    connect(show, &QToolButton::toggled, this, [this, show](bool on) {
        m_token->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        show->setText(on ? tr("Hide") : tr("Show"));
    });
    auto *copy = new QToolButton;
    copy->setObjectName(QStringLiteral("copyToken"));
    copy->setText(tr("Copy"));
    connect(copy, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_token->text()); });
    auto *regenerate = new QToolButton;
    regenerate->setObjectName(QStringLiteral("regenerateToken"));
    regenerate->setText(tr("Regenerate"));
    connect(regenerate, &QToolButton::clicked, this, &SettingsDialog::regenerateToken);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(show);
    tokenRow->addWidget(copy);
    tokenRow->addWidget(regenerate);
    // A label of a row that is a layout gets no buddy from the form: without one its "&" is
    // shown literally and Alt+T goes nowhere.
    auto *tokenLabel = new QLabel(tr("Bearer &token:"));
    tokenLabel->setObjectName(QStringLiteral("mcpTokenLabel"));
    tokenLabel->setBuddy(m_token);
    mcpForm->addRow(tokenLabel, tokenRow);
    auto *restartNote = new QLabel(tr("Listener changes take effect after a restart."));
    restartNote->setWordWrap(true);
    mcpForm->addRow(restartNote);

    // Workflow folders.
    auto *folders = new QGroupBox(tr("Workflow folders"));
    auto *foldersLayout = new QHBoxLayout(folders);
    m_dirs->setObjectName(QStringLiteral("workflowDirs"));
    m_dirs->setToolTip(tr("Folders whose workflows the studio and the MCP listener serve, "
                          "besides the bundled ones."));
    foldersLayout->addWidget(m_dirs, 1);
    auto *folderButtons = new QVBoxLayout;
    auto *add = new QPushButton(tr("A&dd…"));
    add->setObjectName(QStringLiteral("addFolder"));
    connect(add, &QPushButton::clicked, this, &SettingsDialog::addFolder);
    auto *remove = new QPushButton(tr("&Remove"));
    remove->setObjectName(QStringLiteral("removeFolder"));
    connect(remove, &QPushButton::clicked, this, &SettingsDialog::removeFolder);
    folderButtons->addWidget(add);
    folderButtons->addWidget(remove);
    folderButtons->addStretch();
    foldersLayout->addLayout(folderButtons);
    auto *foldersBox = new QVBoxLayout;
    foldersBox->addWidget(folders, 1);
    auto *foldersNote =
        new QLabel(tr("Folder changes apply at once: the Library and connected agents see them "
                      "when you press OK or Apply."));
    foldersNote->setObjectName(QStringLiteral("foldersNote"));
    foldersNote->setWordWrap(true);
    foldersBox->addWidget(foldersNote);

    // Appearance and editing.
    auto *general = new QGroupBox(tr("General"));
    auto *generalForm = new QFormLayout(general);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("System"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    generalForm->addRow(tr("T&heme:"), m_theme);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System"), QStringLiteral("system"));
    // Language names in their own language, as language pickers show them.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    generalForm->addRow(tr("&Language:"), m_language);
    auto *languageNote = new QLabel(tr("A new language applies after a restart."));
    languageNote->setWordWrap(true);
    generalForm->addRow(QString(), languageNote);
    m_autosave->setObjectName(QStringLiteral("autosaveSeconds"));
    m_autosave->setRange(5, 3600);
    m_autosave->setSuffix(tr(" s"));
    m_autosave->setToolTip(tr("How often unsaved work is written to the recovery folder."));
    generalForm->addRow(tr("A&utosave every:"), m_autosave);
    m_retention->setObjectName(QStringLiteral("retentionDays"));
    m_retention->setRange(1, 3650);
    m_retention->setSuffix(tr(" days"));
    m_retention->setToolTip(tr("How long metrics samples are kept. Applies at once: older "
                               "samples are deleted at the next save of the metrics."));
    generalForm->addRow(tr("Keep &metrics for:"), m_retention);
    m_sessionRetention->setObjectName(QStringLiteral("sessionRetentionDays"));
    m_sessionRetention->setRange(1, 3650);
    m_sessionRetention->setSuffix(tr(" days"));
    m_sessionRetention->setToolTip(
        tr("How long agent sessions and their calls (Sessions, Heat Map, replay) are kept after "
           "their last call. At most the 10,000 most recent sessions are kept in any case."));
    generalForm->addRow(tr("Keep s&essions for:"), m_sessionRetention);

    // Team server.
    auto *team = new QGroupBox(tr("Team server"));
    team->setObjectName(QStringLiteral("teamServer"));
    auto *teamForm = new QFormLayout(team);
    m_teamStore->setObjectName(QStringLiteral("teamStoreUrl"));
    m_teamStore->setPlaceholderText(tr("postgresql://user@host:5432/database"));
    m_teamStore->setClearButtonEnabled(true);
    m_teamStore->setToolTip(
        tr("The team's PostgreSQL store that the wfstudio mcp instances share (their sessions, "
           "published workflows and metrics). Empty: this computer's own database."));
    teamForm->addRow(tr("Team store (Post&greSQL):"), m_teamStore);
    m_teamCache->setObjectName(QStringLiteral("teamCacheUrl"));
    m_teamCache->setPlaceholderText(tr("redis://host:6379/0"));
    m_teamCache->setClearButtonEnabled(true);
    m_teamCache->setToolTip(tr("The team's shared Redis cache. Empty: none (this studio caches "
                               "in memory and in its database)."));
    teamForm->addRow(tr("Shared cache (Red&is):"), m_teamCache);
    m_teamTest->setObjectName(QStringLiteral("teamTest"));
    m_teamTest->setToolTip(tr("Connects to the store and the cache now and says what it finds"));
    connect(m_teamTest, &QPushButton::clicked, this, &SettingsDialog::testTeamServer);
    connect(&m_probe, &QFutureWatcher<services::TeamProbe>::finished, this, [this] {
        const services::TeamProbe p = m_probe.result();
        const auto line = [](bool ok, const QString &what, const std::string &text) {
            return QStringLiteral("%1 %2: %3")
                .arg(ok ? QStringLiteral("✓") : QStringLiteral("✗"), what,
                     QString::fromStdString(text).toHtmlEscaped());
        };
        QString storeLine = line(p.storeOk, tr("Store"), p.store);
        if (p.storeOk && !m_teamStore->text().trimmed().isEmpty())
            storeLine +=
                QStringLiteral(" — ") + tr("%n instance(s) reporting", nullptr, p.instances) +
                QStringLiteral(", ") + tr("%n workflow(s) published", nullptr, p.published);
        const bool ok = p.storeOk && p.cacheOk;
        m_teamResult->setProperty("ok", ok);
        m_teamResult->setText(storeLine + QStringLiteral("<br>") +
                              line(p.cacheOk, tr("Cache"), p.cache));
        m_teamResult->setStyleSheet(ok ? QString() : QStringLiteral("QLabel { color: #b34700; }"));
        m_teamTest->setEnabled(true);
        emit teamTestFinished(ok);
    });
    m_teamResult->setObjectName(QStringLiteral("teamResult"));
    m_teamResult->setWordWrap(true);
    m_teamResult->setTextFormat(Qt::RichText);
    m_teamResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_teamTest);
    testRow->addWidget(m_teamResult, 1);
    teamForm->addRow(testRow);
    auto *teamNote = new QLabel(
        tr("The studio joins the team server at its next start: its Sessions list, heat map and "
           "dashboard (View: Team fleet) then show every instance, and its own runs are kept "
           "in the team store."));
    teamNote->setObjectName(QStringLiteral("teamNote"));
    teamNote->setWordWrap(true);
    teamForm->addRow(teamNote);

    // One page per topic: the dialog stays small enough for a 1024x700 screen.
    const auto page = [](QGroupBox *group, QLayout *below = nullptr) {
        auto *w = new QWidget;
        auto *l = new QVBoxLayout(w);
        if (group) { // the tab names it
            group->setTitle(QString());
            group->setFlat(true);
            l->addWidget(group);
        }
        if (below)
            l->addLayout(below, 1);
        if (group)
            l->addStretch();
        return w;
    };
    auto *pages = new QTabWidget;
    pages->setObjectName(QStringLiteral("settingsPages"));
    pages->addTab(page(general), tr("General"));
    pages->addTab(page(nullptr, foldersBox), tr("Workflow folders"));
    pages->addTab(page(mcp), tr("MCP listener"));
    pages->addTab(page(team), tr("Team server"));
    m_pages = pages;
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pages, 1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &SettingsDialog::apply);
    load();
    resize(600, sizeHint().height());
}

QString SettingsDialog::token() const
{
    return m_token->text();
}

void SettingsDialog::load()
{
    m_mcpEnabled->setChecked(settings::mcpEnabled());
    m_host->setText(settings::mcpHost());
    m_port->setValue(settings::mcpPort());
    m_token->setText(settings::ensureMcpToken());
    m_dirs->clear();
    m_dirs->addItems(settings::workflowDirs());
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(settings::theme())));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings::language())));
    m_autosave->setValue(settings::autosaveSeconds());
    m_retention->setValue(settings::retentionDays());
    m_sessionRetention->setValue(settings::sessionRetentionDays());
    m_teamStore->setText(settings::teamStoreUrl());
    m_teamCache->setText(settings::teamCacheUrl());
}

bool SettingsDialog::apply()
{
    // The team server's URLs first: a mistyped one is said, and nothing is written.
    const QString storeUrl = m_teamStore->text().trimmed();
    const QString cacheUrl = m_teamCache->text().trimmed();
    QString problem;
    QLineEdit *wrong = nullptr;
    if (auto r = services::parseStoreUrl(storeUrl.toStdString()); !r) {
        problem = tr("Team store: %1").arg(QString::fromStdString(r.error()));
        wrong = m_teamStore;
    } else if (auto c = services::parseCacheUrl(cacheUrl.toStdString()); !c) {
        problem = tr("Shared cache: %1").arg(QString::fromStdString(c.error()));
        wrong = m_teamCache;
    }
    if (wrong) {
        m_teamResult->setProperty("ok", false);
        m_teamResult->setText(QStringLiteral("✗ ") + problem.toHtmlEscaped());
        m_teamResult->setStyleSheet(QStringLiteral("QLabel { color: #b34700; }"));
        wrong->setFocus();
        return false;
    }
    const bool teamChanged =
        storeUrl != settings::teamStoreUrl() || cacheUrl != settings::teamCacheUrl();

    QSettings s;
    s.setValue(key(settings::kMcpEnabled), m_mcpEnabled->isChecked());
    const QString host = m_host->text().trimmed();
    s.setValue(key(settings::kMcpHost),
               host.isEmpty() ? QString::fromLatin1(settings::kDefaultMcpHost) : host);
    s.setValue(key(settings::kMcpPort), m_port->value());
    s.setValue(key(settings::kMcpToken), m_token->text());
    QStringList dirs;
    for (int i = 0; i < m_dirs->count(); ++i)
        dirs << m_dirs->item(i)->text();
    const bool dirsChanged = dirs != settings::workflowDirs();
    const bool retentionChanged = m_retention->value() != settings::retentionDays();
    const bool sessionRetentionChanged =
        m_sessionRetention->value() != settings::sessionRetentionDays();
    s.setValue(key(settings::kWorkflowDirs), dirs);
    const QString theme = m_theme->currentData().toString();
    const bool themeChanged = theme != settings::theme();
    s.setValue(key(settings::kTheme), theme);
    s.setValue(key(settings::kLanguage), m_language->currentData().toString());
    s.setValue(key(settings::kAutosaveSeconds), m_autosave->value());
    s.setValue(key(settings::kRetentionDays), m_retention->value());
    s.setValue(key(settings::kSessionRetentionDays), m_sessionRetention->value());
    s.setValue(key(settings::kTeamStoreUrl), storeUrl);
    s.setValue(key(settings::kTeamCacheUrl), cacheUrl);
    s.sync();
    if (teamChanged) {
        m_teamResult->setProperty("ok", true);
        m_teamResult->setStyleSheet(QString());
        m_teamResult->setText(
            tr("Saved: the studio joins %1 at its next start.")
                .arg(storeUrl.isEmpty()
                         ? tr("its own database")
                         : QString::fromStdString(services::redactUrl(storeUrl.toStdString()))
                               .toHtmlEscaped()));
    }
    if (themeChanged)
        settings::applyTheme(theme);
    emit autosaveIntervalChanged(m_autosave->value());
    if (dirsChanged)
        emit workflowDirsChanged(dirs);
    if (retentionChanged)
        emit retentionDaysChanged(m_retention->value());
    if (sessionRetentionChanged)
        emit sessionRetentionDaysChanged(m_sessionRetention->value());
    return true;
}

void SettingsDialog::testTeamServer()
{
    if (m_probe.isRunning())
        return;
    m_teamTest->setEnabled(false);
    m_teamResult->setStyleSheet(QString());
    m_teamResult->setText(tr("Connecting…"));
    m_probe.setFuture(QtConcurrent::run([store = m_teamStore->text().trimmed().toStdString(),
                                         cache = m_teamCache->text().trimmed().toStdString()] {
        return services::probeTeamServer(store, cache);
    }));
}

void SettingsDialog::regenerateToken()
{
    const auto answer = QMessageBox::question(
        this, tr("Regenerate Token"),
        tr("Agents configured with the current token will be refused once the listener "
           "restarts. Generate a new token?"));
    if (answer != QMessageBox::Yes)
        return;
    m_token->setText(settings::generateToken());
}

void SettingsDialog::addFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add Workflow Folder"));
    if (dir.isEmpty())
        return;
    for (int i = 0; i < m_dirs->count(); ++i) {
        if (m_dirs->item(i)->text() == dir)
            return;
    }
    m_dirs->addItem(dir);
}

void SettingsDialog::removeFolder()
{
    qDeleteAll(m_dirs->selectedItems());
}

} // namespace wfs::studio
