"""Measures the L1Lab kernel's completion latency after warm-up, on notebook 04's state, through jupyter_client.

usage: /usr/bin/python3 benchmarks/kernel/completion_latency.py [--cli PATH] [--notebook PATH] [--rounds N]

Starts the built kernel (lib/L1Lab.Cli/bin/<Debug|Release>/net10.0/L1Lab.Cli.dll) in the notebook's folder, runs every
code cell of the notebook with the quick values it declares (as `l1lab notebooks run --quick` would), then sends complete_request
for typical positions in a learner's next cell, ROUNDS times each, one at a time, and prints the round-trip times'
median, 95th percentile and maximum, with the machine's load average (wall time on a shared machine depends on it)
and the CPU time the kernel process spent per request (all its threads, from /proc/PID/task/*/schedstat on Linux),
which depends much less on what else runs. The first completion after the kernel starts is reported separately.
A measured script, not a test: it asserts nothing about speed.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client import BlockingKernelClient
from jupyter_client.connect import write_connection_file

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# What a learner types in notebook 04 after running it: members after a dot, LINQ, library types, names of earlier cells.
POSITIONS = [
    "train.",
    "test.Cou",
    "models[\"baseline\"].",
    "baseline.Final.",
    "L1.",
    "L1Lab.L1.Sof",
    "Sparsity.Measure(models[\"baseline\"]).",
    "torch.nn.functional.",
    "runs.Sel",
    "runs.Select(r => r.",
    "Math.Ab",
    "var next = sca",
    "new TrainingOptions { Ep",
    "Images.",
    "lambdas.Wh",
]


def cpu_ms(pid):
    """CPU time of every thread of process pid so far, in ms (None where /proc has no schedstat)."""
    total = 0
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                    total += int(f.read().split()[0])
            except (FileNotFoundError, ProcessLookupError):
                pass  # a thread that ended meanwhile
    except FileNotFoundError:
        return None
    return total / 1e6


def percentile(sorted_values, q):
    return sorted_values[min(len(sorted_values) - 1, int(round(q * (len(sorted_values) - 1))))]


def reply(kc, msg_id, timeout=600):
    while True:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", default=next((p for p in (
        os.path.join(ROOT, "lib/L1Lab.Cli/bin/Release/net10.0/L1Lab.Cli.dll"),
        os.path.join(ROOT, "lib/L1Lab.Cli/bin/Debug/net10.0/L1Lab.Cli.dll")) if os.path.exists(p)), None))
    parser.add_argument("--notebook", default=os.path.join(ROOT, "notebooks/04-mnist-experiment.ipynb"))
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    if not args.cli or not os.path.exists(args.cli):
        sys.exit("completion_latency.py: no built CLI; run `dotnet build lib/L1Lab.Cli` first or pass --cli")

    with open(args.notebook, encoding="utf-8") as f:
        nb = json.load(f)
    cells = []
    quick = {}
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            # The quick values the notebook declares for its parameters cell, as `l1lab notebooks run --quick`.
            quick = cell["metadata"].get("l1lab", {}).get("quick", {})
            for name, value in quick.items():
                source = re.sub(r"(\bvar\s+%s\s*=\s*)[^;]+;" % re.escape(name), lambda m: m.group(1) + value + ";", source)
        cells.append(source)

    runtime = tempfile.mkdtemp(prefix="l1lab-bench-")
    connection, _ = write_connection_file(os.path.join(runtime, "kernel.json"), ip="127.0.0.1")
    started = time.perf_counter()
    kernel = subprocess.Popen(["dotnet", args.cli, "kernel", "--connection-file", connection],
                              cwd=os.path.dirname(os.path.abspath(args.notebook)), stderr=subprocess.DEVNULL)
    try:
        kc = BlockingKernelClient(connection_file=connection)
        kc.load_connection_file()
        kc.start_channels()
        while True:
            try:
                reply(kc, kc.kernel_info(), timeout=2)
                break
            except Exception:
                if time.perf_counter() - started > 120:
                    raise
        t0 = time.perf_counter()
        reply(kc, kc.complete("Math.Ab", 7))
        first = time.perf_counter() - t0
        print(f"kernel up after {t0 - started:.1f} s; first completion {first * 1000:.0f} ms (warm-up running in the background)")

        t0 = time.perf_counter()
        for i, source in enumerate(cells):
            content = reply(kc, kc.execute(source))
            if content["status"] != "ok":
                sys.exit(f"cell {i + 1} failed: {content.get('ename')}: {content.get('evalue')}")
        print(f"ran {len(cells)} code cells of {os.path.basename(args.notebook)} with {quick} in {time.perf_counter() - t0:.0f} s")

        # The first request after the last cell waits for the background sync of that cell; measure it apart.
        t0 = time.perf_counter()
        reply(kc, kc.complete("train.", 6))
        print(f"first completion after the last cell: {(time.perf_counter() - t0) * 1000:.0f} ms")

        load_before = os.getloadavg()[0]
        times, cpu, empty, by_position = [], [], [], {}
        for _ in range(args.rounds):
            for code in POSITIONS:
                c0 = cpu_ms(kernel.pid)
                t0 = time.perf_counter()
                content = reply(kc, kc.complete(code, len(code)))
                times.append((time.perf_counter() - t0) * 1000)
                by_position.setdefault(code, []).append(times[-1])
                c1 = cpu_ms(kernel.pid)
                if c0 is not None and c1 is not None:
                    cpu.append(c1 - c0)
                if content["status"] != "ok" or not content["matches"]:
                    empty.append(code)
        times.sort()
        cpu.sort()
        print(f"load average (1 min) before/after: {load_before:.1f} / {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"completion after warm-up, wall: n={len(times)} p50={statistics.median(times):.0f} ms "
              f"p95={percentile(times, 0.95):.0f} ms max={times[-1]:.0f} ms")
        if cpu:
            print(f"completion after warm-up, kernel CPU per request: p50={statistics.median(cpu):.0f} ms "
                  f"p95={percentile(cpu, 0.95):.0f} ms max={cpu[-1]:.0f} ms")
        print("median wall time per position: " + ", ".join(f"{code!r} {statistics.median(t):.0f} ms" for code, t in by_position.items()))
        if empty:
            print(f"positions with no matches: {sorted(set(empty))}")
        kc.shutdown()
        kc.stop_channels()
    finally:
        try:
            kernel.wait(timeout=10)
        except subprocess.TimeoutExpired:
            kernel.kill()


if __name__ == "__main__":
    main()
