"""Puts a running kernel under load and faults, as a hostile or careless client would.

usage: python3 kernel_faults.py CONNECTION_FILE SCENARIO [ARGS] > result.json

Scenarios (each prints one JSON object):
  soak PID N1 N2 … N_LAST    N_LAST execute requests in a row; the kernel's RSS (VmRSS of PID) after N1, N2, …,
                             and how many replies were "ok".
  garbage MARKER SEED        malformed frames, wrong and missing signatures, truncated messages and random bytes on
                             the shell, control, stdin and heartbeat sockets; the forged requests would create the
                             file MARKER if executed. Then a good request.
  disconnect                 a client starts a streaming cell and vanishes mid-execution; another client executes.
  interrupt_streaming        interrupt a cell while it streams output; then execute again.
  two_iopub                  two clients on IOPub at once; each executes and both see the other's output.
"""
import hashlib
import hmac
import json
import os
import random
import sys
import time
import uuid

import zmq
from jupyter_client import BlockingKernelClient

TIMEOUT = 120
HEADER = b'{"msg_id": "x", "session": "s", "username": "u", "date": "2026-01-01T00:00:00Z", "msg_type": "execute_request", "version": "5.3"}'


def client(connection_file):
    kc = BlockingKernelClient(connection_file=connection_file)
    kc.load_connection_file()
    kc.start_channels()
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:  # kernel_info until both shell and IOPub answer (late PUB/SUB join)
        msg_id = kc.kernel_info()
        try:
            reply(kc.get_shell_msg, msg_id, timeout=2)
            kc.get_iopub_msg(timeout=1)
            return kc
        except Exception:
            continue
    raise RuntimeError("kernel not ready")


def reply(get, msg_id, timeout=TIMEOUT):
    deadline = time.time() + timeout
    while True:
        msg = get(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def execute(kc, code, timeout=TIMEOUT):
    msg_id = kc.execute(code)
    return reply(kc.get_shell_msg, msg_id, timeout)["content"]


def iopub_of(kc, msg_id, timeout=TIMEOUT):
    out = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        out.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    return out


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


def soak(cf, pid, checkpoints):
    kc = client(cf)
    ok = 0
    rss = []
    for i in range(1, checkpoints[-1] + 1):
        if execute(kc, f"var v{i % 10} = {i};\nv{i % 10} * 2")["status"] == "ok":
            ok += 1
        if i in checkpoints:
            rss.append(rss_kib(pid))
    kc.stop_channels()
    return {"requests": checkpoints[-1], "ok": ok, "rss_kib": rss}


def garbage(cf, marker, seed):
    info = json.load(open(cf))
    key = info["key"].encode()
    rng = random.Random(seed)
    ctx = zmq.Context()

    def sign(parts, k=key):
        mac = hmac.new(k, digestmod=hashlib.sha256)
        for p in parts:
            mac.update(p)
        return mac.hexdigest().encode()

    def message(msg_type, content, signature=None, k=key):
        header = json.dumps({"msg_id": uuid.uuid4().hex, "session": uuid.uuid4().hex, "username": "faults",
                             "date": "2026-01-01T00:00:00Z", "msg_type": msg_type, "version": "5.3"}).encode()
        parts = [header, b"{}", b"{}", json.dumps(content).encode()]
        sig = sign(parts, k) if signature is None else signature
        return [b"<IDS|MSG>", sig] + parts

    def signed_raw(parts):
        return [b"<IDS|MSG>", sign(parts)] + parts

    forged_code = f'System.IO.File.WriteAllText(@"{marker}", "executed");'
    execute_content = {"code": forged_code, "silent": False, "store_history": True, "user_expressions": {},
                       "allow_stdin": False, "stop_on_error": True}
    cases = []
    for channel in ("shell", "control", "stdin"):
        cases += [
            (channel, "wrong signature", message("execute_request", execute_content, signature=b"0" * 64)),
            (channel, "signature with another key", message("execute_request", execute_content, k=b"not-the-key")),
            (channel, "missing signature", message("execute_request", execute_content, signature=b"")),
            (channel, "no delimiter", message("execute_request", execute_content)[1:]),
            (channel, "truncated after signature", message("execute_request", execute_content)[:2]),
            (channel, "truncated after header", message("execute_request", execute_content)[:3]),
            (channel, "header not JSON", [b"<IDS|MSG>", sign([b"{not json", b"{}", b"{}", b"{}"]), b"{not json", b"{}", b"{}", b"{}"]),
            (channel, "signed, content not JSON", signed_raw([HEADER, b"{}", b"{}", b"\xff\xfe{"])),
            (channel, "signed, unknown message type", message("no_such_request", {})),
            (channel, "empty frame", [b""]),
            (channel, "random bytes", [bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 4096))) for _ in range(rng.randint(1, 6))]),
            (channel, "huge frame", [b"<IDS|MSG>", b"0" * 64, b"x" * (4 * 1024 * 1024)]),
        ]
    for _ in range(20):
        cases.append((rng.choice(["shell", "control", "stdin"]), "random multipart",
                      [bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 512))) for _ in range(rng.randint(1, 8))]))
    sockets = {}
    for channel in ("shell", "control", "stdin"):
        s = ctx.socket(zmq.DEALER)
        s.linger = 0
        s.connect(f"{info['transport']}://{info['ip']}:{info[channel + '_port']}")
        sockets[channel] = s
    for channel, _, frames in cases:
        sockets[channel].send_multipart(frames)
    hb = ctx.socket(zmq.REQ)
    hb.linger = 0
    hb.connect(f"{info['transport']}://{info['ip']}:{info['hb_port']}")
    hb.send(bytes(rng.getrandbits(8) for _ in range(64)))
    hb_echo = hb.poll(5000) != 0 and len(hb.recv()) == 64
    time.sleep(1)
    # Replies to the signed-but-unknown requests may arrive; nothing else should.
    for s in sockets.values():
        while s.poll(100):
            s.recv_multipart()
        s.close()
    hb.close()
    ctx.term()

    kc = client(cf)
    good = execute(kc, "6 * 7")
    kc.stop_channels()
    return {"cases": len(cases), "heartbeat_echoed": hb_echo, "forged_executed": os.path.exists(marker),
            "good_status": good["status"]}


