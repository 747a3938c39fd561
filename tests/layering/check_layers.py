#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
"""The include rule of docs/ARCHITECTURE.md, checked on every #include "..." of model/, engine/,
ui/ and app/: a file may include only its own unit and the units below it, and the units form
no cycle. Also: no .cpp of the repository over MAX_CPP_LINES lines. Run by CTest (test
`layering`); usage: check_layers.py SOURCE_DIR.

Units are folders (engine's root files are wfs_core, except runtime.*, which belongs to the
composition root wfs_services). The allowed graph, each unit with what it may include:
"""
import os
import re
import sys

ALLOWED = {
    # unit:            units it may include (besides itself)
    "model":           set(),
    "engine/core":     {"model"},
    "engine/metrics":  {"model"},
    "engine/store":    {"engine/core", "engine/metrics", "model"},
    "engine/cache":    {"engine/store", "engine/core", "engine/metrics", "model"},
    "engine/mcp":      {"engine/core", "engine/metrics", "model"},
    "engine/pg":       {"engine/store", "engine/core", "engine/metrics", "model"},
    "engine/redis":    {"engine/cache", "engine/store", "engine/core", "engine/metrics", "model"},
    "engine/services": {"engine/mcp", "engine/pg", "engine/redis", "engine/cache", "engine/store",
                        "engine/core", "engine/metrics", "model"},
    "engine/loadgen":  {"engine/services", "engine/pg", "engine/redis", "engine/mcp", "engine/cache", "engine/store",
                        "engine/core", "engine/metrics", "model"},
    "ui/document":     {"model"},
    "ui":              {"ui/document", "engine/loadgen", "engine/services", "engine/pg", "engine/redis", "engine/mcp",
                        "engine/cache", "engine/store", "engine/core", "engine/metrics", "model"},
    "app/cli":         {"engine/loadgen", "engine/services", "engine/pg", "engine/redis", "engine/mcp", "engine/cache",
                        "engine/store", "engine/core", "engine/metrics", "model"},
    "app/studio":      {"ui", "ui/document", "engine/loadgen", "engine/services", "engine/pg", "engine/redis", "engine/mcp",
                        "engine/cache", "engine/store", "engine/core", "engine/metrics", "model"},
}
__doc__ += "".join(f"\n  {u:16} -> {', '.join(sorted(d)) or '(nothing)'}" for u, d in ALLOWED.items())

MAX_CPP_LINES = 1200

ENGINE_FOLDERS = {"metrics", "store", "cache", "mcp", "services", "loadgen", "pg", "redis"}
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def unit_of(rel):
    """The unit of a repository-relative path, or None outside the checked folders."""
    parts = rel.split("/")
    top = parts[0]
    if top == "model":
        return "model"
    if top == "engine":
        if len(parts) == 2:
            return "engine/services" if parts[1].startswith("runtime.") else "engine/core"
        if parts[1] in ENGINE_FOLDERS:
            return "engine/" + parts[1]
        return "engine/" + parts[1]  # a new folder: must be added to ALLOWED
    if top == "ui":
        return "ui/document" if len(parts) > 2 and parts[1] == "document" else "ui"
    if top == "app" and len(parts) > 2:
        return "app/" + parts[1]
    return None


def main(root):
    root = os.path.abspath(root)
    problems = []
    edges = {}
    files = 0
    for top in ("model", "engine", "ui", "app"):
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            for name in names:
                if not name.endswith((".h", ".cpp", ".inc")):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                unit = unit_of(rel)
                if unit is None:
                    continue
                files += 1
                if unit not in ALLOWED:
                    problems.append(f"{rel}: unit '{unit}' is not in the allowed graph "
                                    "(tests/layering/check_layers.py)")
                    continue
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                for m in INCLUDE.finditer(text):
                    inc = m.group(1)
                    line = text.count("\n", 0, m.start()) + 1
                    # As the compiler: next to the including file first, then the repo root.
                    cand = os.path.normpath(os.path.join(dirpath, inc))
                    if not os.path.exists(cand):
                        cand = os.path.normpath(os.path.join(root, inc))
                        if not os.path.exists(cand):
                            continue  # generated (moc, ui_*.h) or outside the repository
                    target = unit_of(os.path.relpath(cand, root))
                    if target is None or target == unit:
                        continue
                    edges.setdefault(unit, set()).add(target)
                    if target not in ALLOWED.get(unit, set()):
                        problems.append(f"{rel}:{line}: {unit} may not include {target} "
                                        f"(\"{inc}\")")
    # File size: one job per file.
    for top in ("model", "engine", "ui", "app", "tests", "fuzz", "resources"):
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            for name in names:
                if name.endswith(".cpp"):
                    path = os.path.join(dirpath, name)
                    with open(path, encoding="utf-8", errors="replace") as f:
                        lines = sum(1 for _ in f)
                    if lines > MAX_CPP_LINES:
                        problems.append(f"{os.path.relpath(path, root)}: {lines} lines "
                                        f"(at most {MAX_CPP_LINES}: split it by job)")
    # Cycles between units (impossible while ALLOWED is acyclic, checked here too).
    for graph, what in ((ALLOWED, "allowed graph"), (edges, "includes")):
        state = {}

        def visit(u, stack):
            state[u] = 1
            for v in sorted(graph.get(u, ())):
                if state.get(v) == 1:
                    problems.append(f"cycle in the {what}: " + " -> ".join(stack + [u, v]))
                elif not state.get(v):
                    visit(v, stack + [u])
            state[u] = 2

        for u in sorted(graph):
            if not state.get(u):
                visit(u, [])
    if problems:
        print("\n".join(problems))
        print(f"layering: {len(problems)} problem(s) in {files} files")
        return 1
    print(f"layering: {files} files, {sum(len(v) for v in edges.values())} unit dependencies, "
          f"all allowed, no cycle; no .cpp over {MAX_CPP_LINES} lines")
    for u in sorted(edges):
        print(f"  {u:16} -> {', '.join(sorted(edges[u]))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../..")))
