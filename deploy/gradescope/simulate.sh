#!/usr/bin/env bash
# A local stand-in for Gradescope's container, to try a package before uploading it (README, "Gradescope"). The
# container is bubblewrap: the system's /usr, /etc and libraries read-only, ROOT mounted at /autograder laid out as
# Gradescope lays it out (source/, submission/, results/, submission_metadata.json), a private /tmp and /dev.
#
# usage: deploy/gradescope/simulate.sh prepare PACKAGE.zip ROOT
#          unpacks the package into ROOT/source and copies run_autograder to ROOT/run_autograder (as Gradescope's image
#          build does), then runs setup.sh in the container with CONVSPECS_GRADESCOPE_SKIP_INSTALL=1 (.NET and bubblewrap
#          are this machine's)
#        deploy/gradescope/simulate.sh run ROOT SUBMISSION [options] [-- BWRAP_ARGUMENTS...]
#          copies SUBMISSION (a folder) into ROOT/submission, empties ROOT/results, runs /autograder/run_autograder in the
#          container; ROOT/results/results.json is the result
#   --metadata FILE   the submission_metadata.json to put in ROOT (default: a made-up student's)
#   --proc host       the container sees the host's /proc, so the grader's bubblewrap can nest in it (default)
#   --proc private    a /proc of its own, as Docker gives one: bubblewrap cannot mount a /proc inside, the grader falls back
#   --memory MB --cpus C   run the container in a cgroup with Gradescope-like limits (768 and 0.5 are its defaults), its
#                     files evicted from the page cache first; prints the peak memory and the OOM kills (cgroup v1 here,
#                     else systemd-run --scope without the peak)
#   BWRAP_ARGUMENTS   more options for the container's bwrap (the tests hide the grader with --tmpfs /autograder/source/grader)
set -euo pipefail

fail() { echo "simulate.sh: $*" >&2; exit 2; }
command -v bwrap >/dev/null || fail "needs bubblewrap (apt-get install -y bubblewrap)"

# The container: what a Gradescope image has of the system, read-only, and ROOT as /autograder.
container() {
  local root=$1 proc=$2; shift 2
  local view=(--ro-bind /usr /usr --ro-bind /etc /etc --bind "$root" /autograder --dev /dev --tmpfs /tmp --ro-bind /sys /sys
    --unshare-ipc --unshare-uts --die-with-parent --chdir /autograder
    --setenv PATH /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --setenv HOME /root)
  for folder in /lib /lib64 /lib32 /bin /sbin; do view+=(--ro-bind-try "$folder" "$folder"); done
  if [ "$proc" = private ]; then view+=(--unshare-pid --proc /proc); else view+=(--bind /proc /proc); fi
  # Gradescope runs everything as root; a user who is not gets a user namespace in which it is.
  [ "$(id -u)" = 0 ] || view+=(--unshare-user --uid 0 --gid 0)
  bwrap "${view[@]}" "$@"
}

prepare() {
  local package=$1 root=$2
  [ -f "$package" ] || fail "no package $package"
  command -v unzip >/dev/null || fail "needs unzip (apt-get install -y unzip)"
  mkdir -p "$root"
  [ -z "$(ls -A "$root")" ] || fail "$root is not empty"
  chmod 755 "$root"
  mkdir -p "$root/source" "$root/submission" "$root/results"
  unzip -q "$package" -d "$root/source"
  cp "$root/source/run_autograder" "$root/run_autograder"
  chmod 755 "$root/run_autograder"
  container "$root" host --setenv CONVSPECS_GRADESCOPE_SKIP_INSTALL 1 bash /autograder/source/setup.sh
}

# Gradescope's documented fields, with a name no grader should ever use for a path or print unescaped.
default_metadata() {
  cat <<'JSON'
{
  "id": 123456,
  "created_at": "2026-12-01T10:00:00.000000-08:00",
  "assignment": { "due_date": "2026-12-08T23:00:00.000000-08:00", "group_size": null, "group_submission": false, "id": 25828,
                  "course_id": 1234, "late_due_date": null, "release_date": "2026-11-23T00:00:00.000000-08:00",
                  "title": "Seminar 1: convolutional networks", "total_points": "20.0" },
  "submission_method": "upload",
  "users": [ { "email": "student@example.com", "id": 1234, "name": "../../results/<b>Mallory</b> $(id)" } ],
  "previous_submissions": []
}
JSON
}

