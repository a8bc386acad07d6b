"""Writes proposals and their status history as CSV for COPY (used by bench/analytics.sh).
   analytics-seed.py proposals|history <count> <users file> <jobs file> [now, unix seconds]
Both modes draw the same proposals (same seed), so the history matches the proposals."""
import random, sys, uuid
from datetime import datetime, timedelta, timezone

mode, n = sys.argv[1], int(sys.argv[2])
users = [line.strip() for line in open(sys.argv[3]) if line.strip()]
jobs = [line.strip().split(",") for line in open(sys.argv[4]) if line.strip()]
rng = random.Random(7)
ids = random.Random(8)   # history row ids: drawn apart so both modes see the same proposals
now = datetime.fromtimestamp(float(sys.argv[5]), timezone.utc) if len(sys.argv) > 5 else datetime.now(timezone.utc)
templates = ["Default", "Short", "Technical deep-dive", ""]
out = sys.stdout
for i in range(n):
    pid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    user = rng.choice(users)
    job_id, title = rng.choice(jobs)
    sent = now - timedelta(days=rng.random() * 365)
    stages = ["submitted"]
    if rng.random() < 0.45: stages.append("viewed")
    if len(stages) == 2 and rng.random() < 0.3: stages.append("interviewing")
    if len(stages) == 3 and rng.random() < 0.45: stages.append("hired")
    times = [sent]
    for _ in stages[1:]: times.append(times[-1] + timedelta(hours=rng.random() * 72))
    status = stages[-1]
    template = rng.choice(templates)
    bid, connects = rng.choice([150, 300, 700, 1200, 2500]), rng.randint(4, 16)
    if mode == "proposals":
        out.write(",".join([pid, user, job_id, str(bid), str(connects), status,
                            "true" if template else "false", template, '"' + title.replace('"', '""') + '"',
                            sent.isoformat(), times[-1].isoformat(), sent.isoformat()]) + "\n")
    else:
        previous = "draft"
        for stage, at in zip(stages, times):
            out.write(",".join([str(uuid.UUID(int=ids.getrandbits(128), version=4)), pid, previous, stage, at.isoformat(), "user"]) + "\n")
            previous = stage
