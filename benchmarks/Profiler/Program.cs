using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Residency.Benchmarks.Profiler
{
    /// <summary>
    /// profile &lt;csc.rsp&gt; &lt;project dir&gt; [--analyzer DLL]... [--reps K] [--concurrent] [--allocations TOP]
    /// Parses the response file as csc does, creates the compilation once, binds its declarations, then runs the given
    /// analyzers K times on a fresh copy of the compilation (so no bound body is reused between runs) and prints the
    /// process CPU time, the wall time and csc's per-analyzer execution time of each run. With --allocations, also the
    /// TOP types that run allocated most, from the runtime's allocation ticks (one event per ~100 KB allocated, naming the
    /// type of the object that crossed the mark): a sample, not a count, but enough to tell whose objects fill the heap.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length < 2)
            {
                Console.Error.WriteLine("usage: profile <csc.rsp> <project dir> [--analyzer DLL]... [--reps K] [--concurrent] [--allocations TOP]");
                return 2;
            }

            var analyzerPaths = new List<string>();
            int reps = 3;
            bool concurrent = false;
            int allocationTop = 0;
            for (int i = 2; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--analyzer": analyzerPaths.Add(Path.GetFullPath(args[++i])); break;
                    case "--reps": reps = int.Parse(args[++i]); break;
                    case "--concurrent": concurrent = true; break;
                    case "--allocations": allocationTop = int.Parse(args[++i]); break;
                    default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
                }
            }

            var baseDirectory = Path.GetFullPath(args[1]);
            var rsp = File.ReadAllText(args[0]);
            var parsed = CSharpCommandLineParser.Default.Parse(CommandLineParser.SplitCommandLineIntoArguments(rsp, removeHashComments: true), baseDirectory, sdkDirectory: null);
            foreach (var error in parsed.Errors.Where(e => e.Severity == DiagnosticSeverity.Error))
            {
                Console.Error.WriteLine(error);
            }

            var trees = parsed.SourceFiles
                .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f.Path), System.Text.Encoding.UTF8), parsed.ParseOptions, f.Path))
                .ToImmutableArray();
            var references = parsed.MetadataReferences.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r.Reference)).ToImmutableArray();
            var configs = parsed.AnalyzerConfigPaths.Select(p => AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(p)), p)).ToImmutableArray();
            var configSet = AnalyzerConfigSet.Create(configs);
            var additional = parsed.AdditionalFiles.Select(f => (AdditionalText)new FileText(f.Path)).ToImmutableArray();
            var options = new AnalyzerOptions(additional, new ConfigOptionsProvider(configSet));

            var paths = analyzerPaths.Count > 0 ? analyzerPaths : parsed.AnalyzerReferences.Select(a => Path.GetFullPath(Path.Combine(baseDirectory, a.FilePath))).ToList();
            var loader = new Loader();
            var analyzers = paths
                .SelectMany(p => new AnalyzerFileReference(p, loader).GetAnalyzers(LanguageNames.CSharp))
                .ToImmutableArray();
            Console.WriteLine($"{trees.Length} trees, {references.Length} references, {analyzers.Length} analyzers from {paths.Count} assemblies");

            CSharpCompilation Create() => CSharpCompilation.Create(parsed.CompilationName, trees, references, parsed.CompilationOptions
                .WithSyntaxTreeOptionsProvider(new TreeOptions(configSet)));

            long[] Counters()
            {
                // The engine's work counts (Residency.Analyzers.Flow.EngineCounters), when the analyzers are ours.
                var type = analyzers.Select(a => a.GetType().Assembly.GetType("Residency.Analyzers.Flow.EngineCounters")).FirstOrDefault(t => t is not null);
                return type is null
                    ? Array.Empty<long>()
                    : new[] { "MethodAnalyses", "WriterAnalyses", "Graphs", "Bodies" }.Select(n => (long)type.GetProperty(n, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).ToArray();
            }

            using var ticks = allocationTop > 0 ? new AllocationTicks() : null;
            for (int rep = 1; rep <= reps; rep++)
            {
                var countersBefore = Counters();
                var compilation = Create();
                compilation.GetDeclarationDiagnostics();
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var gen0Before = GC.CollectionCount(0);
                var gen2Before = GC.CollectionCount(2);
                var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                ticks?.Start();
                var wall = Stopwatch.StartNew();
                var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, concurrent, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
                var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                wall.Stop();
                ticks?.Stop();
                process.Refresh();
                var cpu = process.TotalProcessorTime - cpuBefore;
                var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024.0 * 1024 * 1024);
                Console.WriteLine($"run {rep}: {wall.Elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU, {allocated:F2} GiB allocated, {GC.CollectionCount(0) - gen0Before} gen0 / {GC.CollectionCount(2) - gen2Before} gen2 GCs, {diagnostics.Length} diagnostics ({string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Take(12).Select(g => $"{g.Key} {g.Count()}"))})");
                var countersAfter = Counters();
                if (countersAfter.Length == 4)
                {
                    Console.WriteLine($"  engine: {countersAfter[0] - countersBefore[0]} method analyses, {countersAfter[1] - countersBefore[1]} field-writer analyses, {countersAfter[2] - countersBefore[2]} graphs, {countersAfter[3] - countersBefore[3]} bodies asked of a model");
                }

                if (ticks is not null)
                {
                    Console.WriteLine($"  allocated, by type (sampled every ~100 KB; MB):");
                    foreach (var (type, bytes) in ticks.Top(allocationTop))
                    {
                        Console.WriteLine($"  {bytes / 1e6,9:F1}  {type}");
                    }
                }

                foreach (var analyzer in analyzers)
                {
                    var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
                    if (telemetry.ExecutionTime.TotalSeconds >= 0.05)
                    {
                        Console.WriteLine($"  {telemetry.ExecutionTime.TotalSeconds,7:F2} s  {analyzer.GetType().Name}");
                    }
                }
            }

            return 0;
        }

        /// <summary>The runtime's allocation-tick events of this process, summed by type between Start and Stop.</summary>
        private sealed class AllocationTicks : EventListener
        {
            private const EventKeywords GcKeyword = (EventKeywords)0x1;
            private readonly ConcurrentDictionary<string, long> _bytes = new();
            private volatile bool _on;

            public void Start()
            {
                _bytes.Clear();
                _on = true;
            }

            public void Stop() => _on = false;

            public IEnumerable<(string Type, long Bytes)> Top(int count) =>
                _bytes.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value));

            protected override void OnEventSourceCreated(EventSource source)
            {
                if (source.Name == "Microsoft-Windows-DotNETRuntime")
                {
                    EnableEvents(source, EventLevel.Verbose, GcKeyword);
                }
            }

            protected override void OnEventWritten(EventWrittenEventArgs data)
            {
                if (!_on || data.EventName is null || !data.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || data.PayloadNames is null)
                {
                    return;
                }

                var type = data.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? data.Payload![t] as string ?? "?" : "?";
                var amount = data.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(data.Payload![a]) : 100_000;
                _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
            }
        }

        private sealed class Loader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
        }

        private sealed class FileText : AdditionalText
        {
            public FileText(string path) => Path = path;

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
        }

        private sealed class TreeOptions : SyntaxTreeOptionsProvider
        {
            private readonly AnalyzerConfigSet _set;

            public TreeOptions(AnalyzerConfigSet set) => _set = set;

            public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

            public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
                _set.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

            public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
                _set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
        }

        private sealed class ConfigOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly AnalyzerConfigSet _set;

            public ConfigOptionsProvider(AnalyzerConfigSet set)
            {
                _set = set;
                GlobalOptions = new Options(set.GlobalConfigOptions.AnalyzerOptions);
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(_set.GetOptionsForSourcePath(tree.FilePath).AnalyzerOptions, GlobalOptions);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(_set.GetOptionsForSourcePath(textFile.Path).AnalyzerOptions, GlobalOptions);
        }

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;
            private readonly AnalyzerConfigOptions? _fallback;

            public Options(ImmutableDictionary<string, string> values, AnalyzerConfigOptions? fallback = null)
            {
                _values = values;
                _fallback = fallback;
            }

            public override bool TryGetValue(string key, out string value)
            {
                if (_values.TryGetValue(key, out value!))
                {
                    return true;
                }

                return _fallback is not null && _fallback.TryGetValue(key, out value!);
            }
        }
    }
}
