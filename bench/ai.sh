#!/usr/bin/env bash
# Time to first token the app adds over the provider (target p95 < 20 ms) and cached-letter latency (p95 < 5 ms),
# against the fake OpenAI server on loopback; first, the offline writer over the letter evaluation set (tests/Evaluation,
# docs/letters.md) with the figures issue 19 sets. Usage: bench/ai.sh [samples|letters]   (UA_TEST_POSTGRES=<cs> for PostgreSQL;
# "letters" runs only the evaluation, about 20 s)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export ASPNETCORE_TEST_CONTENTROOT_UPWORKASSISTANT_APP="$PWD/src/App"
SAMPLES="${1:-200}"; [ "${UA_BENCH_QUICK:-0}" = 1 ] && SAMPLES="${1:-40}"
dotnet run -c Release --project bench/AiBench -- "$SAMPLES"
