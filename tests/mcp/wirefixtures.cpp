// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Fixtures of tst_mcpdispatcher's wire tests (kept out of the moc'ed file: Qt 6.4's moc
// mishandles some raw string literals).
#include "wirefixtures.h"

namespace wfs::test {

const std::vector<std::pair<const char *, const char *>> &wireRequests()
{
    static const std::vector<std::pair<const char *, const char *>> requests = {
        {"tools/list", R"({"jsonrpc":"2.0","id":5,"method":"tools/list"})"},
        {"workflow_list",
         R"({"jsonrpc":"2.0","id":"a","method":"tools/call","params":{"name":"workflow_list"}})"},
        {"workflow_get", R"({"jsonrpc":"2.0","id":6,"method":"tools/call","params":)"
                         R"({"name":"workflow_get","arguments":{"id":"release-checklist"}}})"},
        {"workflow_next",
         R"({"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"workflow_next",)"
         R"("arguments":{"workflowId":"release-checklist","completedSteps":[]}}})"},
        {"workflow_validate",
         R"({"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":)"
         R"("workflow_validate","arguments":{"workflowId":"release-checklist",)"
         R"("stepId":"nope","output":"x"}}})"},
        {"unknown workflow (isError)",
         R"({"jsonrpc":"2.0","id":9,"method":"tools/call","params":)"
         R"({"name":"workflow_get","arguments":{"id":"no-such-flow"}}})"},
    };
    return requests;
}

std::string initializeRequest(const std::string &version)
{
    return R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":")" +
           version + R"(","capabilities":{}}})";
}

std::pair<Json, std::string> rawJsonMessage()
{
    Json message = Json{{"a", rawJson(R"({"x":[1,2],"y":"\u00e9"})")},
                        {"b", Json::array({rawJson("\"t\\n\""), 3})}};
    return {std::move(message), R"({"a":{"x":[1,2],"y":"\u00e9"},"b":["t\n",3]})"};
}

} // namespace wfs::test
