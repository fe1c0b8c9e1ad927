#!/usr/bin/env python3
"""Reads `perf script -F comm,tid[,time],ip,sym,dso` output of one csc run and prints Residency's share of csc's CPU.

Every sample is one tick of on-CPU time (perf's cpu-clock event). A sample whose stack holds a frame of
Residency.Analyzers is CPU the package cost, whatever it ran (our code, the compiler's binder or
control-flow graph builder called from it, the runtime's allocation helpers, the JIT compiling our
methods). Both numbers come from the same process, so the share does not move when the machine is busy.
See benchmarks/README.md, "CPU share of one compilation".
"""
import collections
import re
import sys

OURS = "[Residency.Analyzers]"
PRECOMPILED = "ReadyToRun"
IMMUTABLE = "System.Collections.Immutable."

# Innermost match wins: binding and graphs built inside a method's analysis count as binding and graphs.
PARTS = [
    ("binding bodies (callees, field writers, pre-filter)", "FlowEngine::GetBodyOperation"),
    ("control-flow graphs", "FlowEngine::CreateGraph"),
    ("control-flow graphs", "GetLocalFunctionControlFlowGraph"),
    ("sink resolution", "FlowEngine::ResolveSink"),
    ("sink resolution", "Residency.Analyzers.Sinks."),
    ("sink resolution", "Residency.Analyzers.Endpoints."),
    ("syntactic index", "CandidateIndex::Build"),
    ("syntactic index", "CandidateIndex+Builder::"),  # tier-1 code may inline Build into its caller
    ("syntactic index", "ResidencyContext::BuildIndex"),
    ("flow analysis", "MethodFlowAnalysis::"),
    ("flow analysis", "FlowEngine::"),
    ("elements and naming candidates (RES006)", "InventoryFactsAnalyzer::CollectElements"),
    ("elements and naming candidates (RES006)", "<CollectElements>"),  # its local function, when not inlined
    ("elements and naming candidates (RES006)", "PersonalDataNamingAnalyzer"),
    ("annotation validation", "AnnotationValidationAnalyzer"),
    ("facts file", "Residency.Facts."),
    ("facts file", "FactsFileOutput"),
]


def thread_samples(path):
    """Each sample of a `perf script -F comm,tid[,time],ip,sym,dso` file: the thread's name and the stack, innermost first."""
    for thread, _, stack in timed_samples(path):
        yield thread, stack


def timed_samples(path):
    """Each sample of a `perf script -F comm,tid[,time],ip,sym,dso` file: the thread's name, the time in seconds (None
    when the file has no time field) and the stack, innermost first."""
    stack, thread, time = [], None, None
    with open(path, errors="replace") as lines:
        for line in lines:
            if not line.strip():
                if thread is not None:
                    yield thread, time, stack
                stack, thread = [], None
            elif not line[0].isspace():
                header = re.match(r"(.*?) +[0-9]+(?: +([0-9]+\.[0-9]+):)? *$", line.rstrip())
                thread, stack = (header.group(1), []) if header else (line.rstrip(), [])
                time = float(header.group(2)) if header and header.group(2) else None
            else:
                match = re.match(r"\s*[0-9a-f]+ (.*) \((.*)\)$", line.rstrip())
                if match:
                    name, dso = match.group(1), match.group(2)
                    if dso.endswith("/Residency.Analyzers.dll"):
                        # Precompiled (ReadyToRun) code of ours runs from the image's mapping: perf's map names only
                        # JIT-compiled methods, so the frame has no name; count it as ours all the same.
                        name = f"{OURS} (precompiled) [{PRECOMPILED}]"
                    stack.append((name, dso))
    if thread is not None:
        yield thread, time, stack


def samples(path):
    for _, stack in thread_samples(path):
        yield stack


def function(frame):
    return re.sub(r"\(.*", "", frame).split("] ")[-1]


TIERS = {
    "QuickJitted": "tier 0 (unoptimised)",
    "QuickJittedOSR": "tier 0 (unoptimised)",
    "Optimized": "optimised at first call (AggressiveOptimization, or tiering off)",
    "OptimizedTier1": "tier 1",
    "OptimizedTier1OSR": "tier 1 (on-stack replacement)",
    "InstrumentedTier": "instrumented tier",
    "InstrumentedTierOptimized": "instrumented tier",
    PRECOMPILED: "precompiled (a ReadyToRun image of the analyzers)",
}


