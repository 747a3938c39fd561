#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
"""Chaos and soak run of `wfstudio mcp --http` (loopback only; stops by itself).

For --minutes minutes: several legitimate MCP clients run the realistic mix (workflow_list,
workflow_get, whole workflow_next walks, workflow_validate) while a hostile client floods idle
sockets, trickles headers, announces and sends oversized bodies, sends malformed requests and
drops connections mid-response; every --kill-every seconds the server is SIGKILLed and started
again on the same database. A legitimate client behaves like a real one: on a refused or reset
connection it retries, on 404 (its session died with the server) it initializes again.

Reports every --report-every seconds: requests served, errors by kind, p99, RSS and database
size; then the totals. Fails (exit 1) when a legitimate request is lost (no answer within
--give-up seconds of retrying), a legitimate request is answered with an error, the database
fails PRAGMA integrity_check, memory grows without bound (the last kill period's peak RSS above
1.5 x the second period's + 16 MB) or the database keeps growing (its size in the last third
above 1.25 x its size at two thirds + 4 MB, once the store limits are reached).

Usage: tools/soak.py --wfstudio build/bin/wfstudio [--minutes 10] [--clients 4] [--db FILE]
"""
import argparse
import http.client
import json
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

TOKEN = "soak-token"


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.served = 0
        self.latencies = []  # seconds, legitimate requests of the current report period
        self.all_latencies = []
        self.errors = {}  # kind -> count (legitimate requests answered with an error)
        self.lost = []  # descriptions of lost legitimate requests
        self.retries = 0
        self.reinitialized = 0
        self.hostile = {}  # action -> count
        self.hostile_answers = {}  # status -> count

    def ok(self, seconds):
        with self.lock:
            self.served += 1
            self.latencies.append(seconds)
            self.all_latencies.append(seconds)

    def error(self, kind):
        with self.lock:
            self.errors[kind] = self.errors.get(kind, 0) + 1

    def count(self, table, key):
        with self.lock:
            table[key] = table.get(key, 0) + 1


def p99(values):
    if not values:
        return 0.0
    v = sorted(values)
    return v[min(len(v) - 1, int(len(v) * 0.99))]


class Server:
    def __init__(self, binary, port, db, extra):
        self.binary, self.port, self.db, self.extra = binary, port, db, extra
        self.proc = None
        self.generation = 0
        self.peak_rss = {}  # generation -> peak RSS (bytes)

    def start(self):
        cmd = [self.binary, "mcp", "--http", "127.0.0.1:%d" % self.port, "--token", TOKEN,
               "--db", self.db] + self.extra
        self.proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                     text=True)
        deadline = time.time() + 30
        while time.time() < deadline:
            line = self.proc.stderr.readline()
            if not line:
                raise RuntimeError("wfstudio mcp exited at start (rc %s)" % self.proc.poll())
            if "listening on" in line:
                break
        else:
            raise RuntimeError("wfstudio mcp did not start listening within 30 s")
        self.generation += 1
        # Keep draining stderr so the server never blocks on a full pipe.
        threading.Thread(target=self._drain, args=(self.proc,), daemon=True).start()

    @staticmethod
    def _drain(proc):
        for _ in proc.stderr:
            pass

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def rss(self):
        try:
            with open("/proc/%d/status" % self.proc.pid) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        value = int(line.split()[1]) * 1024
                        g = self.generation
                        self.peak_rss[g] = max(self.peak_rss.get(g, 0), value)
                        return value
        except (OSError, AttributeError):
            pass
        return 0

    def db_bytes(self):
        total = 0
        for suffix in ("", "-wal", "-shm"):
            try:
                total += os.path.getsize(self.db + suffix)
            except OSError:
                pass
        return total


