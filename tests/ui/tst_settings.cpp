// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Settings dialog (QSettings keys, defaults, token, theme) and the Connect an Agent dialog
// (configurations for Claude Desktop, Claude Code, VS Code and HTTP clients).
#include "testutil.h"

#include "model/json.h"
#include "ui/settings/agentconfigs.h"
#include "ui/settings/appsettings.h"
#include "ui/settings/connectagentdialog.h"
#include "ui/settings/settingsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace wfs;
using namespace wfs::studio;

namespace {

AgentSetup sampleSetup()
{
    AgentSetup s;
    s.cliPath = QStringLiteral("/opt/Workflow Studio/bin/wfstudio");
    s.workflowDirs = {QStringLiteral("/home/ann/flows"), QStringLiteral("/srv/team's flows")};
    s.url = QStringLiteral("http://127.0.0.1:9100/mcp");
    s.token = QStringLiteral("00ff");
    return s;
}

Json parse(const QString &text)
{
    return Json::parse(text.toStdString(), nullptr, false);
}

} // namespace

class TestSettings : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void tokenIsRandomHex();
    void defaults();
    void dialogWritesSettings();
    void themeChangesPalette_data();
    void themeChangesPalette();
    void shellQuote_data();
    void shellQuote();
    void claudeDesktop();
    void claudeCode();
    void vsCode();
    void httpClients();
    void setupForTheRunningListener();
    void dialogCopiesSnippets();
    void dialogSaysWhenNotRunning();
    void everyLabelHasItsMnemonic();
};

void TestSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WorkflowStudioTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_settings"));
}

void TestSettings::init()
{
    QSettings().clear();
}

void TestSettings::tokenIsRandomHex()
{
    static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
    const QString a = settings::generateToken();
    const QString b = settings::generateToken();
    QVERIFY2(hex64.match(a).hasMatch(), qPrintable(a));
    QVERIFY2(hex64.match(b).hasMatch(), qPrintable(b));
    QVERIFY(a != b);
    QVERIFY(settings::mcpToken().isEmpty());
    const QString stored = settings::ensureMcpToken();
    QVERIFY(hex64.match(stored).hasMatch());
    QCOMPARE(settings::ensureMcpToken(), stored); // generated once, then kept
    QCOMPARE(QSettings().value(QStringLiteral("mcp/token")).toString(), stored);
}

void TestSettings::defaults()
{
    QCOMPARE(settings::mcpEnabled(), true);
    QCOMPARE(settings::mcpHost(), QStringLiteral("127.0.0.1"));
    QCOMPARE(settings::mcpPort(), 8765);
    QCOMPARE(settings::workflowDirs(), QStringList());
    QCOMPARE(settings::theme(), QStringLiteral("system"));
    QCOMPARE(settings::language(), QStringLiteral("system"));
    QCOMPARE(settings::autosaveSeconds(), 30);
    QCOMPARE(settings::retentionDays(), 30);
    // Nonsense in the settings file falls back to the defaults.
    QSettings s;
    s.setValue(QStringLiteral("mcp/port"), 70000);
    s.setValue(QStringLiteral("ui/theme"), QStringLiteral("purple"));
    s.setValue(QStringLiteral("ui/language"), QStringLiteral("tlh"));
    s.setValue(QStringLiteral("editor/autosaveSeconds"), QStringLiteral("soon"));
    QCOMPARE(settings::mcpPort(), 8765);
    QCOMPARE(settings::theme(), QStringLiteral("system"));
    QCOMPARE(settings::language(), QStringLiteral("system"));
    QCOMPARE(settings::autosaveSeconds(), 30);
}

