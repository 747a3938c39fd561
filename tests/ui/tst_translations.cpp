// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The German and French translations are complete: every entry of translations/*.ts is
// finished (no unfinished, vanished or obsolete entry, no empty plural form, the same %1…%9
// placeholders as the source), and running lupdate over the sources the build translates (into
// a temporary copy) finds no tr() string the .ts files lack and none they keep for nothing.
// The compiled .qm files are in the resources and translate.
#include "testutil.h"

#include "ui/settings/appsettings.h"

#include <QApplication>
#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString type;             ///< the translation's type attribute ("" = finished)
    QStringList translations; ///< one, or the plural forms
    bool numerus = false;
};

// All messages of a .ts file (an error text in `error` when it cannot be read).
QList<Message> readTsFile(const QString &path, QString *error)
{
    QList<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message") && inMessage) {
            out << current;
            inMessage = false;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message{};
            current.context = context;
            current.numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            inMessage = true;
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!current.numerus)
                current.translations << xml.readElementText();
        } else if (name == QLatin1String("numerusform")) {
            current.translations << xml.readElementText();
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2:%3: %4")
                     .arg(path)
                     .arg(xml.lineNumber())
                     .arg(xml.columnNumber())
                     .arg(xml.errorString());
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    QSet<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured(0));
    return out;
}

// Problems of one .ts file: unfinished, vanished/obsolete, empty or placeholder-mismatched.
QStringList problemsOf(const QList<Message> &messages)
{
    QStringList problems;
    for (const Message &m : messages) {
        const QString where = QStringLiteral("[%1] \"%2\"").arg(m.context, m.source);
        if (!m.type.isEmpty()) {
            problems << QStringLiteral("%1 is %2").arg(where, m.type);
            continue;
        }
        if (m.translations.isEmpty()) {
            problems << QStringLiteral("%1 has no translation").arg(where);
            continue;
        }
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty() && !m.source.trimmed().isEmpty())
                problems << QStringLiteral("%1 has an empty translation").arg(where);
            else if (placeholders(t) != placeholders(m.source))
                problems << QStringLiteral("%1: placeholders differ in \"%2\"").arg(where, t);
        }
    }
    return problems;
}

QStringList tsFiles()
{
    QDir dir(wfs::test::sourceDir() + QStringLiteral("/translations"));
    QStringList out;
    for (const QString &f : dir.entryList({QStringLiteral("workflowstudio_*.ts")}, QDir::Files))
        out << dir.filePath(f);
    return out;
}

// Runs lupdate over the translated sources (plus `extraSources`) into a copy of `ts`; returns
// the copy's messages.
QList<Message> lupdatedCopy(const QString &ts, const QStringList &extraSources, QString *error)
{
    QTemporaryDir tmp;
    const QString copy = tmp.filePath(QFileInfo(ts).fileName());
    const QString list = wfs::test::binaryDir() + QStringLiteral("/translations/sources.lst");
    if (!QFile::copy(ts, copy) || !QFile::exists(list)) {
        *error = QStringLiteral("cannot copy %1 or %2 is missing (re-run cmake)").arg(ts, list);
        return {};
    }
    QStringList args{QStringLiteral("-locations"), QStringLiteral("none"),
                     QStringLiteral("-silent"), QLatin1Char('@') + list};
    args << extraSources << QStringLiteral("-ts") << copy;
    QProcess lupdate;
    lupdate.start(QStringLiteral(WFS_LUPDATE), args);
    if (!lupdate.waitForFinished(120000) || lupdate.exitCode() != 0) {
        *error =
            QStringLiteral("lupdate failed: %1 %2")
                .arg(lupdate.errorString(), QString::fromLocal8Bit(lupdate.readAllStandardError()));
        return {};
    }
    return readTsFile(copy, error);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void languagesPresent();
    void entriesFinished_data();
    void entriesFinished();
    void sourcesCovered_data();
    void sourcesCovered();
    void newStringIsNoticed();
    void compiledIntoResources_data();
    void compiledIntoResources();
};

void TestTranslations::languagesPresent()
{
    const QStringList files = tsFiles();
    QVERIFY2(files.size() >= 2, qPrintable(files.join(QLatin1Char(' '))));
    QVERIFY(files.contains(wfs::test::sourceDir() +
                           QStringLiteral("/translations/workflowstudio_de.ts")));
    QVERIFY(files.contains(wfs::test::sourceDir() +
                           QStringLiteral("/translations/workflowstudio_fr.ts")));
}

void TestTranslations::entriesFinished_data()
{
    QTest::addColumn<QString>("ts");
    for (const QString &f : tsFiles())
        QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
}

void TestTranslations::entriesFinished()
{
    QFETCH(QString, ts);
    QString error;
    const QList<Message> messages = readTsFile(ts, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(messages.size() > 100, qPrintable(QString::number(messages.size())));
    const QStringList problems = problemsOf(messages);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::sourcesCovered_data()
{
    entriesFinished_data();
}

void TestTranslations::sourcesCovered()
{
    QFETCH(QString, ts);
    QString error;
    const QList<Message> before = readTsFile(ts, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<Message> after = lupdatedCopy(ts, {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems = problemsOf(after);
    if (after.size() != before.size())
        problems << QStringLiteral("lupdate changed the number of entries from %1 to %2")
                        .arg(before.size())
                        .arg(after.size());
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 is out of date with the sources (run the "
                                       "update_translations target, then translate):\n%2")
                            .arg(ts, problems.join(QLatin1Char('\n')))));
}

// The check above would notice a tr() string that is not in the .ts files.
void TestTranslations::newStringIsNoticed()
{
    QTemporaryDir tmp;
    const QString source = tmp.filePath(QStringLiteral("extra.cpp"));
    QFile f(source);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("#include <QCoreApplication>\n"
            "QString f() { return QCoreApplication::translate(\"wfs::Probe\", "
            "\"A string nobody translated\"); }\n");
    f.close();
    QString error;
    const QList<Message> after =
        lupdatedCopy(wfs::test::sourceDir() + QStringLiteral("/translations/workflowstudio_de.ts"),
                     {source}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList problems = problemsOf(after);
    QVERIFY2(problems.size() == 1 &&
                 problems.front().contains(QLatin1String("A string nobody translated")) &&
                 problems.front().contains(QLatin1String("unfinished")),
             qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::compiledIntoResources_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::newRow("German") << QStringLiteral("de") << QStringLiteral("&File")
                            << QStringLiteral("&Datei");
    QTest::newRow("French") << QStringLiteral("fr") << QStringLiteral("&File")
                            << QStringLiteral("&Fichier");
}

void TestTranslations::compiledIntoResources()
{
    QFETCH(QString, language);
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const QString qm = QStringLiteral(":/i18n/workflowstudio_%1.qm").arg(language);
    QVERIFY2(QFile::exists(qm), qPrintable(qm));
    QTranslator translator;
    QVERIFY(translator.load(qm));
    QCOMPARE(translator.translate("wfs::MainWindow", file.toUtf8().constData()), expected);
    // What main() does for the setting ui/language.
    const QString loaded = wfs::studio::settings::installTranslators(qApp, language);
    QCOMPARE(loaded, language);
    QCOMPARE(QCoreApplication::translate("wfs::MainWindow", file.toUtf8().constData()), expected);
    for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
