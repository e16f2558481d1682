#!/usr/bin/env bash
# The student's loop (README, "Check your model"): how long ./run-specs.sh --submission NAME --variant 2 takes
# after the first build (a cold check: a new process compiles the folder and runs the rules), and how long
# --watch takes from a save to the verdict (a warm process). A structural variant: the reference's variant 2
# model, copied as a student would, into Models/BenchCheckStudent (removed at the end).
#   bench/check.sh [--repeats N]   (default 5; the medians are printed, with the machine's load)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=5
[ "${1:-}" = --repeats ] && repeats="${2:?--repeats needs a number}"

student=BenchCheckStudent
folder="Models/$student"
log=$(mktemp)
evidence="$PWD/artifacts/bench-check/evidence"
export CONVSPECS_EVIDENCE_DIR="$evidence"
watch_pid=""
cleanup() {
  [ -n "$watch_pid" ] && kill "$watch_pid" 2>/dev/null || true
  rm -rf "$folder" "artifacts/check/$student" "$PWD/artifacts/bench-check" "$log"
}
trap cleanup EXIT
mkdir -p "$folder"
sed "s/namespace ConvSpecs.Models.Reference;/namespace ConvSpecs.Models.$student;/" Models/Reference/BorderCroppingNet.cs > "$folder/Net.cs"

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
now() { date +%s.%N; }

# The first build (when the specs changed), not measured.
./run-specs.sh --submission "$student" --variant 2 > /dev/null || { echo "bench/check.sh: the check failed" >&2; exit 1; }

# Wall time, and the CPU time the check used (user + system): on a busy machine the wall time is mostly waiting.
cold=() cpu=()
timing=$(mktemp)
for _ in $(seq "$repeats"); do
  /usr/bin/time -f '%e %U %S' -o "$timing" ./run-specs.sh --submission "$student" --variant 2 > /dev/null
  read -r wall user system < "$timing"
  cold+=("$wall")
  cpu+=("$(echo "$user + $system" | bc)")
done
rm -f "$timing"

./run-specs.sh --submission "$student" --variant 2 --watch > "$log" 2>&1 &
watch_pid=$!
summaries() { grep -c "^$student: .* checks passed" "$log" || true; }
wait_for() { local seen; while seen=$(summaries); [ "$seen" -lt "$1" ]; do sleep 0.05; done; }
wait_for 1
warm=()
for i in $(seq "$repeats"); do
  start=$(now)
  echo "// saved $i" >> "$folder/Net.cs"
  wait_for $((i + 1))
  warm+=("$(echo "$(now) - $start" | bc)")
done
grep -q "✗" "$log" && { echo "bench/check.sh: a rule failed in watch mode:" >&2; cat "$log" >&2; exit 1; }

printf 'cold check (new process: compile + 4 rules of variant 2), s: %s\n' "${cold[*]}"
printf 'cold check, CPU time (user + system), s:                  %s\n' "${cpu[*]}"
printf 'watch re-check (save → summary line), s:                  %s\n' "${warm[*]}"
printf 'median cold %.1f s (CPU %.1f s), median watch %.1f s; %s cores, load average %s\n' \
  "$(printf '%s\n' "${cold[@]}" | median)" "$(printf '%s\n' "${cpu[@]}" | median)" "$(printf '%s\n' "${warm[@]}" | median)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
