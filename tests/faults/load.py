#!/usr/bin/env python3
"""Mixed API load for the fault suite: WRITERS threads paste jobs (each title unique) and READERS threads read the
jobs list, for SECONDS; every answer is one JSON line in OUT (kind, status, title, error message when not 2xx).
A health poller records /health/ready's status and the failing check names on change.
   load.py BASE TOKEN SECONDS WRITERS READERS OUT [TAG]"""
import json, sys, threading, time, urllib.error, urllib.request

base, token, seconds, writers, readers, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
tag = sys.argv[7] if len(sys.argv) > 7 else "load"
lock = threading.Lock()
log = open(out, "a", buffering=1)
stop = time.time() + seconds


def record(**row):
    with lock:
        log.write(json.dumps(row) + "\n")


def call(method, path, body=None, auth=True):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if auth:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except Exception as e:  # connection refused or reset: the client saw no answer
        return 0, str(e).encode()


def message(raw):
    try:
        doc = json.loads(raw)
        return (doc.get("error") or {}).get("message") if isinstance(doc.get("error"), dict) else doc.get("message") or doc.get("error")
    except Exception:
        return raw[:200].decode(errors="replace")


def writer(n):
    i = 0
    while time.time() < stop:
        i += 1
        title = f"{tag}-w{n}-{i} written under faults"
        status, raw = call("POST", "/api/v1/upwork/jobs/paste", {"title": title})
        record(kind="write", status=status, title=title, error=None if 200 <= status < 300 else message(raw), t=time.time())


def reader(n):
    while time.time() < stop:
        status, raw = call("GET", "/api/v1/upwork/jobs?limit=20")
        record(kind="read", status=status, error=None if 200 <= status < 300 else message(raw), t=time.time())


def health():
    last = None
    while time.time() < stop:
        status, raw = call("GET", "/health/ready", auth=False)
        try:
            failing = [c["name"] for c in json.loads(raw).get("checks", []) if c.get("status") != "Healthy"]
        except Exception:
            failing = []
        state = (status, tuple(failing))
        if state != last:
            record(kind="health", status=status, failing=failing, t=time.time())
            last = state
        time.sleep(0.1)


threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
threads += [threading.Thread(target=reader, args=(n,)) for n in range(readers)]
threads.append(threading.Thread(target=health))
for t in threads:
    t.start()
for t in threads:
    t.join()
