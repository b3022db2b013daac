#!/usr/bin/env bash
# The hard rows of the default model's validation (docs/validation.md, "The hard rows"): independently seeded
# CoCrNi specimens that are harder than the validation sweep's, simulated and validated by the command line,
# never used to train or tune a model. Prints one line per specimen and the mean and worst F1 per row.
#
#   scripts/hard-rows.sh [OUT] [extra validate options, e.g. --model m.safetensors]
#
# Rows (everything else as `mlapt simulate`'s default specimen: 20 × 20 × 40 nm, 30 L1₂ Ni domains of radius
# 1.0–1.8 nm, η 0.5, σxy 0.3 nm, σz 0.03 nm, S 1):
#   small   80 domains of radius 0.6–1.0 nm                       seeds 7201–7204
#   noisy   η 0.3, σxy 0.6 nm, σz 0.05 nm                         seeds 7211–7214
#   weak    S 0.6                                                 seeds 7221–7224
#   tilt10  ⟨001⟩ 10° off z (azimuths 20, 110, 200, 290°), --align  seeds 7231–7234
#   tilt15  ⟨001⟩ 15° off z (azimuths 65, 155, 245, 335°), --align  seeds 7241–7244
# Needs bash and jq; about 8 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-hard-rows}"
shift || true
dotnet build src/MlApt.Cli -c Release >/dev/null
mlapt() { dotnet src/MlApt.Cli/bin/Release/net10.0/mlapt.dll "$@"; }
mkdir -p "$out"
results="$out/results.tsv"
printf 'row\tseed\tf1\tprecision\trecall\tvolume_ratio\ttwin_fp_percent\ttilt_found_deg\n' > "$results"

one() { # row seed simulate-options… -- validate-options…
  local row=$1 seed=$2; shift 2
  local sim=() val=()
  while [[ $# -gt 0 && $1 != -- ]]; do sim+=("$1"); shift; done
  [[ $# -gt 0 ]] && shift
  val=("$@")
  local dir="$out/$row-$seed"
  mkdir -p "$dir"
  mlapt simulate --out "$dir/s.pos" --seed "$seed" "${sim[@]}" >/dev/null
  mlapt validate "$dir/s.pos" --null --out "$dir/validation" --json "${val[@]}" "${extra[@]}" > "$dir/validation.json"
  jq -r --arg row "$row" '[$row, .specimen.seed, .score.f1, .score.precision, .score.recall, .score.volume_ratio,
      (.null_twin.false_positive_volume_fraction * 100), (.alignment.tilt_deg // "-")] | @tsv' "$dir/validation.json" | tee -a "$results"
}

extra=("$@")
orientation() { awk -v t="$1" -v a="$2" 'BEGIN { d = atan2(0, -1) / 180; r = sin(t*d)/cos(t*d); printf "%.6f,%.6f,1", r*cos(a*d), r*sin(a*d) }'; }
for i in 1 2 3 4; do one small $((7200 + i)) --domains 80 --radius 0.6-1.0; done
for i in 1 2 3 4; do one noisy $((7210 + i)) --eta 0.3 --sigma-xy 0.6 --sigma-z 0.05; done
for i in 1 2 3 4; do one weak $((7220 + i)) --order 0.6; done
az=(20 110 200 290)
for i in 1 2 3 4; do one tilt10 $((7230 + i)) --orientation "$(orientation 10 "${az[$((i - 1))]}")" -- --align; done
az=(65 155 245 335)
for i in 1 2 3 4; do one tilt15 $((7240 + i)) --orientation "$(orientation 15 "${az[$((i - 1))]}")" -- --align; done

echo
echo "row: F1 mean (worst), volume ratio range, twins' false positives max (%)"
awk -F'\t' 'NR > 1 { n[$1]++; f[$1] += $3; if (!($1 in w) || $3 < w[$1]) w[$1] = $3;
  if (!($1 in lo) || $6 < lo[$1]) lo[$1] = $6; if (!($1 in hi) || $6 > hi[$1]) hi[$1] = $6; if ($7 > fp[$1]) fp[$1] = $7; order[$1] = NR }
  END { for (r in n) printf "%s: %.3f (%.3f), %.2f-%.2f, %.3f\n", r, f[r] / n[r], w[r], lo[r], hi[r], fp[r] }' "$results" | sort
