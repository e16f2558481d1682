#!/usr/bin/env bash
# Writes N student folders (default 30) into DIR: each attempts one to three variants with the reference
# models (renamed into its own namespace); every tenth does not compile, and two others are broken at run time.
set -euo pipefail
dir="${1:?usage: bench/generate-submissions.sh DIR [N]}"
count="${2:-30}"
root="$(cd "$(dirname "$0")/.." && pwd)"
references=(BorderCroppingNet BottleneckNet AlternatingDepthNet GrowingVarianceNet TwoPoolsNet)

rm -rf "$dir" && mkdir -p "$dir"
for i in $(seq 1 "$count"); do
  student=$(printf 'Student%02d' "$i")
  mkdir -p "$dir/$student"
  # a deterministic mix of one to three reference models per student
  for k in $(seq 0 $(( i % 3 ))); do
    model=${references[$(( (i + 2 * k) % ${#references[@]} ))]}
    sed -e "s/namespace ConvSpecs.Models.Reference;/namespace Students.$student;/" -e '1i using ConvSpecs.Models;' \
      "$root/Models/Reference/$model.cs" > "$dir/$student/$model.cs"
  done
  case $(( i % 10 )) in
    0) echo "namespace Students.$student; public class Broken { int x = }" > "$dir/$student/Broken.cs" ;;
    3) sed -i 's/public override Tensor forward(Tensor x) =>/public override Tensor forward(Tensor x) => throw new NotImplementedException("TODO"); public Tensor Unused(Tensor x) =>/' "$dir/$student"/*.cs ;;
    7) sed -i 's/padding: 0L/padding: 1L/' "$dir/$student"/*.cs ;;
  esac
done
echo "$count submissions in $dir"