# cgroup v1 memory and cpu groups (this machine), else a systemd scope; prints the files a process joins them by.
limit_cgroups() {
  local memory_mb=$1 cpus=$2 name=convspecs-gradescope-$$ quota
  quota=$(awk -v c="$cpus" 'BEGIN { printf "%d", c * 100000 }')
  local memory cpu
  memory=$(awk -F: '$2 == "memory" { print $3 }' /proc/self/cgroup)
  cpu=$(awk -F: '$2 ~ /(^|,)cpu(,|$)/ { print $3 }' /proc/self/cgroup)
  if [ -n "$memory" ] && [ -d "/sys/fs/cgroup/memory$memory" ] && [ -n "$cpu" ]; then
    memory=/sys/fs/cgroup/memory${memory%/}/$name
    cpu=$(ls -d /sys/fs/cgroup/cpu,cpuacct /sys/fs/cgroup/cpu 2>/dev/null | head -n 1)${cpu%/}/$name
    mkdir "$memory" "$cpu"
    echo $((memory_mb * 1024 * 1024)) > "$memory/memory.limit_in_bytes"
    [ -f "$memory/memory.memsw.limit_in_bytes" ] && echo $((memory_mb * 1024 * 1024)) > "$memory/memory.memsw.limit_in_bytes"
    echo 100000 > "$cpu/cpu.cfs_period_us"
    echo "$quota" > "$cpu/cpu.cfs_quota_us"
    echo "$memory $cpu"
  fi
}

run() {
  local root=$1 submission=$2; shift 2
  local metadata="" proc=host memory_mb="" cpus=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --metadata) metadata=${2:?--metadata needs a file}; shift 2 ;;
      --proc) proc=${2:?--proc needs host or private}; shift 2 ;;
      --memory) memory_mb=${2:?--memory needs MB}; shift 2 ;;
      --cpus) cpus=${2:?--cpus needs a number}; shift 2 ;;
      --) shift; break ;;
      *) fail "unknown option '$1'" ;;
    esac
  done
  [ -x "$root/run_autograder" ] || fail "$root is not prepared (simulate.sh prepare PACKAGE.zip $root)"
  [ -d "$submission" ] || fail "the submission $submission is not a folder"
  rm -rf "$root/submission" "$root/results"
  mkdir -p "$root/results"
  cp -a "$submission" "$root/submission"
  if [ -n "$metadata" ]; then cp "$metadata" "$root/submission_metadata.json"; else default_metadata > "$root/submission_metadata.json"; fi

  if [ -z "$memory_mb$cpus" ]; then
    container "$root" "$proc" "$@" /autograder/run_autograder
    return
  fi
  [ -n "$memory_mb" ] && [ -n "$cpus" ] || fail "--memory and --cpus go together"
  # A fresh container reads its files from disk: evict them from the page cache, so reading them is charged here too.
  find "$root/source" -type f -exec dd if={} iflag=nocache count=0 status=none \;
  local groups
  groups=$(limit_cgroups "$memory_mb" "$cpus")
  local started=$SECONDS status=0
  if [ -n "$groups" ]; then
    read -r memory cpu <<< "$groups"
    local peak_anon=0 sample
    (
      echo "$BASHPID" > "$memory/cgroup.procs"
      echo "$BASHPID" > "$cpu/cgroup.procs"
      container "$root" "$proc" "$@" /autograder/run_autograder
    ) &
    local child=$!
    while kill -0 "$child" 2>/dev/null; do
      sample=$(awk '$1 == "total_rss" || $1 == "total_shmem" { sum += $2 } END { print sum + 0 }' "$memory/memory.stat")
      [ "$sample" -gt "$peak_anon" ] && peak_anon=$sample
      sleep 0.5
    done
    wait "$child" || status=$?
    echo "container: limits $memory_mb MB and $cpus CPU; wall $((SECONDS - started)) s;" \
      "peak memory $(( $(cat "$memory/memory.max_usage_in_bytes") / 1048576 )) MiB (page cache included)," \
      "peak anonymous + tmpfs $((peak_anon / 1048576)) MiB (sampled every 0.5 s);" \
      "OOM kills $(awk '$1 == "oom_kill" { print $2 }' "$memory/memory.oom_control"); limit hit $(cat "$memory/memory.failcnt") times"
    rmdir "$memory" "$cpu" 2>/dev/null || true
  else
    command -v systemd-run >/dev/null || fail "no cgroup v1 memory hierarchy and no systemd-run: cannot set --memory/--cpus here"
    systemd-run --scope --quiet -p "MemoryMax=${memory_mb}M" -p "MemorySwapMax=0" -p "CPUQuota=$(awk -v c="$cpus" 'BEGIN { print c * 100 }')%" \
      "$0" run "$root" "$submission" --proc "$proc" ${metadata:+--metadata "$metadata"} -- "$@" || status=$?
    echo "container: limits $memory_mb MB and $cpus CPU (systemd scope; peak not measured); wall $((SECONDS - started)) s"
  fi
  return "$status"
}

case "${1:-}" in
  prepare) [ $# -eq 3 ] || fail "usage: simulate.sh prepare PACKAGE.zip ROOT"; prepare "$2" "$3" ;;
  run) [ $# -ge 3 ] || fail "usage: simulate.sh run ROOT SUBMISSION [options]"; shift; run "$@" ;;
  *) fail "usage: simulate.sh prepare PACKAGE.zip ROOT | run ROOT SUBMISSION [--metadata FILE] [--proc host|private] [--memory MB --cpus C] [-- BWRAP_ARGUMENTS]" ;;
esac
