#!/usr/bin/env python3
"""Summarises one `dotnet-counters collect --format csv --counters System.Runtime` file of a csc run.

Prints the run's totals (CPU, bytes allocated, collections by generation, GC pause, methods JIT-compiled and the JIT's
time, lock contentions, the heap after a collection, the peak working set) and, per 10 s of the run, the methods
JIT-compiled, the bytes allocated per second and the heap after the last collection. The JIT's time is the sum of the
compilations' elapsed times, so it grows when JIT threads wait for a core. Given the run's perf map
(DOTNET_PerfMapEnabled=1), also prints the methods compiled at tier 0, in the order they were compiled, in 20 equal
parts, each with how many are Residency's (a method of ours, or a generic instantiated over one of our types).
See benchmarks/README.md.
"""
import collections
import csv
import re
import sys

GENERATIONS = ("gen0", "gen1", "gen2", "loh", "poh")


def load(path):
    series = collections.defaultdict(list)
    with open(path, newline="") as rows:
        for row in csv.DictReader(rows):
            series[row["Counter Name"]].append(float(row["Mean/Increment"]))
    return series


def tier0_parts(path, parts=20):
    """The tier-0 compilations of a perf map in `parts` equal slices of the order: (count, of which ours) each."""
    ours = []
    with open(path, errors="replace") as lines:
        for line in lines:
            name = line.rstrip("\n").split(" ", 2)[-1]
            if re.search(r"\[QuickJitted(OSR)?\]$", name):
                ours.append("Residency." in name)
    slices = [ours[i * len(ours) // parts:(i + 1) * len(ours) // parts] for i in range(parts)]
    return [(len(part), sum(part)) for part in slices] if ours else []


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: csc-counters.py COUNTERS_CSV [PERF_MAP]")
    s = load(sys.argv[1])

    def total(name):
        return sum(s.get(name, []))

    def rate(name):
        return s.get(name, [])

    heap = [sum(sizes) for sizes in zip(*(s[f"dotnet.gc.last_collection.heap.size (By)[gc.heap.generation={g}]"] for g in GENERATIONS))]
    collections_by_gen = {g: total(f"dotnet.gc.collections ({{collection}} / 1 sec)[gc.heap.generation={g}]") for g in GENERATIONS[:3]}
    cpu = total("dotnet.process.cpu.time (s / 1 sec)[cpu.mode=user]") + total("dotnet.process.cpu.time (s / 1 sec)[cpu.mode=system]")
    print(
        f"  {len(heap)} s sampled, CPU {cpu:.1f} s, allocated {total('dotnet.gc.heap.total_allocated (By / 1 sec)') / 1e9:.2f} GB, "
        f"collections {collections_by_gen['gen0']:.0f}/{collections_by_gen['gen1']:.0f}/{collections_by_gen['gen2']:.0f} (gen0/1/2), "
        f"GC pause {total('dotnet.gc.pause.time (s / 1 sec)'):.2f} s, "
        f"JIT {total('dotnet.jit.compiled_methods ({method} / 1 sec)'):.0f} methods in {total('dotnet.jit.compilation.time (s / 1 sec)'):.1f} s, "
        f"lock contentions {total('dotnet.monitor.lock_contentions ({contention} / 1 sec)'):.0f}")
    if heap:
        print(f"  heap after a collection: mean {sum(heap) / len(heap) / 1e6:.0f} MB, max {max(heap) / 1e6:.0f} MB; "
              f"working set max {max(s['dotnet.process.memory.working_set (By)']) / 1e6:.0f} MB")
    jit = rate("dotnet.jit.compiled_methods ({method} / 1 sec)")
    allocated = rate("dotnet.gc.heap.total_allocated (By / 1 sec)")
    print("  per 10 s: " + "  ".join(
        f"[{t}s] JIT {sum(jit[t:t + 10]):.0f}, {sum(allocated[t:t + 10]) / 1e6 / max(1, len(allocated[t:t + 10])):.0f} MB/s, heap {heap[t] / 1e6:.0f} MB"
        for t in range(0, min(len(jit), len(heap)), 10)))
    if len(sys.argv) == 3:
        slices = tier0_parts(sys.argv[2])
        print(f"  tier 0: {sum(n for n, _ in slices)} methods, {sum(o for _, o in slices)} of them ours; ours per twentieth, in order: "
              + " ".join(str(o) for _, o in slices))


if __name__ == "__main__":
    main()
