using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Flow.Calls;
using Residency.Analyzers.Model;
using Residency.Analyzers.Sinks;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// The flow engine of one compilation: memoised per-method summaries over Roslyn control-flow graphs, built
    /// lazily and only for methods that touch personal data or whose summary a caller needs. Independent of how
    /// diagnostics are reported: the analyzers, the code fixes and the inventory read the same facts.
    /// </summary>
    internal sealed class FlowEngine
    {
        /// <summary>How many calls deep summaries are followed (SPEC §6 asks for at least 3).</summary>
        public const int MaxCallDepth = 8;

        /// <summary>How many implementations in the compilation an interface or virtual call is followed to.</summary>
        public const int MaxDispatchTargets = 8;

        private readonly Compilation _compilation;
        private readonly SemanticModels _models;
        private readonly ImmutableArray<ISinkProvider> _sinkProviders;
        private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> _summaries = new(SymbolEqualityComparer.Default);
        // Pre-filter answers with the depth they were computed at: a "no" found with less call budget left is not reused
        // where more budget is left (the answer must not depend on which method asked first).
        private readonly ConcurrentDictionary<IMethodSymbol, (bool Touches, int Depth)> _touches = new(SymbolEqualityComparer.Default);
        // Keyed by syntax, not by operation: nothing the engine keeps for the whole compilation may hold an operation tree
        // (that would keep every bound method body of the compilation alive; docs/benchmarks.md).
        private readonly ConcurrentDictionary<SyntaxNode, SinkCall?> _sinkCalls = new();
        private readonly ConcurrentDictionary<IFieldSymbol, ImmutableHashSet<TaintFact>> _fieldStores = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _fieldStoresEnsured = new(SymbolEqualityComparer.Default);

        public FlowEngine(Compilation compilation, SemanticModels models, PersonalDataClassifier classifier, WellKnownTypes types, ImmutableArray<ISinkProvider> sinkProviders)
        {
            _compilation = compilation;
            _models = models;
            Classifier = classifier;
            Types = types;
            _sinkProviders = sinkProviders;
        }

        public PersonalDataClassifier Classifier { get; }

        private DispatchIndex? _dispatch;

        /// <summary>
        /// The methods of this compilation an interface or virtual call may run (the target itself when it has a body, and
        /// its implementations and overrides here, at most <see cref="MaxDispatchTargets"/>); empty for a call that is not
        /// dispatched virtually or whose target is not declared in this compilation. <paramref name="bounded"/>: more were found.
        /// </summary>
        internal ImmutableArray<IMethodSymbol> DispatchTargets(IInvocationOperation invocation, out bool bounded)
        {
            bounded = false;
            var target = invocation.TargetMethod;
            if (!invocation.IsVirtual || target.IsStatic || target.OriginalDefinition.DeclaringSyntaxReferences.Length == 0)
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            var index = LazyInitializer.EnsureInitialized(ref _dispatch, () => DispatchIndex.Build(_compilation, CancellationToken.None))!;
            return index.TargetsOf(target, invocation.Instance?.Type, MaxDispatchTargets, out bounded);
        }

        /// <summary>
        /// The syntactic pre-filter, when one is in use: a method it rules out does not touch personal data (it
        /// over-approximates <see cref="TouchesPersonalData"/>), so its body need not be bound to find that out.
        /// </summary>
        public Func<SyntaxNode, bool>? SyntacticFilter { get; set; }

        /// <summary>
        /// The methods whose own calls implement a declared sink (<see cref="Sinks.SinkImplementations"/>): no sink is
        /// recorded inside them, the flow is the one into the annotated sink. Null: none.
        /// </summary>
        public SinkImplementations? SinkImplementations { get; set; }

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
        /// Where a method's return value is sent besides its callers, when it is (an AI tool's result goes to the model
        /// that offered it): the sinks its <c>return</c>s reach. Null or empty for ordinary methods.
        /// </summary>
        public Func<IMethodSymbol, ImmutableArray<SinkInfo>>? ReturnSinks { get; set; }

        internal ImmutableArray<SinkInfo> ReturnSinksOf(IMethodSymbol method) => ReturnSinks?.Invoke(method) ?? ImmutableArray<SinkInfo>.Empty;

        /// <summary>The sink a call sends to, consulting the providers in order (SPEC §5).</summary>
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

            EnterRequest();
            try
            {
                summary = Analyse(method, cfg, depth: 0, ImmutableHashSet.Create<IMethodSymbol>(SymbolEqualityComparer.Default, method), cancellationToken);
                return Memoise(method, summary, 0);
            }
            catch (InsufficientExecutionStackException)
            {
                // Pathologically deep code: no findings for this method rather than a crashed compiler (docs/flow-semantics.md).
                return MethodSummary.TooDeep;
            }
            finally
            {
                ExitRequest();
            }
        }

        /// <summary>
        /// The summary of a method of this compilation analysed for its own findings: null when its body does not touch
        /// personal data (<see cref="TouchesPersonalData"/>) or no control-flow graph can be built for it.
        /// </summary>
        public MethodSummary? AnalyseMethod(IMethodSymbol method, SemanticModel? model, SyntaxNode? declaration, CancellationToken cancellationToken)
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
            if (root is null || !TouchesPersonalData(root))
            {
                return null;
            }

            var cfg = CreateGraph(root, cancellationToken);
            return cfg is null ? null : GetSummary(method, cfg, cancellationToken);
        }

        /// <summary>The summary of a callee in this compilation, or null when it has no body here.</summary>
        internal MethodSummary? GetCalleeSummary(IMethodSymbol callee, int depth, ImmutableHashSet<IMethodSymbol> inProgress, ControlFlowGraph? containingCfg, CancellationToken cancellationToken)
        {
            callee = (IMethodSymbol)callee.OriginalDefinition;
            if (IsKnownSerializer(callee))
            {
                return null; // System.Text.Json / Newtonsoft.Json: the result carries what is serialised, whatever the body says
            }

            if (_summaries.TryGetValue(callee, out var cached))
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
                return t_provisional is { } provisional && provisional.TryGetValue(callee, out var known)
                    ? known.AsRecursive(callee)
                    : MethodSummary.Recursive(callee);
            }

            EnterRequest();
            try
            {
                if (depth > MaxCallDepth)
                {
                    // Too deep: assume nothing more (docs/flow-semantics.md).
                    return MethodSummary.CutByDepth;
                }

                if (t_budget-- <= 0)
                {
                    // This request has computed too many summaries already: assume nothing more.
                    return MethodSummary.CutByBudget;
                }

                var cfg = GetControlFlowGraph(callee, containingCfg, cancellationToken);
                if (cfg is null)
                {
                    return null;
                }

                var summary = Analyse(callee, cfg, depth, inProgress.Add(callee), cancellationToken);
                return Memoise(callee, summary, depth);
            }
            finally
            {
                ExitRequest();
            }
        }

        /// <summary>How many times a recursive method is re-analysed with its own provisional summary.</summary>
        private const int MaxRecursionPasses = 3;

        [ThreadStatic]
        private static Dictionary<IMethodSymbol, MethodSummary>? t_provisional;

        /// <summary>
        /// Analyses a method; when it calls itself (directly or through a cycle), analyses it again with its previous
        /// summary standing for the recursive calls, until the summary stops growing (at most <see cref="MaxRecursionPasses"/>).
        /// </summary>
        private MethodSummary Analyse(IMethodSymbol method, ControlFlowGraph cfg, int depth, ImmutableHashSet<IMethodSymbol> inProgress, CancellationToken cancellationToken)
        {
            var analysis = new MethodFlowAnalysis(this, method, cfg, depth, inProgress, cancellationToken);
            var summary = analysis.Run();
            for (int pass = 0; pass < MaxRecursionPasses && analysis.CutItself; pass++)
            {
                var provisional = t_provisional ??= new Dictionary<IMethodSymbol, MethodSummary>(SymbolEqualityComparer.Default);
                provisional[method] = summary;
                MethodSummary next;
                try
                {
                    analysis = new MethodFlowAnalysis(this, method, cfg, depth, inProgress, cancellationToken);
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
        /// depends on a recursion assumption not at all.
        /// </summary>
        private MethodSummary Memoise(IMethodSymbol method, MethodSummary summary, int depth)
        {
            if (!summary.CutOn.IsEmpty)
            {
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

        private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary?[]> _truncatedSummaries = new(SymbolEqualityComparer.Default);

        // Per-thread budget of fresh summaries for one top-level request, so that dense recursive call graphs (whose
        // summaries are not memoised while a cycle is open) cannot make one method's analysis explode.
        [ThreadStatic]
        private static int t_budget;

        [ThreadStatic]
        private static int t_requestDepth;

        private static void EnterRequest()
        {
            if (t_requestDepth++ == 0)
            {
                t_budget = MaxSummariesPerRequest;
            }
        }

        private static void ExitRequest() => t_requestDepth--;

        /// <summary>How many summaries one method's analysis may compute before further callees are assumed to do nothing.</summary>
        public const int MaxSummariesPerRequest = 400;

        private static bool IsKnownSerializer(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is null || !method.Name.StartsWith("Serialize", StringComparison.Ordinal))
            {
                return false;
            }

            return (type.Name == "JsonConvert" && type.ContainingNamespace?.ToDisplayString() == "Newtonsoft.Json") ||
                   (type.Name == "JsonSerializer" && type.ContainingNamespace?.ToDisplayString() == "System.Text.Json");
        }

        /// <summary>
        /// Cheap pre-filter (no control-flow graph): does this body read personal data, create or receive a personal
        /// object, or call a method of this compilation that does? Methods that do not are never analysed.
        /// </summary>
        public bool TouchesPersonalData(IOperation root, int depth = 0)
        {
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IMemberReferenceOperation member when member.Member is IPropertySymbol or IFieldSymbol:
                        if (Classifier.GetElement(member.Member) is not null || !Classifier.GetCarriedElements(member.Type).IsEmpty ||
                            (member is IPropertyReferenceOperation read && Classifier.Sources?.IsSourceRead(read) == true))
                        {
                            return true;
                        }

                        if (depth < 3 && IsStorage(member.Member) && MemberStoresPersonalData(member.Member, depth + 1))
                        {
                            // A field (or auto-property) that another method of its type may fill with personal data.
                            return true;
                        }

                        if (member.Member is IPropertySymbol { GetMethod: { } getter } && IsInSource(getter) && depth < 3 && MethodTouches(getter, depth + 1))
                        {
                            return true;
                        }

                        break;
                    case IParameterReferenceOperation parameter:
                        if (Classifier.GetElement(parameter.Parameter) is not null || !Classifier.GetCarriedElements(parameter.Type).IsEmpty)
                        {
                            return true;
                        }

                        break;
                    case ILocalReferenceOperation local when !Classifier.GetCarriedElements(local.Type).IsEmpty:
                    case IObjectCreationOperation creation when !Classifier.GetCarriedElements(creation.Type).IsEmpty:
                    case IInstanceReferenceOperation instance when !Classifier.GetCarriedElements(instance.Type).IsEmpty:
                        return true;
                    case IInvocationOperation invocation:
                        var target = invocation.TargetMethod;
                        if (Classifier.GetElement(target) is not null || !Classifier.GetCarriedElements(target.ReturnType).IsEmpty || Classifier.Sources?.IsSourceCall(target) == true)
                        {
                            return true;
                        }

                        if (depth < 3 && IsInSource(target) && MethodTouches(target, depth + 1))
                        {
                            return true;
                        }

                        if (depth < 3)
                        {
                            foreach (var implementation in DispatchTargets(invocation, out _))
                            {
                                if (MethodTouches(implementation, depth + 1))
                                {
                                    return true;
                                }
                            }
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>Whether a method of this compilation (transitively, a few calls deep) touches personal data.</summary>
        private bool MethodTouches(IMethodSymbol method, int depth)
        {
            method = (IMethodSymbol)method.OriginalDefinition;
            if (!MayTouch(method))
            {
                return false; // the syntactic index rules it out: no need to bind its body
            }

            if (_touches.TryGetValue(method, out var known) && (known.Touches || known.Depth <= depth))
            {
                return known.Touches;
            }

            // Recursion guard per thread: another thread must not see a provisional answer.
            var inProgress = t_prefilterInProgress ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            if (!inProgress.Add(method))
            {
                return false;
            }

            try
            {
                var root = GetBodyOperation(method, CancellationToken.None);
                var result = root is not null && TouchesPersonalData(root, depth);
                _touches.AddOrUpdate(method, (result, depth), (_, old) => result || old.Touches ? (true, Math.Min(depth, old.Depth)) : (false, Math.Min(depth, old.Depth)));
                return result;
            }
            finally
            {
                inProgress.Remove(method);
            }
        }

        /// <summary>Remembers what a method stores into a field, so other methods of the type that read it see it.</summary>
        internal void RecordFieldStore(IFieldSymbol field, ImmutableHashSet<TaintFact> facts)
        {
            var sources = Taint.Empty.ToBuilder();
            foreach (var fact in facts)
            {
                if (fact.IsSource)
                {
                    sources.Add(fact);
                }
            }

            if (sources.Count == 0)
            {
                return;
            }

            var added = sources.ToImmutable();
            _fieldStores.AddOrUpdate(field.OriginalDefinition, added, (_, existing) => Taint.Union(existing, added));
        }

        internal ImmutableHashSet<TaintFact> FieldStore(IFieldSymbol field) =>
            _fieldStores.TryGetValue(field.OriginalDefinition, out var facts) ? facts : Taint.Empty;

        internal SinkCall? CachedSink(IInvocationOperation invocation) =>
            _sinkCalls.TryGetValue(invocation.Syntax, out var known) ? known : _sinkCalls.GetOrAdd(invocation.Syntax, ResolveSink(invocation));

        private readonly ConcurrentDictionary<(IMethodSymbol Method, INamedTypeSymbol Attribute), bool> _methodAttributes = new(MethodAttributeComparer.Instance);

        /// <summary>[Anonymizer] / [Pseudonymizer] on a method or what it overrides, memoised (no attribute scan per call).</summary>
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

        private readonly ConcurrentDictionary<ITypeSymbol, ImmutableHashSet<TaintFact>> _wholeFacts = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<DataElement, ImmutableHashSet<TaintFact>> _sourceFacts = new();

        /// <summary>The whole-object facts of a value of <paramref name="type"/>; memoised (no allocation per operation).</summary>
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

        internal static bool IsInSource(IMethodSymbol method) =>
            !method.IsAbstract && !method.IsExtern && method.DeclaringSyntaxReferences.Length > 0 && method.PartialImplementationPart is null;

        /// <summary>
        /// Pre-computes the fields that each method of <paramref name="type"/> writes with personal data, so that reads in other
        /// methods of the type see them regardless of analysis order. The writers are analysed twice (a field copied into
        /// another field is seen), and their summaries computed here are not memoised: the analysis of each method proper
        /// runs once every store of its type is known.
        /// </summary>
        public void EnsureFieldStores(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            type = type.OriginalDefinition;
            if (_fieldStoresEnsured.ContainsKey(type) || type.DeclaringSyntaxReferences.Length == 0)
            {
                return;
            }

            // Re-entry on this thread (a writer reads a field of its own type) sees what is recorded so far. Another thread
            // computing the same type is not waited for (no deadlock): the work is done twice, with the same result.
            var inProgress = t_fieldStoresInProgress ??= new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            if (inProgress.Count >= MaxNestedFieldStoreTypes || !inProgress.Add(type))
            {
                return; // bounded nesting across types (stack depth); what is recorded so far is used
            }

            try
            {
                var writers = new List<(IMethodSymbol Method, ControlFlowGraph Graph)>();
                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol method && IsInSource(method) && method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor or MethodKind.PropertySet or MethodKind.StaticConstructor)
                    {
                        var root = GetBodyOperation(method, cancellationToken);
                        if (root is null || !WritesFields(root) || !TouchesPersonalData(root))
                        {
                            continue;
                        }

                        var graph = GetControlFlowGraph(method, null, cancellationToken);
                        if (graph is not null)
                        {
                            writers.Add((method, graph));
                        }
                    }
                }

                for (int pass = 0; pass < (writers.Count > 1 ? 2 : 1); pass++)
                {
                    foreach (var (method, graph) in writers)
                    {
                        EnterRequest();
                        try
                        {
                            new MethodFlowAnalysis(this, method, graph, depth: 0, ImmutableHashSet.Create<IMethodSymbol>(SymbolEqualityComparer.Default, method), cancellationToken).Run();
                        }
                        catch (InsufficientExecutionStackException)
                        {
                            // as in GetSummary: this writer's stores are not recorded
                        }
                        finally
                        {
                            ExitRequest();
                        }
                    }
                }
            }
            finally
            {
                inProgress.Remove(type);
            }

            _fieldStoresEnsured.TryAdd(type, true);
        }

        [ThreadStatic]
        private static HashSet<INamedTypeSymbol>? t_fieldStoresInProgress;

        private const int MaxNestedFieldStoreTypes = 4;

        [ThreadStatic]
        private static HashSet<ISymbol>? t_prefilterInProgress;

        /// <summary>
        /// Cheap pre-filter: does a method of the member's type write this field or auto-property (assignment, a call on
        /// it, a ref/out argument) and touch personal data? Only then can a read of it carry personal data (FieldStore).
        /// </summary>
        private bool MemberStoresPersonalData(ISymbol member, int depth)
        {
            if (member.ContainingType is not { } type)
            {
                return false;
            }

            var stored = StoredMembers(type, depth);
            member = member.OriginalDefinition;
            return stored.Contains(member) || (member is IPropertySymbol property && BackingField(property) is { } backing && stored.Contains(backing));
        }

        /// <summary>The fields and properties of <paramref name="type"/> that its personal-data-touching methods write; memoised per type.</summary>
        private ImmutableHashSet<ISymbol> StoredMembers(INamedTypeSymbol type, int depth)
        {
            type = type.OriginalDefinition;
            if (_typeStores.TryGetValue(type, out var known) && (!known.Stored.IsEmpty || known.Depth <= depth))
            {
                return known.Stored;
            }

            var empty = ImmutableHashSet.Create<ISymbol>(SymbolEqualityComparer.Default);
            var inProgress = t_prefilterInProgress ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            if (!inProgress.Add(type))
            {
                return empty; // recursion on this thread
            }

            var result = empty.ToBuilder();
            try
            {
                if (type.DeclaringSyntaxReferences.Length > 0)
                {
                    foreach (var candidate in type.GetMembers())
                    {
                        if (candidate is IMethodSymbol method && IsInSource(method) && method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor or MethodKind.PropertySet or MethodKind.StaticConstructor &&
                            MayTouch(method))
                        {
                            var root = GetBodyOperation(method, CancellationToken.None);
                            if (root is null)
                            {
                                continue;
                            }

                            var written = WrittenMembers(root);
                            if (written.Count > 0 && TouchesPersonalData(root, depth))
                            {
                                result.UnionWith(written);
                            }
                        }
                    }
                }
            }
            finally
            {
                inProgress.Remove(type);
            }

            var stored = result.ToImmutable();
            _typeStores.AddOrUpdate(type, (stored, depth), (_, old) => (old.Stored.Union(stored), Math.Min(depth, old.Depth)));
            return _typeStores.TryGetValue(type, out var merged) ? merged.Stored : stored;
        }

        private readonly ConcurrentDictionary<INamedTypeSymbol, (ImmutableHashSet<ISymbol> Stored, int Depth)> _typeStores = new(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<IPropertySymbol, IFieldSymbol?> _backingFields = new(SymbolEqualityComparer.Default);

        /// <summary>A non-constant field, or an auto-property (its backing field), declared in this compilation.</summary>
        private bool IsStorage(ISymbol member) => member switch
        {
            IFieldSymbol field => !field.IsConst && field.DeclaringSyntaxReferences.Length > 0,
            IPropertySymbol property => BackingField(property) is not null,
            _ => false,
        };

        /// <summary>The compiler-generated backing field of an auto-property; memoised.</summary>
        internal IFieldSymbol? BackingField(IPropertySymbol property) =>
            _backingFields.GetOrAdd(property.OriginalDefinition, p =>
            {
                if (p.DeclaringSyntaxReferences.Length == 0 || p.ContainingType is null)
                {
                    return null;
                }

                foreach (var member in p.ContainingType.GetMembers())
                {
                    if (member is IFieldSymbol { AssociatedSymbol: { } associated } field && SymbolEqualityComparer.Default.Equals(associated, p))
                    {
                        return field;
                    }
                }

                return null;
            });

        private static bool WritesFields(IOperation root)
        {
            foreach (var operation in root.Descendants())
            {
                if (operation is IAssignmentOperation { Target: IFieldReferenceOperation or IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } } ||
                    operation is IInvocationOperation { Instance: IFieldReferenceOperation or IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The fields and properties <paramref name="root"/> stores into (or into an object they hold): assignment targets,
        /// receivers of calls, ref/out arguments, along the whole member chain (<c>this.a.b = x</c> writes a and b).
        /// </summary>
        private static HashSet<ISymbol> WrittenMembers(IOperation root)
        {
            var written = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var operation in root.Descendants())
            {
                var target = operation switch
                {
                    IAssignmentOperation assignment => assignment.Target,
                    IInvocationOperation invocation => invocation.Instance,
                    IArgumentOperation { Parameter.RefKind: not RefKind.None } argument => argument.Value,
                    _ => null,
                };
                for (var current = target; current is not null;)
                {
                    switch (current)
                    {
                        case IMemberReferenceOperation reference:
                            if (reference.Member is IFieldSymbol or IPropertySymbol)
                            {
                                written.Add(reference.Member.OriginalDefinition);
                            }

                            current = reference.Instance;
                            break;
                        case IConversionOperation conversion:
                            current = conversion.Operand;
                            break;
                        case IArrayElementReferenceOperation element:
                            current = element.ArrayReference;
                            break;
                        default:
                            current = null;
                            break;
                    }
                }
            }

            return written;
        }

        /// <summary>
        /// A fresh graph: graphs are not cached for the compilation (they hold operation trees, and with them every bound
        /// body); summaries are, so a method's graph is built again only when its summary could not be memoised.
        /// </summary>
        private ControlFlowGraph? GetControlFlowGraph(IMethodSymbol method, ControlFlowGraph? containingCfg, CancellationToken cancellationToken) =>
            CreateControlFlowGraph((IMethodSymbol)method.OriginalDefinition, containingCfg, cancellationToken);

        private ControlFlowGraph? CreateControlFlowGraph(IMethodSymbol method, ControlFlowGraph? containingCfg, CancellationToken cancellationToken)
        {
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                var parent = containingCfg;
                if (parent is null && method.ContainingSymbol is IMethodSymbol containing)
                {
                    parent = GetControlFlowGraph(containing, null, cancellationToken);
                }

                return parent is null ? null : FindLocalFunctionGraph(parent, method, cancellationToken);
            }

            var root = GetBodyOperation(method, cancellationToken);
            return root is null ? null : CreateGraph(root, cancellationToken);
        }

        private static ControlFlowGraph? CreateGraph(IOperation root, CancellationToken cancellationToken)
        {
            try
            {
                return root switch
                {
                    IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                    IConstructorBodyOperation ctor => ControlFlowGraph.Create(ctor, cancellationToken),
                    IBlockOperation block when block.Parent is null => ControlFlowGraph.Create(block, cancellationToken),
                    _ => null,
                };
            }
            catch (ArgumentException)
            {
                // Invalid code for which no graph can be built: no summary.
                return null;
            }
        }

        private static ControlFlowGraph? FindLocalFunctionGraph(ControlFlowGraph parent, IMethodSymbol localFunction, CancellationToken cancellationToken)
        {
            foreach (var candidate in parent.LocalFunctions)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, localFunction))
                {
                    return parent.GetLocalFunctionControlFlowGraph(candidate, cancellationToken);
                }
            }

            foreach (var candidate in parent.LocalFunctions)
            {
                var nested = FindLocalFunctionGraph(parent.GetLocalFunctionControlFlowGraph(candidate, cancellationToken), localFunction, cancellationToken);
                if (nested is not null)
                {
                    return nested;
                }
            }

            return null;
        }

        /// <summary>The bound body of a method of this compilation (method body, constructor body, or expression-bodied member).</summary>
        internal IOperation? GetBodyOperation(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (!IsInSource(method))
            {
                return null;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                var model = GetSemanticModel(syntax.SyntaxTree);
                if (model is null)
                {
                    continue;
                }

                var operation = model.GetOperation(syntax, cancellationToken);
                if (operation is IMethodBodyOperation or IConstructorBodyOperation || operation is IBlockOperation { Parent: null })
                {
                    return operation;
                }
            }

            return null;
        }

        private SemanticModel? GetSemanticModel(SyntaxTree tree) => _models.Get(tree);

        internal static string StepName(IMethodSymbol method) => method.MethodKind switch
        {
            MethodKind.PropertyGet or MethodKind.PropertySet => method.AssociatedSymbol?.Name ?? method.Name,
            MethodKind.Constructor => $"new {method.ContainingType?.Name}",
            MethodKind.AnonymousFunction => "lambda",
            _ => method.Name,
        };
    }
}