void TestSettings::dialogWritesSettings()
{
    QSettings().setValue(QStringLiteral("workflows/dirs"), QStringList{QStringLiteral("/a")});
    SettingsDialog dialog;
    auto *enabled = dialog.findChild<QCheckBox *>(QStringLiteral("mcpEnabled"));
    auto *host = dialog.findChild<QLineEdit *>(QStringLiteral("mcpHost"));
    auto *port = dialog.findChild<QSpinBox *>(QStringLiteral("mcpPort"));
    auto *token = dialog.findChild<QLineEdit *>(QStringLiteral("mcpToken"));
    auto *dirs = dialog.findChild<QListWidget *>(QStringLiteral("workflowDirs"));
    auto *language = dialog.findChild<QComboBox *>(QStringLiteral("language"));
    auto *autosave = dialog.findChild<QSpinBox *>(QStringLiteral("autosaveSeconds"));
    auto *retention = dialog.findChild<QSpinBox *>(QStringLiteral("retentionDays"));
    QVERIFY(enabled && host && port && token && dirs && language && autosave && retention);
    QVERIFY(enabled->isChecked());
    QCOMPARE(host->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(port->value(), 8765);
    QCOMPARE(token->text().size(), 64); // a token exists once the dialog was opened
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    QCOMPARE(dirs->count(), 1);

    auto *show = dialog.findChild<QAbstractButton *>(QStringLiteral("showToken"));
    QVERIFY(show);
    show->click();
    QCOMPARE(token->echoMode(), QLineEdit::Normal);
    dialog.findChild<QAbstractButton *>(QStringLiteral("copyToken"))->click();
    QCOMPARE(QApplication::clipboard()->text(), token->text());

    QSignalSpy autosaveSpy(&dialog, &SettingsDialog::autosaveIntervalChanged);
    QSignalSpy dirsSpy(&dialog, &SettingsDialog::workflowDirsChanged);
    QSignalSpy retentionSpy(&dialog, &SettingsDialog::retentionDaysChanged);
    enabled->setChecked(false);
    host->setText(QStringLiteral("0.0.0.0"));
    port->setValue(9100);
    dirs->addItem(QStringLiteral("/b c"));
    language->setCurrentIndex(language->findData(QStringLiteral("de")));
    autosave->setValue(45);
    retention->setValue(7);
    dialog.apply();

    QSettings s;
    QCOMPARE(s.value(QStringLiteral("mcp/enabled")).toBool(), false);
    QCOMPARE(s.value(QStringLiteral("mcp/host")).toString(), QStringLiteral("0.0.0.0"));
    QCOMPARE(s.value(QStringLiteral("mcp/port")).toInt(), 9100);
    QCOMPARE(s.value(QStringLiteral("mcp/token")).toString(), token->text());
    QCOMPARE(s.value(QStringLiteral("workflows/dirs")).toStringList(),
             (QStringList{QStringLiteral("/a"), QStringLiteral("/b c")}));
    QCOMPARE(s.value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
    QCOMPARE(s.value(QStringLiteral("editor/autosaveSeconds")).toInt(), 45);
    QCOMPARE(s.value(QStringLiteral("metrics/retentionDays")).toInt(), 7);
    QCOMPARE(autosaveSpy.count(), 1);
    QCOMPARE(autosaveSpy.front().front().toInt(), 45);
    // Folders and retention apply at once: the window is told, once per change.
    QCOMPARE(dirsSpy.count(), 1);
    QCOMPARE(dirsSpy.front().front().toStringList(),
             (QStringList{QStringLiteral("/a"), QStringLiteral("/b c")}));
    QCOMPARE(retentionSpy.count(), 1);
    QCOMPARE(retentionSpy.front().front().toInt(), 7);
    dialog.apply();
    QCOMPARE(dirsSpy.count(), 1);
    QCOMPARE(retentionSpy.count(), 1);
}

void TestSettings::themeChangesPalette_data()
{
    QTest::addColumn<QString>("theme");
    QTest::addColumn<bool>("dark");
    QTest::newRow("dark theme has a dark window") << QStringLiteral("dark") << true;
    QTest::newRow("light theme has a light window") << QStringLiteral("light") << false;
}

void TestSettings::themeChangesPalette()
{
    QFETCH(QString, theme);
    QFETCH(bool, dark);
    SettingsDialog dialog;
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("theme"));
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(theme));
    dialog.apply();
    QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), theme);
    const int lightness = QApplication::palette().color(QPalette::Window).lightness();
    QVERIFY2(dark ? lightness < 100 : lightness > 150, qPrintable(QString::number(lightness)));
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    settings::applyTheme(QStringLiteral("system"));
}

