// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "appsettings.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPalette>
#include <QRandomGenerator>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

#include <array>

namespace wfs::studio::settings {

namespace {

QString key(const char *k)
{
    return QString::fromLatin1(k);
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(45, 45, 48);
    const QColor base(30, 30, 32);
    const QColor text(230, 230, 230);
    const QColor disabled(127, 127, 127);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(55, 55, 60));
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 90, 90));
    p.setColor(QPalette::Light, QColor(70, 70, 75));
    p.setColor(QPalette::Midlight, QColor(60, 60, 64));
    p.setColor(QPalette::Mid, QColor(40, 40, 42));
    p.setColor(QPalette::Dark, QColor(25, 25, 27));
    p.setColor(QPalette::Shadow, QColor(10, 10, 10));
    p.setColor(QPalette::Highlight, QColor(42, 130, 218));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(90, 170, 255));
    p.setColor(QPalette::LinkVisited, QColor(170, 130, 255));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, disabled);
    return p;
}

// The style the platform chose before any theme was applied ("system" goes back to it).
QString &platformStyleName()
{
    static QString name;
    return name;
}

} // namespace

bool mcpEnabled()
{
    return QSettings().value(key(kMcpEnabled), kDefaultMcpEnabled).toBool();
}

QString mcpHost()
{
    const QString host = QSettings().value(key(kMcpHost)).toString().trimmed();
    return host.isEmpty() ? QString::fromLatin1(kDefaultMcpHost) : host;
}

int mcpPort()
{
    bool ok = false;
    const int port = QSettings().value(key(kMcpPort), kDefaultMcpPort).toInt(&ok);
    return ok && port >= 0 && port <= 65535 ? port : kDefaultMcpPort;
}

QString mcpToken()
{
    return QSettings().value(key(kMcpToken)).toString();
}

QString ensureMcpToken()
{
    QString token = mcpToken();
    if (token.isEmpty()) {
        token = generateToken();
        QSettings().setValue(key(kMcpToken), token);
    }
    return token;
}

QString generateToken()
{
    std::array<quint32, 8> words{}; // 32 bytes
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()),
                           static_cast<qsizetype>(words.size() * sizeof(quint32)));
    return QString::fromLatin1(bytes.toHex());
}

QStringList workflowDirs()
{
    return QSettings().value(key(kWorkflowDirs)).toStringList();
}

QStringList recentFiles()
{
    return QSettings().value(key(kRecentFiles)).toStringList();
}

void addRecentFile(const QString &path)
{
    QStringList recent = recentFiles();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentFiles)
        recent.removeLast();
    QSettings().setValue(key(kRecentFiles), recent);
}

void clearRecentFiles()
{
    QSettings().remove(key(kRecentFiles));
}

QString theme()
{
    const QString t = QSettings().value(key(kTheme), QStringLiteral("system")).toString();
    return themeValues().contains(t) ? t : QStringLiteral("system");
}

QString language()
{
    const QString l = QSettings().value(key(kLanguage), QStringLiteral("system")).toString();
    return languageValues().contains(l) ? l : QStringLiteral("system");
}

int autosaveSeconds()
{
    bool ok = false;
    const int s = QSettings().value(key(kAutosaveSeconds), kDefaultAutosaveSeconds).toInt(&ok);
    return ok && s >= 5 ? s : kDefaultAutosaveSeconds;
}

int sessionRetentionDays()
{
    bool ok = false;
    const int d =
        QSettings().value(key(kSessionRetentionDays), kDefaultSessionRetentionDays).toInt(&ok);
    return ok && d >= 1 ? d : kDefaultSessionRetentionDays;
}

QString teamStoreUrl()
{
    return QSettings().value(key(kTeamStoreUrl)).toString().trimmed();
}

QString teamCacheUrl()
{
    return QSettings().value(key(kTeamCacheUrl)).toString().trimmed();
}

int retentionDays()
{
    bool ok = false;
    const int d = QSettings().value(key(kRetentionDays), kDefaultRetentionDays).toInt(&ok);
    return ok && d >= 1 ? d : kDefaultRetentionDays;
}

QStringList themeValues()
{
    return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
}

QStringList languageValues()
{
    return {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("de"),
            QStringLiteral("fr")};
}

void applyTheme(const QString &theme)
{
    if (platformStyleName().isEmpty() && QApplication::style())
        platformStyleName() = QApplication::style()->name();
    if (theme == QLatin1String("light") || theme == QLatin1String("dark")) {
        QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
        if (!fusion)
            return;
        QApplication::setStyle(fusion);
        QApplication::setPalette(theme == QLatin1String("dark") ? darkPalette()
                                                                : fusion->standardPalette());
        return;
    }
    if (!platformStyleName().isEmpty() &&
        QApplication::style()->name().compare(platformStyleName(), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(platformStyleName());
    QApplication::setPalette(QApplication::style()->standardPalette());
}

QString installTranslators(QCoreApplication *app, const QString &language)
{
    const QLocale locale = language == QLatin1String("system") || language.isEmpty()
                               ? QLocale::system()
                               : QLocale(language);
    auto *ours = new QTranslator(app);
    if (!ours->load(locale, QStringLiteral("workflowstudio"), QStringLiteral("_"),
                    QStringLiteral(":/i18n"))) {
        delete ours;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return ours->language().left(2);
}

} // namespace wfs::studio::settings
