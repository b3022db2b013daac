#!/usr/bin/env bash
# Rebuilds the built-in ⟨111⟩ model embedded in the library, src/MlApt/Learning/Models/default-111.safetensors:
# L1₁-type Ni order (Ni on alternate (111) planes) seen along ⟨111⟩, by one 'mlapt build-model' line: the ⟨001⟩
# default's recipe (scripts/train-default-model.sh) with L1₁ Ni domains and [111] along z (the same 16 bank
# specimens, seed 1, the same draws of η, σxy, σz, S and domains). Seeded: the same line gives bit-identical
# weights whatever the number of cores. About 10 minutes on 2 cores.
#
#   scripts/train-default-model-111.sh [OUT]
#
# The decision is the ⟨001⟩ one, checked on ⟨111⟩ validation specimens 100–111 (mlapt validate --sweep 12
# --sweep-start 100 --pole 111 --align), never on the specimens the documentation reports (0–11).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-src/MlApt/Learning/Models/default-111.safetensors}"
dotnet build src/MlApt.Cli -c Release >/dev/null
dotnet src/MlApt.Cli/bin/Release/net10.0/mlapt.dll build-model --lattice fcc -a 0.356 --composition Co:1,Cr:1,Ni:1 --element Ni --structure L11 --pole 111 --channels Ni-Ni,Co-Co,Cr-Cr,Ni-Co,Ni-Cr,Co-Cr --seed 1 --specimens 16 --domain-free 0 --samples-per-specimen all --specimen-ranges validation --voxel-label sphere-0.75 --epochs 20 --map-threshold 0.35 --map-domain-fraction 0.7 --map-min-domain 16 --validation-specimens 0 --out "$out"
echo "Wrote $out; rebuild to embed it."
