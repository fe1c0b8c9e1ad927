#!/usr/bin/env bash
# The compiler alone, with and without the Residency analyzers, alternating.
#
#   benchmarks/csc-ab.sh [--analyzers DIR] [--against DIR] [--reps K] [--no-tiering] [N]
#
# Runs csc with the command line of benchmarks/run.sh's ReportAnalyzer build of size N (default 1000; run.sh must have
# built that size), without /reportanalyzer, K times (default 3) in each variant, alternating: "with" (the package's
# analyzers, or those in DIR) and "without" (the same command line minus the two Residency analyzer assemblies). No
# MSBuild, no inventory task: only what the analyzers add to one compilation. Prints each run's wall time, CPU time
# (user + sys) and peak memory, then the medians and the overhead. --no-tiering runs both variants with
# DOTNET_TieredCompilation=0: the runtime then never re-JITs the compiler's hot methods in the background, a
# timing-dependent 7-15 % of csc's CPU that moves single runs by more than the analyzers cost (docs/benchmarks.md, ninth
# round). --against DIR makes "without" run the analyzers in DIR instead of none: two builds of the analyzers compared
# on one compilation (the change's cost or saving, without the rest of the package's). A diagnostic, not a user's build.
# See benchmarks/README.md ("csc alone").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=benchmarks/csc-command.sh
source "$here/csc-command.sh"
analyzers=""
against=""
reps=3
n=1000
tiering=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --analyzers) analyzers="$(cd "${2:?--analyzers needs a directory}" && pwd)"; shift 2 ;;
    --against) against="$(cd "${2:?--against needs a directory}" && pwd)"; shift 2 ;;
    --reps) reps="${2:?--reps needs a number}"; shift 2 ;;
    --no-tiering) tiering=0; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) n="$1"; shift ;;
  esac
done

[[ -x /usr/bin/time ]] || { echo "csc-ab.sh needs /usr/bin/time (GNU time)" >&2; exit 2; }
csc_prepare "$here" "$n" "$analyzers"
[[ -z "$against" ]] || csc_command "$here/out/n$n/report-with.log" "$against" "$work/without.rsp"
[[ $tiering -eq 1 ]] || export DOTNET_TieredCompilation=0
for ((rep = 1; rep <= reps; rep++)); do
  for variant in $(csc_order "$rep"); do
    /usr/bin/time -f "$variant %e %U %S %M" -a -o "$work/times" dotnet exec "$csc_dll" "@$work/$variant.rsp" > "$work/$variant.log" 2>&1 ||
      { tail -20 "$work/$variant.log" >&2; echo "csc failed ($variant)" >&2; exit 1; }
    tail -1 "$work/times" | awk -v n="$n" -v r="$rep" '{ printf "N=%s run %d %-7s %7.2f s wall %7.2f s CPU %6.0f MB\n", n, r, $1, $2, $3 + $4, $5 / 1024 }'
  done
done

awk '
  function median(a, k,   i, j, t) {
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
  }
  $1 == "with" { ww[++nw] = $2; cw[nw] = $3 + $4 }
  $1 == "without" { wo[++no] = $2; co[no] = $3 + $4 }
  END {
    mww = median(ww, nw); mwo = median(wo, no); mcw = median(cw, nw); mco = median(co, no)
    printf "medians: wall %.2f s with, %.2f s without (%+.1f %%); CPU %.2f s with, %.2f s without (%+.1f %%)\n",
      mww, mwo, (mww / mwo - 1) * 100, mcw, mco, (mcw / mco - 1) * 100
  }' "$work/times"
