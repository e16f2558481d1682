#!/usr/bin/env bash
# The training benchmark (bench/README.md): seed 000's two networks trained in TorchSharp and in PyTorch on this
# machine, side by side, and the suite's training loop against a bare one. Prints a markdown table.
# usage: bench/run.sh [--repeats 5] [--epochs 5] [--steps 60]
set -euo pipefail
cd "$(dirname "$0")/.."

# the PyTorch side is Debian's python3-torch (1.13 on bookworm), run by the system's python
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  echo "Installing python3-torch (Debian) for the PyTorch side ..." >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-torch >&2
fi

dotnet build bench/ConvSpecs.Bench -c Release -v quiet --nologo >&2
dotnet bench/ConvSpecs.Bench/bin/Release/net10.0/ConvSpecs.Bench.dll "$@"
