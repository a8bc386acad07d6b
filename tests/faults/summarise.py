#!/usr/bin/env python3
"""Sums up a load.py log against the titles found stored in the database (one per line in TITLES):
prints "acked stored lost other5xx s503 locked unexpected reads_ok reads_refused".
   summarise.py LOAD.jsonl TITLES"""
import json, sys

rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
stored = {l.rstrip("\n") for l in open(sys.argv[2])}
answers = [r for r in rows if r["kind"] != "health"]
writes = [r for r in rows if r["kind"] == "write"]
acked = [r["title"] for r in writes if 200 <= r["status"] < 300]
lost = [t for t in acked if t not in stored]
other5xx = [r for r in answers if r["status"] >= 500 and r["status"] != 503]
s503 = [r for r in answers if r["status"] == 503]
locked = [r for r in answers if "locked" in str(r.get("error") or "").lower()]
unexpected = [r for r in answers if r["status"] < 500 and not 200 <= r["status"] < 300]   # 4xx, or no answer (0)
reads = [r for r in rows if r["kind"] == "read"]
print(len(acked), len(acked) - len(lost), len(lost), len(other5xx), len(s503), len(locked), len(unexpected),
      sum(1 for r in reads if 200 <= r["status"] < 300), sum(1 for r in reads if not 200 <= r["status"] < 300))
