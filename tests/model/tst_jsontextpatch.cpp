// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Lossless saving (patchJsonText): every row gives the original text, the new value and the
// exact text expected; the property tests run over the WorkRail corpus and the bundled
// workflows: the unchanged value gives the same bytes, one changed title changes one line, and
// random edits always parse back to exactly the new value.
#include "model/jsonio.h"
#include "model/jsontextpatch.h"
#include "testutil.h"

#include <QDirIterator>
#include <QRandomGenerator>
#include <QTest>

using namespace wfs;

namespace {

Json parsed(const QByteArray &text)
{
    const ParsedJson p = parseJson(text.toStdString());
    if (!p.ok)
        qFatal("test data is not JSON: %s", text.constData());
    return p.value;
}

QList<QByteArray> linesOf(const QByteArray &text)
{
    return text.split('\n');
}

// Lines of `b` that differ from `a` (same number of lines assumed); -1 when the counts differ.
int changedLines(const QByteArray &a, const QByteArray &b)
{
    const QList<QByteArray> la = linesOf(a);
    const QList<QByteArray> lb = linesOf(b);
    if (la.size() != lb.size())
        return -1;
    int changed = 0;
    for (qsizetype i = 0; i < la.size(); ++i)
        changed += la[i] != lb[i];
    return changed;
}

QStringList workflowFiles()
{
    QStringList files;
    for (const QString &dir : {wfs::test::sharedDir() + QStringLiteral("/workrail/workflows"),
                               wfs::test::sourceDir() + QStringLiteral("/resources/workflows")}) {
        QDirIterator it(dir, {QStringLiteral("*.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    files.sort();
    return files;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every pointer in `v` (containers and scalars), in document order.
void collectPointers(const Json &v, const std::string &at, std::vector<std::string> &out)
{
    out.push_back(at);
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it)
            collectPointers(it.value(), pointerAppend(at, it.key()), out);
    } else if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i)
            collectPointers(v[i], pointerAppend(at, i), out);
    }
}

Json randomValue(QRandomGenerator &rng, int depth = 0)
{
    switch (rng.bounded(depth > 1 ? 6 : 8)) {
    case 0:
        return nullptr;
    case 1:
        return rng.bounded(2) == 1;
    case 2:
        return static_cast<std::int64_t>(rng.bounded(2000)) - 1000;
    case 3:
        return rng.bounded(1000) / 8.0;
    case 4:
        return std::string("tab\there \"quoted\" \\ caf\xC3\xA9 \xF0\x9F\x98\x80 line\nnext");
    case 5:
        return "word-" + std::to_string(rng.bounded(100));
    case 6: {
        Json o = Json::object();
        for (int i = 0, n = static_cast<int>(rng.bounded(4)); i < n; ++i)
            o["k" + std::to_string(i)] = randomValue(rng, depth + 1);
        return o;
    }
    default: {
        Json a = Json::array();
        for (int i = 0, n = static_cast<int>(rng.bounded(4)); i < n; ++i)
            a.push_back(randomValue(rng, depth + 1));
        return a;
    }
    }
}

// One random edit of `doc`: change a value, add or remove a member, insert, remove or move an
// array element. Returns a description for failure messages.
std::string randomEdit(Json &doc, QRandomGenerator &rng)
{
    std::vector<std::string> pointers;
    collectPointers(doc, "", pointers);
    const std::string at = pointers[rng.bounded(static_cast<quint32>(pointers.size()))];
    Json &target = doc[Json::json_pointer(at)];
    const int op = static_cast<int>(rng.bounded(6));
    if (op == 0 && !at.empty()) {
        target = randomValue(rng);
        return "replace " + at;
    }
    if (target.is_object()) {
        if (op % 2 == 1 && !target.empty()) {
            auto it = target.begin();
            std::advance(it, rng.bounded(static_cast<quint32>(target.size())));
            const std::string key = it.key();
            target.erase(key);
            return "remove " + pointerAppend(at, key);
        }
        const std::string key = "added" + std::to_string(rng.bounded(1000));
        target[key] = randomValue(rng);
        return "add " + pointerAppend(at, key);
    }
    if (target.is_array()) {
        auto &a = target.get_ref<Json::array_t &>();
        const auto pick = [&](std::size_t n) { return rng.bounded(static_cast<quint32>(n)); };
        if (op <= 2 || a.empty()) {
            const std::size_t i = pick(a.size() + 1);
            a.insert(a.begin() + static_cast<std::ptrdiff_t>(i), randomValue(rng));
            return "insert " + pointerAppend(at, i);
        }
        const std::size_t from = pick(a.size());
        if (op == 3) {
            a.erase(a.begin() + static_cast<std::ptrdiff_t>(from));
            return "erase " + pointerAppend(at, from);
        }
        Json moved = a[from];
        a.erase(a.begin() + static_cast<std::ptrdiff_t>(from));
        const std::size_t to = pick(a.size() + 1);
        a.insert(a.begin() + static_cast<std::ptrdiff_t>(to), std::move(moved));
        return "move " + pointerAppend(at, from) + " to " + std::to_string(to);
    }
    if (!at.empty()) {
        target = randomValue(rng);
        return "replace " + at;
    }
    return "none";
}

} // namespace

class TestJsonTextPatch : public QObject
{
    Q_OBJECT
private slots:
    void patch_data();
    void patch();
    void newFileIsFormatted();
    void invalidOriginalIsFormatted();
    void detectStyle_data();
    void detectStyle();
    void corpusUnchangedIsIdentical();
    void corpusTitleChangeIsOneLine();
    void corpusRandomEditsParseBack();
};

void TestJsonTextPatch::patch_data()
{
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<QByteArray>("value"); // the new value, as compact JSON
    QTest::addColumn<QByteArray>("expected");

    const QByteArray ab = "{\n    \"a\": 1,\n    \"b\": \"x\",\n    \"c\": true\n}\n";
    QTest::newRow("unchanged") << ab << QByteArray(R"({"a":1,"b":"x","c":true})") << ab;
    QTest::newRow("scalar change")
        << ab << QByteArray(R"({"a":2,"b":"x","c":true})")
        << QByteArray("{\n    \"a\": 2,\n    \"b\": \"x\",\n    \"c\": true\n}\n");
    QTest::newRow("string with escapes")
        << ab << QByteArray(R"({"a":1,"b":"say \"hi\"\n\tthen \\ go","c":true})")
        << QByteArray(
               "{\n    \"a\": 1,\n    \"b\": \"say \\\"hi\\\"\\n\\tthen \\\\ go\",\n    \"c\": "
               "true\n}\n");
    QTest::newRow("member added at start")
        << ab << QByteArray(R"({"z":null,"a":1,"b":"x","c":true})")
        << QByteArray("{\n    \"z\": null,\n    \"a\": 1,\n    \"b\": \"x\",\n    \"c\": true\n}\n");
    QTest::newRow("member added in the middle")
        << ab << QByteArray(R"({"a":1,"z":null,"b":"x","c":true})")
        << QByteArray("{\n    \"a\": 1,\n    \"z\": null,\n    \"b\": \"x\",\n    \"c\": true\n}\n");
    QTest::newRow("member added at end")
        << ab << QByteArray(R"({"a":1,"b":"x","c":true,"z":[1,{"k":2}]})")
        << QByteArray("{\n    \"a\": 1,\n    \"b\": \"x\",\n    \"c\": true,\n    \"z\": [\n"
                      "        1,\n        {\n            \"k\": 2\n        }\n    ]\n}\n");
    QTest::newRow("member removed at start")
        << ab << QByteArray(R"({"b":"x","c":true})")
        << QByteArray("{\n    \"b\": \"x\",\n    \"c\": true\n}\n");
    QTest::newRow("member removed in the middle")
        << ab << QByteArray(R"({"a":1,"c":true})")
        << QByteArray("{\n    \"a\": 1,\n    \"c\": true\n}\n");
    QTest::newRow("member removed at end")
        << ab << QByteArray(R"({"a":1,"b":"x"})")
        << QByteArray("{\n    \"a\": 1,\n    \"b\": \"x\"\n}\n");
    QTest::newRow("members reordered")
        << ab << QByteArray(R"({"c":true,"a":1,"b":"x"})")
        << QByteArray("{\n    \"c\": true,\n    \"a\": 1,\n    \"b\": \"x\"\n}\n");
    QTest::newRow("everything removed") << ab << QByteArray("{}") << QByteArray("{}\n");

