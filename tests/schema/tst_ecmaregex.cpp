// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// ECMAScript regex semantics on top of QRegularExpression: each row is what
// `new RegExp(pattern, flags).test(subject)` returns in Node (checked by hand), including the
// places where PCRE differs, and the patterns a JavaScript engine refuses.
#include "model/jsonschema/ecmaregex.h"
#include "testutil.h"

#include <QTest>

using namespace wfs::schema;

class TestEcmaRegex : public QObject
{
    Q_OBJECT

private slots:
    void test_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("flags");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<bool>("expected");
        auto row = [](const char *name, const char *p, const char *f, const QString &s, bool e) {
            QTest::newRow(name) << QString::fromUtf8(p) << QString::fromUtf8(f) << s << e;
        };
        row("dollar is end of input only", "^a$", "", QStringLiteral("a\n"), false);
        row("dollar at end", "^a$", "", QStringLiteral("a"), true);
        row("multiline dollar before newline", "^a$", "m", QStringLiteral("a\nb"), true);
        row("multiline caret after newline", "^b$", "m", QStringLiteral("a\nb"), true);
        row("dot excludes CR", "^.$", "", QStringLiteral("\r"), false);
        row("dot excludes U+2028", "^.$", "", QString(QChar(0x2028)), false);
        row("dotAll matches newline", "^.$", "s", QStringLiteral("\n"), true);
        row("dot matches astral as one char (u)", "^.$", "u", QStringLiteral("\U0001F600"), true);
        row("\\d is ASCII only", "^\\d$", "u", QString(QChar(0x0663)), false);
        row("\\w is ASCII only", "^\\w+$", "u", QStringLiteral("é"), false);
        row("\\s matches NBSP", "^\\s$", "u", QString(QChar(0x00A0)), true);
        row("\\s matches BOM", "^\\s$", "u", QString(QChar(0xFEFF)), true);
        row("\\S rejects NBSP", "^\\S$", "u", QString(QChar(0x00A0)), false);
        row("\\s inside class", "^[\\sa]+$", "u", QStringLiteral("a a\t"), true);
        row("\\v is vertical tab", "^\\v$", "u", QStringLiteral("\v"), true);
        row("\\v is not newline", "^\\v$", "u", QStringLiteral("\n"), false);
        row("\\u escape", "^\\u0041$", "u", QStringLiteral("A"), true);
        row("\\u{} escape", "^\\u{1F600}$", "u", QStringLiteral("\U0001F600"), true);
        row("surrogate pair escape", "^\\uD83D\\uDE00$", "", QStringLiteral("\U0001F600"), true);
        row("[^] matches anything", "^[^]$", "", QStringLiteral("\n"), true);
        row("[] matches nothing", "[]", "", QStringLiteral("abc"), false);
        row("case insensitive", "^abc$", "i", QStringLiteral("ABC"), true);
        row("sticky anchors at 0", "b", "y", QStringLiteral("ab"), false);
        row("not anchored by default", "a+", "", QStringLiteral("xxaayy"), true);
        row("literal substring", "needle", "", QStringLiteral("haystack with needle"), true);
        row("native id class", "^[a-z0-9-]+$", "u", QStringLiteral("step-1"), true);
        row("native id class rejects upper", "^[a-z0-9-]+$", "u", QStringLiteral("Step-1"), false);
        row("native id class rejects empty", "^[a-z0-9-]+$", "u", QString(), false);
        row("native identifier parens", "^[a-zA-Z_][a-zA-Z0-9_]*\\(\\)$", "u",
            QStringLiteral("doIt()"), true);
        row("native identifier parens missing", "^[a-zA-Z_][a-zA-Z0-9_]*\\(\\)$", "u",
            QStringLiteral("doIt"), false);
        row("overlapping classes need backtracking", "^[a-z]*a$", "u", QStringLiteral("bba"), true);
        row("counted quantifier", "^a{2,3}$", "u", QStringLiteral("aaaa"), false);
        row("non-ASCII not in ASCII class", "^[a-z]+$", "u", QStringLiteral("aé"), false);
        row("semver prerelease", "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9a-z.]+)?$",
            "u", QStringLiteral("1.2.3-rc.1"), true);
        row("semver leading zero", "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$", "u",
            QStringLiteral("01.2.3"), false);
        row("backreference", "^(a)\\1$", "u", QStringLiteral("aa"), true);
        row("named group", "^(?<x>a)\\k<x>$", "u", QStringLiteral("aa"), true);
        row("lookbehind", "(?<=a)b", "u", QStringLiteral("ab"), true);
        row("brace literal without u", "a{", "", QStringLiteral("a{"), true);
        row("identity escape without u", "\\Z", "", QStringLiteral("Z"), true);
    }
    void test()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, flags);
        QFETCH(QString, subject);
        QFETCH(bool, expected);
        wfs::Result<EcmaRegexFlags> f = parseEcmaRegexFlags(flags.toStdString());
        WFS_VERIFY_RESULT(f);
        wfs::Result<EcmaPattern> p = EcmaPattern::compile(pattern.toStdString(), *f);
        WFS_VERIFY_RESULT(p);
        QCOMPARE(p->test(subject.toStdString()), expected);
    }

    // Patterns JavaScript rejects (with the `u` flag, as ajv compiles "pattern").
    void invalid_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::newRow("\\Z anchor (.NET)") << QStringLiteral("^a\\Z");
        QTest::newRow("\\A anchor") << QStringLiteral("\\Aa");
        QTest::newRow("inline flags") << QStringLiteral("(?i)abc");
        QTest::newRow("unclosed class") << QStringLiteral("[a-");
        QTest::newRow("unclosed group") << QStringLiteral("^(abc]");
        QTest::newRow("double quantifier") << QStringLiteral("a**");
        QTest::newRow("quantified anchor") << QStringLiteral("^*a");
        QTest::newRow("lone brace (u)") << QStringLiteral("a{");
        QTest::newRow("unmatched paren") << QStringLiteral("a)");
        QTest::newRow("bad \\u (u)") << QStringLiteral("\\u12");
        QTest::newRow("escaped hyphen outside class (u)") << QStringLiteral("a\\-b");
    }
    void invalid()
    {
        QFETCH(QString, pattern);
        EcmaRegexFlags flags;
        flags.unicode = true;
        QVERIFY(!EcmaPattern::compile(pattern.toStdString(), flags).ok());
    }

    void flags_data()
    {
        QTest::addColumn<QString>("flags");
        QTest::addColumn<bool>("ok");
        QTest::newRow("all valid") << QStringLiteral("dgimsuy") << true;
        QTest::newRow("empty") << QString() << true;
        QTest::newRow("unknown x") << QStringLiteral("x") << false;
        QTest::newRow("repeated g") << QStringLiteral("gg") << false;
    }
    void flags()
    {
        QFETCH(QString, flags);
        QFETCH(bool, ok);
        QCOMPARE(parseEcmaRegexFlags(flags.toStdString()).ok(), ok);
    }

    // The native matcher is used for the common id patterns (no UTF-16 conversion).
    void nativeFastPath()
    {
        EcmaRegexFlags flags;
        flags.unicode = true;
        QVERIFY(EcmaPattern::compile("^[a-z0-9-]+$", flags)->isNative());
        QVERIFY(EcmaPattern::compile("^[a-zA-Z_][a-zA-Z0-9_]*$", flags)->isNative());
        QVERIFY(!EcmaPattern::compile("^[a-z]*a$", flags)->isNative());
        QVERIFY(!EcmaPattern::compile("^(a|b)$", flags)->isNative());
    }
};

QTEST_GUILESS_MAIN(TestEcmaRegex)
#include "tst_ecmaregex.moc"
