using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
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

            if (key.ContainingType is { } type)
            {
                _storeVersions.AddOrUpdate(type.OriginalDefinition, 1, (_, version) => version + 1);
            }
        }

        /// <summary>How many times the recorded stores of a type's fields have grown (compared before and after its writers run).</summary>
        private readonly ConcurrentDictionary<INamedTypeSymbol, int> _storeVersions = Caches.Create<INamedTypeSymbol, int>(SymbolEqualityComparer.Default);

        private int StoreVersion(INamedTypeSymbol type) => _storeVersions.TryGetValue(type, out var version) ? version : 0;

        /// <summary>What the methods of the field's type store into it; <paramref name="request"/> remembers that the type's stores were read.</summary>
        internal ImmutableHashSet<TaintFact> FieldStore(IFieldSymbol field, AnalysisRequest request)
        {
            if (field.ContainingType is { } type)
            {
                request.StoresRead.Add(type.OriginalDefinition);
            }

            return _fieldStores.TryGetValue(field.OriginalDefinition, out var facts) ? facts : Taint.Empty;
        }

        /// <summary>
        /// Pre-computes the fields that each method of <paramref name="type"/> writes with personal data, so that reads in other
        /// methods of the type see them regardless of analysis order. The writers are analysed a second time when the first
        /// pass may have missed a store (a field copied into another field is seen); the summaries of a pass that saw every
        /// store are memoised, any other analysis of a writer runs once every store of its type is known.
        /// </summary>
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
                        if (RuledOutByIndex(method))
                        {
                            continue; // touches no personal data (the index over-approximates that): no writer, and not bound
                        }

                        var root = GetBodyOperation(method, cancellationToken);
                        if (root is null || !MayStoreIntoFields(root, type) || !TouchesPersonalData(root))
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

                // A second pass only when it can see more than the first: some writer read the type's stores (itself or
                // through a callee) and the stores grew during the first pass. Most writers store nothing personal.
                var last = new (MethodFlowAnalysis? Analysis, MethodSummary? Summary)[writers.Count];
                bool stable = false;
                for (int pass = 0; pass < 2; pass++)
                {
                    request.StoresRead.Remove(type);
                    int versionBefore = StoreVersion(type);
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

                    stable = !request.StoresRead.Contains(type) || StoreVersion(type) == versionBefore;
                    if (stable || writers.Count == 1)
                    {
                        break;
                    }
                }

                // A pass that read no store that grew during it saw every store of the type: its summaries are what the
                // writers' own analyses would compute, so they are memoised (and those analyses neither build a graph nor
                // run again). Not when this type is computed inside another's (that one's stores are still partial), nor
                // a summary that assumed something about recursion or was cut by this request's budget.
                if (stable && inProgress.Count == 1)
                {
                    for (int i = 0; i < writers.Count; i++)
                    {
                        if (last[i] is { Analysis.CutItself: false, Summary: { IsTruncated: false } summary })
                        {
                            Memoise(writers[i].Method, summary, 0);
                        }
                    }
                }
            }
            finally
            {
                inProgress.Remove(type);
            }

            request.StoresRead.Add(type); // whatever the passes did, the caller reads this type's stores next

            _fieldStoresEnsured.TryAdd(type, true);
        }

        private const int MaxNestedFieldStoreTypes = 4;
    }
}
