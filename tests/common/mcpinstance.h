// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// A real `wfstudio mcp --http` process and a blocking MCP client for it, for tests that drive
// one or several instances as an agent (or a round-robin balancer in front of them) would.
//
//   McpInstance a({"--store", url});          // wfstudio mcp --http 127.0.0.1:0 --store url
//   QVERIFY2(a.start(&why), qPrintable(why));  // waits for "listening on"
//   McpClient c;
//   c.initialize(a.port());
//   const NextAnswer r = c.tool(a.port(), "workflow_list", Json::object());
//   a.kill();                                  // SIGKILL, as a crash would
#pragma once

#include "testutil.h"

#include "model/json.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QThread>

#include <string>

namespace wfs::test {

struct HttpAnswer
{
    int status = 0;                       ///< 0: no answer (connection refused, timeout)
    QMap<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;                      ///< de-chunked
};

// One request on a fresh connection ("Connection: close"); reads until the server closes it.
inline HttpAnswer httpRequest(quint16 port, const QByteArray &method, const QByteArray &path,
                              const QByteArray &body,
                              const QList<QPair<QByteArray, QByteArray>> &headers = {},
                              int timeoutMs = 10000)
{
    HttpAnswer answer;
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(timeoutMs))
        return answer;
    QByteArray req = method + " " + path +
                     " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                     "\r\nConnection: close\r\n";
    for (const auto &[k, v] : headers)
        req += k + ": " + v + "\r\n";
    req += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    socket.write(req);
    QByteArray raw;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (socket.waitForReadyRead(100))
            raw += socket.readAll();
        else if (socket.state() != QAbstractSocket::ConnectedState)
            break;
    }
    raw += socket.readAll();
    const int headerEnd = raw.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return answer;
    const QList<QByteArray> lines = raw.left(headerEnd).split('\n');
    answer.status = lines[0].split(' ').value(1).toInt();
    for (int i = 1; i < lines.size(); ++i) {
        const int colon = lines[i].indexOf(':');
        if (colon > 0)
            answer.headers[lines[i].left(colon).trimmed().toLower()] =
                lines[i].mid(colon + 1).trimmed();
    }
    QByteArray rest = raw.mid(headerEnd + 4);
    if (answer.headers.value("transfer-encoding") == "chunked") {
        QByteArray out;
        int pos = 0;
        while (pos < rest.size()) {
            const int eol = rest.indexOf("\r\n", pos);
            if (eol < 0)
                break;
            bool ok = false;
            const int size = rest.mid(pos, eol - pos).trimmed().toInt(&ok, 16);
            if (!ok || size == 0)
                break;
            out += rest.mid(eol + 2, size);
            pos = eol + 2 + size + 2;
        }
        rest = out;
    }
    answer.body = rest;
    return answer;
}

// The JSON-RPC message of an answer: the body, or the last `data:` line of an SSE body.
inline Json jsonRpcOf(const HttpAnswer &answer)
{
    QByteArray text = answer.body;
    if (answer.headers.value("content-type").startsWith("text/event-stream")) {
        text.clear();
        for (const QByteArray &line : answer.body.split('\n')) {
            if (line.startsWith("data:") && line.mid(5).trimmed().startsWith('{'))
                text = line.mid(5).trimmed();
        }
    }
    return Json::parse(text.toStdString(), nullptr, false);
}

// What a tool answered, as a client reads it: isError and content[0].text.
struct ToolAnswer
{
    int status = 0; ///< HTTP status of the POST
    bool isError = false;
    std::string text; ///< content[0].text, or the JSON-RPC error's message
    Json message;     ///< the whole JSON-RPC answer
};

class McpClient
{
public:
    QByteArray sessionId;
    QByteArray token;
    int nextId = 1;

    QList<QPair<QByteArray, QByteArray>> headers() const
    {
        QList<QPair<QByteArray, QByteArray>> h{{"Content-Type", "application/json"},
                                               {"Accept", "application/json, text/event-stream"}};
        using Field = QPair<QByteArray, QByteArray>;
        if (!sessionId.isEmpty())
            h.append(Field("Mcp-Session-Id", sessionId));
        if (!token.isEmpty())
            h.append(Field("Authorization", "Bearer " + token));
        if (!sessionId.isEmpty())
            h.append(Field("MCP-Protocol-Version", "2025-06-18"));
        return h;
    }

