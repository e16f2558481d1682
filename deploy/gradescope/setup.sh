#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image; /autograder/source holds the zip's contents.
# It installs what the published grader needs to run (the .NET runtime, ICU, bubblewrap), then grades the reference
# solution of variant 2 once, so an image on which the grader cannot run fails its build instead of every submission.
# CONVSPECS_GRADESCOPE_SKIP_INSTALL=1 skips the installing (the local simulation, where .NET and bubblewrap are present);
# everything after it runs either way.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=/dev/null
source "$here/settings.env"

if [ "${CONVSPECS_GRADESCOPE_SKIP_INSTALL:-0}" != 1 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # ICU's package carries its version in its name (libicu70 on Ubuntu 22.04, libicu74 on 24.04)
  icu=$(apt-cache pkgnames libicu | grep -E '^libicu[0-9]+$' | sort -V | tail -n 1)
  apt-get install -y -qq --no-install-recommends ca-certificates curl bubblewrap util-linux ${icu:+"$icu"}
  # Only the runtime: the grader is published, and compiles students with Roslyn against the runtime's own assemblies.
  curl -fsSL --retry 3 https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
  bash /tmp/dotnet-install.sh --channel "$CONVSPECS_DOTNET_CHANNEL" --runtime dotnet --install-dir /usr/share/dotnet
  ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet
  rm -f /tmp/dotnet-install.sh
fi

# --- from here on the simulation runs it too ---
command -v dotnet >/dev/null || { echo "setup.sh: dotnet is not on PATH" >&2; exit 1; }
dotnet --list-runtimes | grep -q "^Microsoft.NETCore.App ${CONVSPECS_DOTNET_CHANNEL%.0}\." ||
  { echo "setup.sh: the .NET ${CONVSPECS_DOTNET_CHANNEL} runtime is missing (dotnet --list-runtimes above)" >&2; dotnet --list-runtimes >&2; exit 1; }
command -v setpriv >/dev/null || { echo "setup.sh: setpriv (util-linux) is missing; the grader starts every student process with it" >&2; exit 1; }
command -v bwrap >/dev/null || echo "setup.sh: bubblewrap is missing: students will be graded in plain processes (README, \"Isolation\")"

# Zip extraction may drop modes: the grader and the scripts must be executable, and readable by nobody (the sandbox's user).
chmod -R a+rX "$here"
chmod 755 "$here/run_autograder" "$here/setup.sh" "$here/grader/ConvSpecs.Grader"

# One grading of the reference solution: the runtime, libtorch, the features and the sandbox all work on this image.
selftest=$(mktemp -d /tmp/convspecs-selftest.XXXXXX)
trap 'rm -rf "$selftest"' EXIT
chmod 755 "$selftest"
mkdir -p "$selftest/submissions"
cp -R "$here/selftest/Reference" "$selftest/submissions/"
chmod -R a+rX "$selftest/submissions"
echo "Grading the reference solution of variant 2 once (a check of this image) ..."
CONVSPECS_PROFILE=$CONVSPECS_PROFILE CONVSPECS_DATASET=$CONVSPECS_DATASET CONVSPECS_DATA_DIR="$here/data" \
  dotnet "$here/grader/ConvSpecs.Grader.dll" grade "$selftest/submissions" --out "$selftest/out" --variant 2 --parallel 1 \
  --seed "$CONVSPECS_SEED" --device "$CONVSPECS_DEVICE" --isolation "$CONVSPECS_ISOLATION" \
  --scenario-timeout "$CONVSPECS_SCENARIO_TIMEOUT" --student-timeout "$CONVSPECS_STUDENT_TIMEOUT" --memory "$CONVSPECS_MEMORY_MB" --no-cache
# summary.csv: student,variants,passed,total,score,max_score,time_s,verdict
IFS=, read -r _ _ passed total _ _ _ verdict < <(sed -n 2p "$selftest/out/summary.csv")
if [ "$verdict" != graded ] || [ "$passed" != "$total" ] || [ "${total:-0}" = 0 ]; then
  echo "setup.sh: the reference solution did not pass on this image ($passed of $total scenarios, verdict: $verdict)" >&2
  exit 1
fi
echo "setup.sh: ready; the reference solution passed $passed of $total scenarios of variant 2."
