#!/usr/bin/env bash
# Residency's share of csc's CPU on one compilation of the generated project, from on-CPU samples (perf).
#
#   benchmarks/cpu-share.sh [--analyzers DIR] [--no-facts] [--freq HZ] [--save FILE] [N]
#
# Runs csc once, with the command line of the `ReportAnalyzer` build of `run.sh` (out/n<N>/report-with.log,
# so run.sh must have built size N first), under `perf record -e cpu-clock`. Prints the share of csc's CPU
# samples that have a Residency.Analyzers frame on their stack and how it splits. --analyzers DIR takes
# Residency.Analyzers.dll (and Residency.CodeFixes.dll, when DIR has it) from DIR instead of the package (to
# compare two builds of the analyzers on the same compilation); --no-facts runs them without the facts file option, as a
# build with -p:ResidencyInventory=false (what the inventory costs in csc: compare with a run without it); --save FILE
# keeps the samples (perf script output) for a closer look. Needs perf and python3. See benchmarks/README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=benchmarks/csc-command.sh
source "$here/csc-command.sh"
analyzers=""
freq=499
save=""
facts=1
n=1000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --analyzers) analyzers="$(cd "${2:?--analyzers needs a directory}" && pwd)"; shift 2 ;;
    --no-facts) facts=0; shift ;;
    --freq) freq="${2:?--freq needs a number}"; shift 2 ;;
    --save) save="${2:?--save needs a file}"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) n="$1"; shift ;;
  esac
done

csc_require perf python3
csc_prepare "$here" "$n" "$analyzers"
[[ $facts -eq 1 ]] || csc_without_facts "$work/with.rsp"
csc_record "$freq" "$work/with.rsp" "$work/perf.txt"
[[ -z "$save" ]] || cp "$work/perf.txt" "$save"
echo "N=$n"
python3 "$here/cpu-share.py" "$work/perf.txt"
