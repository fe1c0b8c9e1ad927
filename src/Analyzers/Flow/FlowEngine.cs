using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Flow.Calls;
using Residency.Analyzers.Flow.Library;
using Residency.Analyzers.Model;
using Residency.Analyzers.Sinks;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// The flow engine of one compilation: memoised per-method summaries over Roslyn control-flow graphs, built
    /// lazily and only for methods that touch personal data or whose summary a caller needs. Independent of how
    /// diagnostics are reported: the analyzers, the code fixes and the inventory read the same facts.
    /// </summary>
    internal sealed partial class FlowEngine
    {
        /// <summary>How many calls deep summaries are followed (docs/flow-semantics.md promises at least 3).</summary>
        public const int MaxCallDepth = 8;

        /// <summary>How many implementations in the compilation an interface or virtual call is followed to.</summary>
        public const int MaxDispatchTargets = 8;

        private readonly Compilation _compilation;
        private readonly SemanticModels _models;
        private readonly ImmutableArray<ISinkProvider> _sinkProviders;
        private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> _summaries;
        // Pre-filter answers with the depth they were computed at: a "no" found with less call budget left is not reused
        // where more budget is left (the answer must not depend on which method asked first).
        private readonly ConcurrentDictionary<IMethodSymbol, (bool Touches, int Depth)> _touches;
        // Keyed by syntax, not by operation: nothing the engine keeps for the whole compilation may hold an operation tree
        // (that would keep every bound method body of the compilation alive; docs/benchmarks.md).
        private readonly ConcurrentDictionary<SyntaxNode, SinkCall?> _sinkCalls;
        private readonly ConcurrentDictionary<IFieldSymbol, ImmutableHashSet<TaintFact>> _fieldStores = Caches.Create<IFieldSymbol, ImmutableHashSet<TaintFact>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _fieldStoresEnsured = Caches.Create<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

        public FlowEngine(Compilation compilation, SemanticModels models, PersonalDataClassifier classifier, WellKnownTypes types, ImmutableArray<ISinkProvider> sinkProviders, int cacheCapacity = Caches.DefaultCapacity)
        {
            _summaries = Caches.Create<IMethodSymbol, MethodSummary>(SymbolEqualityComparer.Default, cacheCapacity);
            _touches = Caches.Create<IMethodSymbol, (bool Touches, int Depth)>(SymbolEqualityComparer.Default, cacheCapacity);
            _sinkCalls = Caches.Create<SyntaxNode, SinkCall?>(EqualityComparer<SyntaxNode>.Default, cacheCapacity);
            _compilation = compilation;
            _models = models;
            Classifier = classifier;
            Library = new LibraryBehaviour(compilation);
            Types = types;
            _sinkProviders = sinkProviders;
            _hasOpenMembers = new Lazy<bool>(FindOpenMembers);
        }

        public PersonalDataClassifier Classifier { get; }

        /// <summary>How library methods treat data (<c>Catalog/library.json</c>), resolved for this compilation.</summary>
        public LibraryBehaviour Library { get; }

        /// <summary>
        /// The syntactic pre-filter, when one is in use: a method it rules out does not touch personal data (it
        /// over-approximates <see cref="TouchesPersonalData(IOperation)"/>), so its body need not be bound to find that out.
        /// </summary>
        public Func<SyntaxNode, bool>? SyntacticFilter { get; set; }

        /// <summary>
        /// The methods whose own calls implement a declared sink (<see cref="Sinks.SinkImplementations"/>): no sink is
        /// recorded inside them, the flow is the one into the annotated sink. Null: none.
        /// </summary>
        public SinkImplementations? SinkImplementations { get; set; }

        /// <summary>
        /// The syntactic index's answer to "can the methods of its type store nothing personal into this field or
        /// auto-property?" (<see cref="CandidateIndex.StoresNothingPersonal"/>); null: no index, always computed.
        /// </summary>
        public Func<ISymbol, bool>? StorageFilter { get; set; }

        /// <summary>
        /// The syntactic index's answer to "may this method store into a field of its own type, itself or through another
        /// method of the type?" (<see cref="CandidateIndex.MayStoreIntoItsType"/>); null: no index, every method may.
        /// </summary>
        public Func<SyntaxNode, bool>? StorerFilter { get; set; }

        /// <summary>Whether a call of <paramref name="method"/> (of this compilation) may store what it is passed into a field of its type.</summary>
        internal bool MayStoreIntoItsType(IMethodSymbol method)
        {
            var filter = StorerFilter;
            if (filter is null)
            {
                return true;
            }

            foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
            {
                if (filter(reference.GetSyntax()))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the type's field stores need not be computed to read <paramref name="member"/> (they hold nothing for it).</summary>
        internal bool StoresNothingPersonal(ISymbol member) => StorageFilter is { } filter && filter(member.OriginalDefinition);

        /// <summary>Whether the syntactic index says <paramref name="method"/>'s body cannot touch personal data (false without an index).</summary>
        internal bool RuledOutByIndex(IMethodSymbol method) => SyntacticFilter is not null && !MayTouch((IMethodSymbol)method.OriginalDefinition);

        private bool MayTouch(IMethodSymbol method)
        {
            var filter = SyntacticFilter;
            if (filter is null)
            {
                return true;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (filter(reference.GetSyntax()))
                {
                    return true;
                }
            }

            return method.DeclaringSyntaxReferences.Length == 0;
        }

        public WellKnownTypes Types { get; }

        /// <summary>
        /// Recognises calls that hand personal data to a method nobody classified (neither a sink nor local); null: such
        /// calls are not recorded. Set once, before the first analysis.
        /// </summary>
        public Calls.UnclassifiedCalls? Unclassified { get; set; }

        /// <summary>
        /// What referenced projects' public methods do with their arguments, from their exports (docs/cross-project.md);
        /// null when no referenced project exported any.
        /// </summary>
        public Calls.ImportedSummaries? Imports { get; set; }

        /// <summary>
        /// Who receives a query that LINQ's own operators run (<c>ToList()</c>, <c>FirstOrDefault(…)</c>, <c>foreach</c>): the
        /// provider of the store it was built from. Null: such runs are not recorded. Set once, before the first analysis.
        /// </summary>
        public Calls.QueryProviders? QueryProviders { get; set; }

        /// <summary>
        /// Where a method's return value is sent besides its callers, when it is (an AI tool's result goes to the model
        /// that offered it): the sinks its <c>return</c>s reach. Null or empty for ordinary methods.
        /// </summary>
        public Func<IMethodSymbol, ImmutableArray<SinkInfo>>? ReturnSinks { get; set; }

        internal ImmutableArray<SinkInfo> ReturnSinksOf(IMethodSymbol method) => ReturnSinks?.Invoke(method) ?? ImmutableArray<SinkInfo>.Empty;

        /// <summary>The sink a call sends to, consulting the providers in order (docs/endpoints.md).</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public SinkCall? ResolveSink(IInvocationOperation invocation)
        {
            foreach (var provider in _sinkProviders)
            {
                var call = provider.TryResolve(invocation);
                if (call is not null)
                {
                    return call;
                }
            }

            return null;
        }

        /// <summary>
        /// The summary of <paramref name="method"/>, computed from <paramref name="cfg"/> (the analyzer driver's cached
        /// graph) when it is not memoised yet.
        /// </summary>
        public MethodSummary GetSummary(IMethodSymbol method, ControlFlowGraph cfg, CancellationToken cancellationToken)
        {
            method = (IMethodSymbol)method.OriginalDefinition;
            if (_summaries.TryGetValue(method, out var summary))
            {
                return summary;
            }

            if (TruncatedAt(method, 0) is { } truncated)
            {
                return truncated;
            }

            try
            {
                var request = new AnalysisRequest(cancellationToken);
                summary = Analyse(method, cfg, depth: 0, ImmutableHashSet.Create<IMethodSymbol>(SymbolEqualityComparer.Default, method), request);
                return Memoise(method, summary, 0, request);
            }
            catch (InsufficientExecutionStackException)
            {
                // Pathologically deep code: no findings for this method rather than a crashed compiler (docs/flow-semantics.md).
                return MethodSummary.TooDeep;
            }
        }

        /// <summary>
        /// The summary of a method of this compilation analysed for its own findings: null when its body does not touch
        /// personal data (<see cref="TouchesPersonalData(IMethodSymbol, IOperation)"/>) or no control-flow graph can be built for it.
        /// </summary>
        public MethodSummary? AnalyseMethod(IMethodSymbol method, SemanticModel? model, SyntaxNode? declaration, CancellationToken cancellationToken) =>
            AnalyseMethod(method, model, declaration, cancellationToken, evenWithoutPersonalData: false);

        /// <summary>
        /// As above; with <paramref name="evenWithoutPersonalData"/>, a body that reads nothing personal is summarised too
        /// (what its parameters reach: a library's exports, docs/cross-project.md).
        /// </summary>
        public MethodSummary? AnalyseMethod(IMethodSymbol method, SemanticModel? model, SyntaxNode? declaration, CancellationToken cancellationToken, bool evenWithoutPersonalData)
        {
            // The reporting analyzer and the inventory's facts ask for the same bodies: the second asks the memo only.
            if (_summaries.TryGetValue((IMethodSymbol)method.OriginalDefinition, out var memoised))
            {
                return memoised;
            }

            // The driver's model for the method's own body (bound once, shared with other analyzers), else the engine's.
            var operation = model is not null && declaration is not null && model.SyntaxTree == declaration.SyntaxTree ? model.GetOperation(declaration, cancellationToken) : null;
            var root = operation is IMethodBodyOperation or IConstructorBodyOperation || operation is IBlockOperation { Parent: null }
                ? operation
                : GetBodyOperation(method, cancellationToken);
            if (root is null || (!evenWithoutPersonalData && !TouchesPersonalData(method, root)))
            {
                return null;
            }

            var cfg = CreateGraph(root, cancellationToken);
            return cfg is null ? null : GetSummary(method, cfg, cancellationToken);
        }

        /// <summary>The summary of a callee in this compilation, or null when it has no body here.</summary>
        internal MethodSummary? GetCalleeSummary(IMethodSymbol callee, int depth, ImmutableHashSet<IMethodSymbol> inProgress, ControlFlowGraph? containingCfg, AnalysisRequest request)
        {
            callee = (IMethodSymbol)callee.OriginalDefinition;
            if (Library.Is(callee, Behaviour.Serializer))
            {
                return null; // System.Text.Json / Newtonsoft.Json: the result carries what is serialised, whatever the body says
            }

            if (_summaries.TryGetValue(callee, out var cached) || request.PassSummaries.TryGetValue(callee, out cached))
            {
                return cached;
            }

            if (depth <= MaxCallDepth && TruncatedAt(callee, depth) is { } truncated)
            {
                return truncated;
            }

            if (inProgress.Contains(callee))
            {
                // Recursion: the recursive call does what the callee's provisional summary says (nothing on the first pass).
                // Whatever depends on that assumption is not memoised.
                return request.Provisional.TryGetValue(callee, out var known)
                    ? known.AsRecursive(callee)
                    : MethodSummary.Recursive(callee);
            }

            {
                if (depth > MaxCallDepth)
                {
                    // Too deep: assume nothing more (docs/flow-semantics.md).
                    return MethodSummary.CutByDepth;
                }

                if (!request.TrySpendSummary())
                {
                    // This request has computed too many summaries already: assume nothing more.
                    return MethodSummary.CutByBudget;
                }

                var cfg = GetControlFlowGraph(callee, containingCfg, request.CancellationToken);
                if (cfg is null)
                {
                    return null;
                }

                var summary = Analyse(callee, cfg, depth, inProgress.Add(callee), request);
                return Memoise(callee, summary, depth, request);
            }
        }

        /// <summary>How many times a recursive method is re-analysed with its own provisional summary.</summary>
        private const int MaxRecursionPasses = 3;

        /// <summary>
        /// Analyses a method; when it calls itself (directly or through a cycle), analyses it again with its previous
        /// summary standing for the recursive calls, until the summary stops growing (at most <see cref="MaxRecursionPasses"/>).
        /// </summary>
        private MethodSummary Analyse(IMethodSymbol method, ControlFlowGraph cfg, int depth, ImmutableHashSet<IMethodSymbol> inProgress, AnalysisRequest request)
        {
            EngineCounters.MethodAnalysis();
            var analysis = new MethodFlowAnalysis(this, method, cfg, depth, inProgress, request);
            var summary = analysis.Run();
            for (int pass = 0; pass < MaxRecursionPasses && analysis.CutItself; pass++)
            {
                var provisional = request.Provisional;
                provisional[method] = summary;
                MethodSummary next;
                try
                {
                    EngineCounters.MethodAnalysis();
                    analysis = new MethodFlowAnalysis(this, method, cfg, depth, inProgress, request);
                    next = analysis.Run();
                }
                finally
                {
                    provisional.Remove(method);
                }

                var grew = next.EffectSize > summary.EffectSize;
                summary = next;
                if (!grew)
                {
                    break;
                }
            }

            return summary;
        }

        /// <summary>
        /// Memoises a summary: a complete one for every caller; one cut by the depth limit only for callers at the same
        /// depth (so that a method's result never depends on the depth another caller happened to reach it at); one that
        /// depends on a recursion assumption not at all; one that read field stores <paramref name="request"/> is still
        /// computing only for that request, until a pass of those types sees every store (<see cref="EnsureFieldStores"/>).
        /// </summary>
        private MethodSummary Memoise(IMethodSymbol method, MethodSummary summary, int depth, AnalysisRequest request)
        {
            if (!summary.CutOn.IsEmpty)
            {
                return summary;
            }

            if (!summary.PartialStores.IsEmpty)
            {
                if (!summary.IsTruncated)
                {
                    request.PassSummaries[method] = summary;
                }

                return summary;
            }

            if (!summary.IsTruncated)
            {
                return _summaries.GetOrAdd(method, summary);
            }

            if (depth >= 0 && depth <= MaxCallDepth)
            {
                var slots = _truncatedSummaries.GetOrAdd(method, _ => new MethodSummary?[MaxCallDepth + 1]);
                Volatile.Write(ref slots[depth], summary);
            }

            return summary;
        }

        private MethodSummary? TruncatedAt(IMethodSymbol method, int depth) =>
            depth >= 0 && depth <= MaxCallDepth && _truncatedSummaries.TryGetValue(method, out var slots) ? Volatile.Read(ref slots[depth]) : null;

        /// <summary>
        /// Where the query each of the application's query-returning methods returns comes from (<c>MethodFlowAnalysis.HelperQueryRoot</c>),
        /// per method and number of helper levels it may still follow (so that the answer does not depend on which caller asked first).
        /// </summary>
        internal ConcurrentDictionary<(IMethodSymbol Method, int Levels), (ITypeSymbol? Store, ITypeSymbol? Holder, bool InMemory, SinkCall? Client)?> HelperQueries { get; } =
            new(HelperQueryKeyComparer.Instance);

        /// <summary>The parameter (ordinal, or -1) the query each of the application's query-returning methods returns is built from (<c>MethodFlowAnalysis.QueryParameterOf</c>).</summary>
        internal ConcurrentDictionary<IMethodSymbol, int> HelperQueryParameters { get; } = new(SymbolEqualityComparer.Default);

        private sealed class HelperQueryKeyComparer : IEqualityComparer<(IMethodSymbol Method, int Levels)>
        {
            public static readonly HelperQueryKeyComparer Instance = new();

            public bool Equals((IMethodSymbol Method, int Levels) x, (IMethodSymbol Method, int Levels) y) =>
                x.Levels == y.Levels && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

            public int GetHashCode((IMethodSymbol Method, int Levels) obj) =>
                unchecked((SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 31) + obj.Levels);
        }

        private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary?[]> _truncatedSummaries = Caches.Create<IMethodSymbol, MethodSummary?[]>(SymbolEqualityComparer.Default);

        /// <summary>How many summaries one method's analysis may compute before further callees are assumed to do nothing.</summary>
        public const int MaxSummariesPerRequest = 400;

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        internal SinkCall? CachedSink(IInvocationOperation invocation) =>
            _sinkCalls.TryGetValue(invocation.Syntax, out var known) ? known : _sinkCalls.GetOrAdd(invocation.Syntax, ResolveSink(invocation));

        private readonly ConcurrentDictionary<(IMethodSymbol Method, INamedTypeSymbol Attribute), bool> _methodAttributes = new(MethodAttributeComparer.Instance);

        /// <summary>[Anonymizer] / [Pseudonymizer] on a method or what it overrides, memoised (no attribute scan per call).</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        internal bool HasMethodAttribute(IMethodSymbol method, INamedTypeSymbol attribute) =>
            _methodAttributes.GetOrAdd(((IMethodSymbol)method.OriginalDefinition, attribute), key => MethodFlowAnalysis.HasAttributeUncached(key.Method, key.Attribute));

        private sealed class MethodAttributeComparer : IEqualityComparer<(IMethodSymbol Method, INamedTypeSymbol Attribute)>
        {
            public static readonly MethodAttributeComparer Instance = new();

            public bool Equals((IMethodSymbol Method, INamedTypeSymbol Attribute) x, (IMethodSymbol Method, INamedTypeSymbol Attribute) y) =>
                SymbolEqualityComparer.Default.Equals(x.Method, y.Method) && SymbolEqualityComparer.Default.Equals(x.Attribute, y.Attribute);

            public int GetHashCode((IMethodSymbol Method, INamedTypeSymbol Attribute) obj) =>
                unchecked((SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 31) + SymbolEqualityComparer.Default.GetHashCode(obj.Attribute));
        }

        private readonly ConcurrentDictionary<ITypeSymbol, ImmutableHashSet<TaintFact>> _wholeFacts = Caches.Create<ITypeSymbol, ImmutableHashSet<TaintFact>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<DataElement, ImmutableHashSet<TaintFact>> _sourceFacts = new();

        /// <summary>The whole-object facts of a value of <paramref name="type"/>; memoised (no allocation per operation).</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        internal ImmutableHashSet<TaintFact> WholeFacts(ITypeSymbol? type)
        {
            if (type is null || type.SpecialType != SpecialType.None)
            {
                return Taint.Empty;
            }

            return _wholeFacts.GetOrAdd(type, t =>
            {
                var carried = Classifier.GetCarriedElements(t);
                return carried.IsEmpty ? Taint.Empty : Taint.FromElements(carried, whole: true);
            });
        }

        /// <summary>The fact set of one element read directly; memoised.</summary>
        internal ImmutableHashSet<TaintFact> SourceFacts(DataElement element) =>
            _sourceFacts.GetOrAdd(element, e => Taint.Empty.Add(TaintFact.Source(e)));

        internal static bool IsInSource(IMethodSymbol method) => SymbolWalk.HasSourceBody(method);

        internal static string StepName(IMethodSymbol method) => method.MethodKind switch
        {
            MethodKind.PropertyGet or MethodKind.PropertySet => method.AssociatedSymbol?.Name ?? method.Name,
            MethodKind.Constructor => $"new {method.ContainingType?.Name}",
            MethodKind.AnonymousFunction => "lambda",
            _ when method.Name == WellKnownMemberNames.TopLevelStatementsEntryPointMethodName => method.ContainingType?.Name ?? "Program", // top-level statements
            _ => method.Name,
        };
    }
}
