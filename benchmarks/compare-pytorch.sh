#!/usr/bin/env bash
# L1Lab against PyTorch, measured side by side in one run: the articles' MNIST MLP (--model mlp, the default) or
# notebook 10's CNN on PneumoniaMNIST (--model cnn).
#
#   bash benchmarks/compare-pytorch.sh [--model mlp|cnn] [--rounds 3] [--epochs 3] [--modes none,proximal] [--write]
#
# Each round trains, for each mode (MLP: no L1, L1 in the loss, proximal L1; CNN: no L1, proximal L1, proximal L1
# plus group lasso on filters; --modes keeps a comma-separated subset, to fit a run into less time), L1Lab and then PyTorch with the same model, data, batch size, learning rate and
# threads, so both see the machine in the same state. The first epoch of every
# run is a warm-up and is dropped; the table gives the median seconds of training per epoch over the remaining
# epochs of all rounds, and the ratio L1Lab / PyTorch. With --write the table replaces the block between the
# compare-pytorch markers in README.md and benchmarks/README.md (for the CNN: the compare-pytorch-cnn markers in
# benchmarks/README.md; the top-level README quotes its ratio in one line).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=3 epochs=3 write=0 model=mlp only=
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --epochs) epochs=$2; shift 2 ;;
    --model) model=${2:-}; shift 2 ;;
    --modes) only=${2:-}; shift 2 ;;
    --write) write=1; shift ;;
    *) echo "compare-pytorch.sh: unknown option '$1' (use --model mlp|cnn, --rounds N, --epochs N, --modes a,b, --write)" >&2; exit 2 ;;
  esac
done
case "$rounds$epochs" in *[!0-9]*) echo "compare-pytorch.sh: --rounds and --epochs take whole numbers" >&2; exit 2 ;; esac
[ "$epochs" -ge 2 ] || { echo "compare-pytorch.sh: --epochs must be at least 2 (the first is a warm-up)" >&2; exit 2; }
# What differs between the two models; everything else below is shared.
case "$model" in
  mlp) modes=(none penalty proximal) script=train_mnist.py lambda=0.01 marker=compare-pytorch readmes=(README.md benchmarks/README.md)
       workload="60,000 MNIST images, MLP 784-256-10, lr 0.01, batch 32" ;;
  cnn) modes=(none proximal group) script=train_cnn.py lambda=0.001 marker=compare-pytorch-cnn readmes=(benchmarks/README.md)
       workload="4,708 PneumoniaMNIST images, CNN conv16-conv32-linear, lr 0.05, batch 32" ;;
  *) echo "compare-pytorch.sh: --model must be mlp or cnn (got '$model')" >&2; exit 2 ;;
esac
if [ -n "$only" ]; then
  IFS=, read -r -a wanted <<<"$only"
  for m in "${wanted[@]}"; do
    case " ${modes[*]} " in *" $m "*) ;; *) echo "compare-pytorch.sh: --modes: '$m' is not a mode of --model $model (${modes[*]})" >&2; exit 2 ;; esac
  done
  modes=("${wanted[@]}")
fi

# PyTorch from Debian (python3-torch 1.13 on OpenBLAS); the system interpreter, not a virtual environment's.
py=/usr/bin/python3
if ! "$py" -c "import torch" 2>/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends python3-torch libopenblas0-openmp >/dev/null
fi

dotnet build -c Release benchmarks/L1Lab.Benchmarks -v q -nologo >/dev/null
bench=(dotnet run -c Release --no-build --project benchmarks/L1Lab.Benchmarks -- epochs --model "$model" --lambda "$lambda")
rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
for round in $(seq 1 "$rounds"); do
  for mode in "${modes[@]}"; do
    echo "round $round/$rounds, $mode: L1Lab" >&2
    "${bench[@]}" --epochs "$epochs" --mode "$mode" | grep '^l1lab,' | sed "s/^/$round,/" >>"$rows"
    echo "round $round/$rounds, $mode: PyTorch" >&2
    "$py" "benchmarks/pytorch/$script" --epochs "$epochs" --mode "$mode" --lambda "$lambda" | grep '^pytorch,' | sed "s/^/$round,/" >>"$rows"
  done
done

machine="$(. /etc/os-release && echo "$PRETTY_NAME"), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB"
torch_version=$("$py" -c "import torch; print(torch.__version__)")
load=$(cut -d' ' -f1-3 /proc/loadavg)
table=$("$py" - "$rows" "$rounds" "$epochs" "$(date -u +%Y-%m-%d)" "$machine" "$torch_version" "$lambda" "$workload" "$load" "${modes[@]}" <<'PY'
import csv, statistics, sys
path, rounds, epochs, day, machine, torch_version, lam, workload, load, *modes = sys.argv[1:]
seconds, by_round = {}, {}
for run, framework, mode, epoch, secs, _ in csv.reader(open(path)):
    if int(epoch) > 1:                      # epoch 1 is a warm-up
        seconds.setdefault((framework, mode), []).append(float(secs))
        by_round.setdefault((framework, mode, run), []).append(float(secs))
names = {"none": "no L1", "penalty": f"L1 in the loss (λ = {lam})", "proximal": f"proximal L1 (λ = {lam})",
         "group": f"proximal L1 + filter group lasso (λ = {lam}, λ_g = {10 * float(lam):g})"}
print(f"Measured {day} on {machine}; {rounds} alternating rounds of {epochs} epochs, the first epoch of each run dropped; "
      f"L1Lab (TorchSharp-cpu 0.107.0) vs PyTorch {torch_version} (Debian, OpenBLAS), both on all cores. "
      f"Seconds of training per epoch ({workload}): medians, with the fastest and slowest epoch in "
      "brackets; the last column is the ratio within each round (the two ran one after the other), lowest to highest. "
      f"Load average (1, 5, 15 min) when the table was made: {load}.")
print()
print("| L1 | L1Lab s/epoch | PyTorch s/epoch | ratio L1Lab / PyTorch | ratio per round |")
print("|---|---:|---:|---:|---:|")
spread = lambda xs: f"{statistics.median(xs):.2f} ({min(xs):.2f}–{max(xs):.2f})"
for mode in modes:
    ours, theirs = seconds[("l1lab", mode)], seconds[("pytorch", mode)]
    ratio = statistics.median(ours) / statistics.median(theirs)
    per_round = sorted(statistics.median(by_round[("l1lab", mode, r)]) / statistics.median(by_round[("pytorch", mode, r)])
                       for r in sorted({r for (f, m, r) in by_round if m == mode}))
    print(f"| {names[mode]} | {spread(ours)} | {spread(theirs)} | **{ratio:.2f}** | {per_round[0]:.2f}–{per_round[-1]:.2f} |")
PY
)
echo "$table"
if [ "$write" = 1 ]; then
  for readme in "${readmes[@]}"; do
    "$py" - "$readme" "$table" "$marker" <<'PY'
import sys
path, table, marker = sys.argv[1], sys.argv[2], sys.argv[3]
begin, end = f"<!-- {marker}:begin -->", f"<!-- {marker}:end -->"
text = open(path, encoding="utf-8").read()
if begin not in text or end not in text:
    sys.exit(f"compare-pytorch.sh: {path} has no {begin} … {end} block")
head, rest = text.split(begin, 1)
tail = rest.split(end, 1)[1]
open(path, "w", encoding="utf-8").write(f"{head}{begin}\n{table}\n{end}{tail}")
PY
    echo "updated $readme" >&2
  done
fi
