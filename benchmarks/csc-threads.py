#!/usr/bin/env python3
"""Reads `perf script -F comm,tid,ip,sym,dso` output of one csc run and prints its on-CPU samples by thread.

The runtime names its threads: `.NET TP Worker` (the compiler's and the analyzers' work), `.NET Tiered Com` (the
background JIT that re-compiles hot methods optimised), `.NET Server GC` and `.NET BGC` (the garbage collector),
`dotnet` (the main thread). Prints one line: the total, the samples with a Residency.Analyzers frame, the samples
per thread name and, per thread name, the samples in the JIT (libclrjit). The file is parsed as cpu-share.py parses
it. See benchmarks/README.md, "Where csc's CPU goes, with and without the package".
"""
import collections
import importlib.util
import os
import sys

_spec = importlib.util.spec_from_file_location("cpu_share", os.path.join(os.path.dirname(os.path.abspath(__file__)), "cpu-share.py"))
cpu_share = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cpu_share)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: csc-threads.py PERF_SCRIPT_OUTPUT")
    threads, jit = collections.Counter(), collections.Counter()
    total = ours = 0
    for thread, stack in cpu_share.thread_samples(sys.argv[1]):
        total += 1
        threads[thread] += 1
        jit[thread] += any(dso.endswith("libclrjit.so") for _, dso in stack)
        ours += any(cpu_share.OURS in name for name, _ in stack)

    def row(counter):
        return " ".join(f"{key.replace(' ', '_')}={value}" for key, value in counter.most_common() if value)

    print(f"total={total} residency={ours} | threads: {row(threads)} | jit: {row(jit)}")


if __name__ == "__main__":
    main()
