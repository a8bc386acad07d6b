#!/usr/bin/env python3
"""Line coverage from the cobertura files coverlet wrote: per source project (all tests merged) and per test project."""
import glob, os, sys, xml.etree.ElementTree as ET
from collections import defaultdict

results = sys.argv[1] if len(sys.argv) > 1 else "TestResults"
trx_dirs = {}
merged = defaultdict(dict)        # package -> {(file, line): hit}
per_suite = {}

for path in glob.glob(os.path.join(results, "**", "coverage.cobertura.xml"), recursive=True):
    root = ET.parse(path).getroot()
    suite_lines = {}
    for package in root.iter("package"):
        name = package.get("name")
        for cls in package.iter("class"):
            filename = cls.get("filename")
            for line in cls.iter("line"):
                key = (filename, int(line.get("number")))
                hit = int(line.get("hits", "0")) > 0
                merged[name][key] = merged[name].get(key, False) or hit
                suite_lines[(name,) + key] = suite_lines.get((name,) + key, False) or hit
    # scripts/test.sh gives each test project its own results folder: the first folder under results names it.
    suite = os.path.relpath(path, results).split(os.sep)[0]
    per_suite.setdefault(suite, {}).update({k: v or per_suite.get(suite, {}).get(k, False) for k, v in suite_lines.items()})

def pct(values):
    values = list(values)
    return (100.0 * sum(values) / len(values)) if values else 0.0

print(f"{'project':32} {'lines':>7} {'covered':>8} {'line %':>7}")
total = []
for name in sorted(merged):
    lines = merged[name].values()
    total.extend(lines)
    print(f"{name:32} {len(merged[name]):7d} {sum(lines):8d} {pct(lines):6.1f}%")
print(f"{'all (merged)':32} {len(total):7d} {sum(total):8d} {pct(total):6.1f}%")

print()
print(f"{'test project':32} {'line % of all source':>22}")
all_keys = {(name,) + key for name in merged for key in merged[name]}
for suite in sorted(per_suite):
    lines = per_suite[suite]
    covered = sum(1 for k in all_keys if lines.get(k))
    print(f"{suite:32} {100.0 * covered / max(1, len(all_keys)):21.1f}%")
