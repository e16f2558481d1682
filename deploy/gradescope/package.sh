#!/usr/bin/env bash
# Writes the zip Gradescope's "Configure Autograder" takes (README, "Gradescope"): setup.sh and run_autograder at its
# root, the grader published once here (framework-dependent, linux-x64), the features and data it grades with, and the
# settings it was built with. Run through ./run-specs.sh --gradescope-package FILE.zip, which sets the CONVSPECS_*
# variables from its options.
#
# usage: deploy/gradescope/package.sh FILE.zip [--configuration C] [--no-build] [--zip-level N]
#   --configuration C   the grader's build configuration (default Release)
#   --no-build          publish what is already built in that configuration (the simulation test's fixture)
#   --zip-level N       zip's compression level, 0 (store) to 9 (default 6)
set -euo pipefail
repository=$(cd "$(dirname "$0")/../.." && pwd)
here="$repository/deploy/gradescope"

fail() { echo "gradescope package: $*" >&2; exit 2; }

[ $# -ge 1 ] || fail "name the zip to write: --gradescope-package FILE.zip"
out=$1; shift
configuration=Release
publish_args=()
level=6
while [ $# -gt 0 ]; do
  case "$1" in
    --configuration) configuration=${2:?--configuration needs a name}; shift 2 ;;
    --no-build) publish_args+=(--no-build); shift ;;
    --zip-level) level=${2:?--zip-level needs 0-9}; shift 2 ;;
    *) fail "unknown option '$1'" ;;
  esac
done
case "$out" in *.zip) ;; *) fail "the package is a .zip file, not '$out'" ;; esac
command -v zip >/dev/null || fail "needs zip (apt-get install -y zip)"
# Directory.Build.props builds for the machine's runtime identifier: Gradescope's is linux-x64, so this one must be too.
[ "$(uname -s)/$(uname -m)" = Linux/x86_64 ] || fail "build the package on Linux x86-64 (Gradescope's platform), not $(uname -s)/$(uname -m)"

# --- the settings the package grades with: run-specs.sh's options, with limits for one student in Gradescope's container ---
device=${CONVSPECS_DEVICE:-cpu}
[ "$device" = auto ] && device=cpu
[ "$device" = cpu ] || fail "Gradescope's containers have no GPU: package with --device cpu (or no --device)"
seed=${CONVSPECS_SEED:-20261123}
profile=${CONVSPECS_PROFILE:-quick}
dataset=${CONVSPECS_DATASET:-auto}
variant=${CONVSPECS_VARIANT:-}
isolation=${CONVSPECS_ISOLATION:-auto}
# What the assignment's "Autograder timeout" is set to in Gradescope (seconds); the grader's own deadlines fit inside it.
gradescope_timeout=${CONVSPECS_GRADESCOPE_TIMEOUT:-600}
# Measured (README, "Gradescope"): a variant 4 student at half a CPU takes about 170 s of training in its first scenario.
scenario_timeout=${CONVSPECS_SCENARIO_TIMEOUT:-360}
student_timeout=${CONVSPECS_STUDENT_TIMEOUT:-$((gradescope_timeout - 90))}
memory_mb=${CONVSPECS_MEMORY_MB:-1024}
for number in "$seed" "$gradescope_timeout" "$scenario_timeout" "$student_timeout" "$memory_mb"; do
  [[ "$number" =~ ^[0-9]+$ ]] || fail "'$number' is not a whole number"
done
[ "$student_timeout" -ge "$scenario_timeout" ] ||
  fail "the student's time ($student_timeout s) must hold at least one scenario's ($scenario_timeout s): raise CONVSPECS_GRADESCOPE_TIMEOUT or lower CONVSPECS_SCENARIO_TIMEOUT"
[ "$student_timeout" -le $((gradescope_timeout - 60)) ] ||
  fail "the student's time ($student_timeout s) must end a minute before Gradescope's timeout ($gradescope_timeout s), so results.json is written"
case "$profile" in quick|full) ;; *) fail "--profile is quick or full" ;; esac
case "$isolation" in auto|none) ;; *) fail "isolation is auto or none" ;; esac

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# --- the grader, published once: nothing is restored or compiled in Gradescope but the student's own files ---
echo "Publishing the grader ($configuration, linux-x64, framework-dependent) ..."
dotnet publish "$repository/Grader/ConvSpecs.Grader.csproj" -c "$configuration" \
  -o "$stage/grader" -v q -nologo "${publish_args[@]}" -p:StudentFolders=false \
  "-p:CustomAfterMicrosoftCommonTargets=$here/PublishedLibTorchSharp.targets" ||
  fail "dotnet publish failed (errors above)"
