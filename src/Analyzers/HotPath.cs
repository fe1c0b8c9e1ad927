using System.Runtime.CompilerServices;

namespace Residency.Analyzers
{
    /// <summary>
    /// The JIT hint for the loops that run once per operation, symbol or token of the compilation.
    /// </summary>
    /// <remarks>
    /// In a build, csc's runtime compiles our methods at tier 0 (unoptimised) on first call and never gets round to
    /// recompiling them: while the compiler keeps JIT-compiling its own methods, tier-up of ours waits. On a profile of
    /// a 1,000-file compilation, 8,433 of the 8,480 sampled frames of ours were tier-0 code (docs/benchmarks.md,
    /// fourteenth round). Methods marked with <see cref="Optimized"/> are compiled optimised on first call instead. Only
    /// the methods where the profile showed our own code (not Roslyn's) taking the time carry it: optimised JIT
    /// compilation costs more per method.
    /// </remarks>
    internal static class HotPath
    {
#if RESIDENCY_READY_TO_RUN
        /// <summary>
        /// Nothing, in the inventory task's ReadyToRun images (docs/inventory.md, "The task's ReadyToRun images"): the
        /// runtime never uses precompiled code for a method marked <c>AggressiveOptimization</c>, and the precompiled loops
        /// are faster in a task that runs once than loops JIT-compiled optimised at their first call (measured in
        /// docs/benchmarks.md, twenty-first round).
        /// </summary>
        public const MethodImplOptions Optimized = 0;
#else
        /// <summary>
        /// <c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name; runtimes without tiered
        /// compilation (.NET Framework, in Visual Studio) ignore the flag.
        /// </summary>
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
#endif
    }
}
