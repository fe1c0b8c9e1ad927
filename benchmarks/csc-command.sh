# Sourced by cpu-share.sh, csc-ab.sh, csc-threads.sh, csc-counters.sh, server-share.sh, task-ab.sh and run.sh: csc's
# command line of run.sh's ReportAnalyzer build, the two variants of it in a work directory (and one without the facts
# file), the order they alternate in, a sampled run of it, the check that the tools a script needs are installed, the
# compiler server's process, and the median of a list of timings.
#
#   csc_command LOG ANALYZERS_DIR RSP
#
# Writes to RSP the csc arguments of the detailed build log LOG, without /reportanalyzer (its bookkeeping is not the
# build's cost), with the Residency analyzer assemblies taken from ANALYZERS_DIR when it is not empty, and sets
# csc_dll to the compiler the build ran. Exits when the command line has no Residency analyzer.
csc_command() {
  local log="$1" analyzers="$2" rsp="$3" dll
  grep -m1 'bincore/csc ' "$log" | sed 's#^ *[^ ]*/csc ##; s# /reportanalyzer##' > "$rsp"
  csc_dll="$(grep -m1 -o '[^ ]*/Roslyn/bincore/csc' "$log").dll"
  for dll in Residency.Analyzers.dll Residency.CodeFixes.dll; do
    if [[ -n "$analyzers" && -f "$analyzers/$dll" ]]; then
      sed -i -E "s#/analyzer:[^ ]*/$dll#/analyzer:$analyzers/$dll#g" "$rsp"
    fi
  done
  grep -q 'Residency.Analyzers.dll' "$rsp" || { echo "the csc command line has no Residency analyzer" >&2; exit 2; }
}

# Writes to OUT the csc command line RSP without the two Residency analyzer assemblies (the build without the package).
csc_without_residency() {
  sed -E 's#/analyzer:[^ ]*/Residency\.(Analyzers|CodeFixes)\.dll##g' "$1" > "$2"
}

# Rewrites the csc command line RSP so that the analyzers collect no facts for the inventory: the generated
# .editorconfig is replaced by a copy in the work directory without `_ResidencyFactsFile` (what
# `-p:ResidencyInventory=false` gives a build). Needs `work` (csc_prepare) and the project directory as the current one.
csc_without_facts() {
  local rsp="$1" generated
  generated="$(grep -o '/analyzerconfig:[^ ]*GeneratedMSBuildEditorConfig.editorconfig' "$rsp" | head -n 1 | sed 's#^/analyzerconfig:##')"
  [[ -n "$generated" && -f "$generated" ]] || { echo "no generated .editorconfig in the csc command line" >&2; exit 2; }
  grep -v '_ResidencyFactsFile' "$generated" > "$work/no-facts.editorconfig"
  sed -i "s#/analyzerconfig:$generated#/analyzerconfig:$work/no-facts.editorconfig#" "$rsp"
}

# Runs csc_dll (set by csc_command) on the command line RSP under `perf record -e cpu-clock` at FREQ Hz, in the
# current directory, and writes `perf script -F comm,tid,time,ip,sym,dso` to OUT (csc's output goes to OUT.log).
csc_record() {
  local freq="$1" rsp="$2" out="$3"
  # Perf maps name the JIT-compiled methods; without W^X the JIT's code is not hidden behind a double mapping.
  DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
    perf record -q -F "$freq" -g -e cpu-clock -o "$out.data" -- dotnet exec "$csc_dll" "@$rsp" > "$out.log" 2>&1 ||
    { tail -20 "$out.log" >&2; echo "csc failed" >&2; exit 1; }
  perf script -i "$out.data" -F comm,tid,time,ip,sym,dso 2>/dev/null > "$out"
  rm -f "$out.data"
  find /tmp -maxdepth 1 -name 'perf-*.map' -newer "$rsp" -delete # the maps of this csc run only
}

# Checks that benchmarks/run.sh built size N under the benchmarks directory HERE, makes a work directory (removed on
# exit; its path in `work`), writes there with.rsp (the analyzers of ANALYZERS_DIR when it is not empty, else the
# package's) and without.rsp (no Residency analyzer), sets csc_dll, and changes to the directory csc runs in.
csc_prepare() {
  local here="$1" n="$2" analyzers="$3" log="$1/out/n$2/report-with.log"
  [[ -f "$log" ]] || { echo "no $log: run benchmarks/run.sh $n first" >&2; exit 2; }
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  csc_command "$log" "$analyzers" "$work/with.rsp"
  csc_without_residency "$work/with.rsp" "$work/without.rsp"
  cd "$here/out/n$n/with"
}

# The order of the two variants in repetition REP: alternating which goes first, so that a machine speeding up or
# slowing down favours neither.
csc_order() {
  if (($1 % 2)); then echo "with without"; else echo "without with"; fi
}

# Exits with a message naming the calling script when one of the commands TOOL... is missing.
csc_require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$(basename "$0") needs $tool" >&2; exit 2; }
  done
}

# The median of the numbers on standard input (separated by spaces or lines), with two decimals; "nan" when none.
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) printf "%.2f", a[(NR + 1) / 2]; else printf "%.2f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# The process id of the running compiler server (VBCSCompiler, as apphost or dll), or nothing when none runs.
compiler_server_pid() {
  pgrep -f '/VBCSCompiler(\.dll)?( |$)' 2>/dev/null | head -n 1 || true
}
