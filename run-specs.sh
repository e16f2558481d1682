#!/usr/bin/env bash
# The main job: every spec of every variant on every submission in Models/; the evidence folder
# (statistics and plots per submission / feature / scenario) is printed at the end.
set -uo pipefail
cd "$(dirname "$0")"

usage() {
  cat <<'USAGE'
usage: ./run-specs.sh [options]
  --variant N          only variant N's scenarios (1-6), or "pooling" for the pooling task
  --submission NAME    check only this submission (a folder of Models/, e.g. Reference): compiled at run time,
                       one line per rule, no project rebuild (README, "Check your model")
  --watch              with --submission: check again on every save (Ctrl+C stops)
  --device D           cpu | cuda | auto (default auto: CUDA when TorchSharp sees it)
  --seed S             the seed set before every scenario (default 20261123)
  --full               train with the seeds' settings (profile full) instead of the quick default
  --profile P          quick (default) | full
  --dataset D          variant 4's images: auto (default: CIFAR-10 if in data/, else MNIST) | cifar10 | mnist
  --pooling-npz PATH   the pooling task's prepared .npz (seed 003's notMNIST); default: the shipped MNIST digits
  --fetch-cifar10      download CIFAR-10 (binary version, about 163 MB), check its MD5 and unpack it into data/
  --check              only check that every step of every feature is bound (no model runs)
  --glossary           regenerate Features/GLOSSARY.md from the step bindings
  --submissions DIR    auto-grader: grade every sub-folder of DIR as one student, isolated (README, "Auto-grader")
  --out DIR            with --submissions: the results folder (default artifacts/grading)
  --gradescope-package FILE.zip
                       write the zip Gradescope's "Configure Autograder" takes: the grader published once, setup.sh,
                       run_autograder, the features, data and settings (--variant, --seed, --profile; limits from
                       CONVSPECS_GRADESCOPE_TIMEOUT, CONVSPECS_SCENARIO_TIMEOUT, CONVSPECS_STUDENT_TIMEOUT,
                       CONVSPECS_MEMORY_MB; README, "Gradescope")
  --no-cache           with --submissions: grade every student afresh (default: reuse what did not change, artifacts/grading-cache)
  --mutants            the kill matrix: every rule against every mutant of tests/Mutants/, training included
                       (with --variant N: that variant's rules and mutants only)
  -h, --help           this text
USAGE
}

data="${CONVSPECS_DATA_DIR:-$PWD/data}"

# curl fetches; the unpacking is C#'s (Data/Cifar10Archive.cs, tested), through tools/ConvSpecs.Tools
fetch_cifar10() {
  local url="${CONVSPECS_CIFAR10_URL:-https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz}"
  local download
  download=$(mktemp -d) || return 1
  trap 'rm -rf "$download"' RETURN
  command -v curl >/dev/null || { echo "run-specs.sh: --fetch-cifar10 needs curl (apt-get install -y curl)" >&2; return 1; }
  echo "Downloading $url ..."
  curl -fL --retry 3 --progress-bar -o "$download/cifar-10-binary.tar.gz" "$url" ||
    { echo "run-specs.sh: could not download $url" >&2; return 1; }
  dotnet run --project tools/ConvSpecs.Tools -- unpack-cifar10 "$download/cifar-10-binary.tar.gz" "$data"
}

test_args=()
submissions=""
gradescope_package=""
mutants=0
run_specs=1
watch=0
while [ $# -gt 0 ]; do
  case "$1" in
    --variant) export CONVSPECS_VARIANT="${2:?--variant needs a number or pooling}"; shift 2 ;;
    --submission) export CONVSPECS_SUBMISSION="${2:?--submission needs a name}"; shift 2 ;;
    --device) export CONVSPECS_DEVICE="${2:?--device needs cpu, cuda or auto}"; shift 2 ;;
    --seed) export CONVSPECS_SEED="${2:?--seed needs a number}"; shift 2 ;;
    --watch) watch=1; shift ;;
    --submissions) submissions="${2:?--submissions needs a folder}"; shift 2 ;;
    --gradescope-package) gradescope_package="${2:?--gradescope-package needs a .zip file}"; shift 2 ;;
    --out) export CONVSPECS_GRADING_DIR="${2:?--out needs a folder}"; shift 2 ;;
    --no-cache) export CONVSPECS_GRADING_CACHE=off; shift ;;
    --full) export CONVSPECS_PROFILE=full; shift ;;
    --profile) export CONVSPECS_PROFILE="${2:?--profile needs quick or full}"; shift 2 ;;
    --dataset) export CONVSPECS_DATASET="${2:?--dataset needs auto, cifar10 or mnist}"; shift 2 ;;
    --pooling-npz) export CONVSPECS_POOLING_NPZ="${2:?--pooling-npz needs a path}"; shift 2 ;;
    --fetch-cifar10) fetch_cifar10; exit $? ;;
    --mutants) mutants=1; shift ;;
    --check) test_args+=(--filter-class "ConvSpecs.Suite.BindingTests"); run_specs=0; shift ;;
    --glossary) export CONVSPECS_UPDATE_GLOSSARY=1; test_args+=(--filter-method "*Glossary*"); run_specs=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run-specs.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

# --- the Gradescope package: after the options, since --variant, --seed and --profile go into its settings ---
if [ -n "$gradescope_package" ]; then
  exec deploy/gradescope/package.sh "$gradescope_package"
fi

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

# --device cuda needs the CUDA backend's build (README, "CUDA"): the builds below keep it.
build_args=(-v q -nologo)
[ "${CONVSPECS_DEVICE:-}" = cuda ] && build_args+=(-p:TorchSharpBackend=cuda)

