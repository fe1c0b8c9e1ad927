#!/usr/bin/env bash
# Shows the product working: packs Residency.Analyzers into a local feed, then builds the SupportDesk sample
# against it as a user would. The build prints the RES warnings and writes the inventory.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet pack "$root/src/Build/Package/Residency.Package.csproj" -c Release -o "$root/artifacts/feed" -nologo -v:q
# The sample restores into its own package folder: drop the previous copy so the fresh package is used.
rm -rf "$root/artifacts/sample-packages/residency.analyzers"
# -tl:off: the terminal logger shows build messages (the "Residency: …" summary line) only from -v:detailed on.
# --no-incremental: a second run compiles again and prints the warnings again (an up-to-date build prints none).
dotnet build "$root/samples/SupportDesk/SupportDesk.csproj" -nologo -v:m -tl:off --no-incremental "$@"
