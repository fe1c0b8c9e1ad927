#!/usr/bin/env bash
# Build-time benchmark of Residency.Analyzers: builds generated projects of N files with and without the
# package, side by side, and reports the overhead and the analyzers' own time. See benchmarks/README.md.
#
#   benchmarks/run.sh [--reps K] [--seed S] [--no-pack] [--without-only] [--report-without] [--inventory]
#                     [--no-server-shutdown] [--compiler-server [--warmup K]] [N...]
#
# Default sizes: 250 1000 4000. Results: stdout and benchmarks/out/results.md (raw data beside it).
set -euo pipefail
trap 'echo "run.sh: failed at line $LINENO" >&2' ERR

usage() {
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
  cat <<'EOF'
Options:
  --reps K               timed builds per variant and size (default 3)
  --seed S               generator seed (default 42)
  --no-pack              do not run `dotnet pack`; use the Residency.Analyzers nupkg already in benchmarks/out/feed
  --without-only         no package at all: only time the builds without it (for testing the harness)
  --report-without       also run the ReportAnalyzer build without the package (SDK analyzers, CoreCompile baseline)
  --inventory            build with the inventory on (the default for users); without it, the analyzers alone
  --no-server-shutdown   do not run `dotnet build-server shutdown` between builds (shared machines)
  --compiler-server      build as `dotnet build` does by default: csc runs in the compiler server (VBCSCompiler),
                         kept warm between builds by untimed builds of each variant per size; the CPU column
                         adds the server's CPU during each build to the build's own
  --warmup K             with --compiler-server: untimed builds of each variant per size before the timed ones
                         (default 1; a fresh server needs about 6 to reach its steady state)
EOF
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/csc-command.sh" # compiler_server_pid, median
repo="$(cd "$here/.." && pwd)"
out="$here/out"
feed="$out/feed"
reps=3
seed=42
pack=1
with_package=1
shutdown_servers=1
report_without=0
inventory=0
server=0
warmup=1
sizes=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --reps) reps="${2:?--reps needs a number}"; shift 2 ;;
    --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
    --no-pack) pack=0; shift ;;
    --without-only) with_package=0; pack=0; shift ;;
    --no-server-shutdown) shutdown_servers=0; shift ;;
    --report-without) report_without=1; shift ;;
    --inventory) inventory=1; shift ;;
    --compiler-server) server=1; shift ;;
    --warmup) warmup="${2:?--warmup needs a number}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[[ ${#sizes[@]} -gt 0 ]] || sizes=(250 1000 4000)
[[ "$reps" =~ ^[1-9][0-9]*$ ]] || { echo "--reps must be a positive number" >&2; exit 2; }
[[ "$warmup" =~ ^[0-9]+$ ]] || { echo "--warmup must be a number" >&2; exit 2; }
for n in "${sizes[@]}"; do
  [[ "$n" =~ ^[0-9]+$ && "$n" -ge 5 ]] || { echo "sizes must be numbers >= 5 (got $n)" >&2; exit 2; }
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1
# Builds must not fail on RES00x warnings just because CI=true is set in the environment.
unset CI || true

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
now_ns() { date +%s%N; }

mkdir -p "$out"
started_ns=$(now_ns)

# --- 1. The package --------------------------------------------------------------------------------------
version=""
if [[ $with_package -eq 1 ]]; then
  if [[ $pack -eq 1 ]]; then
    project="$repo/src/Build/Package/Residency.Package.csproj"
    [[ -f "$project" ]] || { echo "missing $project (use --without-only to test the harness)" >&2; exit 1; }
    rm -rf "$feed"
    log "dotnet pack src/Build/Package -c Release -o $feed"
    dotnet pack "$repo/src/Build/Package" -c Release -o "$feed" -nologo -v:q >"$out/pack.log" 2>&1 \
      || { tail -n 40 "$out/pack.log" >&2; echo "pack failed, see $out/pack.log" >&2; exit 1; }
  fi
  nupkg="$(ls -t "$feed"/Residency.Analyzers.[0-9]*.nupkg 2>/dev/null | head -n 1 || true)"
  [[ -n "$nupkg" ]] || { echo "no Residency.Analyzers.<version>.nupkg in $feed" >&2; exit 1; }
  version="$(basename "$nupkg" .nupkg)"
  version="${version#Residency.Analyzers.}"
  log "package: $(basename "$nupkg") (version $version)"
