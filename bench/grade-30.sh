#!/usr/bin/env bash
# The scale benchmark (README, "Auto-grader"): grades 30 generated submissions twice with ./run-specs.sh
# --submissions, prints each run's wall time, and checks that both runs wrote byte-identical results.json
# files once execution_time is set aside (both grade afresh: --no-cache). Not part of dotnet test: it takes minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$root/artifacts/bench}"
count="${BENCH_STUDENTS:-30}"
cd "$root"

dotnet build -v q -nologo tests/ConvSpecs.Grader.Tests >/dev/null
bench/generate-submissions.sh "$work/submissions" "$count"

seconds=()
for run in 1 2; do
  start=$(date +%s.%N)
  ./run-specs.sh --submissions "$work/submissions" --out "$work/run$run" --no-cache > "$work/run$run.log" 2>&1
  seconds+=("$(awk -v start="$start" -v end="$(date +%s.%N)" 'BEGIN { print end - start }')")
  tail -n $(( count + 5 )) "$work/run$run.log" | head -n $(( count + 4 ))
done

differ=0
for file in "$work"/run1/students/*/results.json; do
  other="$work/run2/${file#"$work/run1/"}"
  if ! diff -q <(grep -v '"execution_time"' "$file") <(grep -v '"execution_time"' "$other") >/dev/null; then
    echo "differs: ${file#"$work/run1/"}"
    differ=1
  fi
done

echo
printf 'students: %s, cores: %s\n' "$count" "$(nproc)"
printf 'run 1: %.1f s wall (build already done; includes dotnet test start-up)\n' "${seconds[0]}"
printf 'run 2: %.1f s wall\n' "${seconds[1]}"
[ $differ = 0 ] && echo "results.json: byte-identical across the two runs apart from execution_time" || { echo "results.json: the runs differ"; exit 1; }
