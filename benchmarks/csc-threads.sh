#!/usr/bin/env bash
# Where csc's CPU goes, with and without the package: on-CPU samples by thread, alternating.
#
#   benchmarks/csc-threads.sh [--analyzers DIR] [--freq HZ] [--reps K] [--no-r2r] [--timeline SECONDS] [N]
#
# Runs csc with the command line of benchmarks/run.sh's ReportAnalyzer build of size N (default 1000; run.sh must have
# built that size) under `perf record -e cpu-clock`, K times (default 2) in each variant, alternating: "with" (the
# package's analyzers, or those in DIR) and "without" (the same command line minus the two Residency analyzer
# assemblies). For each run prints the samples by thread: the compiler's and analyzers' workers, the runtime's
# background JIT (tier 1), the garbage collector. It tells where a difference between the two variants lies that the
# package's own frames (benchmarks/cpu-share.sh) do not show, and which code the compiler ran (by JIT tier). --no-r2r
# runs both variants with DOTNET_ReadyToRun=0 and DOTNET_TieredCompilation=0: every method, the compiler's too, is then
# compiled optimised on first call and named in the samples, and tiering cannot move the compiler's speed between
# runs; slower than a user's csc, but the attribution is complete. --timeline SECONDS adds, per run, one line per
# SECONDS: the cores busy, our samples and the others by code (when our work runs; how long the compiler's code stays
# in its instrumented tier beside it). Needs perf and python3. See benchmarks/README.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=benchmarks/csc-command.sh
source "$here/csc-command.sh"
analyzers=""
freq=199
reps=2
n=1000
timeline=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --analyzers) analyzers="$(cd "${2:?--analyzers needs a directory}" && pwd)"; shift 2 ;;
    --freq) freq="${2:?--freq needs a number}"; shift 2 ;;
    --reps) reps="${2:?--reps needs a number}"; shift 2 ;;
    --no-r2r) export DOTNET_ReadyToRun=0 DOTNET_TieredCompilation=0; shift ;;
    --timeline) timeline=(--timeline "${2:?--timeline needs a number of seconds}" --freq); shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) n="$1"; shift ;;
  esac
done

csc_require perf python3

csc_prepare "$here" "$n" "$analyzers"
echo "N=$n, $reps runs per variant, $freq Hz${DOTNET_ReadyToRun:+, no ReadyToRun code and no tiering}"
for ((rep = 1; rep <= reps; rep++)); do
  for variant in $(csc_order "$rep"); do
    csc_record "$freq" "$work/$variant.rsp" "$work/perf.txt"
    printf '%-7s #%d  %s\n' "$variant" "$rep" "$(python3 "$here/csc-threads.py" "$work/perf.txt" ${timeline[@]+"${timeline[@]}"} ${timeline[@]+"$freq"})"
  done
done