fi

# --- 2. NuGet.config: the local feed and nuget.org, with a private package cache -----------------------
# The private cache (out/packages) guarantees that a re-packed package with an unchanged version is used.
mkdir -p "$feed"
cat >"$out/NuGet.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$out/packages" />
  </config>
  <packageSources>
    <clear />
    <add key="residency-local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
EOF
rm -rf "$out/packages/residency.analyzers"

# --- 3. The generator --------------------------------------------------------------------------------------
log "building the generator"
dotnet build "$here/Generator" -c Release -nologo -v:q >"$out/generator-build.log" 2>&1 \
  || { tail -n 40 "$out/generator-build.log" >&2; exit 1; }
generator="$here/Generator/bin/Release/net10.0/Residency.Benchmarks.Generator.dll"

# No compiler server by default: every build pays the same start-up. --compiler-server builds as a user's default
# `dotnet build` does, with csc in the long-lived server (never shut down between builds then).
shared=false
if [[ $server -eq 1 ]]; then shared=true; shutdown_servers=0; fi
build_args=(--no-restore -c Release -nologo -nodeReuse:false -p:UseSharedCompilation=$shared -p:ResidencyEnforce=false)
# By default the inventory is off (the analyzers alone); --inventory measures a user's default build (facts + task).
[[ $inventory -eq 1 ]] || build_args+=(-p:ResidencyInventory=false)

clean() { rm -rf "$1/bin" "$1/obj/Release"; }
shutdown_servers() { [[ $shutdown_servers -eq 1 ]] && { dotnet build-server shutdown >/dev/null 2>&1 || true; }; return 0; }

# A process's CPU so far (user + sys, clock ticks); 0 when there is none.
process_ticks() { [[ -n "$1" && -r "/proc/$1/stat" ]] && awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
ticks_per_s=$(getconf CLK_TCK)

# Timed build after a clean; prints "<wall s> <cpu s>" (CPU = user + sys of dotnet, MSBuild and csc, which
# the build waits for; it is much less disturbed than wall time by other work on a shared machine). With the
# compiler server, csc's work is the server's CPU during the build: the build does not wait for that process.
timed_build() {
  local dir="$1" logfile="$2" TIMEFORMAT='%R %U %S' t real user sys pid_before ticks_before pid_after server_s=0
  clean "$dir"
  shutdown_servers
  if [[ $server -eq 1 ]]; then pid_before=$(compiler_server_pid); ticks_before=$(process_ticks "$pid_before"); fi
  if ! t=$( { time dotnet build "$dir/Synthetic.App.csproj" "${build_args[@]}" -v:q >"$logfile" 2>&1; } 2>&1 ); then
    tail -n 40 "$logfile" >&2; echo "build failed: $dir (log $logfile)" >&2; exit 1
  fi
  if [[ $server -eq 1 ]]; then
    pid_after=$(compiler_server_pid)
    [[ "$pid_after" == "$pid_before" ]] || ticks_before=0 # a server started by this build: all of its CPU is this build's
    server_s=$(awk -v a="$ticks_before" -v b="$(process_ticks "$pid_after")" -v hz="$ticks_per_s" 'BEGIN { printf "%.2f", (b - a) / hz }')
  fi
  read -r real user sys <<<"$t"
  awk -v r="$real" -v u="$user" -v s="$sys" -v c="$server_s" 'BEGIN { printf "%.2f %.2f\n", r, u + s + c }'
}

# Build with -p:ReportAnalyzer=true -v:d after a clean; the log is parsed by parse_report.
report_build() {
  local dir="$1" logfile="$2"
  clean "$dir"
  shutdown_servers
  if ! dotnet build "$dir/Synthetic.App.csproj" "${build_args[@]}" -p:ReportAnalyzer=true -v:d \
       -clp:PerformanceSummary >"$logfile" 2>&1; then
    tail -n 40 "$logfile" >&2; echo "build failed: $dir (log $logfile)" >&2; exit 1
  fi
}

# From a report log: "<total analyzer s> <residency analyzer s> <residency generator s> <CoreCompile s>".
# Writes the lines of the Residency assemblies (and their analyzers) to $2.
parse_report() {
  local logfile="$1" details="$2"
  awk -v details="$details" '
    function num(s) { sub(/^</, "", s); return s + 0 }
    /Total analyzer execution time:/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9.]+$/) total += $i; section = "analyzer"; next }
    /Total generator execution time:/ { section = "generator"; next }
    /Time \(s\) +% +Analyzer|Time \(s\) +% +Generator/ { next }
    section != "" && $1 ~ /^<?[0-9.]+$/ && $2 ~ /^<?[0-9]+$/ {
      name = $0; sub(/^[ \t]*<?[0-9.]+[ \t]+<?[0-9]+[ \t]+/, "", name)
      if (name ~ /^Residency/) {
        print section ": " $0 > details
        if (name ~ /, Version=/) { if (section == "analyzer") res += num($1); else gen += num($1) }
      }
      next
    }
    section != "" && NF > 0 && $1 !~ /^<?[0-9.]+$/ { section = "" }
    $2 == "ms" && $3 == "CoreCompile" && $1 ~ /^[0-9]+$/ && core == "" { core = $1 / 1000 }
    END { printf "%.3f %.3f %.3f %.3f\n", total, res, gen, core + 0 }
  ' "$logfile"
}

