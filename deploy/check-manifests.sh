#!/usr/bin/env bash
# What can be checked here without a cluster or a container engine: the manifests parse, the Indexed Job's
# completions equal the shard count both Jobs use, and the exact shell commands of the grading pods (one per
# completion index) and of the merge pod run against the built grader, with /submissions and /results
# mapped to local folders. Not run here: the image build, the scheduling, the volumes, bubblewrap in a pod.
#   deploy/check-manifests.sh SUBMISSIONS_DIR WORK_DIR     (after: dotnet build Grader)
set -euo pipefail
cd "$(dirname "$0")/.."
submissions=$(realpath "$1"); work=$(mkdir -p "$2" && realpath "$2")
grader="$PWD/Grader/bin/Debug/net10.0/ConvSpecs.Grader"
[ -x "$grader" ] || { echo "build the grader first: dotnet build Grader" >&2; exit 1; }
mkdir -p "$work/bin" "$work/results" && ln -sf "$grader" "$work/bin/convspecs-grader"

# each container's command, its SHARDS and the Job's completions, from the manifests
python3 - "$work" <<'PY'
import sys, yaml
work = sys.argv[1]
jobs = {}
for name in ("grade-job", "merge-job"):
    job = yaml.safe_load(open(f"deploy/kubernetes/{name}.yaml"))
    container = job["spec"]["template"]["spec"]["containers"][0]
    env = {item["name"]: item["value"] for item in container["env"]}
    assert container["command"] == ["/bin/sh", "-c"], name
    open(f"{work}/{name}.sh", "w").write(container["args"][0])
    jobs[name] = (job, int(env["SHARDS"]))
grade, shards = jobs["grade-job"]
assert grade["spec"]["completionMode"] == "Indexed" and grade["spec"]["completions"] == shards, "completions must equal SHARDS"
assert jobs["merge-job"][1] == shards, "both Jobs must use the same SHARDS"
open(f"{work}/shards", "w").write(str(shards))
PY
shards=$(cat "$work/shards")
local_paths() { sed -e "s#/submissions#$submissions#g" -e "s#/results#$work/results#g" "$1"; }
for index in $(seq 0 $((shards - 1))); do
  PATH="$work/bin:$PATH" JOB_COMPLETION_INDEX=$index SHARDS=$shards sh -c "$(local_paths "$work/grade-job.sh")" > "$work/shard-$index.log" &
done
wait
PATH="$work/bin:$PATH" SHARDS=$shards sh -c "$(local_paths "$work/merge-job.sh")"