class LegitClient(threading.Thread):
    """An MCP client that keeps its session, walks workflows and retries like a real one."""

    def __init__(self, n, port, stats, stop, give_up):
        super().__init__(daemon=True)
        self.n, self.port, self.stats, self.stop, self.give_up = n, port, stats, stop, give_up
        self.conn = None
        self.session = None
        self.next_id = 1
        self.workflows = []
        self.rng = random.Random(n)

    def connect(self):
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)

    def post(self, message, session=True):
        headers = {"Host": "127.0.0.1:%d" % self.port, "Authorization": "Bearer " + TOKEN,
                   "Content-Type": "application/json",
                   "Accept": "application/json, text/event-stream"}
        if session and self.session:
            headers["Mcp-Session-Id"] = self.session
        if self.conn is None:
            self.connect()
        self.conn.request("POST", "/mcp", body=json.dumps(message), headers=headers)
        r = self.conn.getresponse()
        body = r.read()
        return r.status, r.getheader("Mcp-Session-Id"), body

    @staticmethod
    def parse(body):
        text = body.decode("utf-8", "replace")
        if text.startswith("{"):
            return json.loads(text)
        # SSE: the last data line carries the response.
        data = [l[6:] for l in text.splitlines() if l.startswith("data: ") and len(l) > 6]
        return json.loads(data[-1]) if data else None

    def initialize(self):
        status, sid, body = self.post({"jsonrpc": "2.0", "id": 0, "method": "initialize",
                                       "params": {"protocolVersion": "2025-06-18",
                                                  "capabilities": {},
                                                  "clientInfo": {"name": "soak-%d" % self.n,
                                                                 "version": "1"}}},
                                      session=False)
        if status != 200 or not sid:
            raise ConnectionError("initialize answered %d" % status)
        self.session = sid
        self.post({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def call(self, tool, arguments):
        """One tool call, retried through restarts; returns its result or None when lost."""
        started = time.time()
        attempt_started = started
        while not self.stop.is_set():
            try:
                if not self.session:
                    self.initialize()
                self.next_id += 1
                attempt_started = time.time()
                status, _, body = self.post({"jsonrpc": "2.0", "id": self.next_id,
                                             "method": "tools/call",
                                             "params": {"name": tool, "arguments": arguments}})
                if status == 404:  # the session died with the server: initialize again
                    self.session = None
                    with self.stats.lock:
                        self.stats.reinitialized += 1
                    continue
                if status == 503 or status == 429:
                    self.stats.error("http %d (retried)" % status)
                    time.sleep(0.2)
                    continue
                if status != 200:
                    self.stats.error("http %d" % status)
                    return None
                reply = self.parse(body)
                if reply is None or "error" in reply:
                    self.stats.error("json-rpc error")
                    return None
                self.stats.ok(time.time() - attempt_started)
                return reply["result"]
            except (ConnectionError, OSError, http.client.HTTPException):
                # Refused, reset or closed: the server is restarting. Retry on a new connection.
                self.conn = None
                with self.stats.lock:
                    self.stats.retries += 1
                if time.time() - started > self.give_up:
                    with self.stats.lock:
                        self.stats.lost.append("%s after %.1f s" % (tool, time.time() - started))
                    return None
                time.sleep(0.05)
        return None

    def result_json(self, result):
        if not result or result.get("isError"):
            return None
        content = result.get("content") or []
        if content and content[0].get("type") == "text":
            try:
                return json.loads(content[0]["text"])
            except ValueError:
                return None
        return None

    def walk(self, workflow):
        completed, context = [], {}
        for _ in range(60):
            if self.stop.is_set():
                return
            answer = self.result_json(self.call("workflow_next", {
                "workflowId": workflow, "completedSteps": completed, "context": context}))
            if not answer or answer.get("isComplete") or not answer.get("step"):
                return
            step = answer["step"]["id"]
            context = answer.get("context") or context
            if self.rng.random() < 0.2:
                self.call("workflow_validate", {"workflowId": workflow, "stepId": step,
                                                "output": "done: %s" % step})
            completed.append(step)

    def run(self):
        listed = self.result_json(self.call("workflow_list", {}))
        if listed:
            self.workflows = [w["id"] for w in listed.get("workflows", [])]
        while not self.stop.is_set():
            r = self.rng.random()
            if r < 0.2 or not self.workflows:
                self.call("workflow_list", {})
            elif r < 0.4:
                self.call("workflow_get", {"id": self.rng.choice(self.workflows)})
            else:
                self.walk(self.rng.choice(self.workflows))


class HostileClient(threading.Thread):
    """Idle floods, slow headers, oversized and malformed requests, abrupt disconnects."""

    def __init__(self, port, stats, stop):
        super().__init__(daemon=True)
        self.port, self.stats, self.stop = port, stats, stop
        self.rng = random.Random(99)

    def sock(self, timeout=5):
        s = socket.create_connection(("127.0.0.1", self.port), timeout=timeout)
        return s

    def answer(self, s):
        try:
            data = s.recv(64)
            m = re.match(rb"HTTP/1\.1 (\d+)", data)
            self.stats.count(self.stats.hostile_answers, m.group(1).decode() if m else "closed")
        except OSError:
            self.stats.count(self.stats.hostile_answers, "closed")

    def idle_flood(self):
        held = []
        for _ in range(300):
            try:
                held.append(self.sock())
            except OSError:
                break
        self.stop.wait(3)
        for s in held:
            s.close()

    def slow_headers(self):
        held = []
        for _ in range(20):
            try:
                s = self.sock()
                s.send(b"POST /mcp HTTP/1.1\r\n")
                held.append(s)
            except OSError:
                pass
        for _ in range(8):
            if self.stop.wait(1):
                break
            for s in held:
                try:
                    s.send(b"X")
                except OSError:
                    pass
        for s in held:
            s.close()

    def oversized(self):
        s = self.sock()
        s.sendall(b"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                  TOKEN.encode() + b"\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 50000000\r\n\r\n")
        self.answer(s)
        s.close()

    def malformed(self):
        s = self.sock()
        s.sendall(self.rng.choice([
            b"GARBAGE\r\n\r\n",
            b"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN.encode() +
            b"\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream"
            b"\r\nContent-Length: 9\r\n\r\n{\"json\":",
            b"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n",
            b"POST /mcp HTTP/1.1\r\nHost: evil.example\r\nContent-Length: 2\r\n\r\n{}",
            b"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}",
        ]))
        self.answer(s)
        s.close()

    def abrupt(self):
        s = self.sock()
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                           "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                                      "clientInfo": {"name": "rude", "version": "1"}}}).encode()
        s.sendall(b"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                  TOKEN.encode() + b"\r\nContent-Type: application/json\r\nAccept: "
                  b"application/json, text/event-stream\r\nContent-Length: " +
                  str(len(body)).encode() + b"\r\n\r\n" + body)
        # Reset instead of a clean close, before the answer is read.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        s.close()

    def run(self):
        actions = [self.idle_flood, self.slow_headers, self.oversized, self.malformed,
                   self.abrupt]
        while not self.stop.is_set():
            action = self.rng.choice(actions)
            try:
                action()
                self.stats.count(self.stats.hostile, action.__name__)
            except OSError:
                self.stats.count(self.stats.hostile, action.__name__ + " (refused)")
            self.stop.wait(0.05)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wfstudio", required=True)
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--kill-every", type=float, default=60)
    ap.add_argument("--report-every", type=float, default=30)
    ap.add_argument("--give-up", type=float, default=15)
    ap.add_argument("--db")
    ap.add_argument("--server-arg", action="append", default=[],
                    help="passed to wfstudio mcp (repeatable)")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="wfs-soak-")
    db = args.db or os.path.join(tmp, "soak.db")
    port = free_port()
    server = Server(os.path.abspath(args.wfstudio), port, db, args.server_arg)
    stats = Stats()
    stop = threading.Event()
    os.environ.setdefault("HOME", tmp)
    server.start()
    clients = [LegitClient(i, port, stats, stop, args.give_up) for i in range(args.clients)]
    threads = clients + [HostileClient(port, stats, stop)]
    for t in threads:
        t.start()

    began = time.time()
    end = began + args.minutes * 60
    next_kill = began + args.kill_every
    next_report = began + args.report_every
    samples = []  # (t, rss, db)
    print("soak: %s for %.1f min, %d clients + 1 hostile, SIGKILL every %.0f s, db %s" %
          (args.wfstudio, args.minutes, args.clients, args.kill_every, db), flush=True)
    print("%7s %9s %8s %8s %8s %8s  %s" % ("time", "served", "req/s", "p99 ms", "RSS MB",
                                            "DB MB", "errors"), flush=True)
    last_served = 0
    last_t = began
    try:
        while time.time() < end:
            time.sleep(0.5)
            now = time.time()
            rss = server.rss()
            samples.append((now - began, rss, server.db_bytes()))
            if now >= next_report:
                with stats.lock:
                    lat = stats.latencies
                    stats.latencies = []
                    served = stats.served
                    errors = dict(stats.errors)
                print("%6.0fs %9d %8.0f %8.1f %8.1f %8.1f  %s" % (
                    now - began, served, (served - last_served) / (now - last_t),
                    p99(lat) * 1000, rss / 2**20, server.db_bytes() / 2**20,
                    ", ".join("%s %d" % kv for kv in sorted(errors.items())) or "-"),
                    flush=True)
                last_served, last_t = served, now
                next_report += args.report_every
            if now >= next_kill and now + 5 < end:
                server.kill()
                server.start()
                next_kill += args.kill_every
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=20)
        server.stop()

    failures = []
    with sqlite3.connect(db) as con:
        check = con.execute("PRAGMA integrity_check").fetchone()[0]
        sessions = con.execute("SELECT count(*) FROM sessions").fetchone()[0]
        calls = con.execute("SELECT count(*) FROM session_calls").fetchone()[0]
        events = con.execute("SELECT count(*) FROM session_events").fetchone()[0]
    if check != "ok":
        failures.append("integrity_check: " + check)
    if stats.lost:
        failures.append("%d legitimate requests lost (%s)" % (len(stats.lost),
                                                              "; ".join(stats.lost[:5])))
    hard_errors = {k: v for k, v in stats.errors.items() if "retried" not in k}
    if hard_errors:
        failures.append("legitimate requests answered with errors: %s" % hard_errors)
    peaks = [server.peak_rss[g] for g in sorted(server.peak_rss)]
    if len(peaks) >= 3 and peaks[-1] > 1.5 * peaks[1] + 16 * 2**20:
        failures.append("memory grows: peak RSS %s MB per kill period" %
                        [round(p / 2**20) for p in peaks])
    if len(samples) > 12:
        two_thirds = samples[len(samples) * 2 // 3][2]
        last = max(s[2] for s in samples[len(samples) * 2 // 3:])
        if last > 1.25 * two_thirds + 4 * 2**20:
            failures.append("the database keeps growing: %.1f MB at two thirds, %.1f MB later" %
                            (two_thirds / 2**20, last / 2**20))
    print()
    print("served %d legitimate requests (p99 %.1f ms over the run), %d retries through "
          "restarts, %d re-initialized sessions, %d server starts" % (
              stats.served, p99(stats.all_latencies) * 1000, stats.retries,
              stats.reinitialized, server.generation))
    print("errors by kind: %s" % (", ".join("%s %d" % kv for kv in sorted(stats.errors.items()))
                                  or "none"))
    print("hostile actions: %s" % ", ".join("%s %d" % kv for kv in sorted(stats.hostile.items())))
    print("hostile answers: %s" % ", ".join("%s %d" % kv
                                            for kv in sorted(stats.hostile_answers.items())))
    print("peak RSS per kill period (MB): %s" % [round(p / 2**20, 1) for p in peaks])
    print("database: %.1f MB (%d sessions, %d calls, %d events), integrity_check %s" % (
        server.db_bytes() / 2**20, sessions, calls, events, check))
    if failures:
        print("SOAK FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("soak passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