def disconnect(cf):
    first = client(cf)
    first.execute('for (int i = 0; i < 30; i++) { Console.WriteLine($"line {i}"); System.Threading.Thread.Sleep(50); }')
    time.sleep(0.5)
    first.stop_channels()  # gone mid-execution, without waiting for the reply
    del first
    second = client(cf)
    status = execute(second, "1 + 1")["status"]
    msg_id = second.execute("2 + 3")
    result = [m for m in iopub_of(second, msg_id) if m["msg_type"] == "execute_result"]
    second.stop_channels()
    return {"status": status, "result": result[0]["content"]["data"]["text/plain"] if result else None}


def interrupt_streaming(cf):
    kc = client(cf)
    msg_id = kc.execute('for (long i = 0; ; i++) { Console.WriteLine($"tick {i}"); System.Threading.Thread.Sleep(5); }')
    # Interrupt once output is streaming (the first cell of a kernel spends a while compiling).
    seen = []
    deadline = time.time() + TIMEOUT
    while not any(m["msg_type"] == "stream" for m in seen) and time.time() < deadline:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id:
            seen.append(msg)
    time.sleep(0.5)
    interrupt = kc.session.msg("interrupt_request", {})
    kc.control_channel.send(interrupt)
    sent = time.time()
    interrupt_reply = reply(kc.get_control_msg, interrupt["header"]["msg_id"])["content"]
    execute_reply = reply(kc.get_shell_msg, msg_id, timeout=30)["content"]
    seconds = time.time() - sent
    messages = seen + iopub_of(kc, msg_id, timeout=30)
    streams = [m for m in messages if m["msg_type"] == "stream"]
    after = execute(kc, '"still here"')
    kc.stop_channels()
    return {"interrupt_status": interrupt_reply["status"], "execute_status": execute_reply["status"],
            "seconds_to_stop": seconds, "streams_before_stop": len(streams), "after_status": after["status"]}


def two_iopub(cf):
    a, b = client(cf), client(cf)
    results = {}
    for name, sender, watcher in (("a", a, b), ("b", b, a)):
        msg_id = sender.execute(f'Console.WriteLine("from {name}")')
        sender_streams = [m["content"]["text"] for m in iopub_of(sender, msg_id) if m["msg_type"] == "stream"]
        watcher_streams = [m["content"]["text"] for m in iopub_of(watcher, msg_id) if m["msg_type"] == "stream"]
        results[name] = {"sender_saw": "".join(sender_streams), "watcher_saw": "".join(watcher_streams)}
    a.stop_channels()
    b.stop_channels()
    return results


def main():
    cf, scenario, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    if scenario == "soak":
        result = soak(cf, int(args[0]), [int(a) for a in args[1:]])
    elif scenario == "garbage":
        result = garbage(cf, args[0], int(args[1]))
    elif scenario == "disconnect":
        result = disconnect(cf)
    elif scenario == "interrupt_streaming":
        result = interrupt_streaming(cf)
    elif scenario == "two_iopub":
        result = two_iopub(cf)
    else:
        raise SystemExit(f"unknown scenario {scenario}")
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
