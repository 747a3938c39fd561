#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
"""Records agent sessions for the heat map: each agent is a real MCP client of
`wfstudio mcp` over stdio (its own process, its own clientInfo name) that walks
coding-task-workflow-with-loops with its own context, thinks between calls and stops
where its plan says (or completes).

    tools/heat_sessions.py build/bin/wfstudio DB WORKFLOWS_DIR

The agents run in parallel; the database is the one the studio (or `wfstudio heat --db`)
reads."""
import json
import random
import subprocess
import sys
import threading
import time

WF = "coding-task-workflow-with-loops"

# name, context, stop after N workflow_next calls (0 = walk to the end), think scale (s)
AGENTS = [
    ("Claude Code", {"taskComplexity": "Small"}, 0, 0.15),
    ("Claude Code", {"taskComplexity": "Small"}, 4, 0.2),
    ("Claude Code", {"taskComplexity": "Medium", "totalImplementationSteps": 2}, 0, 0.1),
    ("Cursor", {"taskComplexity": "Medium", "totalImplementationSteps": 3}, 0, 0.08),
    ("Cursor", {"taskComplexity": "Medium", "totalImplementationSteps": 2}, 9, 0.15),
    ("Cursor", {"taskComplexity": "Large", "totalImplementationSteps": 2}, 0, 0.08),
    ("Codex", {"taskComplexity": "Large", "totalImplementationSteps": 2}, 6, 0.2),
    ("Codex", {"taskComplexity": "Large", "totalImplementationSteps": 3}, 16, 0.1),
    ("Codex", {"taskComplexity": "Medium", "requestDeepAnalysis": True,
               "totalImplementationSteps": 2}, 0, 0.08),
]
# Steps agents take longer on (the think time the heat map shows).
SLOW = {"phase-0-intelligent-triage": 4, "phase-4-architectural-design": 5,
        "phase-6-implement": 6, "phase-3-specification": 3, "phase-1-step-modules": 3}


def run_agent(binary, db, workflows, index, name, context, stop, scale):
    rnd = random.Random(index)
    p = subprocess.Popen([binary, "mcp", "--db", db, "--workflows", workflows],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    ident = [0]

    def rpc(method, params=None, notify=False):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        if not notify:
            ident[0] += 1
            msg["id"] = ident[0]
        p.stdin.write(json.dumps(msg) + "\n")
        p.stdin.flush()
        if notify:
            return None
        while True:
            line = p.stdout.readline()
            if not line:
                raise RuntimeError("wfstudio mcp ended")
            reply = json.loads(line)
            if reply.get("id") == msg["id"]:
                return reply

    def tool(name_, args):
        reply = rpc("tools/call", {"name": name_, "arguments": args})
        return json.loads(reply["result"]["content"][0]["text"])

    rpc("initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                       "clientInfo": {"name": name, "version": "1.0"}})
    rpc("notifications/initialized", notify=True)
    completed, ctx, calls = [], dict(context), 0
    while True:
        answer = tool("workflow_next", {"workflowId": WF, "completedSteps": completed,
                                        "context": ctx})
        calls += 1
        if answer.get("isComplete") or not answer.get("step"):
            break
        step = answer["step"]["id"]
        ctx = dict(answer.get("context", ctx))
        ctx.update({k: v for k, v in context.items()})
        if stop and calls >= stop:
            break
        time.sleep(scale * SLOW.get(step, 1) * (0.5 + rnd.random()))
        if step in ("phase-5-planning", "phase-6-verify"):
            tool("workflow_validate", {"workflowId": WF, "stepId": step,
                                       "output": "Plan: done. Verified."})
        if step not in completed:
            completed.append(step)
        if calls > 200:
            break
    p.stdin.close()
    p.wait(timeout=30)
    print(f"{name}: {calls} workflow_next call(s), stopped={bool(stop)}")


def main():
    binary, db, workflows = sys.argv[1:4]
    threads = [threading.Thread(target=run_agent, args=(binary, db, workflows, i, *a))
               for i, a in enumerate(AGENTS)]
    for t in threads:
        t.start()
        time.sleep(0.3)
    for t in threads:
        t.join()


if __name__ == "__main__":
    main()
