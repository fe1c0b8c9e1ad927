#!/usr/bin/env bash
# Residency's share of the compiler server's CPU during a user's default build (csc in VBCSCompiler, warm).
#
#   benchmarks/server-share.sh [--warmup K] [--freq HZ] [--save PREFIX] [N]
#
# Builds run.sh's generated projects of size N (out/n<N>/with and without, so run.sh must have built size N first)
# as `dotnet build` does by default, with the compiler server: stops any running server (perf needs the new one to
# write perf maps), runs K untimed pairs of builds (default 6: a fresh server takes about six builds to reach its
# steady state) so the server has compiled and tiered up the compiler and the analyzers, then one build of each
# variant with `perf record -p` on the server, and prints cpu-share.py's report of each; then it stops the server
# again. In a warm server every method, the compiler's too, is JIT-compiled code with a name in the perf map, and
# none of the samples is start-up or the JIT. --save PREFIX keeps the samples as PREFIX-with.txt and
# PREFIX-without.txt. Needs perf and python3. See benchmarks/README.md, "The compiler server".
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/csc-command.sh"
warmup=6
freq=499
save=""
n=1000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --warmup) warmup="${2:?--warmup needs a number}"; shift 2 ;;
    --freq) freq="${2:?--freq needs a number}"; shift 2 ;;
    --save) save="${2:?--save needs a file prefix}"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) n="$1"; shift ;;
  esac
done
[[ "$warmup" =~ ^[0-9]+$ ]] || { echo "--warmup must be a number" >&2; exit 2; }

csc_require perf python3 pgrep
base="$here/out/n$n"
for v in with without; do
  [[ -f "$base/$v/Synthetic.App.csproj" && -d "$base/$v/obj" ]] || { echo "no restored $base/$v: run benchmarks/run.sh $n first" >&2; exit 2; }
done
work="$(mktemp -d)"
touch "$work/started"
# On any exit: a server writing perf maps is not one to leave running for the next build, and the perf maps every
# dotnet process of these builds wrote are of no further use.
finish() {
  dotnet build-server shutdown >/dev/null 2>&1 || true
  find /tmp -maxdepth 1 \( -name 'perf-*.map' -o -name 'perfinfo-*.map' \) -newer "$work/started" -delete 2>/dev/null || true
  rm -rf "$work"
}
trap finish EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
unset CI || true
# The server inherits the environment of the build that starts it: perf maps name its JIT-compiled methods.
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0

# One build of variant V after a clean, in the compiler server; prints its wall time.
build() {
  local v="$1" started
  rm -rf "$base/$v/bin" "$base/$v/obj/Release"
  started=$(date +%s%N)
  dotnet build "$base/$v/Synthetic.App.csproj" --no-restore -c Release -nologo -nodeReuse:false \
    -p:UseSharedCompilation=true -p:ResidencyEnforce=false -v:q > "$work/build-$v.log" 2>&1 ||
    { tail -20 "$work/build-$v.log" >&2; echo "build failed: $v" >&2; exit 1; }
  awk -v a="$started" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'
}

dotnet build-server shutdown >/dev/null 2>&1 || true
for ((i = 1; i <= warmup; i++)); do
  for v in without with; do echo "warm-up $i ($v): $(build "$v") s" >&2; done
done

pid="$(compiler_server_pid)"
if [[ -z "$pid" ]]; then
  [[ $warmup -gt 0 ]] || { echo "no compiler server yet: use --warmup 1 or more" >&2; exit 2; }
  echo "no compiler server process found" >&2; exit 1
fi

for v in with without; do
  perf record -q -F "$freq" -g -e cpu-clock -p "$pid" -o "$work/$v.data" > "$work/perf-$v.log" 2>&1 &
  recorder=$!
  sleep 1 # perf attaches before the build starts
  wall="$(build "$v")"
  kill -INT "$recorder"; wait "$recorder" || true
  perf script -i "$work/$v.data" -F comm,tid,ip,sym,dso 2>/dev/null > "$work/$v.txt"
  rm -f "$work/$v.data"
  [[ -z "$save" ]] || cp "$work/$v.txt" "$save-$v.txt"
  echo "N=$n, $v the package, compiler server, build ${wall} s"
  python3 "$here/cpu-share.py" "$work/$v.txt" > "$work/$v.share"
  if [[ $v == with ]]; then cat "$work/$v.share"; else head -n 1 "$work/$v.share"; fi
  echo
done
