// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Sessions: tool calls recorded in their session (and its JSON round trip); many threads
// calling the engine at once get one thread's answers, one session each.
#include "enginefixtures.h"

#include "engine/session.h"

#include <QTest>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

using namespace wfs;
using wfs::test::dropKey;
using wfs::test::parse;
using wfs::test::sharedEngine;

class TestSessions : public QObject
{
    Q_OBJECT
private slots:
    void sessionsRecordCalls();
    void concurrentCalls();
    void sharedStoreContinuesAcrossInstances();
};

namespace {

// A store shared by several SessionManagers (the team server's PostgreSQL, in memory here):
// the sink writes the session as JSON, the loader reads it back.
struct SharedMemoryStore
{
    std::mutex mutex;
    std::map<std::string, Json> rows;
    int loads = 0;

    struct Sink : SessionSink
    {
        SharedMemoryStore *store;
        explicit Sink(SharedMemoryStore *s)
            : store(s)
        {}
        void sessionSaved(const Session &session) override
        {
            std::lock_guard lock(store->mutex);
            store->rows[session.id] = session.toJson();
        }
        void sessionRemoved(const std::string &id) override
        {
            std::lock_guard lock(store->mutex);
            store->rows.erase(id);
        }
    };

    void attach(SessionManager &manager)
    {
        manager.setSink(std::make_shared<Sink>(this));
        manager.setWriteBehind(true);
        manager.setSharedStore([this](const std::string &id) -> std::optional<Session> {
            std::lock_guard lock(mutex);
            ++loads;
            const auto it = rows.find(id);
            if (it == rows.end())
                return std::nullopt;
            return Session::fromJson(it->second);
        });
    }
};

} // namespace

// Calls of one session alternate between three managers (instances behind a round-robin
// balancer), each flushing before the next call: the session's call count, validations and
// outputs continue across them instead of restarting on every instance.
void TestSessions::sharedStoreContinuesAcrossInstances()
{
    SharedMemoryStore store;
    SessionManager a, b, c;
    store.attach(a);
    store.attach(b);
    store.attach(c);
    SessionManager *instances[] = {&a, &b, &c};
    const std::string id = "shared-1";
    for (int n = 0; n < 9; ++n) {
        SessionManager &m = *instances[n % 3];
        const Json args = {{"workflowId", "w"},
                           {"stepId", "s" + std::to_string(n)},
                           {"output", "out " + std::to_string(n)}};
        m.recordCall(id, "http:shared", "workflow_validate", args, Json{{"valid", true}}, false);
        m.flushPending();
        // Flushed: no instance keeps a copy that could go stale.
        QVERIFY(!m.get(id));
    }
    std::lock_guard lock(store.mutex);
    const std::optional<Session> s = Session::fromJson(store.rows.at(id));
    QVERIFY(s);
    QCOMPARE(s->calls, 9);
    QCOMPARE(s->validations.size(), std::size_t(9));
    QCOMPARE(s->outputs.size(), std::size_t(9));
    QCOMPARE(s->client, std::string("http:shared"));
    QCOMPARE(store.loads, 9);
    // Without a shared store the same alternation restarts the session on each instance.
    SessionManager x, y;
    x.recordCall("local", "c", "workflow_validate", {{"stepId", "a"}, {"output", 1}}, Json{},
                 false);
    y.recordCall("local", "c", "workflow_validate", {{"stepId", "b"}, {"output", 2}}, Json{},
                 false);
    QCOMPARE(y.get("local")->calls, 1);
}

void TestSessions::sessionsRecordCalls()
{
    WFS_REQUIRE_SHARED();
    auto engine = sharedEngine();
    int updates = 0;
    connect(&engine->sessions(), &SessionManager::sessionUpdated, this, [&] { ++updates; });
    const std::string id = engine->sessions().create("probe-multi-for", "studio");
    const CallContext cc{id, "studio"};
    engine->callTool("workflow_next",
                     {{"workflowId", "probe-multi-for"}, {"completedSteps", {"start"}}}, cc);
    engine->callTool("workflow_validate",
                     {{"workflowId", "probe-multi-for"}, {"stepId", "start"}, {"output", "done"}},
                     cc);
    const auto s = engine->sessions().get(id);
    QVERIFY(s.has_value());
    QCOMPARE(s->calls, 2);
    QVERIFY(s->currentStep["id"] == "body-a");
    QVERIFY(s->context["iter"] == 1);
    QVERIFY(s->outputs["start"] == Json::array({"done"}));
    QCOMPARE(updates, 2);
    const auto round = Session::fromJson(s->toJson());
    QVERIFY(round.has_value());
    QVERIFY(round->toJson() == s->toJson());
}

// Many threads calling the engine at once get the same answers as one thread.
void TestSessions::concurrentCalls()
{
    WFS_REQUIRE_SHARED();
    auto engine = sharedEngine();
    const std::vector<std::pair<std::string, Json>> calls = {
        {"workflow_next",
         {{"workflowId", "probe-multi-for"},
          {"completedSteps", {"start", "body-a", "body-b", "body-a"}}}},
        {"workflow_next",
         {{"workflowId", "coding-task-workflow-with-loops"}, {"completedSteps", Json::array()}}},
        {"workflow_validate",
         {{"workflowId", "probe-validate"}, {"stepId", "v-multi"}, {"output", "A"}}},
        {"workflow_get", {{"id", "probe-blocked"}}},
        {"workflow_list", Json::object()},
    };
    std::vector<std::string> expected;
    for (const auto &[tool, args] : calls) {
        Json p = engine->callTool(tool, args).payload;
        dropKey(p, "started");
        expected.push_back(p.dump());
    }
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 300; ++i) {
                const std::size_t k = static_cast<std::size_t>(t + i) % calls.size();
                Json p =
                    engine
                        ->callTool(calls[k].first, calls[k].second, {"s-" + std::to_string(t), "t"})
                        .payload;
                dropKey(p, "started");
                if (p.dump() != expected[k])
                    ++mismatches;
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    QCOMPARE(mismatches.load(), 0);
    QCOMPARE(int(engine->sessions().list().size()), 8);
}

QTEST_GUILESS_MAIN(TestSessions)
#include "tst_sessions.moc"
