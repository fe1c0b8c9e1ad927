#!/usr/bin/env bash
# Two reduced builds of the analyzers, to measure what one part of the package costs the compiler net of the work the
# compiler shares with it.
#
#   benchmarks/ablation.sh OUT
#
# Builds the analyzers of the commit checked out (HEAD, not uncommitted changes) twice, from a temporary worktree:
#   OUT/empty       every analyzer registers nothing: the package loaded, its analyzers known to the driver, no work;
#   OUT/index-only  the same, except that the inventory analyzer builds the compilation's syntactic index as the package
#                   does (started on a pool thread when the compilation starts; waited for at its end).
# Compare them on one compilation, e.g.
#   benchmarks/csc-ab.sh --no-tiering --reps 5 --analyzers OUT/index-only --against OUT/empty 4000
#   benchmarks/cpu-share.sh --analyzers OUT/empty --save empty.txt 1000     (and the same for index-only), then
#   python3 benchmarks/cpu-share.py empty.txt --count BuildMembersAndInitializers LoadAndValidateAttributes
# The variants exist only to be measured: never ship them. See benchmarks/README.md ("Ablation").
set -euo pipefail

[[ $# -eq 1 ]] || { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
out="$(mkdir -p "$1" && cd "$1" && pwd)"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v python3 >/dev/null || { echo "ablation.sh needs python3" >&2; exit 2; }

for variant in empty index-only; do
  tmp="$(mktemp -d)"
  tree="$tmp/src"
  git -C "$root" worktree add --quiet --detach "$tree" HEAD
  # shellcheck disable=SC2064 # the tree of this iteration
  trap "git -C '$root' worktree remove --force '$tree'; rm -rf '$tmp'" EXIT
  python3 - "$tree/src/Analyzers/Rules" "$variant" <<'EOF'
import pathlib
import sys

rules, variant = pathlib.Path(sys.argv[1]), sys.argv[2]
anchor = "context.EnableConcurrentExecution();\n"
index_only = """context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var residency = ResidencyContext.For(start.Compilation, start.Options);
                residency.PrepareIndexes();
                start.RegisterCompilationEndAction(end => { _ = residency.Index; });
            });
            return;
"""
patched = 0
for path in sorted(rules.glob("*Analyzer.cs")):
    text = path.read_text()
    if anchor not in text:
        continue
    reduced = index_only if variant == "index-only" and path.name == "InventoryFactsAnalyzer.cs" else anchor + "            return;\n"
    path.write_text(text.replace(anchor, reduced, 1))
    patched += 1
if patched < 5:
    sys.exit(f"ablation.sh: only {patched} analyzers found to reduce in {rules}: the script no longer matches the code")
EOF
  rm -rf "${out:?}/$variant"
  dotnet build "$tree/src/Analyzers" -c Release -o "$out/$variant" -p:TreatWarningsAsErrors=false -nologo -v:q > "$out/$variant.build.log" 2>&1 ||
    { tail -20 "$out/$variant.build.log" >&2; echo "ablation.sh: the $variant build failed" >&2; exit 1; }
  git -C "$root" worktree remove --force "$tree"
  rm -rf "$tmp"
  trap - EXIT
  echo "$out/$variant"
done
