"""Drives a running kernel with jupyter_client, a client nobody in this project wrote.

usage: python3 jupyter_driver.py CONNECTION_FILE < steps.json > results.json

Each step is one of:
  {"op": "kernel_info"}
  {"op": "execute", "code": "...", "silent": false, "store_history": true, "interrupt_after": 1.5}
  {"op": "request", "type": "is_complete_request", "content": {...}}   (any shell request)
  {"op": "shutdown", "restart": false}
and gives {"reply": <reply content>, ...}; execute adds "iopub": [{"type", "content"}] for its messages
and, when interrupted, "interrupt_reply" and "seconds_after_interrupt".
"""
import json
import sys
import time
from queue import Empty

from jupyter_client import BlockingKernelClient

TIMEOUT = 300


def reply_to(get_msg, msg_id):
    while True:
        msg = get_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def iopub_until_idle(kc, msg_id):
    messages = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        date = msg["header"].get("date")
        messages.append({"type": msg["msg_type"], "content": msg["content"],
                         "sent": date.timestamp() if hasattr(date, "timestamp") else None})
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return messages


def wait_for_ready(kc):
    """Like BlockingKernelClient.wait_for_ready, without its 1-second heartbeat verdict (a client not owned by a
    KernelManager calls a kernel dead when one beat is late, which happens on a loaded 2-core CI machine):
    repeat kernel_info until the shell replies and IOPub delivers (PUB/SUB joins late)."""
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        msg_id = kc.kernel_info()
        try:
            reply_to(lambda timeout: kc.get_shell_msg(timeout=2), msg_id)
            kc.get_iopub_msg(timeout=1)
            return
        except Empty:
            continue
    raise RuntimeError(f"no kernel_info_reply with IOPub traffic in {TIMEOUT} s")


def main():
    kc = BlockingKernelClient(connection_file=sys.argv[1])
    kc.load_connection_file()
    kc.start_channels()
    wait_for_ready(kc)
    # IOPub messages of other requests (wait_for_ready's kernel_info) are skipped by parent msg_id below.
    results = []
    for step in json.load(sys.stdin):
        op = step["op"]
        if op == "kernel_info":
            msg_id = kc.kernel_info()
            results.append({"reply": reply_to(kc.get_shell_msg, msg_id)["content"]})
        elif op == "execute":
            msg_id = kc.execute(step["code"], silent=step.get("silent", False), store_history=step.get("store_history", True))
            result = {}
            if "interrupt_after" in step:
                time.sleep(step["interrupt_after"])
                interrupt = kc.session.msg("interrupt_request", {})
                kc.control_channel.send(interrupt)
                sent = time.time()
                result["interrupt_reply"] = reply_to(kc.get_control_msg, interrupt["header"]["msg_id"])["content"]
            result["reply"] = reply_to(kc.get_shell_msg, msg_id)["content"]
            if "interrupt_after" in step:
                result["seconds_after_interrupt"] = time.time() - sent
            result["iopub"] = iopub_until_idle(kc, msg_id)
            results.append(result)
        elif op == "request":
            msg = kc.session.msg(step["type"], step.get("content", {}))
            kc.shell_channel.send(msg)
            results.append({"reply": reply_to(kc.get_shell_msg, msg["header"]["msg_id"])["content"]})
        elif op == "shutdown":
            msg_id = kc.shutdown(restart=step.get("restart", False))
            results.append({"reply": reply_to(kc.get_control_msg, msg_id)["content"]})
        else:
            raise ValueError(f"unknown op {op}")
    kc.stop_channels()
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
