#!/usr/bin/env bash
# The runtime's own counters of one csc run, with and without the package, alternating.
#
#   benchmarks/csc-counters.sh [--analyzers DIR] [--reps K] [N]
#
# Runs csc with the command line of benchmarks/run.sh's ReportAnalyzer build of size N (default 1000; run.sh must have
# built that size), K times (default 1) in each variant, alternating: "with" (the package's analyzers, or those in
# DIR) and "without" (the same command line minus the two Residency analyzer assemblies), each under
# `dotnet-counters collect` (System.Runtime, every second; the tool is restored from benchmarks/dotnet-tools.json).
# For each run prints the totals — CPU, bytes allocated, collections, GC pause, methods JIT-compiled and the JIT's
# time, lock contentions, the heap after each collection — and the JIT compilations and heap per 10 s of the run:
# what the garbage collector and the runtime's tiered JIT did beside the analysis, over time. Then the methods compiled
# at tier 0 (from the runtime's perf map, in the order they were compiled) in 20 equal parts, with how many of each
# part are the package's: whether our first calls are spread over the compilation or come in bursts. The counters
# start when the tool has attached, about a second into the run. See benchmarks/README.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=benchmarks/csc-command.sh
source "$here/csc-command.sh"
analyzers=""
reps=1
n=1000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --analyzers) analyzers="$(cd "${2:?--analyzers needs a directory}" && pwd)"; shift 2 ;;
    --reps) reps="${2:?--reps needs a number}"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) n="$1"; shift ;;
  esac
done

csc_require python3
(cd "$here" && dotnet tool restore > /dev/null)

csc_prepare "$here" "$n" "$analyzers"
echo "N=$n, $reps runs per variant"
for ((rep = 1; rep <= reps; rep++)); do
  for variant in $(csc_order "$rep"); do
    rm -rf "$work/counters.csv" "$work/maps" && mkdir "$work/maps"
    # The perf map lists the methods the runtime compiled, in the order it compiled them, with their tier.
    DOTNET_PerfMapEnabled=1 DOTNET_PerfMapJitDumpPath="$work/maps" \
      dotnet exec "$csc_dll" "@$work/$variant.rsp" > "$work/csc.log" 2>&1 &
    csc=$!
    # Attached by process id (the tool's launch mode does not pass through `dotnet tool run`); it stops when csc exits.
    (cd "$here" && dotnet tool run dotnet-counters collect -p "$csc" --format csv --refresh-interval 1 \
      --counters System.Runtime -o "$work/counters.csv" > "$work/counters.log" 2>&1) &
    collector=$!
    wait "$csc" || { tail -20 "$work/csc.log" >&2; echo "csc failed ($variant)" >&2; exit 1; }
    wait "$collector" || true
    [[ -s "$work/counters.csv" ]] || { cat "$work/counters.log" >&2; echo "no counters ($variant)" >&2; exit 1; }
    echo "$variant #$rep"
    python3 "$here/csc-counters.py" "$work/counters.csv" "$work"/maps/perf-*.map
  done
done
