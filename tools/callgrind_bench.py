#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
"""Instructions per iteration of Google Benchmark benchmarks, counted by callgrind.

Instruction counts (Ir) do not depend on how busy the machine is, so two builds can be
compared on a shared machine. For each benchmark, the binary runs under
`valgrind --tool=callgrind` with one benchmark selected; callgrind dumps a profile part when
the timed loop starts (after benchmark::State::StartKeepRunning) and when it ends (before
benchmark::State::FinishKeepRunning), so the part between the two holds exactly the loop's
instructions, without start-up, fixtures or the library's bookkeeping. Only the main thread
counts (--separate-threads: a runtime's background thread ticks on wall time). The last loop is
the run the library reports; its Ir divided by its iteration count is the figure.

libbenchmark 1.7 cannot fix the iteration count (`--benchmark_min_time=<N>x` came with 1.8),
so the count follows from --benchmark_min_time; the loop-only part makes Ir per iteration
independent of it (within a fraction of a percent once the loop runs a few hundred times).

A benchmark whose first iteration builds a lazily created fixture (bench_engine's engine() in
BM_Get, BM_List, BM_Validate3Rules) makes libbenchmark stop after that one iteration under
callgrind's slowdown; --warmup BM_NextMidLoop runs a benchmark registered earlier first, so the
fixture exists when the measured one starts.

usage: tools/callgrind_bench.py [--min-time S] [--warmup BENCH] BINARY BENCHMARK [BENCHMARK...]
prints: benchmark<TAB>iterations<TAB>loop Ir<TAB>Ir/iteration
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile


def measure(binary, name, min_time, keep, warmup=None):
    out = tempfile.mkdtemp(prefix="cgbench-")
    report = os.path.join(out, "report.json")
    cmd = [
        "valgrind", "--tool=callgrind", "--separate-threads=yes",
        "--dump-after=benchmark::State::StartKeepRunning*",
        "--dump-before=benchmark::State::FinishKeepRunning*",
        "--callgrind-out-file=" + os.path.join(out, "cg.out"),
        binary, "--benchmark_filter=^(" + "|".join(re.escape(n) for n in [warmup, name] if n) + ")$",
        "--benchmark_min_time=" + str(min_time), "--benchmark_repetitions=1",
        "--benchmark_out_format=json", "--benchmark_out=" + report,
    ]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with open(report) as f:
        runs = [b for b in json.load(f)["benchmarks"] if b.get("run_type") == "iteration"]
    if not runs or runs[-1]["name"] != name:
        sys.exit(f"{name}: not the last run ({[r['name'] for r in runs]})")
    iterations = runs[-1]["iterations"]
    # Parts of the main thread (file suffix -01), in dump order.
    parts = []
    for path in glob.glob(os.path.join(out, "cg.out.*-01")):
        m = re.search(r"cg\.out\.(\d+)-01$", path)
        if not m:
            continue
        trigger, total = "", None
        with open(path, errors="replace") as f:
            for line in f:
                if line.startswith("desc: Trigger:"):
                    trigger = line[len("desc: Trigger:"):].strip()
                elif line.startswith("summary:") or line.startswith("totals:"):
                    total = int(line.split()[1])
        parts.append((int(m.group(1)), trigger, total))
    parts.sort()
    loops = [p for p in parts if "FinishKeepRunning" in p[1]]
    if not loops:
        sys.exit(f"{name}: no loop part found in {out}")
    ir = loops[-1][2]
    if not keep:
        for path in glob.glob(os.path.join(out, "*")):
            os.remove(path)
        os.rmdir(out)
    return iterations, ir


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-time", type=float, default=0.5)
    ap.add_argument("--keep", action="store_true", help="keep the callgrind files")
    ap.add_argument("--warmup", help="a benchmark registered earlier to run first (one whose "
                    "first iteration would otherwise build a lazily created fixture)")
    ap.add_argument("binary")
    ap.add_argument("benchmarks", nargs="+")
    a = ap.parse_args()
    for name in a.benchmarks:
        iterations, ir = measure(a.binary, name, a.min_time, a.keep,
                                 a.warmup if a.warmup != name else None)
        print(f"{name}\t{iterations}\t{ir}\t{ir / iterations:.1f}", flush=True)


if __name__ == "__main__":
    main()
