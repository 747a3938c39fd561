// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// A scripted mcp::Backend for protocol tests: three workflows, tool calls that echo their
// arguments, a blocking mode (cancellation tests) and a throwing mode (-32603 tests).
#pragma once

#include "engine/mcp/backend.h"

#include <condition_variable>
#include <mutex>

namespace wfs::test {

class FakeBackend final : public mcp::Backend
{
public:
    ToolResult callTool(std::string_view name, const Json &arguments,
                        const CallContext &context) override
    {
        {
            std::unique_lock lock(m_mutex);
            ++m_calls;
            m_lastContext = context;
            m_cv.notify_all();
            m_cv.wait(lock, [this] { return !m_block; });
        }
        if (arguments.is_object() && arguments.contains("workflowJson") &&
            arguments["workflowJson"] == "boom")
            throw std::runtime_error("boom");
        if (name == "workflow_next" && !arguments.contains("workflowId"))
            return ToolResult::plainError("Error: workflowId parameter is required");
        Json payload = Json::object();
        payload["tool"] = std::string(name);
        payload["arguments"] = arguments;
        if (name == "workflow_next") {
            payload = Json::parse(
                R"({"step":null,"guidance":{"prompt":"Workflow complete."},"isComplete":true,"context":{}})");
        }
        return ToolResult::ok(payload);
    }
    std::vector<mcp::WorkflowInfo> workflows() override
    {
        return {{"alpha", "Alpha Flow", "First workflow", "1.0.0"},
                {"beta", "Beta Flow", "Second workflow", "0.1.0"},
                {"gamma", "", "", "0.0.1"}};
    }
    std::optional<Json> workflowDocument(std::string_view id) override
    {
        if (id != "alpha" && id != "beta" && id != "gamma")
            return std::nullopt;
        return Json::parse(R"({"id":")" + std::string(id) + R"(","name":"Alpha Flow",
            "description":"First workflow","version":"1.0.0",
            "preconditions":["A repository is open"],
            "steps":[{"id":"plan","title":"Plan the work","prompt":"Plan"},
                     {"id":"check","title":"Check","prompt":"c","runCondition":{"var":"x","equals":1}},
                     {"id":"each","type":"loop","title":"Do each item",
                      "loop":{"type":"forEach","items":"items","maxIterations":5},
                      "body":[{"id":"do","title":"Do it","prompt":"d"}]}]})");
    }
    Json workflowSchema() override { return Json::parse(R"({"type":"object"})"); }
    void setChangeCallback(std::function<void()> callback) override
    {
        m_changed = std::move(callback);
    }

    void fireChanged()
    {
        if (m_changed)
            m_changed();
    }
    void setBlocking(bool block)
    {
        std::lock_guard lock(m_mutex);
        m_block = block;
        m_cv.notify_all();
    }
    // Waits until `n` calls have started.
    void waitForCalls(int n)
    {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] { return m_calls >= n; });
    }
    int calls()
    {
        std::lock_guard lock(m_mutex);
        return m_calls;
    }
    CallContext lastContext()
    {
        std::lock_guard lock(m_mutex);
        return m_lastContext;
    }

private:
    std::function<void()> m_changed;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_block = false;
    int m_calls = 0;
    CallContext m_lastContext;
};

} // namespace wfs::test
