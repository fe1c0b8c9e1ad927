using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Model;
using Residency.Analyzers.Sinks;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// What data stores and deferred code receive: a call on a store hands on what was stored into it, not what its type
    /// declares; a lambda converted to an expression tree is data its consumer can read; a query holds what its operators'
    /// trees were given until a call runs it (docs/flow-semantics.md, "expression trees" and "a database's own data").
    /// </summary>
    internal sealed partial class MethodFlowAnalysis
    {
        /// <summary>
        /// What a query built by a call holds for its provider (<c>db.Customers.Where(c =&gt; c.Email == customer.Email)</c>):
        /// the values its trees were handed, and what its source query already held (a projection's result keeps the
        /// source's filter), stored in the query's <c>IQueryable.Expression</c>. Nothing is sent yet: a call that runs the
        /// query (a store call, <c>ToListAsync</c>) hands them on, and its result no longer holds them
        /// (<see cref="WithoutQueryParameters"/>). Empty when the call does not return a query.
        /// </summary>
        private ImmutableHashSet<TaintFact> QueryParameters(ITypeSymbol? resultType, ImmutableHashSet<TaintFact> handed, ImmutableHashSet<TaintFact> source)
        {
            if (_engine.Types.QueryExpression is not { } expression || !IsQuery(resultType))
            {
                return Taint.Empty;
            }

            var held = Taint.InMember(handed, expression);
            foreach (var fact in source)
            {
                if (IsQueryParameter(fact, expression))
                {
                    held = held.Add(fact);
                }
            }

            return held;
        }

        /// <summary>
        /// The result of a call that runs a query (its source is a query, its result is not: <c>ToListAsync</c>,
        /// <c>SingleAsync</c>, <c>ToList</c>) without the values the query held for its provider: the rows it returns are
        /// not the filter's values (<c>Where(o =&gt; o.Email == email).Select(o =&gt; o.Total)</c> returns totals). A string
        /// made from a query keeps them: it is the query's text (EF Core's <c>ToQueryString()</c> declares each parameter
        /// with its value).
        /// </summary>
        private ImmutableHashSet<TaintFact> WithoutQueryParameters(IInvocationOperation invocation, ImmutableHashSet<TaintFact> result)
        {
            if (result.IsEmpty || _engine.Types.QueryExpression is not { } expression)
            {
                return result;
            }

            // An extension method's source as written: query.ToList() converts the query to the IEnumerable<T> it takes.
            var source = QuerySource(invocation);
            if (!IsQuery(source?.Type) || IsQuery(invocation.Type) || invocation.Type?.SpecialType == SpecialType.System_String)
            {
                return result;
            }

            return Taint.Without(result, fact => IsQueryParameter(fact, expression));
        }

        /// <summary>
        /// A call of the process's own code (LINQ's <c>ToList()</c>, <c>FirstOrDefault(c =&gt; …)</c>, <c>Count()</c>, the
        /// <c>GetEnumerator()</c> of a <c>foreach</c>) that runs a query hands the values the query holds, and those its own
        /// trees are given, to the query's provider: the store the query was built from (<see cref="Calls.QueryProviders"/>).
        /// A method of a referenced assembly that runs it (<c>ToListAsync</c>) is a recipient itself and is not recorded
        /// here; a query over objects in memory (<c>list.AsQueryable()</c>) has no provider to send to.
        /// </summary>
        private void RecordQueryRun(IInvocationOperation invocation, IMethodSymbol target, ImmutableHashSet<TaintFact> receiver, ImmutableHashSet<TaintFact>[] arguments, ImmutableHashSet<TaintFact> handedInTrees)
        {
            if (_engine.Types.QueryExpression is not { } expression)
            {
                return;
            }

            // What the query holds first: most calls carry nothing, and then nothing else is asked.
            var sourceFacts = invocation.Instance is not null ? receiver : arguments[0] ?? Taint.Empty;
            var held = sourceFacts.IsEmpty ? handedInTrees : Taint.Union(Taint.Without(sourceFacts, fact => !IsQueryParameter(fact, expression)), handedInTrees);
            if (held.IsEmpty || target.ContainingType is null or { SpecialType: SpecialType.System_Object } || _engine.Unclassified?.Recipient(target) is not null)
            {
                return;
            }

            var source = QuerySource(invocation);
            if (!IsQuery(source?.Type) || IsQuery(invocation.Type) || invocation.Type?.SpecialType == SpecialType.System_String)
            {
                return;
            }

            var (store, holder, inMemory) = QueryRoot(source!, depth: 0, out var rootClient, scope: null, helperLevels: MaxHelperLevels);
            if (inMemory)
            {
                return;
            }

            // A query a catalogued client hands out (MongoDB's collection.AsQueryable()) is run by that client's service:
            // the values go where the client sends.
            if (rootClient is { Sinks.IsEmpty: false } clientCall)
            {
                foreach (var sink in clientCall.Sinks)
                {
                    RecordSink(invocation, sink, held, ImmutableArray.Create(sink.Display));
                }

                return;
            }

            if (_engine.QueryProviders is { } providers && providers.Of(store as INamedTypeSymbol, holder as INamedTypeSymbol) is { } provider)
            {
                RecordSink(invocation, provider, held, ImmutableArray.Create(provider.Display));
            }
        }

        /// <summary>The query a call works on as written: its receiver, or an extension method's first argument, without conversions.</summary>
        private static IOperation? QuerySource(IInvocationOperation invocation)
        {
            var source = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod ? Endpoints.EndpointResolver.FirstArgument(invocation) : null);
            while (source is IConversionOperation conversion)
            {
                source = conversion.Operand;
            }

            return source;
        }

        /// <summary>How many of the application's methods returning a query are followed, one inside the other (<see cref="HelperQueryRoot(IMethodSymbol, int)"/>).</summary>
        private const int MaxHelperLevels = 3;

        /// <summary>
        /// Where a query comes from: back through the calls that build a query from a query (<c>Where</c>, <c>OrderBy</c>,
        /// <c>Include</c>, <c>AsQueryable</c> on a query), to the store it starts at (<c>db.Customers</c>, <c>db.Set&lt;T&gt;()</c>: the
        /// store's type and that of the object holding it), through the assignments of a local (in <paramref name="scope"/>,
        /// a helper's body, or this method's), and into the application's methods and getters that return a query, up to
        /// <paramref name="helperLevels"/> of them. In memory when it starts at <c>AsQueryable()</c> over objects that are not
        /// a query; an unknown store otherwise (a parameter).
        /// </summary>
        private (ITypeSymbol? Store, ITypeSymbol? Holder, bool InMemory) QueryRoot(IOperation source, int depth, out SinkCall? rootClient, IOperation? scope, int helperLevels)
        {
            rootClient = null;
            for (int step = 0; step < 64; step++)
            {
                switch (source)
                {
                    case IConversionOperation conversion:
                        source = conversion.Operand;
                        continue;
                    case IInvocationOperation call when IsQuery(call.Type):
                        var inner = QuerySource(call);
                        if (inner is not null && IsQuery(inner.Type))
                        {
                            source = inner;
                            continue;
                        }

                        if (inner is not null && call.TargetMethod.Name == "AsQueryable" && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _engine.Types.QueryableOperators))
                        {
                            return (null, null, true);
                        }

                        if (HelperQueryRoot(call, helperLevels) is { } helped)
                        {
                            rootClient = helped.Client; // repository.Query(): the query the application's helper returns
                            return (helped.Store, helped.Holder, helped.InMemory);
                        }

                        rootClient = _engine.CachedSink(call); // the call that made the query from something that is not one (db.Set<T>(), collection.AsQueryable())
                        return (call.Type, (call.Instance ?? inner)?.Type, false);
                    case IPropertyReferenceOperation { Property.GetMethod: not null } property when HelperQueryRoot(property, helperLevels) is { } fromGetter:
                        rootClient = fromGetter.Client; // repository.Customers => _collection.AsQueryable()
                        return (fromGetter.Store, fromGetter.Holder, fromGetter.InMemory);
                    case IPropertyReferenceOperation property:
                        return (property.Type, property.Instance?.Type, false);
                    case IFieldReferenceOperation field:
                        return (field.Type, field.Instance?.Type, false);
                    case ILocalReferenceOperation local when depth < 4:
                        return LocalQueryRoot(local.Local, depth + 1, out rootClient, scope, helperLevels);
                    default:
                        return (source.Type, null, false);
                }
            }

            return (null, null, false);
        }

        /// <summary>
        /// The store of the queries a local of this method is assigned (<c>var q = db.Customers.AsQueryable(); if (f) q =
        /// q.Where(…);</c>): the first found among its initializer and assignments (one computed from the local itself leads
        /// back to them, a few levels deep); in memory when every one of them is.
        /// </summary>
        private (ITypeSymbol? Store, ITypeSymbol? Holder, bool InMemory) LocalQueryRoot(ILocalSymbol local, int depth, out SinkCall? rootClient, IOperation? scope, int helperLevels)
        {
            rootClient = null;
            if (scope is null)
            {
                var graph = _cfg;
                while (graph.Parent is { } parent)
                {
                    graph = parent;
                }

                scope = graph.OriginalOperation;
            }

            var found = false;
            var allInMemory = true;
            foreach (var value in AssignedValues(local, scope))
            {
                var root = QueryRoot(value, depth, out var client, scope, helperLevels);
                if (root.Store is INamedTypeSymbol { TypeKind: TypeKind.Class } || root.Holder is INamedTypeSymbol { TypeKind: TypeKind.Class } ||
                    client is not null)
                {
                    rootClient = client;
                    return root;
                }

                found = true;
                allInMemory &= root.InMemory;
            }

            return (null, null, found && allInMemory);
        }

        /// <summary>
        /// Where the query a call of one of the application's methods returns comes from: the method's own body, or, for an
        /// interface or virtual method (<c>IRepository.Query()</c>), the bodies of its implementations and overrides here that
        /// the receiver may run, the first that says (<see cref="FlowEngine.DispatchTargets"/>).
        /// </summary>
        private (ITypeSymbol? Store, ITypeSymbol? Holder, bool InMemory, SinkCall? Client)? HelperQueryRoot(IInvocationOperation call, int helperLevels)
        {
            if (helperLevels <= 0 || !IsQuery(call.TargetMethod.ReturnType))
            {
                return null;
            }

            var targets = _engine.DispatchTargets(call, out _);
            if (!targets.IsDefaultOrEmpty)
            {
                return FirstHelperQueryRoot(targets, helperLevels);
            }

            if (HelperQueryRoot(call.TargetMethod, helperLevels) is { } found)
            {
                return found;
            }

            // Filter(IQueryable<Customer> q, …) => q.Where(…): the query starts at what this call passes.
            if (helperLevels > 1 && QueryParameterOf(call.TargetMethod) is var ordinal and >= 0)
            {
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter?.Ordinal == ordinal)
                    {
                        var root = QueryRoot(argument.Value, 0, out var client, null, helperLevels - 1);
                        if (ShowsItsStart(root, client))
                        {
                            return (root.Store, root.Holder, root.InMemory, client);
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The parameter (ordinal) the query a method of the application returns is built from (<c>Filter(IQueryable&lt;Customer&gt; q,
        /// bool on)</c> returning <c>q</c> or <c>q.Where(…)</c>, directly or through its locals), or -1: its caller's argument is
        /// where the query starts. Memoised per method (<see cref="FlowEngine.HelperQueryParameters"/>).
        /// </summary>
        private int QueryParameterOf(IMethodSymbol method)
        {
            if (!IsQuery(method.ReturnType) || !SymbolWalk.HasSourceBody(method))
            {
                return -1;
            }

            return _engine.HelperQueryParameters.GetOrAdd((IMethodSymbol)method.OriginalDefinition, key =>
            {
                if (_engine.GetBodyOperation(key, _cancellationToken) is not { } body)
                {
                    return -1;
                }

                foreach (var value in ReturnedValues(body))
                {
                    if (StartParameter(value, key, body, 0) is var ordinal and >= 0)
                    {
                        return ordinal;
                    }
                }

                return -1;
            });
        }

        /// <summary>The parameter of <paramref name="method"/> a query value is built from (see <see cref="QueryParameterOf"/>), or -1.</summary>
        private int StartParameter(IOperation value, IMethodSymbol method, IOperation body, int depth)
        {
            for (int step = 0; step < 64; step++)
            {
                switch (value)
                {
                    case IConversionOperation conversion:
                        value = conversion.Operand;
                        continue;
                    case IInvocationOperation call when IsQuery(call.Type) && QuerySource(call) is { } inner && IsQuery(inner.Type):
                        value = inner;
                        continue;
                    case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol.OriginalDefinition, method):
                        return parameter.Parameter.Ordinal;
                    case ILocalReferenceOperation local when depth < 4:
                        foreach (var assigned in AssignedValues(local.Local, body))
                        {
                            if (StartParameter(assigned, method, body, depth + 1) is var ordinal and >= 0)
                            {
                                return ordinal;
                            }
                        }

                        return -1;
                    default:
                        return -1;
                }
            }

            return -1;
        }

        /// <summary>Where the query a read of one of the application's properties returns comes from: its getter, or those of its implementations and overrides here.</summary>
        private (ITypeSymbol? Store, ITypeSymbol? Holder, bool InMemory, SinkCall? Client)? HelperQueryRoot(IPropertyReferenceOperation read, int helperLevels) =>
            helperLevels <= 0 || !IsQuery(read.Property.Type) ? null : FirstHelperQueryRoot(_engine.GetterTargets(read, out _), helperLevels);

        private (ITypeSymbol? Store, ITypeSymbol? Holder, bool InMemory, SinkCall? Client)? FirstHelperQueryRoot(ImmutableArray<IMethodSymbol> targets, int helperLevels)
        {
            foreach (var target in targets)
            {
                if (HelperQueryRoot(target, helperLevels) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>
        /// Where the query a method or getter of the application returns comes from, when its body returns one made by a
        /// catalogued client's call (<c>IQueryable&lt;Customer&gt; Query() =&gt; _customers.AsQueryable()</c>, MongoDB) or from a
        /// store (<c>db.Customers.Where(c =&gt; c.Active)</c>), directly, through its locals or through another such method
        /// (<c>Active() =&gt; Query().Where(…)</c>): a query handed out by a repository and run by its caller goes where the
        /// helper's query goes. Null for a method without a body here, one returning no query, or one whose returned queries
        /// start elsewhere (a parameter: the helper's caller's business). Memoised per method and number of levels left
        /// (<see cref="FlowEngine.HelperQueries"/>); at most <see cref="MaxHelperLevels"/> helpers, one inside the other.
        /// </summary>
        private (ITypeSymbol? Store, ITypeSymbol? Holder, bool InMemory, SinkCall? Client)? HelperQueryRoot(IMethodSymbol method, int helperLevels)
        {
            if (helperLevels <= 0 || !IsQuery(method.ReturnType) || !SymbolWalk.HasSourceBody(method))
            {
                return null;
            }

            return _engine.HelperQueries.GetOrAdd(((IMethodSymbol)method.OriginalDefinition, helperLevels), key =>
            {
                if (_engine.GetBodyOperation(key.Method, _cancellationToken) is not { } body)
                {
                    return null;
                }

                foreach (var value in ReturnedValues(body))
                {
                    var root = QueryRoot(value, 0, out var client, body, key.Levels - 1);
                    if (ShowsItsStart(root, client))
                    {
                        return (root.Store, root.Holder, root.InMemory, client);
                    }
                }

                return null;
            });
        }

        /// <summary>Whether a query's root says where it runs: a store or its holder of a class type, a catalogued client's call, or objects in memory.</summary>
        private static bool ShowsItsStart((ITypeSymbol? Store, ITypeSymbol? Holder, bool InMemory) root, SinkCall? client) =>
            client is { Sinks.IsEmpty: false } || root.Store is INamedTypeSymbol { TypeKind: TypeKind.Class } || root.Holder is INamedTypeSymbol { TypeKind: TypeKind.Class } || root.InMemory;

        /// <summary>The values a body returns itself (not those of the lambdas and local functions inside it).</summary>
        private static IEnumerable<IOperation> ReturnedValues(IOperation body)
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                if (operation is IReturnOperation { ReturnedValue: { } value } && !InNestedFunction(operation, body))
                {
                    yield return value;
                }
            }
        }

        /// <summary>The values a local is given in <paramref name="scope"/>: its initializer and each assignment.</summary>
        private static IEnumerable<IOperation> AssignedValues(ILocalSymbol local, IOperation scope)
        {
            foreach (var operation in scope.DescendantsAndSelf())
            {
                var value = operation switch
                {
                    IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) => declarator.Initializer?.Value,
                    ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local) => assignment.Value,
                    _ => null,
                };
                if (value is not null)
                {
                    yield return value;
                }
            }
        }

        private static bool InNestedFunction(IOperation operation, IOperation body)
        {
            for (var node = operation.Parent; node is not null && node != body; node = node.Parent)
            {
                if (node is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsQueryParameter(TaintFact fact, IPropertySymbol expression) =>
            (fact.IsSource ? fact.Member : fact.Stored) is { } path && SymbolEqualityComparer.Default.Equals(path.Head, expression);

        private bool IsQuery(ITypeSymbol? type) => _engine.Types.IsQuery(type);

        /// <summary>
        /// A lambda converted to an expression tree (<c>Expression&lt;Action&gt;</c>) is data as well as code: its consumer
        /// can read out of the tree the values its calls and comparisons are given from outside it, and may store or send
        /// them (Hangfire's <c>BackgroundJob.Enqueue(() =&gt; mailer.Send(c.Email))</c> keeps the job's arguments in its
        /// storage until a server runs it; a query sends <c>c =&gt; c.Email == customer.Email</c>'s e-mail as a parameter).
        /// Returns what the lambda returns, as <see cref="AnalyzeLambda(IOperation, ImmutableHashSet{TaintFact})"/> does,
        /// and in <paramref name="handed"/> what the calls and comparisons in its body are given from outside it.
        /// </summary>
        private ImmutableHashSet<TaintFact> ExpressionTreeData(IOperation lambda, ImmutableHashSet<TaintFact> parameterFacts, out ImmutableHashSet<TaintFact> handed)
        {
            var returns = AnalyzeLambda(lambda, parameterFacts, out var nested, collectArguments: true);
            handed = nested?._expressionArguments ?? Taint.Empty;
            return returns;
        }

        /// <summary>
        /// In the analysis of an expression tree (<see cref="ExpressionTreeData"/>): records <paramref name="value"/>, what a
        /// call's argument or a comparison's operand carries, as handed to the tree's consumer, unless it is computed from
        /// the tree's own parameters. Nothing in any other analysis.
        /// </summary>
        private void HandToTreeConsumer(IOperation operand, ImmutableHashSet<TaintFact> value)
        {
            if (_tree is { _treeLambdas: { } lambdas } tree && !value.IsEmpty && !ReadsTreeParameter(operand, lambdas))
            {
                tree._expressionArguments = Taint.Union(tree._expressionArguments ?? Taint.Empty, value);
            }
        }

        /// <summary>
        /// Whether an argument in an expression tree is computed from the tree's own parameters (<c>s =&gt; Join(" ", s.First,
        /// s.Last))</c>): the consumer evaluates that later on its own data, so the call hands it nothing of the caller's.
        /// </summary>
        private static bool ReadsTreeParameter(IOperation value, HashSet<IMethodSymbol> lambdas)
        {
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (operation is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol lambda } && lambdas.Contains(lambda))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>What an expression tree handed to a sink gives it: what it returns and what its calls are handed.</summary>
        private ImmutableHashSet<TaintFact> WholeTreeData(IOperation lambda) =>
            Taint.Union(ExpressionTreeData(lambda, Taint.Empty, out var handed), handed);

        /// <summary>Whether a parameter takes a lambda as an expression tree (<c>Expression&lt;Action&gt;</c>).</summary>
        private bool IsExpressionTree(ITypeSymbol? type) =>
            _engine.Types.ExpressionOfT is { } tree && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, tree);

        /// <summary>
        /// What a call on a data store (<c>Catalog/library.json</c> "stores") hands on: its receiver, and an extension
        /// method's source (<c>db.People.SingleAsync(…)</c>), without what their type declares — the store's own data,
        /// whole (a caller's context or set passed in, <c>this</c> in a context's override) — but with what was stored into a
        /// member of them; the other arguments whole (<c>db.Add(person)</c> hands on the person).
        /// </summary>
        private (ImmutableHashSet<TaintFact> Receiver, ImmutableHashSet<TaintFact>[] Arguments, ImmutableHashSet<TaintFact> All) WhatAStoreCallHandsOn(
            IInvocationOperation invocation, ImmutableHashSet<TaintFact> receiver, ImmutableHashSet<TaintFact>[] arguments)
        {
            var sentReceiver = WithoutTheStoresOwnData(receiver, invocation.Instance?.Type);
            var sentArguments = (ImmutableHashSet<TaintFact>[])arguments.Clone();
            if (invocation.TargetMethod.IsExtensionMethod && invocation.Instance is null && sentArguments.Length > 0 && sentArguments[0] is { } source)
            {
                sentArguments[0] = WithoutTheStoresOwnData(source, Endpoints.EndpointResolver.FirstArgument(invocation)?.Type);
            }

            var all = Taint.Empty;
            foreach (var value in sentArguments)
            {
                if (value is not null)
                {
                    all = Taint.Union(all, value);
                }
            }

            return (sentReceiver, sentArguments, all);
        }

        private ImmutableHashSet<TaintFact> WithoutTheStoresOwnData(ImmutableHashSet<TaintFact> facts, ITypeSymbol? storeType)
        {
            var carried = Classifier.GetCarriedElements(storeType);
            return Taint.Without(facts, fact => fact.IsSource
                ? fact.Whole && fact.Member is null && fact.Element is { } element && carried.Contains(element)
                : !fact.ViaMember && fact.Member is null && fact.Stored is null);
        }
    }
}