void TestSettings::shellQuote_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain path stays") << "/usr/bin/wfstudio"
                                      << "/usr/bin/wfstudio";
    QTest::newRow("option stays") << "--workflows"
                                  << "--workflows";
    QTest::newRow("space is quoted") << "/opt/a b"
                                     << "'/opt/a b'";
    QTest::newRow("apostrophe is escaped") << "it's"
                                           << "'it'\\''s'";
    QTest::newRow("dollar is quoted") << "$HOME"
                                      << "'$HOME'";
    QTest::newRow("empty word is quoted") << ""
                                          << "''";
}

void TestSettings::shellQuote()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(studio::shellQuote(word), quoted);
}

void TestSettings::claudeDesktop()
{
    const Json config = parse(claudeDesktopConfig(sampleSetup()));
    QVERIFY(!config.is_discarded());
    const Json &server = config["mcpServers"]["workflow-studio"];
    QCOMPARE(QString::fromStdString(server["command"].get<std::string>()),
             QStringLiteral("/opt/Workflow Studio/bin/wfstudio"));
    const Json args = {"mcp", "--workflows", "/home/ann/flows", "--workflows", "/srv/team's flows"};
    QVERIFY2(server["args"] == args, server["args"].dump().c_str());
}

void TestSettings::claudeCode()
{
    QCOMPARE(
        claudeCodeCommand(sampleSetup()),
        QStringLiteral("claude mcp add workflow-studio -- '/opt/Workflow Studio/bin/wfstudio' "
                       "mcp --workflows /home/ann/flows --workflows '/srv/team'\\''s flows'\n"));
}

void TestSettings::vsCode()
{
    const Json stdio = parse(vsCodeStdioConfig(sampleSetup()));
    QVERIFY(!stdio.is_discarded());
    const Json &s = stdio["servers"]["workflow-studio"];
    QCOMPARE(s["type"].get<std::string>(), std::string("stdio"));
    QCOMPARE(s["command"].get<std::string>(), std::string("/opt/Workflow Studio/bin/wfstudio"));
    QCOMPARE(s["args"][0].get<std::string>(), std::string("mcp"));

    const Json http = parse(vsCodeHttpConfig(sampleSetup()));
    const Json &h = http["servers"]["workflow-studio"];
    QCOMPARE(h["type"].get<std::string>(), std::string("http"));
    QCOMPARE(h["url"].get<std::string>(), std::string("http://127.0.0.1:9100/mcp"));
    QCOMPARE(h["headers"]["Authorization"].get<std::string>(), std::string("Bearer 00ff"));

    AgentSetup open = sampleSetup();
    open.token.clear();
    QVERIFY(!parse(vsCodeHttpConfig(open))["servers"]["workflow-studio"].contains("headers"));
}

void TestSettings::httpClients()
{
    const QString text = httpClientInstructions(sampleSetup());
    QVERIFY(text.contains(QLatin1String("URL: http://127.0.0.1:9100/mcp")));
    QVERIFY(text.contains(QLatin1String("Authorization: Bearer 00ff")));
    QVERIFY(text.contains(
        QLatin1String("claude mcp add --transport http workflow-studio http://127.0.0.1:9100/mcp "
                      "--header 'Authorization: Bearer 00ff'")));
    QVERIFY(text.contains(QLatin1String("curl -s http://127.0.0.1:9100/mcp")));
}

