#!/usr/bin/python3
"""Load on a course server: N learners at once each start their server and the L1Lab kernel and run notebook 02 with
quick values (steps=200), as in a workshop's first minutes. Measures, per learner: peak memory of their processes
(single-user server + kernel, summed RSS sampled every 0.5 s), time to first output (from asking for the kernel to the
first output of a cell), time to the notebook's end, and failures (a server that did not start, a cell error other
than the exercises' "not done yet"). Needs root, Debian's jupyterhub and configurable-http-proxy, and a built l1lab
(dotnet build lib/L1Lab.Cli). Not a CI test:

    sudo /usr/bin/python3 benchmarks/hub-load.py 10 20        # prints a table, writes benchmarks/results/hub-load.json

It creates users l1load1…l1loadN and removes them (with their homes) at the end.
"""
import asyncio
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOK = "02-l1-penalty.ipynb"


def free_ports():
    while True:
        base = 20000 + int.from_bytes(os.urandom(2), "big") % 30000
        ok = True
        for p in range(base, base + 3):
            with socket.socket() as s:
                try:
                    s.bind(("127.0.0.1", p))
                except OSError:
                    ok = False
        if ok:
            return base


class MemorySampler(threading.Thread):
    """Peak summed RSS (MiB) of each uid's processes."""

    def __init__(self, uids):
        super().__init__(daemon=True)
        self.uids, self.peak, self.stop = set(uids), {u: 0.0 for u in uids}, threading.Event()

    def run(self):
        page = os.sysconf("SC_PAGE_SIZE")
        while not self.stop.wait(0.5):
            total = {u: 0 for u in self.uids}
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    uid = os.stat(f"/proc/{pid}").st_uid
                    if uid in total:
                        with open(f"/proc/{pid}/statm") as f:
                            total[uid] += int(f.read().split()[1]) * page
                except (FileNotFoundError, ProcessLookupError, PermissionError):
                    pass
            for u, b in total.items():
                self.peak[u] = max(self.peak[u], b / 2**20)


async def api(client, method, url, token, body=None):
    r = await client.fetch(HTTPRequest(url, method=method, headers={"Authorization": f"token {token}"},
                                       body=None if body is None else json.dumps(body), allow_nonstandard_methods=True,
                                       request_timeout=300), raise_error=False)
    return r.code, (json.loads(r.body) if r.body else None)


async def learner_run(base, teacher, name):
    client = AsyncHTTPClient()
    result = {"learner": name, "failure": None}
    try:
        await api(client, "POST", f"{base}/hub/api/users/{name}", teacher)
        _, tok = await api(client, "POST", f"{base}/hub/api/users/{name}/tokens", teacher, {"expires_in": 3600})
        token = tok["token"]
        t0 = time.monotonic()
        await api(client, "POST", f"{base}/hub/api/users/{name}/server", token)
        while True:
            try:
                code, status = await api(client, "GET", f"{base}/user/{name}/api/status", token)
            except ValueError:  # the hub's HTML "starting" page, not the server's JSON
                code, status = 0, None
            if code == 200 and isinstance(status, dict) and "kernels" in status:
                break
            if time.monotonic() - t0 > 180:
                raise RuntimeError("server did not start in 180 s")
            await asyncio.sleep(0.5)
        result["server_start_s"] = time.monotonic() - t0
        _, nb = await api(client, "GET", f"{base}/user/{name}/api/contents/l1lab/notebooks/{NOTEBOOK}?content=1", token)
        cells = [c for c in nb["content"]["cells"] if c["cell_type"] == "code"]
        for c in cells:
            if "parameters" in c["metadata"].get("tags", []):
                c["source"] = "var steps = 200;\nvar gridPoints = 60001;"
        t1 = time.monotonic()
        _, session = await api(client, "POST", f"{base}/user/{name}/api/sessions", token,
                               {"path": f"l1lab/notebooks/{NOTEBOOK}", "type": "notebook", "name": NOTEBOOK, "kernel": {"name": "l1lab-csharp"}})
        ws = await websocket_connect(HTTPRequest(f"{base.replace('http', 'ws')}/user/{name}/api/kernels/{session['kernel']['id']}/channels",
                                                 headers={"Authorization": f"token {token}"}), max_message_size=1 << 26)
        errors = []
        for c in cells:
            mid = uuid.uuid4().hex
            await ws.write_message(json.dumps({
                "header": {"msg_id": mid, "username": name, "session": "load", "msg_type": "execute_request", "version": "5.3"},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": c["source"], "silent": False, "store_history": True, "user_expressions": {},
                            "allow_stdin": False, "stop_on_error": False}}))
            while True:
                raw = await asyncio.wait_for(ws.read_message(), 600)
                if raw is None:
                    raise RuntimeError("kernel websocket closed")
                if isinstance(raw, bytes):
                    continue
                m = json.loads(raw)
                if m.get("parent_header", {}).get("msg_id") != mid:
                    continue
                kind = m["header"]["msg_type"]
                if kind in ("stream", "execute_result", "display_data") and "first_output_s" not in result:
                    result["first_output_s"] = time.monotonic() - t1
                if kind == "error":
                    errors.append(m["content"]["ename"] + ": " + m["content"]["evalue"][:80])
                if kind == "execute_reply":
                    break
        result["notebook_s"] = time.monotonic() - t1
        unexpected = [e for e in errors if "NotImplementedException" not in e]
        if unexpected:
            result["failure"] = "; ".join(unexpected)[:200]
        ws.close()
    except Exception as e:  # a learner's failure is a measurement, not the end of the run
        result["failure"] = f"{type(e).__name__}: {e}"[:200]
    return result


