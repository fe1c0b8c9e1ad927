#!/usr/bin/env bash
# The inventory task alone, two builds of it alternating, on the facts of one compilation.
#
#   benchmarks/task-ab.sh [--reps K] [--keep-outputs] [--facts-a FILE] [--facts-b FILE] [N] DIR_A DIR_B
#
# Runs the ResidencyInventory target of the generated project of size N (default 1000; benchmarks/run.sh must have built
# that size with the package) in a fresh MSBuild process, K times (default 6) with each task build, alternating: A takes
# Residency.Build.dll from DIR_A, B from DIR_B (e.g. `dotnet build src/Build/Tasks -c Release -f netstandard2.0 -o DIR`
# at two commits; a ReadyToRun image of the task works too). The DLL is swapped into the package folder run.sh restored
# (tasks/netstandard2.0, loaded with -p:ResidencyTaskReadyToRun=false), so the task loads in-process, as in a user's
# build, and the package's own task is put back on exit. Before each run the inventory directory is deleted, as after a
# clean build (--keep-outputs: left in place, so the task compares with the files already there, an incremental build).
# --facts-a / --facts-b give each variant its own facts file (two builds of the task that read different format
# versions); otherwise both read the facts file the last build wrote. Prints the task's time in each run (MSBuild's
# performance summary), then the medians. See benchmarks/README.md ("The inventory task alone").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=benchmarks/csc-command.sh
source "$here/csc-command.sh" # median
reps=6
keep=0
facts_a=""
facts_b=""
positional=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --reps) reps="${2:?--reps needs a number}"; shift 2 ;;
    --keep-outputs) keep=1; shift ;;
    --facts-a) facts_a="$(realpath "${2:?--facts-a needs a file}")"; shift 2 ;;
    --facts-b) facts_b="$(realpath "${2:?--facts-b needs a file}")"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done

case ${#positional[@]} in
  2) n=1000; dir_a="${positional[0]}"; dir_b="${positional[1]}" ;;
  3) n="${positional[0]}"; dir_a="${positional[1]}"; dir_b="${positional[2]}" ;;
  *) echo "usage: task-ab.sh [options] [N] DIR_A DIR_B (see --help)" >&2; exit 2 ;;
esac
for dir in "$dir_a" "$dir_b"; do
  [[ -f "$dir/Residency.Build.dll" ]] || { echo "no Residency.Build.dll in $dir" >&2; exit 2; }
done
dir_a="$(cd "$dir_a" && pwd)"
dir_b="$(cd "$dir_b" && pwd)"

project="$here/out/n$n/with"
task_dir="$(find "$here/out/packages/residency.analyzers" -path '*/tasks/netstandard2.0' -type d 2>/dev/null | head -n 1)"
facts="$project/obj/Release/net10.0/residency.facts.json"
[[ -n "$task_dir" && -f "$facts" ]] || { echo "no package or facts file for N=$n: run benchmarks/run.sh $n first" >&2; exit 2; }

work="$(mktemp -d)"
cp "$task_dir/Residency.Build.dll" "$work/package-task.dll"
cp "$facts" "$work/facts.json"
restore() {
  cp "$work/package-task.dll" "$task_dir/Residency.Build.dll"
  cp "$work/facts.json" "$facts"
  rm -rf "$work"
}
trap restore EXIT

cd "$project"
declare -A times
for ((rep = 1; rep <= reps; rep++)); do
  order="A B"
  ((rep % 2)) || order="B A" # alternate which goes first
  for variant in $order; do
    if [[ $variant == A ]]; then dir="$dir_a"; variant_facts="$facts_a"; else dir="$dir_b"; variant_facts="$facts_b"; fi
    cp "$dir/Residency.Build.dll" "$task_dir/Residency.Build.dll"
    cp "${variant_facts:-$work/facts.json}" "$facts"
    [[ $keep -eq 1 ]] || rm -rf bin/Release/net10.0/residency
    # ResidencyTaskReadyToRun=false: MSBuild loads the (swapped) portable task, not the package's image for this machine.
    ms="$(dotnet msbuild -t:ResidencyInventory -p:Configuration=Release -p:BuildingProject=true -p:ResidencyTaskReadyToRun=false -clp:PerformanceSummary \
      -nologo -v:m -nodeReuse:false 2>&1 | awk '$2 == "ms" && $3 == "GenerateResidencyInventory" { print $1; exit }')"
    [[ -n "$ms" ]] || { echo "the task did not run (no GenerateResidencyInventory in the performance summary)" >&2; exit 1; }
    echo "run $rep $variant: $ms ms"
    times[$variant]+="$ms "
  done
done

a="$(echo "${times[A]}" | median)"
b="$(echo "${times[B]}" | median)"
echo "N=$n, $reps runs each, $([[ $keep -eq 1 ]] && echo "outputs kept" || echo "clean outputs")"
echo "median A ($dir_a): $a ms"
echo "median B ($dir_b): $b ms"
awk -v a="$a" -v b="$b" 'BEGIN { printf "B against A: %+.1f %%\n", (b - a) / a * 100 }'
