#!/usr/bin/env python3
"""Reads `perf script -F comm,tid,time,ip,sym,dso` output of one csc run and prints its on-CPU samples by thread.

The runtime names its threads: `.NET TP Worker` (the compiler's and the analyzers' work), `.NET Tiered Com` (the
background JIT that re-compiles hot methods optimised), `.NET Server GC` and `.NET BGC` (the garbage collector),
`dotnet` (the main thread). Prints one line: the total, the samples with a Residency.Analyzers frame, the samples
per thread name and, per thread name, the samples in the JIT (libclrjit); then, for the samples without a frame of
ours, which code they ran: the managed code by its JIT tier (tier 1, instrumented tier, tier 0, optimised at first
call), precompiled (ReadyToRun) code, the runtime (libcoreclr: the garbage collector, allocation and type-check
helpers), the JIT, the kernel. A compiler that spends more of its samples in tier 0, instrumented or precompiled code
beside the package reached its final tier later. The file is parsed as cpu-share.py parses it. See
benchmarks/README.md, "Where csc's CPU goes, with and without the package".

    csc-threads.py PERF_SCRIPT_OUTPUT [--timeline SECONDS --freq HZ]

With --timeline, also one line per SECONDS of the run: how many cores were busy (samples / (HZ x SECONDS)), the
samples with a frame of ours, and the others by the code they ran, as above: when our work runs, and how long the
compiler's code stays in its instrumented tier beside it.
"""
import collections
import importlib.util
import os
import sys

_spec = importlib.util.spec_from_file_location("cpu_share", os.path.join(os.path.dirname(os.path.abspath(__file__)), "cpu-share.py"))
cpu_share = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cpu_share)


def main():
    args = sys.argv[1:]
    timeline = freq = None
    if len(args) == 5 and args[1] == "--timeline" and args[3] == "--freq":
        timeline, freq = float(args[2]), float(args[4])
    elif len(args) != 1:
        sys.exit("usage: csc-threads.py PERF_SCRIPT_OUTPUT [--timeline SECONDS --freq HZ]")
    threads, jit, code = collections.Counter(), collections.Counter(), collections.Counter()
    buckets = collections.defaultdict(collections.Counter)
    total = ours = 0
    start = None
    for thread, time, stack in cpu_share.timed_samples(args[0]):
        total += 1
        threads[thread] += 1
        jit[thread] += any(dso.endswith("libclrjit.so") for _, dso in stack)
        bucket = None
        if timeline and time is not None:
            start = time if start is None else start
            bucket = buckets[int((time - start) // timeline)]
            bucket["samples"] += 1
        if any(cpu_share.OURS in name for name, _ in stack):
            ours += 1
            if bucket is not None:
                bucket["residency"] += 1
        elif stack:
            code[kind(*stack[0])] += 1
            if bucket is not None:
                bucket[kind(*stack[0])] += 1

    def row(counter):
        return " ".join(f"{key.replace(' ', '_')}={value}" for key, value in counter.most_common() if value)

    print(f"total={total} residency={ours} | threads: {row(threads)} | jit: {row(jit)} | not ours, by code: {row(code)}")
    for index in sorted(buckets):
        bucket = buckets[index]
        samples, residency = bucket.pop("samples"), bucket.pop("residency", 0)
        span = f"{index * timeline:.0f}-{(index + 1) * timeline:.0f} s"
        print(f"    {span:>11} cores={samples / (freq * timeline):.2f} "
              f"residency={residency} | not ours: {row(bucket)}")


# The perf map's tier names, shortened: one final tier (tier1, or optimised at first call) and the two on the way to it.
TIERS = {
    "QuickJitted": "tier0",
    "QuickJittedOSR": "tier0",
    "InstrumentedTier": "instrumented",
    "InstrumentedTierOptimized": "instrumented",
    "OptimizedTier1": "tier1",
    "OptimizedTier1OSR": "tier1",
    "Optimized": "optimised",
}


def kind(symbol, dso):
    """Which code the innermost frame of a sample ran."""
    name = os.path.basename(dso)
    if name.startswith("perf-") and name.endswith(".map"):
        # JIT-compiled code, named by the runtime's perf map with its tier (stubs have none)
        return TIERS.get(cpu_share.tier_tag(symbol), "stubs")
    if name.endswith(".dll"):
        return "precompiled"  # ReadyToRun code, which perf cannot name
    return {"libcoreclr.so": "runtime", "libclrjit.so": "JIT", "[kernel.kallsyms]": "kernel"}.get(name, "other native")


if __name__ == "__main__":
    main()
