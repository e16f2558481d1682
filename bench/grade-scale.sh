#!/usr/bin/env bash
# The scale benchmark of issue 12 (README, "Auto-grader"): the 30 generated submissions of grade-30.sh graded by the
# grader's command line whole, in 3 shards (one after another, then side by side) merged, and again through the regrade
# cache (unchanged, then with one student's file changed). Prints a markdown table and writes it to WORK/table.md;
# checks that the cached, sharded and merged outputs are the whole run's apart from timings. Not part of dotnet test.
#   bench/grade-scale.sh [WORK]      (BENCH_STUDENTS=N for another class size)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mkdir -p "${1:-$root/artifacts/bench-scale}" && cd "${1:-$root/artifacts/bench-scale}" && pwd)"
count="${BENCH_STUDENTS:-30}"
grader="$root/Grader/bin/Debug/net10.0/ConvSpecs.Grader"
cd "$root"

dotnet build -v q -nologo Grader >/dev/null
bench/generate-submissions.sh "$work/submissions" "$count" >/dev/null
rm -rf "$work"/out-* "$work/cache"
rows=()
declare -A seconds
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# grade NAME LABEL ARGS…: one timed run of the grader into out-NAME, its row in the table
grade() {
  local name=$1 label=$2; shift 2
  local start end
  start=$(date +%s.%N)
  "$grader" "$@" > "$work/out-$name.log" 2>&1 || { echo "$label failed, see $work/out-$name.log" >&2; exit 1; }
  end=$(date +%s.%N)
  seconds[$name]=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
  row "$label" "${seconds[$name]}" "$(cache_line "$work/out-$name.log")"
}
row() { rows+=("| $1 | $2 s | $3 |"); printf '%-58s %6s s  %s\n' "$1" "$2" "$3"; }
cache_line() { grep -ho '[0-9]* reused, [0-9]* graded' "$@" | awk '{ r += $1; g += $3 } END { if (NR) printf "%d reused, %d graded", r, g; else print "no cache" }'; }
elapsed() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }
shards() { for k in 0 1 2; do echo "$work/out-$1-$k"; done; }

# whole: without a cache, then filling an empty one, then from it unchanged
grade whole "whole class, --no-cache" grade "$work/submissions" --out "$work/out-whole" --no-cache
grade fill "whole class, empty cache (graded and stored)" grade "$work/submissions" --out "$work/out-fill" --cache "$work/cache"
grade unchanged "whole class regraded unchanged (from the cache)" grade "$work/submissions" --out "$work/out-unchanged" --cache "$work/cache"

# 3 shards one after another (each with the whole machine, as on 3 machines of this size), then side by side
sequential=()
for k in 0 1 2; do
  start=$(date +%s.%N)
  "$grader" grade "$work/submissions" --shard "$k/3" --out "$work/out-seq-$k" --no-cache > "$work/out-seq-$k.log" 2>&1
  sequential+=("$(elapsed "$start")")
done
row "3 shards one after another, --no-cache (each shard's time)" "$(printf '%s / ' "${sequential[@]}" | sed 's# / $##')" "no cache"
start=$(date +%s.%N)
"$grader" merge $(shards seq) --out "$work/out-merged-seq" > "$work/out-merge-seq.log" 2>&1
row "merge of the 3 shards" "$(elapsed "$start")" ""
start=$(date +%s.%N)
for k in 0 1 2; do "$grader" grade "$work/submissions" --shard "$k/3" --out "$work/out-side-$k" --no-cache > "$work/out-side-$k.log" 2>&1 & done
wait
row "3 shards side by side on this machine, --no-cache" "$(elapsed "$start")" "no cache"
"$grader" merge $(shards side) --out "$work/out-merged-side" > "$work/out-merge-side.log" 2>&1
start=$(date +%s.%N)
for k in 0 1 2; do "$grader" grade "$work/submissions" --shard "$k/3" --out "$work/out-cached-$k" --cache "$work/cache" > "$work/out-cached-$k.log" 2>&1 & done
wait
row "3 shards side by side, regraded unchanged from the shared cache" "$(elapsed "$start")" "$(cache_line "$work"/out-cached-?.log)"
"$grader" merge $(shards cached) --out "$work/out-merged-cached" > "$work/out-merge-cached.log" 2>&1

# one student's file changed: that student alone is graded
echo "// edited" >> "$work/submissions/Student05/$(ls "$work/submissions/Student05" | head -n 1)"
grade edited "whole class, one student's file changed" grade "$work/submissions" --out "$work/out-edited" --cache "$work/cache"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# every output must be the fresh whole run's once the timings are set aside
masked() { sed -E -e 's/"execution_time": [0-9.]+/"execution_time": T/' -e 's/"(duration|wallTime)": "[0-9:.]+"/"\1": "T"/' \
  -e 's/graded in [0-9.]+ s/graded in T s/' -e 's#<td class="num">[0-9.]+ s</td>#<td class="num">T s</td>#' -e 's/wall time [0-9.]+ s/wall time T s/' \
  -e 's/ +[0-9]+s  ([^ ])/ Ts  \1/' "$1" | awk -F, -v OFS=, -v csv="$2" 'csv && NR > 1 && NF >= 8 { $7 = "T" } { print }'; }
differ=0
for other in fill unchanged merged-seq merged-side merged-cached; do
  for file in summary.csv summary.txt index.html students/*/results.json students/*/report.html; do
    for path in "$work"/out-whole/$file; do
      relative=${path#"$work/out-whole/"}
      if ! cmp -s <(masked "$path" "$([ "$relative" = summary.csv ] && echo 1)") <(masked "$work/out-$other/$relative" "$([ "$relative" = summary.csv ] && echo 1)"); then
        echo "differs from the whole run: out-$other/$relative"; differ=1
      fi
    done
  done
done

{
  echo "$(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), load average $load_before before and $load_after after; $count students (bench/generate-submissions.sh)"
  echo
  echo "| run | wall | cache |"
  echo "| --- | ---: | --- |"
  printf '%s\n' "${rows[@]}"
  echo
  awk -v u="${seconds[unchanged]}" -v w="${seconds[whole]}" -v f="${seconds[fill]}" \
    'BEGIN { printf "Regraded unchanged: %.1f %% of the whole class graded without a cache, %.1f %% of the run that filled it.\n", 100 * u / w, 100 * u / f }'
} > "$work/table.md"
echo
cat "$work/table.md"
[ $differ = 0 ] && echo "every cached and merged output is the --no-cache whole run's, byte for byte, apart from timings" || { echo "outputs differ"; exit 1; }