def tier_tag(frame):
    """The runtime's name for the JIT tier of a method in perf's map (DOTNET_PerfMapEnabled=1 appends it in brackets), or None."""
    match = re.search(r"\[(\w+)\]$", frame)
    return match.group(1) if match else None


def tier(frame):
    """The JIT tier perf's map gives a method, in words."""
    tag = tier_tag(frame)
    return TIERS.get(tag, tag) if tag else "unknown"


def count_frames(path, patterns):
    """Per regex: the samples of the whole process, and of ours, with a frame whose function matches it."""
    compiled = [re.compile(pattern) for pattern in patterns]
    total = ours = 0
    everywhere = [0] * len(compiled)
    in_ours = [0] * len(compiled)
    for stack in samples(path):
        total += 1
        functions = {function(name) for name, _ in stack}
        mine = any(OURS in name for name, _ in stack)
        ours += mine
        for i, pattern in enumerate(compiled):
            if any(pattern.search(f) for f in functions):
                everywhere[i] += 1
                in_ours[i] += mine
    print(f"samples: {total} in csc, {ours} with a Residency frame")
    print("| frames matching | in csc | with a Residency frame |")
    print("|---|---:|---:|")
    for pattern, n, m in zip(patterns, everywhere, in_ours):
        print(f"| `{pattern}` | {n} | {m} |")


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: cpu-share.py PERF_SCRIPT_OUTPUT [TOP]\n       cpu-share.py PERF_SCRIPT_OUTPUT --count REGEX...")
    if len(sys.argv) > 2 and sys.argv[2] == "--count":
        count_frames(sys.argv[1], sys.argv[3:])
        return
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    total = ours = 0
    parts = collections.Counter()
    inclusive = collections.Counter()
    tiers = collections.Counter()
    where = collections.Counter()
    collections_ours = collections_worklist = 0
    for stack in samples(sys.argv[1]):
        total += 1
        names = [symbol for symbol, _ in stack]
        if not any(OURS in name for name in names):
            continue
        ours += 1
        if any(dso.endswith("libclrjit.so") for _, dso in stack):
            part = "JIT compiling our code"
        else:
            part = next((label for name in names for label, pattern in PARTS if OURS in name and pattern in name), "other")
        parts[part] += 1
        for name in {function(n) for n in names if OURS in n}:
            inclusive[name] += 1
        if any(function(n).startswith(IMMUTABLE) for n in names):
            collections_ours += 1
            collections_worklist += any("WorklistDriver::" in n for n in names)
        innermost = next(i for i, name in enumerate(names) if OURS in name)
        tiers[tier(names[innermost])] += 1
        below = stack[:innermost]
        if any(dso.endswith("libclrjit.so") for _, dso in below):
            where["the JIT"] += 1
        elif any("CodeAnalysis" in name or "CodeAnalysis" in dso for name, dso in below):
            where["Roslyn (called by us)"] += 1
        else:
            where["our code and what it calls outside Roslyn (BCL, runtime helpers)"] += 1
    if total == 0:
        sys.exit("no samples: did perf record run?")
    print(f"samples: {total} in csc, {ours} with a Residency frame: {ours / total * 100:.1f} % of csc's CPU")
    print()
    print("| part | samples | share of ours |")
    print("|---|---:|---:|")
    for part, count in parts.most_common():
        print(f"| {part} | {count} | {count / ours * 100:.1f} % |")
    print()
    print("Our innermost frame, by how the runtime compiled it (tier 0 is unoptimised code; HotPath.cs):")
    for name, count in tiers.most_common():
        print(f"  {count:6} {count / ours * 100:5.1f} %  {name}")
    print("Below it:")
    for name, count in where.most_common():
        print(f"  {count:6} {count / ours * 100:5.1f} %  {name}")
    print(f"In System.Collections.Immutable: {collections_ours} ({collections_ours / max(ours, 1) * 100:.1f} % of ours), "
          f"{collections_worklist} of them under the flow analysis's worklist (its state and fact sets)")
    print()
    print(f"Inclusive, top {top} of our functions:")
    for name, count in inclusive.most_common(top):
        print(f"  {count:6} {count / ours * 100:5.1f} %  {name}")


if __name__ == "__main__":
    main()
