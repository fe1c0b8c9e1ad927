#!/usr/bin/env python3
"""Reads `perf script -F comm,tid,ip,sym,dso` output of one csc run and prints its on-CPU samples by thread.

The runtime names its threads: `.NET TP Worker` (the compiler's and the analyzers' work), `.NET Tiered Com` (the
background JIT that re-compiles hot methods optimised), `.NET Server GC` and `.NET BGC` (the garbage collector),
`dotnet` (the main thread). Prints one line: the total, the samples with a Residency.Analyzers frame, the samples
per thread name and, per thread name, the samples in the JIT (libclrjit). See benchmarks/README.md, "Where csc's CPU
goes, with and without the package".
"""
import collections
import re
import sys


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: csc-threads.py PERF_SCRIPT_OUTPUT")
    threads, jit = collections.Counter(), collections.Counter()
    total = ours = 0
    name, in_jit, in_ours = None, False, False

    def flush():
        nonlocal total, ours
        if name is None:
            return
        total += 1
        threads[name] += 1
        jit[name] += in_jit
        ours += in_ours

    with open(sys.argv[1], errors="replace") as lines:
        for line in lines:
            if not line.strip():
                flush()
                name, in_jit, in_ours = None, False, False
            elif not line[0].isspace():
                name = re.sub(r" +[0-9]+ *$", "", line.rstrip())
            else:
                in_jit = in_jit or "libclrjit" in line
                in_ours = in_ours or "Residency.Analyzers" in line
    flush()

    def row(counter):
        return " ".join(f"{key.replace(' ', '_')}={value}" for key, value in counter.most_common() if value)

    print(f"total={total} residency={ours} | threads: {row(threads)} | jit: {row(jit)}")


if __name__ == "__main__":
    main()
