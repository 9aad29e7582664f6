#!/usr/bin/env bash
# Runs every course notebook at full size (the parameters cells' defaults, no --set), keeps the executed notebooks, and
# writes results/full-size/results.json: for each notebook its wall time, every Check.That claim its hide-input cells
# make (and whether the run reached and passed it), the text each code cell printed, and the run's date and load
# average. Given a subset, it replaces only those notebooks' entries and keeps the others. The notebooks' and the
# README's full-size statements point here. A maintainer runs it before a release (about 5 minutes on an idle
# 2-core machine, much longer on a loaded one); CI does not.
#
#   scripts/full-size-run.sh [OUT [NOTEBOOK…]]   OUT: folder for the executed notebooks (default artifacts/full-size);
#                                             NOTEBOOK…: a subset, in this order (default every notebooks/NN-*.ipynb)
#   CONFIGURATION=Debug scripts/…       use an existing Debug build instead of building Release
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/full-size}
shift $(( $# > 0 ? 1 : 0 ))
if [ $# -gt 0 ]; then notebooks=("$@"); else notebooks=(notebooks/[0-9][0-9]-*.ipynb); fi
configuration=${CONFIGURATION:-Release}
mkdir -p "$out" results/full-size
if [ "$configuration" = Release ]; then dotnet build lib/L1Lab.Cli -c Release -v quiet -nologo; fi
cli=lib/L1Lab.Cli/bin/$configuration/net10.0/L1Lab.Cli.dll
[ -f "$cli" ] || { echo "full-size-run: $cli not found: build lib/L1Lab.Cli -c $configuration first" >&2; exit 2; }

started=$(date -u +%FT%TZ)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
set +e
dotnet "$cli" notebooks run "${notebooks[@]}" --save-to "$out" 2>&1 | tee "$out/run.log"
status=${PIPESTATUS[0]}
set -e
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
/usr/bin/python3 scripts/full-size-results.py --executed "$out" --log "$out/run.log" --exit-code "$status" \
    --started "$started" --load "$load_before / $load_after" --out results/full-size/results.json --notebooks "${notebooks[@]}"
echo "full-size-run: exit code $status; results in results/full-size/results.json, executed notebooks in $out"
exit "$status"
