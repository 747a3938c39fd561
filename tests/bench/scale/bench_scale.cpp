// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// bench_scale: the MCP server at 100 / 1,000 / 5,000 workflows (issue #17). For each size it
// writes a folder of workflows of 12 steps (~5 KB each) into a temporary directory and drives
// the real `wfstudio mcp --workflows DIR` over stdio, as an agent does:
//   init_ms        spawn -> the answer to `initialize` (median of 5 spawns)
//   first_list_ms  spawn -> the answer to the first `workflow_list` (sent right after
//                  initialize; waits for the workflows to load; median of 5 spawns)
//   p50_ms/p99_ms  workflow_list round trips on a loaded server (request written -> answer line
//                  read whole); each answer is the snapshot's precomputed text (an L1 hit)
//   rss_loaded_MB  the server's resident set once loaded (after one workflow_get metadata)
//   rss_listed_MB  the server's resident set after the workflow_list calls
// The benchmark's own time is the list round trip (manual time). Run:
//   build/bin/bench_scale                      # all three sizes
//   build/bin/bench_scale --benchmark_filter=BM_Scale/5000/
#include "engine/metrics/processstats.h"

#include <benchmark/benchmark.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

double ms(Clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

std::string sentence(int seed, int words)
{
    static const char *const kWords[] = {
        "review",  "the",      "change",  "against", "its",     "tests",   "and",    "note",
        "every",   "risk",     "before",  "moving",  "on",      "keep",    "each",   "finding",
        "short",   "concrete", "with",    "a",       "file",    "and",     "line",   "where",
        "it",      "applies",  "explain", "why",     "matters", "propose", "a",      "fix",
        "measure", "latency",  "memory",  "budget",  "module",  "service", "schema", "config"};
    std::string out;
    unsigned x = unsigned(seed) * 2654435761u + 12345u;
    for (int i = 0; i < words; ++i) {
        x = x * 1103515245u + 12345u;
        if (i)
            out += ' ';
        out += kWords[(x >> 16) % (sizeof kWords / sizeof *kWords)];
    }
    return out;
}

// One workflow of 12 steps: prompts, roles, guidance, a run condition, validation rules.
std::string workflowText(int n)
{
    char id[32];
    std::snprintf(id, sizeof id, "scale-wf-%05d", n);
    std::string s = std::string("{\n  \"id\": \"") + id + "\",\n  \"name\": \"Scale workflow " +
                    std::to_string(n) + "\",\n  \"description\": \"" + sentence(n, 18) +
                    "\",\n  \"version\": \"1.0.0\",\n  \"steps\": [\n";
    for (int i = 0; i < 12; ++i) {
        s += "    {\"id\": \"step-" + std::to_string(i + 1) + "\", \"title\": \"" +
             sentence(n * 31 + i, 5) + "\",\n     \"prompt\": \"" + sentence(n * 17 + i, 45) +
             "\",\n     \"agentRole\": \"" + sentence(n * 13 + i, 10) +
             "\",\n     \"guidance\": [\"" + sentence(n * 7 + i, 9) + "\", \"" +
             sentence(n * 5 + i, 8) + "\"]";
        if (i == 4)
            s += ",\n     \"runCondition\": {\"var\": \"mode\", \"equals\": \"full\"}";
        if (i == 6)
            s += ",\n     \"validationCriteria\": [{\"type\": \"contains\", \"value\": \"done\", "
                 "\"message\": \"Say done.\"}]";
        s += i == 11 ? "}\n" : "},\n";
    }
    s += "  ]\n}\n";
    return s;
}

class Server
{
public:
    Server(const std::string &dir, const std::string &home)
    {
        int in[2], out[2];
        if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0)
            throw std::runtime_error("pipe");
        start = Clock::now();
        m_pid = ::fork();
        if (m_pid == 0) {
            ::dup2(in[0], 0);
            ::dup2(out[1], 1);
            const int devnull = ::open("/dev/null", O_WRONLY);
            ::dup2(devnull, 2);
            ::setenv("HOME", home.c_str(), 1);
            ::unsetenv("WORKFLOW_STORAGE_PATH");
            if (::chdir(home.c_str()) != 0)
                ::_exit(127);
            const std::string db = home + "/bench.db";
            ::execl(WFS_WFSTUDIO_PATH, WFS_WFSTUDIO_PATH, "mcp", "--workflows", dir.c_str(), "--db",
                    db.c_str(), static_cast<char *>(nullptr));
            ::_exit(127);
        }
        ::close(in[0]);
        ::close(out[1]);
        m_in = in[1];
        m_out = out[0];
    }
    ~Server()
    {
        ::close(m_in);
        ::close(m_out);
        ::kill(m_pid, SIGTERM);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
    }
    void send(const std::string &line)
    {
        const std::string l = line + "\n";
        std::size_t done = 0;
        while (done < l.size()) {
            const ssize_t n = ::write(m_in, l.data() + done, l.size() - done);
            if (n <= 0)
                throw std::runtime_error("write");
            done += std::size_t(n);
        }
    }
    // The next line the server writes (without '\n').
    std::string readLine()
    {
        for (;;) {
            const auto nl = m_buffer.find('\n', m_scanned);
            if (nl != std::string::npos) {
                std::string line = m_buffer.substr(0, nl);
                m_buffer.erase(0, nl + 1);
                m_scanned = 0;
                return line;
            }
            m_scanned = m_buffer.size();
            static char chunk[1 << 20];
            pollfd pfd{m_out, POLLIN, 0};
            if (::poll(&pfd, 1, 60000) <= 0)
                throw std::runtime_error("server silent for 60 s");
            const ssize_t n = ::read(m_out, chunk, sizeof chunk);
            if (n <= 0)
                throw std::runtime_error("server closed its output");
            m_buffer.append(chunk, std::size_t(n));
        }
    }
    // Sends a request and reads lines up to its answer (by id).
    std::string call(int id, const std::string &method, const std::string &params)
    {
        send(R"({"jsonrpc":"2.0","id":)" + std::to_string(id) + R"(,"method":")" + method +
             R"(","params":)" + params + "}");
        const std::string want = "\"id\":" + std::to_string(id) + ",";
        for (;;) {
            std::string line = readLine();
            if (line.find(want) != std::string::npos)
                return line;
        }
    }
    void initialize()
    {
        call(0, "initialize",
             R"({"protocolVersion":"2025-06-18","capabilities":{},)"
             R"("clientInfo":{"name":"bench_scale","version":"1"}})");
        send(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    }
    double rssMB() const
    {
        const std::uint64_t bytes = wfs::metrics::rssBytesOf(m_pid);
        return bytes ? double(bytes) / double(1 << 20) : -1;
    }
    Clock::time_point start;

private:
    pid_t m_pid = -1;
    int m_in = -1;
    int m_out = -1;
    std::string m_buffer;
    std::size_t m_scanned = 0;
};