def run(command, **kw):
    return subprocess.run(command, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw).stdout


def measure(n, app):
    root = tempfile.mkdtemp(prefix="l1lab-load-")
    os.chmod(root, 0o755)
    etc = os.path.join(root, "etc")
    names = [f"l1load{i}" for i in range(1, n + 1)]
    hub = None
    try:
        run([os.path.join(REPO, "deploy/jupyterhub/setup.sh"), "--no-apt", "--app", app, "--prefix", os.path.join(root, "course"),
             "--config-dir", etc, "--kernel-prefix", os.path.join(root, "kernel")])
        for name in names:
            subprocess.run(["/usr/sbin/useradd", "-m", "-s", "/bin/bash", name], check=True)
        port, teacher = free_ports(), uuid.uuid4().hex
        env = dict(os.environ, L1LAB_HUB_PORT=str(port), L1LAB_HUB_TEACHER_TOKEN=teacher)
        log = open(os.path.join(root, "hub.log"), "w")
        hub = subprocess.Popen([os.path.join(REPO, "deploy/jupyterhub/start-hub.sh"), etc], env=env, stdout=log, stderr=log)
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                with socket.create_connection(("127.0.0.1", port), 1):
                    break
            except OSError:
                time.sleep(0.5)
        time.sleep(2)
        uids = {pwd.getpwnam(x).pw_uid: x for x in names}
        sampler = MemorySampler(uids)
        sampler.start()
        load_before = os.getloadavg()
        t = time.monotonic()
        results = asyncio.run(asyncio.wait_for(_gather(base, teacher, names), 1800))
        wall = time.monotonic() - t
        sampler.stop.set()
        for r in results:
            r["peak_mib"] = round(sampler.peak[pwd.getpwnam(r["learner"]).pw_uid], 1)
        return {"learners": n, "wall_s": round(wall, 1), "load_before": load_before, "load_after": os.getloadavg(), "results": results}
    finally:
        if hub is not None:
            hub.send_signal(signal.SIGTERM)
            try:
                hub.wait(60)
            except subprocess.TimeoutExpired:
                hub.kill()
        for name in names:
            kill_processes_of(name)
            subprocess.run(["/usr/sbin/userdel", "-r", name], check=False, stderr=subprocess.DEVNULL)
        shutil.rmtree(root, ignore_errors=True)


def kill_processes_of(name):
    """Ends what is left of a test learner's processes, by pid."""
    try:
        uid = pwd.getpwnam(name).pw_uid
    except KeyError:
        return
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if os.stat(f"/proc/{pid}").st_uid == uid:
                os.kill(int(pid), signal.SIGKILL)
        except (FileNotFoundError, ProcessLookupError):
            pass


async def _gather(base, teacher, names):
    return await asyncio.gather(*(learner_run(base, teacher, x) for x in names))


def summary(m):
    ok = [r for r in m["results"] if not r["failure"]]

    def stat(key):
        v = sorted(r[key] for r in ok if key in r)
        return f"{v[len(v) // 2]:.0f} / {v[-1]:.0f}" if v else "–"
    return (f"| {m['learners']} | {stat('peak_mib')} | {stat('server_start_s')} | {stat('first_output_s')} | {stat('notebook_s')} | "
            f"{len(m['results']) - len(ok)} | {m['load_before'][0]:.1f} → {m['load_after'][0]:.1f} |")


def main():
    if os.geteuid() != 0:
        sys.exit("hub-load.py: run as root (it creates users and runs JupyterHub's LocalProcessSpawner)")
    counts = [int(a) for a in sys.argv[1:]] or [10, 20]
    app = os.environ.get("L1LAB_APP", os.path.join(REPO, "lib/L1Lab.Cli/bin/Release/net10.0"))
    if not os.path.exists(os.path.join(app, "L1Lab.Cli.dll")):
        app = os.path.join(REPO, "lib/L1Lab.Cli/bin/Debug/net10.0")
    measurements = [measure(n, app) for n in counts]
    machine = f"{os.cpu_count()} cores, {os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') / 2**30:.0f} GiB"
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {machine}")
    print("| learners | peak memory per learner, MiB (median / max) | server start, s | first output, s | notebook 02, s | failures | load average (1 min) |")
    print("|---|---|---|---|---|---|---|")
    for m in measurements:
        print(summary(m))
    os.makedirs(os.path.join(REPO, "benchmarks/results"), exist_ok=True)
    with open(os.path.join(REPO, "benchmarks/results/hub-load.json"), "w") as f:
        json.dump({"date": time.strftime("%Y-%m-%dT%H:%MZ", time.gmtime()), "machine": machine, "measurements": measurements}, f, indent=1)


if __name__ == "__main__":
    main()
