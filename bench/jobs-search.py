"""Writes N synthetic Upwork jobs as CSV for COPY into upwork.jobs (used by bench/jobs-search.sh)."""
import hashlib, random, sys, uuid
from datetime import datetime, timedelta, timezone

n = int(sys.argv[1])
rng = random.Random(42)
skills = ["Python", "React", "Django", ".NET", "C#", "Blazor", "SQL", "PostgreSQL", "TypeScript", "Node.js", "AWS", "Docker",
          "Figma", "Logo Design", "SEO", "WordPress", "Shopify", "Data Entry", "Machine Learning", "Excel", "Flutter", "Swift"]
nouns = ["dashboard", "pipeline", "website", "mobile app", "landing page", "API", "scraper", "chatbot", "integration", "report",
         "store", "plugin", "migration", "logo", "automation", "model", "backend", "frontend", "game", "extension"]
verbs = ["Build", "Fix", "Migrate", "Design", "Improve", "Maintain", "Develop", "Optimize", "Review", "Create"]
filler = ("we are looking for an experienced freelancer to help our small team deliver a reliable solution on time with "
          "clear communication daily updates and clean documented code that our developers can maintain after handover").split()
rare = ["kubernetes", "terraform", "elixir", "haskell", "solidity", "fortran", "cobol", "rust", "webassembly", "zig"]
now = datetime.now(timezone.utc)
out = sys.stdout
for i in range(n):
    s = rng.sample(skills, 3)
    title = f"{rng.choice(verbs)} a {s[0]} {rng.choice(nouns)}"
    words = rng.choices(filler, k=40) + s
    if rng.random() < 0.002: words.append(rng.choice(rare))   # rare terms: ~0.2 % of jobs
    rng.shuffle(words)
    description = " ".join(words)
    hourly = rng.random() < 0.5
    bmin = rng.choice([15, 25, 40, 60]) if hourly else rng.choice([100, 250, 500, 1000, 3000])
    bmax = bmin * 2 if hourly else bmin
    posted = now - timedelta(seconds=i * 2.5 + rng.random())
    ts = posted.isoformat()
    level = rng.choice(["entry", "intermediate", "expert"])
    skills_literal = "{" + ",".join('"' + x + '"' for x in s) + "}"
    digest = hashlib.md5(f"{i}".encode()).hexdigest()
    out.write(",".join([
        str(uuid.UUID(int=rng.getrandbits(128), version=4)), f"bench{i:013d}", '"' + title + '"', '"' + description + '"',
        str(bmin), str(bmax), '"' + skills_literal.replace('"', '""') + '"', "hourly" if hourly else "fixed", level, "upwork", "false",
        ts, str(rng.randint(0, 50)), rng.choice(["US", "GB", "DE", "IN", "CA", "AU"]), rng.choice(["true", "false"]), digest, ts, ts,
    ]) + "\n")
