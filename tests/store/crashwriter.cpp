// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Helper for tst_crashsafety: writes N transactions (each a workflow upsert touching
// workflows, steps and the FTS index) and prints "committed <i>" after each COMMIT returns.
// Usage: wfs_store_crashwriter DB_PATH COUNT
#include "engine/store/database.h"
#include "engine/store/migrations.h"
#include "engine/store/workflowstore.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

using namespace wfs;
using namespace wfs::store;

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s DB_PATH COUNT\n", argv[0]);
        return 2;
    }
    auto db = Database::open(argv[1]);
    if (!db) {
        std::fprintf(stderr, "%s\n", db.error().c_str());
        return 1;
    }
    if (auto v = migrate(**db); !v) {
        std::fprintf(stderr, "%s\n", v.error().c_str());
        return 1;
    }
    WorkflowStore ws(**db);
    const int count = std::atoi(argv[2]);
    std::printf("ready\n");
    std::fflush(stdout);
    for (int i = 0; i < count; ++i) {
        const std::string id = "wf-" + std::to_string(i);
        Json wf = {{"id", id},
                   {"name", "Workflow " + std::to_string(i)},
                   {"description", std::string(2000, char('a' + i % 26))},
                   {"version", "1.0.0"},
                   {"steps", Json::array()}};
        for (int s = 0; s < 5; ++s)
            wf["steps"].push_back({{"id", "s" + std::to_string(s)},
                                   {"title", "step " + std::to_string(s)},
                                   {"prompt", "do thing " + std::to_string(i * 10 + s)}});
        if (auto r = ws.upsert(wf, {"default", "crash"}); !r) {
            std::fprintf(stderr, "%s\n", r.error().c_str());
            return 1;
        }
        std::printf("committed %d\n", i);
        std::fflush(stdout);
        usleep(300);
    }
    return 0;
}
