# Sourced by cpu-share.sh and csc-ab.sh: csc's command line of run.sh's ReportAnalyzer build.
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
