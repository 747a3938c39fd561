// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The stdio transport: one JSON-RPC message per line on a file descriptor pair (stdin/stdout
// by default). A reader thread frames and parses lines. By default (workers = 0) it answers
// every line itself, in order, and writes the answers to all the lines of one read() with one
// write(): a stdio client is one agent, and on a small machine thread hand-offs cost more than
// the calls (about 10 µs each). With workers > 0, tools/call and the prompt/resource methods
// run on that many threads instead (answers may then come out of order, which JSON-RPC allows,
// and a notifications/cancelled can overtake a running call). Every message is written whole,
// as one line, under one lock, so answers never interleave. Nothing but protocol lines is
// ever written to the output descriptor.
//
//   mcp::StdioServer server(dispatcher);
//   QObject::connect(&server, &mcp::StdioServer::finished, &app, &QCoreApplication::quit);
//   server.start();          // returns at once
//   app.exec();              // finished() comes after EOF (all answers written) or stop()
#pragma once

#include "dispatcher.h"

#include <QObject>

#include <cstddef>
#include <memory>

namespace wfs::mcp {

class StdioServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int inputFd = 0;                                ///< read end (not closed by us)
        int outputFd = 1;                               ///< write end (not closed by us)
        int workers = 0;                                ///< tool-call threads (0 = inline)
        std::size_t maxLineBytes = 16u * 1024u * 1024u; ///< longer lines get -32600
    };

    explicit StdioServer(Dispatcher &dispatcher, QObject *parent = nullptr);
    StdioServer(Dispatcher &dispatcher, Options options, QObject *parent = nullptr);
    // Stops reading, waits for running requests, joins every thread.
    ~StdioServer() override;

    // Starts the reader and worker threads. Call once.
    void start();
    // Stops reading new lines; requests already read are still answered, then finished().
    // Thread-safe and async-signal-unsafe (call it from a normal thread).
    void stop();

    // The session of this connection (its id is the engine session id of the calls).
    std::shared_ptr<Session> session() const;

signals:
    // Input ended (EOF, read error, closed output or stop()) and every answer was written.
    // Emitted once, delivered in this object's thread.
    void finished();
    // The first answer (normally to initialize) was written. Emitted once, delivered in this
    // object's thread: a good moment to start expensive set-up such as loading workflows.
    void firstAnswerWritten();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace wfs::mcp
