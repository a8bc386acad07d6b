#!/usr/bin/env bash
# Time to match one new job against N saved searches (default 10,000), in process. Usage: bench/matcher.sh [searches]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export ASPNETCORE_TEST_CONTENTROOT_UPWORKASSISTANT_APP="$PWD/src/App"
dotnet run -c Release --project bench/IngestBench -- matcher "${1:-10000}"
