#!/usr/bin/env bash
# The main job: every spec of every variant on every submission in Models/; the evidence folder
# (statistics and plots per submission / feature / scenario) is printed at the end.
set -uo pipefail
cd "$(dirname "$0")"

usage() {
  cat <<'USAGE'
usage: ./run-specs.sh [options]
  --variant N          only variant N's scenarios (1-6)
  --submission NAME    only this submission (a folder of Models/, e.g. Reference)
  --device D           cpu | cuda | auto (default auto: CUDA when TorchSharp sees it)
  --seed S             the seed set before every scenario (default 20261123)
  --check              only check that every step of every feature is bound (no model runs)
  --glossary           regenerate Features/GLOSSARY.md from the step bindings
  --submissions DIR    auto-grader: grade every sub-folder of DIR as one student, isolated (README, "Auto-grader")
  --out DIR            with --submissions: the results folder (default artifacts/grading)
  -h, --help           this text
USAGE
}

test_args=()
submissions=""
while [ $# -gt 0 ]; do
  case "$1" in
    --variant) export CONVSPECS_VARIANT="${2:?--variant needs a number}"; shift 2 ;;
    --submission) export CONVSPECS_SUBMISSION="${2:?--submission needs a name}"; shift 2 ;;
    --device) export CONVSPECS_DEVICE="${2:?--device needs cpu, cuda or auto}"; shift 2 ;;
    --seed) export CONVSPECS_SEED="${2:?--seed needs a number}"; shift 2 ;;
    --check) test_args+=(--filter-class "ConvSpecs.Suite.BindingTests") ; shift ;;
    --glossary) export CONVSPECS_UPDATE_GLOSSARY=1; test_args+=(--filter-method "*Glossary*"); shift ;;
    --submissions) submissions="${2:?--submissions needs a folder}"; shift 2 ;;
    --out) export CONVSPECS_GRADING_DIR="${2:?--out needs a folder}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run-specs.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

# --- auto-grader: the students of a folder, through dotnet test, with TRX and JUnit from the test platform ---
if [ -n "$submissions" ]; then
  export CONVSPECS_SUBMISSIONS="$(cd "$submissions" && pwd)" || exit 2
  out="$(mkdir -p "${CONVSPECS_GRADING_DIR:-$PWD/artifacts/grading}" && cd "${CONVSPECS_GRADING_DIR:-$PWD/artifacts/grading}" && pwd)"
  export CONVSPECS_GRADING_DIR="$out"
  # A fresh folder per run, so every file in it was written by this run.
  rm -rf "$out" && mkdir -p "$out"
  dotnet test --project tests/ConvSpecs.Grader.Tests --filter-class ConvSpecs.Grader.Tests.SubmissionsFolderTests \
    --results-directory "$out/test-results" --report-xunit-trx --report-xunit-trx-filename grading.trx \
    --report-junit --report-junit-filename grading.junit.xml
  status=$?
  # Failing students fail their tests; the run itself succeeded when every student has a verdict.
  [ -f "$out/summary.txt" ] || { echo "run-specs.sh: grading did not finish (exit $status)" >&2; exit $status; }
  echo
  cat "$out/summary.txt"
  echo "Results: $out/students/<student>/results.json, $out/summary.csv, $out/index.html, $out/test-results/"
  exit 0
fi
# --- end of auto-grader ---

evidence="${CONVSPECS_EVIDENCE_DIR:-$PWD/artifacts/evidence}"
export CONVSPECS_EVIDENCE_DIR="$evidence"
# A fresh folder per run, so everything in it was measured by this run.
rm -rf "$evidence"

dotnet test --project ConvSpecs.csproj "${test_args[@]}"
status=$?

if [ -d "$evidence" ]; then
  echo
  echo "Per submission (scenarios with evidence):"
  for submission in "$evidence"/*/; do
    name=$(basename "$submission")
    passed=$(grep -rl '"passed": true' "$submission" --include statistics.json | wc -l)
    failed=$(grep -rl '"passed": false' "$submission" --include statistics.json | wc -l)
    printf '  %-28s %3d passed, %3d failed\n' "$name" "$passed" "$failed"
  done
fi
echo
echo "Evidence: $evidence"
exit $status