    const QByteArray xs = "{\n  \"xs\": [\n    \"a\",\n    \"b\",\n    \"c\"\n  ]\n}\n";
    QTest::newRow("array insert at start")
        << xs << QByteArray(R"({"xs":["n","a","b","c"]})")
        << QByteArray("{\n  \"xs\": [\n    \"n\",\n    \"a\",\n    \"b\",\n    \"c\"\n  ]\n}\n");
    QTest::newRow("array insert in the middle")
        << xs << QByteArray(R"({"xs":["a","n","b","c"]})")
        << QByteArray("{\n  \"xs\": [\n    \"a\",\n    \"n\",\n    \"b\",\n    \"c\"\n  ]\n}\n");
    QTest::newRow("array append")
        << xs << QByteArray(R"({"xs":["a","b","c","n"]})")
        << QByteArray("{\n  \"xs\": [\n    \"a\",\n    \"b\",\n    \"c\",\n    \"n\"\n  ]\n}\n");
    QTest::newRow("array delete first")
        << xs << QByteArray(R"({"xs":["b","c"]})")
        << QByteArray("{\n  \"xs\": [\n    \"b\",\n    \"c\"\n  ]\n}\n");
    QTest::newRow("array delete last")
        << xs << QByteArray(R"({"xs":["a","b"]})")
        << QByteArray("{\n  \"xs\": [\n    \"a\",\n    \"b\"\n  ]\n}\n");
    QTest::newRow("array move")
        << xs << QByteArray(R"({"xs":["c","a","b"]})")
        << QByteArray("{\n  \"xs\": [\n    \"c\",\n    \"a\",\n    \"b\"\n  ]\n}\n");
    QTest::newRow("array element changed")
        << xs << QByteArray(R"({"xs":["a","B","c"]})")
        << QByteArray("{\n  \"xs\": [\n    \"a\",\n    \"B\",\n    \"c\"\n  ]\n}\n");
    QTest::newRow("array emptied") << xs << QByteArray(R"({"xs":[]})")
                                   << QByteArray("{\n  \"xs\": []\n}\n");
    QTest::newRow("empty array filled")
        << QByteArray("{\n    \"xs\": []\n}") << QByteArray(R"({"xs":[1,2]})")
        << QByteArray("{\n    \"xs\": [\n        1,\n        2\n    ]\n}");