[ -f "$stage/grader/ConvSpecs.Grader.dll" ] || fail "the published grader has no ConvSpecs.Grader.dll"
# Symbols, XML docs and the resources of other languages are not needed to grade.
find "$stage/grader" \( -name '*.pdb' -o -name '*.xml' \) -delete
for folder in "$stage/grader"/*/; do
  case "$(basename "$folder")" in ?? | ??-*) rm -rf "$folder" ;; esac
done

# --- what it grades with: the features (the grader has its own copy; this one is for people) and the data ---
cp -R "$repository/Features" "$stage/Features"
mkdir -p "$stage/data"
cp -R "${CONVSPECS_DATA_DIR:-$repository/data}/." "$stage/data/"
pooling_npz=""
if [ -n "${CONVSPECS_POOLING_NPZ:-}" ]; then
  [ -f "$CONVSPECS_POOLING_NPZ" ] || fail "--pooling-npz $CONVSPECS_POOLING_NPZ is not a file"
  cp "$CONVSPECS_POOLING_NPZ" "$stage/data/pooling.npz"
  pooling_npz=data/pooling.npz
fi
variants=$(cd "$repository/Features" && ls -- *.feature | sed 's/\.feature$//; s/^variant//' | sort | paste -sd, -)
if [ -n "$variant" ]; then
  case ",$variants," in *",$variant,"*) ;; *) fail "--variant $variant is not one of $variants" ;; esac
fi

# The self-test setup.sh grades once: the reference solution of variant 2, the cheapest, so a broken image fails its build.
mkdir -p "$stage/selftest/Reference"
cp "$repository/Models/Reference/BorderCroppingNet.cs" "$stage/selftest/Reference/"

commit=$(git -C "$repository" rev-parse HEAD 2>/dev/null || echo unknown)
[ -n "$(git -C "$repository" status --porcelain 2>/dev/null)" ] && commit="$commit+uncommitted-changes"
runtime=$(dotnet --list-runtimes | awk '$1 == "Microsoft.NETCore.App" { version = $2 } END { print version }')
built=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# settings.env: sourced by setup.sh and run_autograder (names as the grader's environment variables, README's table)
{
  echo "# The settings this package grades with; written by deploy/gradescope/package.sh, read by setup.sh and run_autograder."
  printf 'CONVSPECS_SEED=%q\n' "$seed"
  printf 'CONVSPECS_DEVICE=%q\n' "$device"
  printf 'CONVSPECS_PROFILE=%q\n' "$profile"
  printf 'CONVSPECS_DATASET=%q\n' "$dataset"
  printf 'CONVSPECS_VARIANT=%q\n' "$variant"
  printf 'CONVSPECS_POOLING_NPZ_IN_PACKAGE=%q\n' "$pooling_npz"
  printf 'CONVSPECS_ISOLATION=%q\n' "$isolation"
  printf 'CONVSPECS_SCENARIO_TIMEOUT=%q\n' "$scenario_timeout"
  printf 'CONVSPECS_STUDENT_TIMEOUT=%q\n' "$student_timeout"
  printf 'CONVSPECS_MEMORY_MB=%q\n' "$memory_mb"
  printf 'CONVSPECS_GRADESCOPE_TIMEOUT=%q\n' "$gradescope_timeout"
  printf 'CONVSPECS_DOTNET_CHANNEL=%q\n' "${runtime%%.*}.0"
} > "$stage/settings.env"

json() { local text=${1//\\/\\\\}; printf '"%s"' "${text//\"/\\\"}"; }
cat > "$stage/settings.json" <<JSON
{
  "format": "convspecs-gradescope/1",
  "built_at": $(json "$built"),
  "git_commit": $(json "$commit"),
  "dotnet_runtime_built_with": $(json "$runtime"),
  "seed": $seed,
  "device": $(json "$device"),
  "profile": $(json "$profile"),
  "dataset": $(json "$dataset"),
  "pooling_npz": $(json "$pooling_npz"),
  "variants_in_features": [$(printf '%s' "$variants" | sed 's/[^,]*/"&"/g')],
  "only_variant": $( [ -n "$variant" ] && json "$variant" || echo null ),
  "isolation": $(json "$isolation"),
  "limits": {
    "gradescope_timeout_s": $gradescope_timeout,
    "student_timeout_s": $student_timeout,
    "scenario_timeout_s": $scenario_timeout,
    "memory_per_student_mb": $memory_mb,
    "parallel": 1
  }
}
JSON

cp "$here/setup.sh" "$here/run_autograder" "$stage/"
cp "$here/PACKAGE.md" "$stage/README.md"
chmod 755 "$stage/setup.sh" "$stage/run_autograder"
chmod -R a+rX "$stage"

mkdir -p "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
rm -f "$out"
echo "Zipping (level $level) ..."
(cd "$stage" && zip -q -r "-$level" "$out" setup.sh run_autograder README.md settings.env settings.json grader Features data selftest)
echo "Wrote $out ($(du -h "$out" | cut -f1)): commit $commit, seed $seed, profile $profile, variant ${variant:-all}," \
  "limits $scenario_timeout s a scenario, $student_timeout s a student, $memory_mb MiB, Gradescope timeout $gradescope_timeout s"