# --- the student's check: Models/NAME compiled at run time by the grader's check command, in one process ---
if [ -n "${CONVSPECS_SUBMISSION:-}" ] && [ "$run_specs" = 1 ]; then
  grader=Grader/bin/Debug/net10.0/ConvSpecs.Grader.dll
  # Rebuilt only when the specs, the grader or the reference changed; students' folders are left out of that
  # build (StudentFolders=false), so a broken or changing folder never triggers or stops it.
  if [ ! -f "$grader" ] || [ -n "$(find Bridge Data Drivers Features Grader Reports StepDefinitions Suite build Models/Reference \
       Models/*.cs ./*.props ./*.targets ConvSpecs.csproj global.json -newer "$grader" -type f \
       -not -path '*/bin/*' -not -path '*/obj/*' -print -quit 2>/dev/null)" ]; then
    echo "Building the specs and the checker (once; then only when they change) ..."
    dotnet build Grader/ConvSpecs.Grader.csproj "${build_args[@]}" -p:StudentFolders=false ||
      { echo "run-specs.sh: the build failed (errors above); nothing was checked." >&2; exit 1; }
  fi
  check_args=(check --submission "$CONVSPECS_SUBMISSION")
  [ -n "${CONVSPECS_VARIANT:-}" ] && check_args+=(--variant "$CONVSPECS_VARIANT")
  [ "$watch" = 1 ] && check_args+=(--watch)
  exec dotnet "$grader" "${check_args[@]}"
fi
[ "$watch" = 1 ] && { echo "run-specs.sh: --watch needs --submission NAME" >&2; exit 2; }
# --- end of the student's check ---

# --- mutants: rule × mutant, killed or survived (README, "Every rule proves it can fail") ---
# The explicit test also runs the scenarios that train; it fails when a rule is killed by nothing, a correct model
# fails a rule, or a mutant survives a rule its header says it must fail.
if [ "$mutants" = 1 ]; then
  matrix="$PWD/artifacts/mutants/kill-matrix.txt"
  mkdir -p "$(dirname "$matrix")" && rm -f "$matrix"
  CONVSPECS_KILL_MATRIX="$matrix" dotnet test --project tests/ConvSpecs.Mutants.Tests --explicit only
  status=$?
  [ -f "$matrix" ] && { echo; cat "$matrix"; echo "Kill matrix: $matrix"; }
  exit $status
fi
# --- end of mutants ---

evidence="${CONVSPECS_EVIDENCE_DIR:-$PWD/artifacts/evidence}"
export CONVSPECS_EVIDENCE_DIR="$evidence"
# Not emptied: each run replaces the evidence of the variants it runs (Reports/ScenarioEvidence.cs) and keeps the others'.

# The test platform shows a test's output only when the test ends; training writes its progress
# (epoch, batch, loss, samples/s) to progress.log as it goes, and this shows it on the console.
if [ "$run_specs" = 1 ]; then
  mkdir -p "$evidence"
  : > "$evidence/progress.log"
  tail -n +1 -F "$evidence/progress.log" 2>/dev/null &
  tail_pid=$!
  trap 'kill "$tail_pid" 2>/dev/null' EXIT
  test_args+=(--no-progress)
fi

# Reqnroll's living documentation of this run: Cucumber Messages and Reqnroll's HTML report, one document per feature and
# submission, each scenario's plots and statistics attached (README, "Living documentation").
living="$PWD/artifacts/living-documentation"
if [ "$run_specs" = 1 ]; then
  mkdir -p "$living" && rm -f "$living/specs.ndjson" "$living/specs.html"
  export REQNROLL_FORMATTERS_MESSAGE="outputFilePath=$living/specs.ndjson"
  export REQNROLL_FORMATTERS_HTML="outputFilePath=$living/specs.html"
fi

# The test platform's copies of the attachments go to artifacts/attachments/ (Suite/AttachmentFolder.cs), emptied here.
rm -rf artifacts/attachments
# Built first: after a build failure there is nothing to summarise.
dotnet build ConvSpecs.csproj "${build_args[@]}" ||
  { echo "run-specs.sh: the build failed (errors above); nothing was run." >&2; exit 1; }
# Only the scenarios: the counts are the submissions' scenarios (--check runs the binding tests).
[ "$run_specs" = 1 ] && test_args+=(--filter-class ConvSpecs.Suite.SpecificationTests)
dotnet test --project ConvSpecs.csproj --no-build "${test_args[@]}"
status=$?
# tail polls once a second: give it the last lines before it stops
[ "$run_specs" = 1 ] && sleep 1 && kill "$tail_pid" 2>/dev/null

if [ -d "$evidence" ]; then
  echo
  echo "Per submission (scenarios with evidence):"
  for submission in "$evidence"/*/; do
    [ -d "$submission" ] || continue
    name=$(basename "$submission")
    passed=$(grep -rl '"passed": true' "$submission" --include statistics.json | wc -l)
    failed=$(grep -rl '"passed": false' "$submission" --include statistics.json | wc -l)
    printf '  %-28s %3d passed, %3d failed' "$name" "$passed" "$failed"
    if [ -f "$submission/index.html" ]; then printf '   %s\n' "${submission}index.html"; else echo; fi
  done
fi
echo
echo "Evidence: $evidence"
[ -f "$living/specs.html" ] && echo "Living documentation: $living/specs.html (Reqnroll's report), $living/specs.ndjson (Cucumber Messages)"
exit $status