    // Steps: an element that moved and was edited keeps its own text (matched by id).
    const QByteArray steps = "{\n    \"steps\": [\n        {\n            \"id\": \"one\",\n"
                             "            \"title\": \"One\"\n        },\n        {\n"
                             "            \"id\": \"two\",\n            \"title\": \"Two\"\n"
                             "        }\n    ]\n}\n";
    QTest::newRow("nested field")
        << steps << QByteArray(R"({"steps":[{"id":"one","title":"First"},{"id":"two","title":"Two"}]})")
        << QByteArray(steps).replace("\"One\"", "\"First\"");
    QTest::newRow("nested insert before an edited step")
        << steps
        << QByteArray(
               R"({"steps":[{"id":"one","title":"One"},{"id":"new"},{"id":"two","title":"2"}]})")
        << QByteArray("{\n    \"steps\": [\n        {\n            \"id\": \"one\",\n"
                      "            \"title\": \"One\"\n        },\n        {\n"
                      "            \"id\": \"new\"\n        },\n        {\n"
                      "            \"id\": \"two\",\n            \"title\": \"2\"\n"
                      "        }\n    ]\n}\n");
    QTest::newRow("type change formatted at its indentation")
        << steps
        << QByteArray(
               R"({"steps":[{"id":"one","title":{"en":"One","de":"Eins"}},{"id":"two","title":"Two"}]})")
        << QByteArray(steps).replace(
               "\"title\": \"One\"",
               "\"title\": {\n                \"en\": \"One\",\n                \"de\": \"Eins\"\n"
               "            }");

