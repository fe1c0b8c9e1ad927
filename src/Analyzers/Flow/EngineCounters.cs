using System.Threading;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// Process-wide counts of the engine's expensive steps, read by <c>benchmarks/Profiler</c> (through reflection) to tell
    /// how much work one compilation's analysis did: a count that changes between two runs of the same compilation is work
    /// that depends on thread timing. Increments only; nothing reads them in the analyzers.
    /// </summary>
    internal static class EngineCounters
    {
        private static long s_methodAnalyses;
        private static long s_writerAnalyses;
        private static long s_graphs;
        private static long s_bodies;

        /// <summary>Runs of <see cref="MethodFlowAnalysis"/> for summaries (recursion passes included).</summary>
        public static long MethodAnalyses => Volatile.Read(ref s_methodAnalyses);

        /// <summary>Runs of a field writer's analysis while a type's field stores are computed.</summary>
        public static long WriterAnalyses => Volatile.Read(ref s_writerAnalyses);

        /// <summary>Bodies the engine asked a semantic model for (bound, or found already bound in that model).</summary>
        public static long Bodies => Volatile.Read(ref s_bodies);

        /// <summary>Control-flow graphs built by the engine.</summary>
        public static long Graphs => Volatile.Read(ref s_graphs);

        internal static void MethodAnalysis() => Interlocked.Increment(ref s_methodAnalyses);

        internal static void WriterAnalysis() => Interlocked.Increment(ref s_writerAnalyses);

        internal static void Graph() => Interlocked.Increment(ref s_graphs);

        internal static void Body() => Interlocked.Increment(ref s_bodies);
    }
}