void TestSettings::setupForTheRunningListener()
{
    // The settings say nothing about the running listener: its URL and token are passed in.
    QSettings s;
    s.setValue(QStringLiteral("mcp/port"), 9200);
    s.setValue(QStringLiteral("mcp/token"), QStringLiteral("abc"));
    const QString relative = QStringLiteral("flows");
    const AgentSetup setup =
        agentSetupFor({QStringLiteral("/w"), relative, QStringLiteral("/w/")},
                      QStringLiteral("http://127.0.0.1:41234/mcp"), QStringLiteral("t0k"));
    QCOMPARE(setup.url, QStringLiteral("http://127.0.0.1:41234/mcp"));
    QCOMPARE(setup.token, QStringLiteral("t0k"));
    // Absolute (agents start elsewhere), once each.
    QCOMPARE(setup.workflowDirs,
             (QStringList{QStringLiteral("/w"), QDir::current().absoluteFilePath(relative)}));
    QCOMPARE(setup.cliPath, QCoreApplication::applicationDirPath() + QStringLiteral("/wfstudio"));
    QVERIFY(QFileInfo(setup.cliPath).isAbsolute());
    const AgentSetup off = agentSetupFor({}, {}, QStringLiteral("t0k"),
                                         QStringLiteral("MCP listener: off (--no-mcp)"));
    QVERIFY(off.url.isEmpty());
    QVERIFY(off.token.isEmpty());
    QCOMPARE(off.listenerStatus, QStringLiteral("MCP listener: off (--no-mcp)"));
}

void TestSettings::dialogCopiesSnippets()
{
    ConnectAgentDialog dialog(sampleSetup());
    QCOMPARE(dialog.tabs()->count(), 4);
    QCOMPARE(dialog.snippet(QStringLiteral("claudeDesktop")), claudeDesktopConfig(sampleSetup()));
    QCOMPARE(dialog.snippet(QStringLiteral("claudeCode")), claudeCodeCommand(sampleSetup()));
    QCOMPARE(dialog.snippet(QStringLiteral("vsCodeStdio")), vsCodeStdioConfig(sampleSetup()));
    QCOMPARE(dialog.snippet(QStringLiteral("vsCodeHttp")), vsCodeHttpConfig(sampleSetup()));
    QCOMPARE(dialog.snippet(QStringLiteral("http")), httpClientInstructions(sampleSetup()));
    for (const QString &name :
         {QStringLiteral("claudeDesktop"), QStringLiteral("claudeCode"),
          QStringLiteral("vsCodeStdio"), QStringLiteral("vsCodeHttp"), QStringLiteral("http")}) {
        auto *copy = dialog.findChild<QPushButton *>(name + QStringLiteral("Copy"));
        QVERIFY2(copy, qPrintable(name));
        QApplication::clipboard()->clear();
        copy->click();
        QCOMPARE(QApplication::clipboard()->text(), dialog.snippet(name));
    }
}

void TestSettings::dialogSaysWhenNotRunning()
{
    AgentSetup setup = sampleSetup();
    setup.url.clear();
    setup.token.clear();
    setup.listenerStatus = QStringLiteral("MCP listener: off (--no-mcp)");
    ConnectAgentDialog dialog(setup);
    QVERIFY2(dialog.listenerText().contains(QLatin1String("not running")),
             qPrintable(dialog.listenerText()));
    QVERIFY(dialog.listenerText().contains(setup.listenerStatus));
    for (const QString &name : {QStringLiteral("vsCodeHttp"), QStringLiteral("http")}) {
        QVERIFY(dialog.snippet(name).contains(QLatin1String("not running")));
        QVERIFY(!dialog.snippet(name).contains(QLatin1String("http://")));
        QVERIFY(!dialog.findChild<QPushButton *>(name + QStringLiteral("Copy"))->isEnabled());
    }
    // The stdio variants work without the listener, with the folders.
    QVERIFY(dialog.snippet(QStringLiteral("claudeCode")).contains(QLatin1String("--workflows")));
    ConnectAgentDialog running(sampleSetup());
    QVERIFY(running.listenerText().contains(sampleSetup().url));
}

// A label with "&" shows an underlined key only with a buddy; without one the "&" itself shows
// (seen as "Bearer &token:" in the running studio).
void TestSettings::everyLabelHasItsMnemonic()
{
    SettingsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QStringList orphans;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->isVisible() && label->text().contains(QRegularExpression(QStringLiteral("&\\w")))
            && !label->buddy())
            orphans << label->text();
    }
    QVERIFY2(orphans.isEmpty(), qPrintable(orphans.join(QStringLiteral(", "))));
    auto *token = dialog.findChild<QLineEdit *>(QStringLiteral("mcpToken"));
    bool tokenHasLabel = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        tokenHasLabel = tokenHasLabel || label->buddy() == token;
    QVERIFY(tokenHasLabel);
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