    QTest::newRow("CRLF")
        << QByteArray("{\r\n    \"a\": 1,\r\n    \"b\": 2\r\n}\r\n")
        << QByteArray(R"({"a":1,"b":3,"c":[true]})")
        << QByteArray(
               "{\r\n    \"a\": 1,\r\n    \"b\": 3,\r\n    \"c\": [\r\n        true\r\n    ]\r\n}\r\n");
    QTest::newRow("tabs")
        << QByteArray("{\n\t\"a\": {\n\t\t\"b\": 1\n\t}\n}\n")
        << QByteArray(R"({"a":{"b":1,"c":{"d":2}}})")
        << QByteArray("{\n\t\"a\": {\n\t\t\"b\": 1,\n\t\t\"c\": {\n\t\t\t\"d\": 2\n\t\t}\n\t}\n}\n");
    QTest::newRow("no trailing newline")
        << QByteArray("{\n  \"a\": 1\n}") << QByteArray(R"({"a":2})")
        << QByteArray("{\n  \"a\": 2\n}");
    QTest::newRow("blank lines kept")
        << QByteArray("{\n    \"a\": 1,\n\n    \"b\": 2,\n\n    \"c\": 3\n}\n")
        << QByteArray(R"({"a":1,"b":20,"c":3})")
        << QByteArray("{\n    \"a\": 1,\n\n    \"b\": 20,\n\n    \"c\": 3\n}\n");
    QTest::newRow("key spacing kept")
        << QByteArray("{\n  \"a\" : 1,\n  \"b\" : 2\n}\n") << QByteArray(R"({"a":1,"b":2,"c":3})")
        << QByteArray("{\n  \"a\" : 1,\n  \"b\" : 2,\n  \"c\" : 3\n}\n");

