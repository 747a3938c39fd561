// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// stdio framing: '\n'-terminated lines (a trailing '\r' is dropped), blank lines skipped, lines
// over the limit answered with -32600 and discarded. The reader polls the input and a wake pipe
// so that stop() interrupts a blocking read. Writes loop until the whole line is out; a failed
// write (the client went away) ends the server like EOF does.
#include "stdioserver.h"

#include <QMetaObject>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wfs::mcp {

namespace {

// Methods that may take a while (they reach the engine) run on the worker pool.
bool runsOnWorker(const Json &message)
{
    if (!message.is_object())
        return false;
    const auto method = message.find("method");
    if (method == message.end() || !method->is_string() || !message.contains("id"))
        return false;
    const std::string &m = method->get_ref<const std::string &>();
    return m == "tools/call" || m == "prompts/get" || m == "prompts/list" ||
           m == "resources/list" || m == "resources/read";
}

} // namespace

struct StdioServer::Private
{
    Dispatcher &dispatcher;
    Options options;
    StdioServer *q = nullptr;
    std::shared_ptr<Session> session;

    std::thread reader;
    std::vector<std::thread> workers;
    int wakePipe[2] = {-1, -1};
    std::atomic<bool> stopping{false};
    std::atomic<bool> outputBroken{false};
    std::atomic<bool> answeredOnce{false};
    bool started = false;

    std::mutex writeMutex;

    std::mutex queueMutex;
    std::condition_variable queueCv;
    std::condition_variable idleCv;
    std::deque<std::function<void()>> queue;
    std::size_t running = 0;
    bool workersQuit = false;

    Private(Dispatcher &dispatcherRef, Options opts)
        : dispatcher(dispatcherRef)
        , options(opts)
    {}

    // Writes `line` plus '\n' whole (appends the newline in place).
    void write(std::string &line);
    void writeMessage(const Json &message)
    {
        std::string line;
        line.reserve(512);
        appendSerialized(line, message);
        write(line);
    }
    void readLoop();
    void handleLine(std::string_view line);
    // Inline mode: answers of the lines of one read() collected here (reader thread only),
    // written with one write() when the chunk is done.
    std::string batch;
    void appendToBatch(const Json &message)
    {
        appendSerialized(batch, message);
        batch += '\n';
    }
    void flushBatch()
    {
        if (batch.empty())
            return;
        batch.pop_back(); // write() adds the last '\n' itself
        write(batch);
        batch.clear();
        // Kept up to 8 MB: workflow_list at 5,000 workflows is ~2.5 MB per answer, and a
        // buffer regrown for every answer costs a fresh mapping and its page faults each time.
        if (batch.capacity() > 8u * 1024u * 1024u)
            batch.shrink_to_fit();
    }
    void submit(std::function<void()> job);
    void workerLoop();
    void waitIdle();
};

void StdioServer::Private::write(std::string &buffer)
{
    if (buffer.empty() || outputBroken.load())
        return;
    buffer += '\n';
    std::lock_guard lock(writeMutex);
    const char *p = buffer.data();
    std::size_t left = buffer.size();
    while (left > 0) {
        const ssize_t n = ::write(options.outputFd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN) {
                pollfd pfd{options.outputFd, POLLOUT, 0};
                ::poll(&pfd, 1, 1000);
                continue;
            }
            outputBroken = true;
            // Nobody reads our answers any more: stop reading requests too.
            stopping = true;
            const char byte = 1;
            [[maybe_unused]] const ssize_t w = ::write(wakePipe[1], &byte, 1);
            return;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (!answeredOnce.exchange(true)) {
        QMetaObject::invokeMethod(
            q, [this] { emit q->firstAnswerWritten(); }, Qt::QueuedConnection);
    }
}

void StdioServer::Private::submit(std::function<void()> job)
{
    {
        std::lock_guard lock(queueMutex);
        queue.push_back(std::move(job));
    }
    queueCv.notify_one();
}

void StdioServer::Private::workerLoop()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(queueMutex);
            queueCv.wait(lock, [this] { return workersQuit || !queue.empty(); });
            if (queue.empty())
                return;
            job = std::move(queue.front());
            queue.pop_front();
            ++running;
        }
        job();
        {
            std::lock_guard lock(queueMutex);
            --running;
        }
        idleCv.notify_all();
    }
}

void StdioServer::Private::waitIdle()
{
    std::unique_lock lock(queueMutex);
    idleCv.wait(lock, [this] { return queue.empty() && running == 0; });
}

