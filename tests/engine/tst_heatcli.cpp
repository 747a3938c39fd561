// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio heat ID --json` on a database written by a real runtime: three sessions take
// different paths through a conditional workflow (one validates badly once, two stop early);
// the command prints exactly the documented shape with their numbers, filters by client and
// time, and prints a readable table without --json.
#include "engine/runtime.h"
#include "engine/store/heatmap.h"
#include "model/jsonio.h"

#include "heatwalk.h"
#include "jsoncompare.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace wfs;

class TestHeatCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void json();
    void filters_data();
    void filters();
    void table();
    void usage();
    void storeOption_data();
    void storeOption();

private:
    QTemporaryDir m_dir;
    QString db() const { return m_dir.filePath(QStringLiteral("heat.db")); }
    QString workflows() const { return m_dir.filePath(QStringLiteral("workflows")); }
    // Runs wfstudio with a private HOME; `storeUrl` is WFS_STORE_URL ("" = unset).
    std::string run(const QStringList &args, int *exitCode, const QString &storeUrl = {}) const;
};

std::string TestHeatCli::run(const QStringList &args, int *exitCode, const QString &storeUrl) const
{
    const QString bin = test::binaryDir() + QStringLiteral("/bin/wfstudio");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.path());
    env.remove(QStringLiteral("WORKFLOW_STORAGE_PATH"));
    env.remove(QStringLiteral("WFS_STORE_URL"));
    if (!storeUrl.isEmpty())
        env.insert(QStringLiteral("WFS_STORE_URL"), storeUrl);
    p.setProcessEnvironment(env);
    p.start(bin, args);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
    }
    *exitCode = p.exitCode();
    return p.readAllStandardOutput().toStdString();
}

void TestHeatCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo::exists(test::binaryDir() + QStringLiteral("/bin/wfstudio")));
    QVERIFY(QDir().mkpath(workflows()));
    QFile f(workflows() + QStringLiteral("/heat-gate.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(test::kHeatGateWorkflow);
    f.close();

    Runtime::Options o;
    o.includeBundled = false;
    o.useStandardLocations = false;
    o.useEnvironment = false;
    o.watchFiles = false;
    o.workflowDirs = {workflows().toStdString()};
    o.databasePath = db().toStdString();
    o.warmLimit = 0;
    Runtime rt(o);
    const std::vector<test::HeatAgent> agents = test::heatAgents();
    const std::vector<std::vector<std::string>> paths = {
        {"start", "fast", "work", "work", "finish", ""},
        {"start", "slow"},
        {"start", "fast", "work"}};
    const char *clients[] = {"Claude Code (http:aa11)", "claude (stdio)", "studio"};
    for (std::size_t i = 0; i < agents.size(); ++i) {
        const CallContext ctx{"heat-" + std::to_string(i), clients[i]};
        const auto call = [&](const std::string &tool, const Json &args) {
            QTest::qWait(5); // think times above 0 ms
            const ToolResult r = rt.toolCall(tool, args, ctx);
            const ParsedJson parsed = parseJson(r.contentText());
            return parsed.ok ? parsed.value : Json();
        };
        QCOMPARE(test::walkHeat(call, "heat-gate", agents[i]), paths[i]);
    }
    rt.flush();
    // What the studio's heat map reads: the runtime's session store.
    QVERIFY(rt.sessionStore());
    const auto heat = store::computeHeat(*rt.sessionStore(), "heat-gate");
    QVERIFY2(heat, heat ? "" : heat.error().c_str());
    QCOMPARE(heat->sessions, 3);
}

void TestHeatCli::json()
{
    int code = -1;
    const std::string out =
        run({QStringLiteral("heat"), QStringLiteral("heat-gate"), QStringLiteral("--db"), db(),
             QStringLiteral("--workflows"), workflows(), QStringLiteral("--json")},
            &code);
    QCOMPARE(code, 0);
    const ParsedJson parsed = parseJson(out);
    QVERIFY2(parsed.ok && parsed.value.is_object(), out.c_str());
    const Json &j = parsed.value;
    // Exactly the documented keys.
    std::set<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it)
        keys.insert(it.key());
    QCOMPARE(keys, (std::set<std::string>{"workflowId", "sessions", "steps"}));
    JCOMPARE(j["workflowId"], Json("heat-gate"));
    JCOMPARE(j["sessions"], Json(3));
    const Json expected = Json::parse(test::kHeatGateExpected);
    QVERIFY(j["steps"].is_array());
    JCOMPARE(j["steps"].size(), expected.size());
    const std::set<std::string> stepKeys = {"id",         "reached",    "stoppedHere",
                                            "thinkP50Ms", "thinkP95Ms", "validationFailures",
                                            "loopPasses"};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Json &s = j["steps"][i];
        std::set<std::string> k;
        for (auto it = s.begin(); it != s.end(); ++it)
            k.insert(it.key());
        QCOMPARE(k, stepKeys);
        JCOMPARE(s["id"], expected[i][0]);
        JCOMPARE(s["reached"], expected[i][1]);
        JCOMPARE(s["stoppedHere"], expected[i][2]);
        JCOMPARE(s["validationFailures"], expected[i][3]);
        JCOMPARE(s["loopPasses"], expected[i][4]);
    }
    // Think times: measured where a later call followed (at least the 5 ms the agents wait),
    // null where none did (slow: abandoned there; the loop frame is never handed out itself).
    for (const int i : {0, 1, 4, 5}) {
        QVERIFY2(j["steps"][i]["thinkP50Ms"].is_number_integer(), j["steps"][i].dump().c_str());
        QVERIFY(j["steps"][i]["thinkP50Ms"].get<int>() >= 4);
        QVERIFY(j["steps"][i]["thinkP95Ms"].get<int>() >= j["steps"][i]["thinkP50Ms"].get<int>());
    }
    QVERIFY(j["steps"][2]["thinkP50Ms"].is_null());
    QVERIFY(j["steps"][3]["thinkP95Ms"].is_null());
}

