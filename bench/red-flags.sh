#!/usr/bin/env bash
# Precision and recall of each client red flag over the labelled job set (tests/Evaluation/RedFlags/jobs.json,
# docs/red-flags.md); tests/UnitTests/Upwork/RedFlagEvaluationTests.cs keeps the same figures as floors. Offline, a few seconds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet run -c Release --project bench/RedFlagBench