# paired "WITH..." "WITHOUT...": the ratios of the i-th values of two lists, then their median ("+1.0 +2.5 % (median +1.8 %)").
paired() {
  local ratios
  ratios="$(awk -v w="$1" -v o="$2" 'BEGIN { k = split(w, a, " "); split(o, b, " "); for (i = 1; i <= k; i++) printf "%s%+.1f", (i > 1 ? " " : ""), (a[i] / b[i] - 1) * 100 }')"
  printf "%s %% (median %+.1f %%)" "$ratios" "$(median <<<"$ratios")"
}

raw="$out/raw.csv"
echo "n,variant,rep,wall_s,cpu_s" >"$raw"
rows=()
notes=()

for n in "${sizes[@]}"; do
  base="$out/n$n"
  rm -rf "$base"
  log "N=$n: generating"
  dotnet "$generator" --files "$n" --out "$base/without" --no-package --seed "$seed" >&2
  variants=(without)
  if [[ $with_package -eq 1 ]]; then
    dotnet "$generator" --files "$n" --out "$base/with" --package-version "$version" --seed "$seed" >&2
    variants=(without with)
  fi
  lines=$(find "$base/without/src" -name '*.cs' ! -name Annotations.cs -exec cat {} + | wc -l)

  for v in "${variants[@]}"; do
    log "N=$n: restore ($v)"
    dotnet restore "$base/$v/Synthetic.App.csproj" --configfile "$out/NuGet.config" -nologo -v:q >"$base/restore-$v.log" 2>&1 \
      || { tail -n 40 "$base/restore-$v.log" >&2; exit 1; }
  done

  # Report builds first: they also warm the file cache for the timed builds.
  for v in "${variants[@]}"; do
    [[ $v == with || $report_without -eq 1 || $with_package -eq 0 ]] || continue
    log "N=$n: ReportAnalyzer build ($v)"
    report_build "$base/$v" "$base/report-$v.log"
  done

  # With the compiler server, untimed builds of each variant first, alternating: the server has compiled (JIT) and
  # tiered up the compiler and the analyzers, as after a user's first builds of the day.
  if [[ $server -eq 1 ]]; then
    for ((w = 1; w <= warmup; w++)); do
      for v in "${variants[@]}"; do
        log "N=$n: warm-up build $w ($v, compiler server)"
        timed_build "$base/$v" "$base/warmup-$v.log" >/dev/null
      done
    done
  fi

  declare -A times=([without]="" [with]="") cpus=([without]="" [with]="")
  for ((r = 1; r <= reps; r++)); do
    order=("${variants[@]}")
    if [[ ${#variants[@]} -eq 2 && $((r % 2)) -eq 0 ]]; then order=(with without); fi
    for v in "${order[@]}"; do
      read -r wall cpu < <(timed_build "$base/$v" "$base/build-$v-$r.log")
      [[ -n "$cpu" ]] || exit 1
      log "N=$n: build $v #$r: ${wall}s wall, ${cpu}s CPU"
      times[$v]+=" $wall"
      cpus[$v]+=" $cpu"
      echo "$n,$v,$r,$wall,$cpu" >>"$raw"
    done
  done

  med_without=$(echo "${times[without]}" | median)
  cpu_without=$(echo "${cpus[without]}" | median)
  total_wo="-"; core_wo="-"
  if [[ -f "$base/report-without.log" ]]; then
    read -r total_wo _ _ core_wo < <(parse_report "$base/report-without.log" /dev/null)
  fi
  if [[ $with_package -eq 1 ]]; then
    med_with=$(echo "${times[with]}" | median)
    cpu_with=$(echo "${cpus[with]}" | median)
    read -r total_w res gen core_w < <(parse_report "$base/report-with.log" "$base/residency-analyzers.txt")
    res_all=$(awk -v a="$res" -v g="$gen" 'BEGIN { printf "%.3f", a + g }')
    # -v:d prints each diagnostic twice (as it happens and in the summary): count distinct lines.
    diag=$(grep -E '(warning|error|info) RES0[0-9]{2}' "$base/report-with.log" 2>/dev/null | sed 's/^[[:space:]]*//' | sort -u \
           | grep -oE '(warning|error|info) RES0[0-9]{2}' | awk '{ print $2 }' | sort | uniq -c \
           | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1 }' || true)
    baseline=""
    [[ -f "$base/report-without.log" ]] && baseline=" Without the package: CoreCompile ${core_wo}s, all analyzers ${total_wo}s."
    # Each build with the package against the build without it run next to it (rep r of each): the host's drift through
    # a run moves both builds of a pair, so the median ratio is a second, steadier reading of the overhead (docs/benchmarks.md).
    notes+=("N=$n: paired ratios (rep by rep, with / without): $(paired "${times[with]}" "${times[without]}") wall; $(paired "${cpus[with]}" "${cpus[without]}") CPU")
    notes+=("N=$n: report build with the package: CoreCompile ${core_w}s, all analyzers ${total_w}s, Residency ${res}s analyzers + ${gen}s generators.${baseline} Residency diagnostics: ${diag:-none}")
    rows+=("$(awk -v n="$n" -v l="$lines" -v a="$med_without" -v b="$med_with" -v ca="$cpu_without" -v cb="$cpu_with" -v r="$res_all" -v c="$core_w" 'BEGIN {
      printf "| %d | %d | %.2f | %.2f | %+.1f %% | %.2f | %.2f | %+.1f %% | %.3f | %.1f %% | %.3f |", n, l, a, b, (b - a) / a * 100, ca, cb, (cb - ca) / ca * 100, r, (c > 0 ? r / c * 100 : 0), r / n * 1000 }')")
  else
    notes+=("N=$n: report build: CoreCompile ${core_wo}s, all analyzers ${total_wo}s (SDK analyzers only)")
    rows+=("$(awk -v n="$n" -v l="$lines" -v a="$med_without" -v ca="$cpu_without" 'BEGIN { printf "| %d | %d | %.2f | – | – | %.2f | – | – | – | – | – |", n, l, a, ca }')")
  fi
  unset times cpus
done

elapsed=$(awk -v a="$started_ns" -v b="$(now_ns)" 'BEGIN { printf "%.0f", (b - a) / 1e9 }')
{
  echo "# Residency.Analyzers build benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ); commit: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- package: ${version:-none (--without-only)}; .NET SDK $(dotnet --version); $(nproc) cores; load average at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
  echo "- $reps timed builds per variant (medians shown), alternating with/without; seed $seed; total run ${elapsed}s"
  if [[ $server -eq 1 ]]; then
    echo "- compiler server: on, as in a user's default build ($warmup untimed warm-up build(s) of each variant per size; CPU includes the server's)"
  else
    echo "- compiler server: off (every build starts csc afresh)"
  fi
  echo
  echo "| N (files) | lines | wall without (s) | wall with (s) | wall overhead | CPU without (s) | CPU with (s) | CPU overhead | Residency analyzers (s) | share of CoreCompile | Residency per 1000 files (s) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  printf -- '- %s\n' "${notes[@]}"
  echo
  echo "Build: \`dotnet build --no-restore -c Release ${build_args[*]:3}\` after deleting bin/ and obj/Release."
  echo "Analyzer times: a separate build with \`-p:ReportAnalyzer=true -v:d\` (csc's summed per-analyzer time, across threads)."
  echo "Raw timings: out/raw.csv; Residency analyzer lines: out/n<N>/residency-analyzers.txt; logs: out/n<N>/."
} | tee "$out/results.md"