void TestHeatCli::filters_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("sessions");
    QTest::addColumn<int>("reachedSlow");
    QTest::newRow("agent name") << QStringList{QStringLiteral("--client"),
                                               QStringLiteral("Claude Code")}
                                << 1 << 0;
    QTest::newRow("transport") << QStringList{QStringLiteral("--client"), QStringLiteral("stdio")}
                               << 1 << 1;
    QTest::newRow("studio") << QStringList{QStringLiteral("--client"), QStringLiteral("studio")}
                            << 1 << 0;
    QTest::newRow("nobody") << QStringList{QStringLiteral("--client"), QStringLiteral("nobody")}
                            << 0 << 0;
    QTest::newRow("last 10 minutes")
        << QStringList{QStringLiteral("--since"), QStringLiteral("10")} << 3 << 1;
}

void TestHeatCli::filters()
{
    QFETCH(QStringList, extra);
    QFETCH(int, sessions);
    QFETCH(int, reachedSlow);
    int code = -1;
    const std::string out = run(
        QStringList{QStringLiteral("heat"), QStringLiteral("heat-gate"), QStringLiteral("--db"),
                    db(), QStringLiteral("--workflows"), workflows(), QStringLiteral("--json")} +
            extra,
        &code);
    QCOMPARE(code, 0);
    const ParsedJson parsed = parseJson(out);
    QVERIFY2(parsed.ok, out.c_str());
    JCOMPARE(parsed.value["sessions"], Json(sessions));
    JCOMPARE(parsed.value["steps"][2]["id"], Json("slow"));
    JCOMPARE(parsed.value["steps"][2]["reached"], Json(reachedSlow));
}

void TestHeatCli::table()
{
    int code = -1;
    const std::string out =
        run({QStringLiteral("heat"), QStringLiteral("heat-gate"), QStringLiteral("--db"), db(),
             QStringLiteral("--workflows"), workflows()},
            &code);
    QCOMPARE(code, 0);
    const QStringList lines =
        QString::fromStdString(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 8, out.c_str()); // title, header, six steps
    QVERIFY(lines[0].startsWith(QStringLiteral("Heat map of heat-gate: 3 session(s)")));
    QVERIFY(lines[1].startsWith(QStringLiteral("step")));
    QVERIFY(lines[4].startsWith(QStringLiteral("slow ")));
    // slow: reached 1, stopped 1, no think time, no failures.
    QCOMPARE(lines[4].simplified(), QStringLiteral("slow 1 1 - - 0 0 0"));
    QCOMPARE(lines[3].simplified().section(QLatin1Char(' '), 5, 6), QStringLiteral("1 1"));
}

void TestHeatCli::usage()
{
    int code = -1;
    run({QStringLiteral("heat")}, &code);
    QCOMPARE(code, 2);
    run({QStringLiteral("heat"), QStringLiteral("x"), QStringLiteral("--since"),
         QStringLiteral("soon")},
        &code);
    QCOMPARE(code, 2);
    const std::string help = run({QStringLiteral("heat"), QStringLiteral("--help")}, &code);
    QCOMPARE(code, 0);
    QVERIFY(help.find("--client NAME") != std::string::npos);
    QVERIFY(help.find("--store URL") != std::string::npos);
    // --db and --store name two stores: which one?
    run({QStringLiteral("heat"), QStringLiteral("heat-gate"), QStringLiteral("--db"), db(),
         QStringLiteral("--store"), QStringLiteral("sqlite:") + db()},
        &code);
    QCOMPARE(code, 2);
    run({QStringLiteral("heat"), QStringLiteral("heat-gate"), QStringLiteral("--store"),
         QStringLiteral("mysql://h/db")},
        &code);
    QCOMPARE(code, 2);
}

// --store sqlite:PATH (and WFS_STORE_URL) read the same database as --db PATH.
void TestHeatCli::storeOption_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("environment"); ///< WFS_STORE_URL ("" = unset)
    QTest::newRow("--db") << QStringList{QStringLiteral("--db"), QStringLiteral("%db")}
                          << QString();
    QTest::newRow("--store") << QStringList{QStringLiteral("--store"), QStringLiteral("sqlite:%db")}
                             << QString();
    QTest::newRow("WFS_STORE_URL") << QStringList{} << QStringLiteral("sqlite:%db");
}

void TestHeatCli::storeOption()
{
    QFETCH(QStringList, args);
    QFETCH(QString, environment);
    args.replaceInStrings(QStringLiteral("%db"), db());
    environment.replace(QStringLiteral("%db"), db());
    int code = -1;
    const std::string out =
        run(QStringList{QStringLiteral("heat"), QStringLiteral("heat-gate"),
                        QStringLiteral("--workflows"), workflows(), QStringLiteral("--json")} +
                args,
            &code, environment);
    QCOMPARE(code, 0);
    const ParsedJson parsed = parseJson(out);
    QVERIFY2(parsed.ok, out.c_str());
    JCOMPARE(parsed.value["sessions"], Json(3));
}

QTEST_MAIN(TestHeatCli)
#include "tst_heatcli.moc"
