#!/usr/bin/env bash
# The specialists of docs/validation.md ("The hard rows and what limits them"): for one hard row and one voxel
# sphere, a bank of specimens drawn like that row only, a model trained on it, its maps of the row's tuning
# and report specimens, and the decision grid replayed on both. The decision reported in the docs is the row of
# the tuning grid with the highest mean F1 whose twins stay ≤ 0.1 % (last column), read off the report grid.
#
#   scripts/specialists.sh ROW SPECIMENS SPHERE_NM [OUT]
#   scripts/specialists.sh weak 24 1.25          # the S 0.6 specialist of the table (about 10 minutes on 2 cores)
#   scripts/specialists.sh small 40 1.0
#   scripts/specialists.sh tilt15 16 1.5
#
# ROW: small, noisy, weak, tilt10 or tilt15. Seeds: bank 7301…, tuning 7101…, report 7201… (never shared).
set -euo pipefail
cd "$(dirname "$0")/.."
row=$1 count=$2 sphere=$3
out="${4:-specialist-$row-$sphere}"
mkdir -p "$out"
dotnet build src/MlApt.Cli -c Release >/dev/null
dotnet build scripts/model-lab -c Release >/dev/null
lab() { dotnet run --no-build --project scripts/model-lab -c Release -- "$@"; }
mlapt() { dotnet src/MlApt.Cli/bin/Release/net10.0/mlapt.dll "$@"; }

lab bank-row "$row" "$count" 7301 "$out/bank.npz" "$sphere"
mlapt train --bank "$out/bank.npz" --out "$out/model.safetensors" --seed 1 --folds 5 --epochs 20 --shifts none \
  --map-stage normalized --map-sphere "$sphere" --map-rule mean --map-threshold 0.35 --map-domain-fraction 0.7 --map-min-domain 16
lab map "$out/model.safetensors" tune "$out/tune" "$row"
lab map "$out/model.safetensors" report-rows "$out/report" "$row"
grid=(0.35,0.4,0.45,0.5,0.55,0.6,0.65 0,0.7 8,16,32,48)
echo "tuning specimens:"; lab tune "$out/tune" "${grid[@]}"
echo "report specimens:"; lab tune "$out/report" "${grid[@]}"