    const QByteArray oneLine =
        "{\n    \"run\": { \"var\": \"x\", \"equals\": 1 },\n    \"tags\": [\"a\", \"b\"]\n}\n";
    QTest::newRow("one-line object changed inside")
        << oneLine << QByteArray(R"({"run":{"var":"x","equals":2},"tags":["a","b"]})")
        << QByteArray(oneLine).replace("\"equals\": 1", "\"equals\": 2");
    QTest::newRow("one-line object gains a member")
        << oneLine << QByteArray(R"({"run":{"var":"x","equals":1,"not":true},"tags":["a","b"]})")
        << QByteArray(oneLine).replace("\"equals\": 1 }", "\"equals\": 1, \"not\": true }");
    QTest::newRow("one-line array gains a nested value")
        << oneLine << QByteArray(R"({"run":{"var":"x","equals":1},"tags":["a","b",{"k":[1]}]})")
        << QByteArray(oneLine).replace("\"b\"]", "\"b\", { \"k\": [1] }]");
    QTest::newRow("one-line array that grows long goes on lines")
        << oneLine
        << QByteArray(R"({"run":{"var":"x","equals":1},"tags":["a","b",")" +
                      QByteArray(100, 'z') + R"("]})")
        << QByteArray(oneLine).replace("[\"a\", \"b\"]",
                                       "[\n        \"a\",\n        \"b\",\n        \"" +
                                           QByteArray(100, 'z') + "\"\n    ]");

    // Longer than kOneLineLimit already: edits keep it on one line.
    const QByteArray description = R"("description":")" + QByteArray(90, 'd') + R"(",)";
    const QByteArray minified =
        R"({"id":"m",)" + description + R"("steps":[{"id":"a","title":"A"},{"id":"b"}]})";
    QTest::newRow("minified file stays minified")
        << minified
        << QByteArray(R"({"id":"m",)" + description + R"("steps":[{"id":"a","title":")" +
                      QByteArray(120, 'x') + R"("},{"id":"b","n":[1,{"k":true}]}]})")
        << QByteArray(R"({"id":"m",)" + description + R"("steps":[{"id":"a","title":")" +
                      QByteArray(120, 'x') + R"("},{"id":"b","n":[1,{"k":true}]}]})");

    const QByteArray numbers =
        "{\"a\": 1.0, \"b\": 1e3, \"c\": -0, \"d\": 1E+2, \"e\": 5, \"f\": 0.50}";
    QTest::newRow("number spellings kept")
        << numbers << QByteArray(R"({"a":1.0,"b":1000.0,"c":-0.0,"d":100.0,"e":6,"f":0.5})")
        << QByteArray(numbers).replace("\"e\": 5", "\"e\": 6");
    QTest::newRow("integer becoming a float is rewritten")
        << numbers << QByteArray(R"({"a":1.0,"b":1000.0,"c":-0.0,"d":100.0,"e":5.0,"f":0.5})")
        << QByteArray(numbers).replace("\"e\": 5", "\"e\": 5.0");
    QTest::newRow("float becoming an integer is rewritten")
        << numbers << QByteArray(R"({"a":1,"b":1000.0,"c":-0.0,"d":100.0,"e":5,"f":0.5})")
        << QByteArray(numbers).replace("\"a\": 1.0", "\"a\": 1");

    const QByteArray unicode = "{\n  \"a\": \"caf\\u00e9 \\ud83d\\ude00 \\/\",\n  \"b\": \"x\"\n}\n";
    QTest::newRow("unicode escapes kept")
        << unicode << QByteArray("{\"a\":\"caf\xC3\xA9 \xF0\x9F\x98\x80 /\",\"b\":\"y\"}")
        << QByteArray(unicode).replace("\"x\"", "\"y\"");
    QTest::newRow("byte order mark kept")
        << QByteArray("\xEF\xBB\xBF{\n  \"a\": 1\n}\n") << QByteArray(R"({"a":2})")
        << QByteArray("\xEF\xBB\xBF{\n  \"a\": 2\n}\n");
    QTest::newRow("root replaced")
        << QByteArray("  [1, 2]  \n") << QByteArray(R"({"a":1})")
        << QByteArray("  {\n    \"a\": 1\n  }  \n");
}

void TestJsonTextPatch::patch()
{
    QFETCH(QByteArray, original);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);
    const Json v = parsed(value);
    const QByteArray out = QByteArray::fromStdString(patchJsonText(original.toStdString(), v));
    QCOMPARE(out, expected);
    QCOMPARE(QByteArray::fromStdString(parsed(out).dump()), QByteArray::fromStdString(v.dump()));
}

void TestJsonTextPatch::newFileIsFormatted()
{
    const Json v = parsed(R"({"id":"x","steps":[{"id":"a","n":1.5}]})");
    QCOMPARE(patchJsonText({}, v), formatJsonForSave(v));
}

void TestJsonTextPatch::invalidOriginalIsFormatted()
{
    const Json v = parsed(R"({"id":"x"})");
    QCOMPARE(patchJsonText("{\"id\": ", v), formatJsonForSave(v));
    QCOMPARE(patchJsonText("[1, 2] trailing", v), formatJsonForSave(v));
}

void TestJsonTextPatch::detectStyle_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("indent");
    QTest::addColumn<QString>("newline");
    QTest::addColumn<QString>("colon");
    QTest::newRow("4 spaces") << QByteArray("{\n    \"a\": [\n        1\n    ]\n}\n")
                              << QStringLiteral("    ") << QStringLiteral("\n")
                              << QStringLiteral(": ");
    QTest::newRow("tab, CRLF") << QByteArray("{\r\n\t\"a\":1\r\n}") << QStringLiteral("\t")
                               << QStringLiteral("\r\n") << QStringLiteral(":");
    QTest::newRow("one line") << QByteArray("{\"a\" : 1}") << QStringLiteral("  ")
                              << QStringLiteral("\n") << QStringLiteral(" : ");
}

