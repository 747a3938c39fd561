// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio mcp` over stdio, as an agent spawns it: framing, bad input, stdout hygiene, EOF and
// SIGTERM, concurrency, list_changed from a --workflows directory.
#include "jsoncompare.h"
#include "testutil.h"

#include "model/json.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using wfs::Json;

namespace {

QString wfstudio()
{
    return wfs::test::binaryDir() + QStringLiteral("/bin/wfstudio");
}

// A running `wfstudio mcp` with helpers to talk to it line by line.
class Server
{
public:
    explicit Server(QStringList extraArgs = {}, const QString &workDir = {})
    {
        m_process.setProgram(wfstudio());
        m_process.setArguments(QStringList{QStringLiteral("mcp")} + extraArgs);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("WORKFLOW_STORAGE_PATH"));
        m_process.setProcessEnvironment(env);
        if (!workDir.isEmpty())
            m_process.setWorkingDirectory(workDir);
        m_process.setReadChannel(QProcess::StandardOutput);
        m_process.start();
    }
    ~Server()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool started() { return m_process.waitForStarted(10000); }
    // Writes the line and waits until the pipe took all of it (waitForReadyRead alone would
    // only push one chunk per 100 ms poll, making a 10 MB line take a minute).
    void send(const QByteArray &line)
    {
        m_process.write(line + '\n');
        while (m_process.bytesToWrite() > 0 && m_process.waitForBytesWritten(10000)) {
        }
    }

    // The next stdout line (without '\n'), or an empty array after `timeoutMs`.
    QByteArray readLine(int timeoutMs = 10000)
    {
        QElapsedTimer t;
        t.start();
        for (;;) {
            m_pending += m_process.readAllStandardOutput();
            const qsizetype newline = m_pending.indexOf('\n');
            if (newline >= 0) {
                QByteArray line = m_pending.left(newline);
                m_pending.remove(0, newline + 1);
                return line;
            }
            if (t.elapsed() > timeoutMs || m_process.state() == QProcess::NotRunning)
                return QByteArray();
            m_process.waitForReadyRead(50);
        }
    }
    Json readJson(int timeoutMs = 10000)
    {
        const QByteArray line = readLine(timeoutMs);
        if (line.isEmpty())
            return Json();
        return Json::parse(line.toStdString(), nullptr, false);
    }
    // Reads lines until one is the response with `id` (collecting notifications on the way).
    Json response(const Json &id, std::vector<Json> *others = nullptr, int timeoutMs = 10000)
    {
        for (;;) {
            Json j = readJson(timeoutMs);
            if (j.is_null() || j.is_discarded())
                return Json();
            if (j.contains("id") && j["id"] == id)
                return j;
            if (others)
                others->push_back(std::move(j));
        }
    }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_pending; ///< stdout read but not yet returned as a line
};

const QByteArray kInit =
    "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
    "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"tst\",\"version\":\"1\"}}}";

} // namespace