void StdioServer::Private::handleLine(std::string_view line)
{
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos)
        return;
    Dispatcher::Parsed parsed = Dispatcher::parse(line);
    if (!parsed.ok) {
        appendToBatch(parsed.errorResponse);
        return;
    }
    if (options.workers <= 0) {
        const Emit notify = [this](const Json &m) { appendToBatch(m); };
        const Json reply =
            dispatcher.handle(*session, parsed.value, notify, Dispatcher::Output::Wire);
        if (!reply.is_null())
            appendToBatch(reply);
        if (batch.size() > 256u * 1024u)
            flushBatch();
        return;
    }
    const Emit notify = [this](const Json &m) { writeMessage(m); };
    if (runsOnWorker(parsed.value)) {
        auto message = std::make_shared<Json>(std::move(parsed.value));
        submit([this, message, notify] {
            const Json reply =
                dispatcher.handle(*session, *message, notify, Dispatcher::Output::Wire);
            if (!reply.is_null())
                writeMessage(reply);
        });
        return;
    }
    const Json reply = dispatcher.handle(*session, parsed.value, notify, Dispatcher::Output::Wire);
    if (!reply.is_null())
        writeMessage(reply);
}

void StdioServer::Private::readLoop()
{
    std::string pending;
    bool discarding = false; // inside an over-long line
    std::vector<char> chunk(64 * 1024);
    while (!stopping.load()) {
        pollfd fds[2] = {{options.inputFd, POLLIN, 0}, {wakePipe[0], POLLIN, 0}};
        const int rc = ::poll(fds, 2, -1);
        if (rc < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (fds[1].revents != 0)
            break;
        if (fds[0].revents == 0)
            continue;
        const ssize_t n = ::read(options.inputFd, chunk.data(), chunk.size());
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            break;
        }
        if (n == 0)
            break; // EOF
        std::size_t start = 0;
        const std::string_view data(chunk.data(), static_cast<std::size_t>(n));
        while (start < data.size()) {
            const std::size_t nl = data.find('\n', start);
            const std::string_view piece = data.substr(
                start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
            if (!discarding && pending.empty() && nl != std::string_view::npos &&
                piece.size() <= options.maxLineBytes) {
                handleLine(piece); // the whole line is in this chunk: no copy
                start = nl + 1;
                if (stopping.load())
                    break;
                continue;
            }
            if (!discarding) {
                if (pending.size() + piece.size() > options.maxLineBytes) {
                    discarding = true;
                    pending.clear();
                    pending.shrink_to_fit();
                } else {
                    pending.append(piece);
                }
            }
            if (nl == std::string_view::npos)
                break;
            if (discarding) {
                appendToBatch(makeError(nullptr, ErrorCode::InvalidRequest,
                                        "Invalid Request: message longer than " +
                                            std::to_string(options.maxLineBytes) + " bytes"));
                discarding = false;
            } else {
                handleLine(pending);
            }
            pending.clear();
            start = nl + 1;
            if (stopping.load())
                break;
        }
        flushBatch(); // every answer to this chunk's lines, in one write()
    }
    // A last line without '\n' before EOF is still a message.
    if (!stopping.load() && !discarding && !pending.empty())
        handleLine(pending);
    flushBatch();
    waitIdle();
    QMetaObject::invokeMethod(
        q, [this] { emit q->finished(); }, Qt::QueuedConnection);
}

StdioServer::StdioServer(Dispatcher &dispatcher, QObject *parent)
    : StdioServer(dispatcher, Options(), parent)
{}

StdioServer::StdioServer(Dispatcher &dispatcher, Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(dispatcher, options))
{
    d->q = this;
    d->session = dispatcher.createSession("stdio", "stdio-" + randomHexId());
    d->session->setSink([p = d.get()](const Json &m) { p->writeMessage(m); });
    if (::pipe2(d->wakePipe, O_CLOEXEC) != 0) {
        d->wakePipe[0] = d->wakePipe[1] = -1;
    }
}

StdioServer::~StdioServer()
{
    stop();
    if (d->reader.joinable())
        d->reader.join();
    {
        std::lock_guard lock(d->queueMutex);
        d->workersQuit = true;
    }
    d->queueCv.notify_all();
    for (std::thread &t : d->workers) {
        if (t.joinable())
            t.join();
    }
    d->session->setSink({});
    d->dispatcher.closeSession(d->session->id());
    for (int fd : d->wakePipe) {
        if (fd >= 0)
            ::close(fd);
    }
}

void StdioServer::start()
{
    assert(!d->started && "StdioServer::start() called twice");
    d->started = true;
    // A large answer (workflow_list at 5,000 workflows: ~2.5 MB) crosses a 64 KB pipe in 40
    // wake-ups of the reader; a 1 MB pipe (Linux's default maximum) needs 3. Best effort.
    struct ::stat st
    {};
    if (::fstat(d->options.outputFd, &st) == 0 && S_ISFIFO(st.st_mode))
        (void)::fcntl(d->options.outputFd, F_SETPIPE_SZ, 1 << 20);
    for (int i = 0; i < d->options.workers; ++i)
        d->workers.emplace_back([p = d.get()] { p->workerLoop(); });
    d->reader = std::thread([p = d.get()] { p->readLoop(); });
}

void StdioServer::stop()
{
    if (d->stopping.exchange(true))
        return;
    if (d->wakePipe[1] >= 0) {
        const char byte = 1;
        [[maybe_unused]] const ssize_t w = ::write(d->wakePipe[1], &byte, 1);
    }
}

std::shared_ptr<Session> StdioServer::session() const
{
    return d->session;
}

} // namespace wfs::mcp