    HttpAnswer post(quint16 port, const Json &message) const
    {
        return httpRequest(port, "POST", "/mcp", QByteArray::fromStdString(message.dump()),
                           headers());
    }

    // initialize + notifications/initialized; true when a session id came back.
    bool initialize(quint16 port, const std::string &clientName = "fleet-test")
    {
        sessionId.clear();
        const HttpAnswer a =
            post(port, Json{{"jsonrpc", "2.0"},
                            {"id", nextId++},
                            {"method", "initialize"},
                            {"params",
                             {{"protocolVersion", "2025-06-18"},
                              {"capabilities", Json::object()},
                              {"clientInfo", {{"name", clientName}, {"version", "1"}}}}}});
        if (a.status != 200)
            return false;
        sessionId = a.headers.value("mcp-session-id");
        if (sessionId.isEmpty())
            return false;
        const HttpAnswer n =
            post(port, Json{{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}});
        return n.status == 202;
    }

    ToolAnswer tool(quint16 port, const std::string &name, const Json &arguments)
    {
        ToolAnswer out;
        const HttpAnswer a =
            post(port, Json{{"jsonrpc", "2.0"},
                            {"id", nextId++},
                            {"method", "tools/call"},
                            {"params", {{"name", name}, {"arguments", arguments}}}});
        out.status = a.status;
        out.message = jsonRpcOf(a);
        if (!out.message.is_object()) {
            out.isError = true;
            out.text = "HTTP " + std::to_string(a.status) + ": " + a.body.toStdString();
            return out;
        }
        if (out.message.contains("error")) {
            out.isError = true;
            out.text = out.message["error"].value("message", std::string());
            return out;
        }
        const Json &result = out.message["result"];
        out.isError = result.value("isError", false);
        if (result.contains("content") && result["content"].is_array() &&
            !result["content"].empty())
            out.text = result["content"][0].value("text", std::string());
        return out;
    }
};

// `wfstudio mcp --http 127.0.0.1:PORT ARGS...` (PORT 0 = any free one, read back from its
// "listening on" line).
class McpInstance
{
public:
    explicit McpInstance(QStringList args = {}, quint16 port = 0)
        : m_args(std::move(args))
        , m_port(port)
    {}
    ~McpInstance() { stop(); }
    McpInstance(const McpInstance &) = delete;
    McpInstance &operator=(const McpInstance &) = delete;

    bool start(QString *why, int timeoutMs = 20000)
    {
        stop();
        m_stderr.clear();
        m_process = std::make_unique<QProcess>();
        QStringList args{QStringLiteral("mcp"), QStringLiteral("--http"),
                         QStringLiteral("127.0.0.1:%1").arg(m_port)};
        args += m_args;
        m_process->start(binaryDir() + QStringLiteral("/bin/wfstudio"), args);
        if (!m_process->waitForStarted(5000)) {
            *why = QStringLiteral("wfstudio did not start: ") + m_process->errorString();
            return false;
        }
        static const QRegularExpression listening(
            QStringLiteral("listening on http://[^:]+:(\\d+)/"));
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            m_process->waitForReadyRead(100);
            m_stderr += m_process->readAllStandardError();
            const auto match = listening.match(QString::fromUtf8(m_stderr));
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                // Ready when /health says so (the runtime is built after the listener starts).
                while (timer.elapsed() < timeoutMs) {
                    if (httpRequest(m_port, "GET", "/health", {}).status == 200)
                        return true;
                    QThread::msleep(50);
                }
                *why = QStringLiteral("never healthy: ") + QString::fromUtf8(m_stderr);
                return false;
            }
            if (m_process->state() == QProcess::NotRunning)
                break;
        }
        *why = QStringLiteral("wfstudio mcp did not listen: ") + QString::fromUtf8(m_stderr);
        return false;
    }

    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }

    void stop()
    {
        if (!m_process)
            return;
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(10000))
                kill();
        }
        m_stderr += m_process->readAllStandardError();
    }

    quint16 port() const { return m_port; }
    QByteArray stderrText()
    {
        if (m_process)
            m_stderr += m_process->readAllStandardError();
        return m_stderr;
    }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

private:
    QStringList m_args;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_stderr;
};

} // namespace wfs::test