class TestMcpStdio : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(wfstudio()), qPrintable(wfstudio() + " is not built"));
    }

    void initializeAndPing()
    {
        Server s;
        QVERIFY(s.started());
        s.send(kInit);
        const Json init = s.response(0);
        JCOMPARE(init["result"]["protocolVersion"], "2025-06-18");
        JCOMPARE(init["result"]["serverInfo"]["name"], "workflow-studio");
        s.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        s.send("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}\r"); // CRLF framing
        QCOMPARE(s.readLine(), QByteArray("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"result\":{}}"));
        s.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        const Json tools = s.response(2);
        JCOMPARE(tools["result"]["tools"].size(), std::size_t(6));
    }

    // Bad lines get an error with id null (or the readable id); the process keeps serving.
    void badInput_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("code");
        QTest::newRow("malformed JSON") << QByteArray("{not json") << -32700;
        QTest::newRow("truncated JSON")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\"") << -32700;
        QTest::newRow("invalid UTF-8")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\xc3\x28\"}") << -32700;
        QTest::newRow("100000-deep nesting")
            << (QByteArray(100000, '[') + QByteArray(100000, ']')) << -32700;
        QTest::newRow("not JSON-RPC") << QByteArray("{\"id\":99,\"method\":\"ping\"}") << -32600;
        QTest::newRow("17 MiB line")
            << (QByteArray("\"") + QByteArray(17 * 1024 * 1024, 'x') + "\"") << -32600;
    }
    void badInput()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, code);
        Server s;
        QVERIFY(s.started());
        s.send(line);
        const Json j = s.readJson(20000);
        QVERIFY2(j.is_object(), "an error line is expected");
        JCOMPARE(j["error"]["code"].get<int>(), code);
        s.send("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}");
        JCOMPARE(s.response(5)["result"], Json::object());
    }

    // A 10 MB message is read whole and answered.
    void tenMegabyteMessage()
    {
        Server s;
        QVERIFY(s.started());
        const QByteArray big = "{\"jsonrpc\":\"2.0\",\"id\":\"big\",\"method\":\"ping\",\"params\":"
                               "{\"_meta\":{\"pad\":\"" +
                               QByteArray(10 * 1000 * 1000, 'a') + "\"}}}";
        s.send(big);
        JCOMPARE(s.response("big", nullptr, 30000)["result"], Json::object());
    }

    // Everything on stdout is a JSON-RPC line; EOF ends the process with exit code 0 after
    // answering every request sent before it.
    void eofAnswersPendingThenExits()
    {
        Server s;
        QVERIFY(s.started());
        s.send(kInit);
        QByteArray burst;
        for (int i = 1; i <= 40; ++i)
            burst += "{\"jsonrpc\":\"2.0\",\"id\":" + QByteArray::number(i) +
                     ",\"method\":\"tools/"
                     "call\",\"params\":{\"name\":\"workflow_get_schema\",\"arguments\":{}}}" +
                     "\n";
        s.process().write(burst);
        s.process().closeWriteChannel();
        QVERIFY(s.process().waitForFinished(20000));
        QCOMPARE(s.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(s.process().exitCode(), 0);
        const QList<QByteArray> lines = s.process().readAllStandardOutput().split('\n');
        QSet<int> ids;
        for (const QByteArray &l : lines) {
            if (l.isEmpty())
                continue;
            const Json j = Json::parse(l.toStdString(), nullptr, false);
            QVERIFY2(!j.is_discarded() && j["jsonrpc"] == "2.0", l.left(200).constData());
            if (j["id"].is_number_integer())
                ids.insert(j["id"].get<int>());
        }
        JCOMPARE(ids.size(), 41); // initialize + 40 calls, each answered once
        // After EOF nothing more can be sent: the pipe is closed and the process is gone.
        QVERIFY(s.process().write("{}\n") <= 0);
    }

    void sigtermEndsCleanly()
    {
        Server s;
        QVERIFY(s.started());
        s.send(kInit);
        QVERIFY(s.response(0).is_object());
        ::kill(static_cast<pid_t>(s.process().processId()), SIGTERM);
        QVERIFY(s.process().waitForFinished(10000));
        QCOMPARE(s.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(s.process().exitCode(), 0);
    }

    // Requests in flight at once are all answered, one whole line each.
    void concurrentRequests()
    {
        Server s;
        QVERIFY(s.started());
        s.send(kInit);
        QVERIFY(s.response(0).is_object());
        QByteArray burst;
        for (int i = 1; i <= 200; ++i)
            burst += "{\"jsonrpc\":\"2.0\",\"id\":" + QByteArray::number(i) +
                     ",\"method\":\"tools/"
                     "call\",\"params\":{\"name\":\"workflow_list\",\"arguments\":{}}}" +
                     "\n";
        s.process().write(burst);
        QSet<int> ids;
        while (ids.size() < 200) {
            const Json j = s.readJson();
            QVERIFY2(j.is_object(), "every line is a whole JSON message");
            QVERIFY(j.contains("result"));
            ids.insert(j["id"].get<int>());
        }
    }

    // A workflow file written into a --workflows directory produces list_changed.
    void listChangedOnWorkflowFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Server s({QStringLiteral("--workflows"), dir.path()});
        QVERIFY(s.started());
        s.send(kInit);
        QVERIFY(s.response(0).is_object());
        s.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        s.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/list\"}");
        QVERIFY(s.response(1).contains("result"));
        QFile f(dir.path() + QStringLiteral("/stdio-probe.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"id\":\"stdio-probe\",\"name\":\"Stdio probe\",\"description\":\"written by "
                "tst_mcpstdio\",\"version\":\"1.0.0\",\"steps\":[{\"id\":\"step-one\",\"title\":"
                "\"One\",\"prompt\":\"Do one\"}]}");
        f.close();
        bool seen = false;
        for (int i = 0; i < 3 && !seen; ++i) {
            const Json j = s.readJson(5000);
            seen = j.is_object() && j.value("method", "") == "notifications/prompts/list_changed";
        }
        QVERIFY2(seen, "no notifications/prompts/list_changed within 15 s");
        s.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"prompts/"
               "get\",\"params\":{\"name\":\"stdio-probe\"}}");
        const Json get = s.response(2);
        QVERIFY2(get.contains("result"), get.dump().c_str());
    }
};

QTEST_GUILESS_MAIN(TestMcpStdio)
#include "tst_mcpstdio.moc"