const std::string kList = R"({"name":"workflow_list","arguments":{}})";

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    if (v.empty())
        return 0;
    const std::size_t rank = std::size_t(std::max(1.0, std::ceil(p * double(v.size()))));
    return v[std::min(v.size(), rank) - 1];
}

void BM_Scale(benchmark::State &state)
{
    const int count = int(state.range(0));
    QTemporaryDir tmp;
    const std::string dir = (tmp.path() + QStringLiteral("/workflows-%1").arg(count)).toStdString();
    const std::string home = (tmp.path() + QStringLiteral("/home")).toStdString();
    QDir().mkpath(QString::fromStdString(dir));
    QDir().mkpath(QString::fromStdString(home));
    std::size_t bytes = 0;
    for (int i = 0; i < count; ++i) {
        char name[64];
        std::snprintf(name, sizeof name, "/scale-wf-%05d.json", i);
        QFile f(QString::fromStdString(dir + name));
        if (!f.open(QIODevice::WriteOnly)) {
            state.SkipWithError("cannot write the corpus");
            return;
        }
        const std::string text = workflowText(i);
        bytes += text.size();
        f.write(text.data(), qint64(text.size()));
    }

    try {
        // Start-up: spawn -> initialize answer, and spawn -> first workflow_list answer.
        std::vector<double> init, firstList;
        for (int run = 0; run < 5; ++run) {
            Server s(dir, home);
            s.initialize();
            init.push_back(ms(Clock::now() - s.start));
            const std::string list = s.call(1, "tools/call", kList);
            firstList.push_back(ms(Clock::now() - s.start));
            if (list.find("scale-wf-00000") == std::string::npos) {
                state.SkipWithError("workflow_list does not list the corpus");
                return;
            }
        }

        Server s(dir, home);
        s.initialize();
        s.call(1, "tools/call",
               R"({"name":"workflow_get","arguments":{"id":"scale-wf-00000","mode":"metadata"}})");
        const double rssLoaded = s.rssMB();
        std::vector<double> samples;
        std::size_t answerBytes = 0;
        int id = 10;
        for (auto _ : state) {
            const auto t0 = Clock::now();
            const std::string answer = s.call(id++, "tools/call", kList);
            const double d = ms(Clock::now() - t0);
            state.SetIterationTime(d / 1000.0);
            samples.push_back(d);
            answerBytes = answer.size();
        }
        state.counters["p50_ms"] = percentile(samples, 0.50);
        state.counters["p99_ms"] = percentile(samples, 0.99);
        state.counters["init_ms"] = median(init);
        state.counters["first_list_ms"] = median(firstList);
        state.counters["rss_loaded_MB"] = rssLoaded;
        state.counters["rss_listed_MB"] = s.rssMB();
        state.counters["answer_KB"] = double(answerBytes) / 1024.0;
        state.counters["corpus_KB"] = double(bytes) / 1024.0;
    } catch (const std::exception &e) {
        state.SkipWithError(e.what());
    }
}

} // namespace

BENCHMARK(BM_Scale)
    ->Arg(100)
    ->Arg(1000)
    ->Arg(5000)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(200);

BENCHMARK_MAIN();
