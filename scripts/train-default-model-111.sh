#!/usr/bin/env bash
# Rebuilds the built-in ⟨111⟩ model embedded in the library, src/MlApt/Learning/Models/default-111.safetensors:
# L1₁-type Ni order (Ni on alternate (111) planes) seen along ⟨111⟩. The same recipe as the ⟨001⟩ default
# (scripts/train-default-model.sh): the same bank of 16 simulated specimens (seed 1), now with L1₁ Ni domains and
# [111] along z (bank --pole 111), the same six channels, sphere, stage, training and decision. Seeded: the same
# commands give bit-identical weights whatever the number of cores. About 7 minutes on 2 cores.
#
#   scripts/train-default-model-111.sh [WORKDIR]
#
# The decision was checked on ⟨111⟩ validation specimens 100–111 (mlapt validate --sweep 12 --sweep-start 100
# --pole 111 --align), never on the specimens the documentation reports (0–11).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-${TMPDIR:-/tmp}/mlapt-default-model-111}"
mkdir -p "$work"
dotnet build src/MlApt.Cli -c Release >/dev/null
mlapt() { dotnet src/MlApt.Cli/bin/Release/net10.0/mlapt.dll "$@"; }

POLE=111
SPHERE=1.25    # voxel sphere radius (voxel edges; the reference's is 0.75)
THRESHOLD=0.35 # mean-rule threshold
DOMAIN_FRACTION=0.70 # each selected domain keeps the sub-voxels above this fraction of its mean score
MIN_DOMAIN=16 # smallest selected domain kept (sub-voxels of 0.5 nm)
# An L1₁ Ni domain also puts Co and Cr on the (111) planes between, so every pair's z-SDM carries it.
CHANNELS=Ni-Ni,Co-Co,Cr-Cr,Ni-Co,Ni-Cr,Co-Cr

# A voxel is labelled CSRO when half of its own 1 nm cube lies inside a domain (the bank's default labels).
mlapt bank --specimens 16 --seed 1 --pole "$POLE" --sphere-radius "$SPHERE" --sdm-stage normalized --channels "$CHANNELS" \
  --out "$work/specimens-111.npz"
mlapt train --bank "$work/specimens-111.npz" --seed 1 --epochs 20 --shifts none \
  --map-stage normalized --map-sphere "$SPHERE" --map-rule mean --map-threshold "$THRESHOLD" --map-min-domain "$MIN_DOMAIN" \
  --map-domain-fraction "$DOMAIN_FRACTION" \
  --out src/MlApt/Learning/Models/default-111.safetensors
echo "Wrote src/MlApt/Learning/Models/default-111.safetensors; rebuild to embed it."