void TestJsonTextPatch::detectStyle()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, indent);
    QFETCH(QString, newline);
    QFETCH(QString, colon);
    const JsonTextStyle s = detectJsonTextStyle(text.toStdString());
    QCOMPARE(QString::fromStdString(s.indent), indent);
    QCOMPARE(QString::fromStdString(s.newline), newline);
    QCOMPARE(QString::fromStdString(s.colon), colon);
}

void TestJsonTextPatch::corpusUnchangedIsIdentical()
{
    WFS_REQUIRE_SHARED();
    const QStringList files = workflowFiles();
    QVERIFY(files.size() > 10);
    for (const QString &file : files) {
        const QByteArray text = readAll(file);
        const ParsedJson p = parseJson(text.toStdString());
        if (!p.ok)
            continue;
        const QByteArray out = QByteArray::fromStdString(patchJsonText(text.toStdString(), p.value));
        QVERIFY2(out == text, qPrintable(file));
    }
}

void TestJsonTextPatch::corpusTitleChangeIsOneLine()
{
    WFS_REQUIRE_SHARED();
    int checked = 0;
    for (const QString &file : workflowFiles()) {
        const QByteArray text = readAll(file);
        const ParsedJson p = parseJson(text.toStdString());
        if (!p.ok || !p.value.is_object() || !p.value.contains("steps") ||
            !p.value["steps"].is_array())
            continue;
        for (std::size_t i = 0; i < p.value["steps"].size(); ++i) {
            Json edited = p.value;
            Json &step = edited["steps"][i];
            if (!step.is_object() || !step.contains("title"))
                continue;
            step["title"] = "Renamed \"step\" \xE2\x80\x94 " + std::to_string(i);
            const QByteArray out =
                QByteArray::fromStdString(patchJsonText(text.toStdString(), edited));
            QVERIFY2(changedLines(text, out) == 1,
                     qPrintable(QStringLiteral("%1 step %2: %3 lines changed")
                                    .arg(file)
                                    .arg(i)
                                    .arg(changedLines(text, out))));
            QVERIFY(parsed(out) == edited);
            ++checked;
        }
    }
    QVERIFY(checked > 50);
}

void TestJsonTextPatch::corpusRandomEditsParseBack()
{
    WFS_REQUIRE_SHARED();
    QRandomGenerator rng(20261203);
    int edits = 0;
    for (const QString &file : workflowFiles()) {
        QByteArray text = readAll(file);
        const ParsedJson p = parseJson(text.toStdString());
        if (!p.ok)
            continue;
        const QByteArray original = text;
        Json doc = p.value;
        // A session of edits, saved after each one (each save patches the previous text).
        for (int round = 0; round < 40; ++round) {
            const std::string what = randomEdit(doc, rng);
            text = QByteArray::fromStdString(patchJsonText(text.toStdString(), doc));
            const ParsedJson back = parseJson(text.toStdString());
            QVERIFY2(back.ok && back.value.dump() == doc.dump(),
                     qPrintable(QStringLiteral("%1 after %2 (round %3)")
                                    .arg(file, QString::fromStdString(what))
                                    .arg(round)));
            // Patching the file as loaded gives the same value too.
            const ParsedJson fromOriginal =
                parseJson(patchJsonText(original.toStdString(), doc));
            QVERIFY2(fromOriginal.ok && fromOriginal.value.dump() == doc.dump(),
                     qPrintable(file + QStringLiteral(" from the original, after ") +
                                QString::fromStdString(what)));
            ++edits;
        }
    }
    QVERIFY(edits > 400);
}

QTEST_MAIN(TestJsonTextPatch)
#include "tst_jsontextpatch.moc"
