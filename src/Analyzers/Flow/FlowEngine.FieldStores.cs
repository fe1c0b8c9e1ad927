using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace Residency.Analyzers.Flow
{
    /// <summary>What the methods of a type store into its fields, so that reads in its other methods see it.</summary>
    internal sealed partial class FlowEngine
    {
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
            var key = field.OriginalDefinition;
            while (true)
            {
                if (!_fieldStores.TryGetValue(key, out var existing))
                {
                    if (_fieldStores.TryAdd(key, added))
                    {
                        break;
                    }

                    continue;
                }

                var union = Taint.Union(existing, added);
                if (union.Count == existing.Count)
                {
                    return; // nothing new: the type's stores did not change
                }

                if (_fieldStores.TryUpdate(key, union, existing))
                {
                    break;
                }
            }

            StoreRecorded?.Invoke(key);
        }

        /// <summary>Tests: called on the recording thread once a new store is visible to the other threads.</summary>
        internal Action<IFieldSymbol>? StoreRecorded { get; set; }

        /// <summary>What the methods of the field's type store into it; <paramref name="request"/> remembers what it saw.</summary>
        internal ImmutableHashSet<TaintFact> FieldStore(IFieldSymbol field, AnalysisRequest request)
        {
            var key = field.OriginalDefinition;
            var facts = _fieldStores.TryGetValue(key, out var recorded) ? recorded : Taint.Empty;
            request.SawStores(key, facts.Count);
            StoreRead?.Invoke(key);
            return facts;
        }

        /// <summary>Tests: called on the reading thread once a field's recorded stores have been read.</summary>
        internal Action<IFieldSymbol>? StoreRead { get; set; }

        /// <summary>Whether the only field stores <paramref name="summary"/> read while they were being computed are <paramref name="type"/>'s.</summary>
        private static bool ReadOnlyStoresOf(MethodSummary summary, INamedTypeSymbol type) =>
            summary.PartialStores.IsEmpty || (summary.PartialStores.Count == 1 && summary.PartialStores.Contains(type));

        /// <summary>
        /// Lets go of the request's summaries that read <paramref name="type"/>'s stores while they were computed; with
        /// <paramref name="memoise"/> (a pass that saw every store), those that read no other type's partial stores are
        /// memoised for the compilation first.
        /// </summary>
        private void ForgetPassSummaries(INamedTypeSymbol type, AnalysisRequest request, bool memoise)
        {
            if (memoise)
            {
                foreach (var pair in request.PassSummaries)
                {
                    if (pair.Value.PartialStores.Contains(type) && ReadOnlyStoresOf(pair.Value, type))
                    {
                        _summaries.GetOrAdd(pair.Key, pair.Value.WithCompleteStores());
                    }
                }
            }

            RemoveWhere(request.PassSummaries, pair => pair.Value.PartialStores.Contains(type));
        }

        /// <summary>Forgets what <paramref name="request"/> saw of the stores of <paramref name="type"/>'s fields (a new pass starts).</summary>
        private static void ForgetStoresSeen(INamedTypeSymbol type, AnalysisRequest request) =>
            RemoveWhere(request.StoresSeen, pair => IsFieldOf(pair.Key, type));

        private static bool IsFieldOf(IFieldSymbol field, INamedTypeSymbol type) =>
            SymbolEqualityComparer.Default.Equals(field.ContainingType?.OriginalDefinition, type);

        /// <summary>Removes the entries <paramref name="remove"/> picks (a request's dictionaries are small; this runs once per pass).</summary>
        private static void RemoveWhere<TKey, TValue>(Dictionary<TKey, TValue> entries, Func<KeyValuePair<TKey, TValue>, bool> remove)
            where TKey : notnull
        {
            List<TKey>? keys = null;
            foreach (var pair in entries)
            {
                if (remove(pair))
                {
                    (keys ??= new List<TKey>()).Add(pair.Key);
                }
            }

            if (keys is not null)
            {
                foreach (var key in keys)
                {
                    entries.Remove(key);
                }
            }
        }

        /// <summary>
        /// Whether every store of <paramref name="type"/>'s fields that <paramref name="request"/> read since
        /// <see cref="ForgetStoresSeen"/> is still what is recorded now: then nothing stored by this pass, or by another
        /// thread while it ran, was missed by a read. Judged field by field on what was read, never by a counter bumped
        /// apart from the store: another thread's store can become visible before such a counter moves, and a pass that
        /// read the field just before it would look complete (a lost finding, one run in thousands).
        /// </summary>
        private bool StoresUnchangedSinceRead(INamedTypeSymbol type, AnalysisRequest request)
        {
            foreach (var seen in request.StoresSeen)
            {
                if (IsFieldOf(seen.Key, type) && _fieldStores.TryGetValue(seen.Key, out var now) && now.Count != seen.Value)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Pre-computes the fields that each method of <paramref name="type"/> writes with personal data, so that reads in other
        /// methods of the type see them regardless of analysis order. The writers are analysed a second time when the first
        /// pass may have missed a store (a field copied into another field is seen); the summaries of a pass that saw every
        /// store are memoised, any other analysis of a writer runs once every store of its type is known.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public void EnsureFieldStores(INamedTypeSymbol type, AnalysisRequest request)
        {
            type = type.OriginalDefinition;
            if (_fieldStoresEnsured.ContainsKey(type) || type.DeclaringSyntaxReferences.Length == 0)
            {
                return;
            }

            // Re-entry on this thread (a writer reads a field of its own type) sees what is recorded so far. Another thread
            // computing the same type is not waited for (no deadlock): the work is done twice, with the same result.
            var cancellationToken = request.CancellationToken;
            var inProgress = request.FieldStoresInProgress;
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
                        AddWriter(method, type, writers, cancellationToken);
                    }
                }

                // A static field or auto-property holds what any body stores in it, also one of another type.
                foreach (var method in ForeignStaticWriters(type))
                {
                    AddWriter(method, type, writers, cancellationToken);
                }

                // A second pass only when it can see more than the first: some writer read a field of the type (itself or
                // through a callee) whose stores grew after that read (StoresUnchangedSinceRead). Most writers store nothing
                // personal.
                var last = new (MethodFlowAnalysis? Analysis, MethodSummary? Summary)[writers.Count];
                bool stable = false;
                for (int pass = 0; pass < 2; pass++)
                {
                    ForgetStoresSeen(type, request);
                    ForgetPassSummaries(type, request, memoise: false);
                    for (int i = 0; i < writers.Count; i++)
                    {
                        var (method, graph) = writers[i];
                        try
                        {
                            EngineCounters.WriterAnalysis();
                            var analysis = new MethodFlowAnalysis(this, method, graph, depth: 0, ImmutableHashSet.Create<IMethodSymbol>(SymbolEqualityComparer.Default, method), request);
                            last[i] = (analysis, analysis.Run());
                        }
                        catch (InsufficientExecutionStackException)
                        {
                            last[i] = default; // as in GetSummary: this writer's stores are not recorded
                        }
                    }

                    stable = StoresUnchangedSinceRead(type, request);
                    if (stable || writers.Count == 1)
                    {
                        break;
                    }
                }

                // A pass that read no store that grew after the read saw every store of the type: its summaries are what the
                // writers' own analyses would compute, so they are memoised (and those analyses neither build a graph nor
                // run again). Not when this type is computed inside another's (that one's stores are still partial), nor
                // a summary that assumed something about recursion or was cut by this request's budget.
                bool complete = stable && inProgress.Count == 1;
                if (complete)
                {
                    for (int i = 0; i < writers.Count; i++)
                    {
                        if (last[i] is { Analysis.CutItself: false, Summary: { IsTruncated: false } summary } && ReadOnlyStoresOf(summary, type))
                        {
                            Memoise(writers[i].Method, summary.WithCompleteStores(), 0, request);
                        }
                    }
                }

                // The helpers the writers called that read this type's stores (MethodSummary.PartialStores): memoised from a
                // pass that saw every store, else computed again when next needed, never kept with what a partial pass saw.
                ForgetPassSummaries(type, request, memoise: complete);
            }
            finally
            {
                inProgress.Remove(type);
            }

            _fieldStoresEnsured.TryAdd(type, true);
        }

        private const int MaxNestedFieldStoreTypes = 4;

        /// <summary>Adds <paramref name="method"/> to <paramref name="writers"/> when it may store personal data into a field of <paramref name="type"/>.</summary>
        private void AddWriter(IMethodSymbol method, INamedTypeSymbol type, List<(IMethodSymbol Method, ControlFlowGraph Graph)> writers, CancellationToken cancellationToken)
        {
            if (RuledOutByIndex(method))
            {
                return; // touches no personal data (the index over-approximates that): no writer, and not bound
            }

            var root = GetBodyOperation(method, cancellationToken);
            if (root is null || !MayStoreIntoFields(root, type) || !TouchesPersonalData(method, root))
            {
                return;
            }

            var graph = GetControlFlowGraph(method, null, cancellationToken);
            if (graph is not null)
            {
                writers.Add((method, graph));
            }
        }

        /// <summary>
        /// The syntactic index's answer to "which bodies outside this type may store into its static fields or static
        /// auto-properties?" (<see cref="CandidateIndex.ForeignStaticWriters"/>); null, or a null answer: none are looked for.
        /// </summary>
        public Func<INamedTypeSymbol, IReadOnlyList<SyntaxNode>?>? StaticWriterIndex { get; set; }

        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<IMethodSymbol>> _foreignStaticWriters = Caches.Create<INamedTypeSymbol, ImmutableArray<IMethodSymbol>>(SymbolEqualityComparer.Default);

        /// <summary>
        /// The methods of other types (and top-level statements) that may store into a static field or static auto-property of
        /// <paramref name="type"/>: they are writers of its field stores as much as its own methods. Memoised per type.
        /// </summary>
        internal ImmutableArray<IMethodSymbol> ForeignStaticWriters(INamedTypeSymbol type)
        {
            type = type.OriginalDefinition;
            if (StaticWriterIndex is null)
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            return _foreignStaticWriters.GetOrAdd(type, t =>
            {
                if (StaticWriterIndex(t) is not { Count: > 0 } declarations)
                {
                    return ImmutableArray<IMethodSymbol>.Empty;
                }

                var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
                var methods = ImmutableArray.CreateBuilder<IMethodSymbol>();
                foreach (var declaration in declarations)
                {
                    var symbol = GetSemanticModel(declaration.SyntaxTree)?.GetDeclaredSymbol(declaration, CancellationToken.None);
                    var method = symbol switch
                    {
                        IMethodSymbol m => m,
                        IPropertySymbol p => p.GetMethod, // an expression-bodied property or indexer: its getter
                        _ => null,
                    };
                    if (method is not null && IsInSource(method) && !SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, t) &&
                        seen.Add((IMethodSymbol)method.OriginalDefinition))
                    {
                        methods.Add((IMethodSymbol)method.OriginalDefinition);
                    }
                }

                return methods.ToImmutable();
            });
        }
    }
}
