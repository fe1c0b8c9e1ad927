using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// The flow analyses of a command-line build, run together at the end of the compilation instead of in each
    /// method's code-block action (docs/architecture.md, "Performance by design").
    /// <para>
    /// With analyzers attached, the compiler hands the body it bound for emit to the semantic model of its tree, so the
    /// analyzers get a method's own body for free. A body the engine asks for before the compiler has reached it (a
    /// callee, a field writer, a getter the pre-filter follows) is bound a second time, and that was most of the binding
    /// the analyzers paid (about 10,000 of 12,000 bodies asked at N = 1000 in docs/benchmarks.md). So in command-line
    /// builds a code-block action only keeps its tree's model and requests the analysis; at compilation end, when the
    /// compiler has bound every body into a model kept here, the requests run, spread over the processor's cores, and
    /// every analyzer reads the same memoised summaries. In the IDE nothing is deferred: a keystroke needs the
    /// diagnostics of the method being typed, not of the whole compilation.
    /// </para>
    /// </summary>
    internal sealed class DeferredAnalyses
    {
        /// <summary>
        /// Tests only: called on the thread of each analysis, with its method, before it runs (per asynchronous flow, so
        /// tests running side by side do not see each other's). A hook that throws stands in for a failure the engine is
        /// not known to have.
        /// </summary>
        internal static readonly AsyncLocal<Action<IMethodSymbol>?> AnalysingForTests = new();

        private readonly FlowEngine _engine;
        private readonly SemanticModels _models;
        private readonly ConcurrentDictionary<IMethodSymbol, Pending> _requests = new(SymbolEqualityComparer.Default);
        private readonly object _gate = new();
        private Completed? _completed;

        public DeferredAnalyses(FlowEngine engine, SemanticModels models)
        {
            _engine = engine;
            _models = models;
        }

        /// <summary>Keeps the model of a code block's tree (with the bodies the compiler bound into it) until the analyses have run.</summary>
        public void Keep(SemanticModel model) => _models.Hold(model);

        /// <summary>
        /// Requests the analysis of <paramref name="method"/>, whose code block is <paramref name="codeBlock"/>; a method is
        /// analysed once however often it is requested. <paramref name="evenWithoutPersonalData"/>: summarised even when its
        /// body reads nothing personal (a library's public method, whose parameters' sinks are exported).
        /// </summary>
        public void Request(IMethodSymbol method, SemanticModel model, SyntaxNode codeBlock, bool evenWithoutPersonalData = false)
        {
            var request = new Pending((IMethodSymbol)method.OriginalDefinition, model, codeBlock, evenWithoutPersonalData);
            // The order of the requests does not matter: they run in parallel. A request to summarise in any case wins.
            _requests.AddOrUpdate(request.Method, request, (_, known) => known.Force || !request.Force ? known : request);
        }

        /// <summary>
        /// Runs every request once (the first caller runs them, the others wait) and returns the summaries. Then the
        /// requests and the models kept for the analyses are let go; a request made after that is not analysed.
        /// </summary>
        public Completed Complete(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_completed is null)
                {
                    _completed = Run(_requests.Values.ToArray(), cancellationToken);

                    // The requests hold their models too: nothing bound is kept once the analyses have run.
                    _requests.Clear();
                    _models.Release();
                }

                return _completed;
            }
        }

        /// <summary>The requests not yet run (tests).</summary>
        internal int PendingCount => _requests.Count;

        /// <summary>Whether <paramref name="model"/> is the one kept for its tree (tests).</summary>
        internal bool Holds(SemanticModel model) => ReferenceEquals(_models.Get(model.SyntaxTree), model);

        private Completed Run(Pending[] requests, CancellationToken cancellationToken)
        {
            var summaries = new ConcurrentDictionary<IMethodSymbol, MethodSummary>(SymbolEqualityComparer.Default);
            var failed = new ConcurrentQueue<(IMethodSymbol Method, Exception Exception)>();
            Exception? failure = null;
            // One thread per core: without a bound, Parallel.ForEach takes every idle thread of the pool (about twenty at
            // the end of a large compilation, most of them added while the compiler ran) onto two cores.
            // (RS1035 bans the Environment type for its variables; the processor count changes how many threads run, never a result.)
#pragma warning disable RS1035
            var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
#pragma warning restore RS1035
            Parallel.ForEach(Partitioner.Create(requests, loadBalance: true), options, request =>
            {
                try
                {
                    AnalysingForTests.Value?.Invoke(request.Method);
                    if (_engine.AnalyseMethod(request.Method, request.Model, request.CodeBlock, cancellationToken, request.Force) is { } summary)
                    {
                        summaries[request.Method] = summary;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One method's failure must not cost the others their findings; it is rethrown to each analyzer
                    // after it has reported them (an AD0001, as a failing code-block action gives).
                    Interlocked.CompareExchange(ref failure, e, null);
                    failed.Enqueue((request.Method, e));
                }
            });

            return new Completed(summaries, failure, failed.ToArray());
        }

        private sealed class Pending
        {
            public Pending(IMethodSymbol method, SemanticModel model, SyntaxNode codeBlock, bool force)
            {
                Method = method;
                Model = model;
                CodeBlock = codeBlock;
                Force = force;
            }

            /// <summary>Summarised even when the body reads nothing personal.</summary>
            public bool Force { get; }

            public IMethodSymbol Method { get; }

            public SemanticModel Model { get; }

            public SyntaxNode CodeBlock { get; }
        }

        /// <summary>The summaries of the requested methods that touch personal data, and the first failure of an analysis.</summary>
        internal sealed class Completed
        {
            private readonly IReadOnlyDictionary<IMethodSymbol, MethodSummary> _summaries;

            public Completed(IReadOnlyDictionary<IMethodSymbol, MethodSummary> summaries, Exception? failure, IReadOnlyList<(IMethodSymbol Method, Exception Exception)> failed)
            {
                _summaries = summaries;
                Failure = failure;
                Failed = failed;
            }

            /// <summary>The first exception an analysis threw, if any.</summary>
            public Exception? Failure { get; }

            /// <summary>Every method whose analysis threw, with its exception (the record says their flows are missing).</summary>
            public IReadOnlyList<(IMethodSymbol Method, Exception Exception)> Failed { get; }

            /// <summary>The summary of a requested method; null when its body does not touch personal data.</summary>
            public MethodSummary? Of(IMethodSymbol method) =>
                _summaries.TryGetValue((IMethodSymbol)method.OriginalDefinition, out var summary) ? summary : null;
        }
    }
}
