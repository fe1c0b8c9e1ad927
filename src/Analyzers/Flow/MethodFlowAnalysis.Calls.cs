using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Flow.Library;
using Residency.Analyzers.Model;
using Residency.Analyzers.Sinks;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// Calls: sinks, the summaries of methods of this compilation a call runs (and their implementations), library behaviour
    /// for external methods, lambdas. What a summary does at the call is in <c>MethodFlowAnalysis.Effects.cs</c>; store calls,
    /// expression trees and queries in <c>MethodFlowAnalysis.Queries.cs</c>.
    /// </summary>
    internal sealed partial class MethodFlowAnalysis
    {
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private ImmutableHashSet<TaintFact> Invoke(IInvocationOperation invocation)
        {
            var target = invocation.TargetMethod;
            var receiver = Evaluate(invocation.Instance);
            int count = target.Parameters.Length;
            var arguments = new ImmutableHashSet<TaintFact>[Math.Max(count, 1)];
            var lambdas = new List<(IArgumentOperation Argument, IOperation Lambda)>();
            var allArguments = Taint.Empty;

            foreach (var argument in invocation.Arguments)
            {
                int ordinal = argument.Parameter?.Ordinal ?? 0;
                var lambda = AsLambda(argument.Value);
                if (lambda is not null)
                {
                    lambdas.Add((argument, lambda));
                    continue;
                }

                AnalyzeHandedLocalFunction(argument.Value);
                var value = Evaluate(argument.Value);
                HandToTreeConsumer(argument.Value, value);

                if (ordinal < arguments.Length)
                {
                    arguments[ordinal] = arguments[ordinal] is null ? value : Taint.Union(arguments[ordinal], value);
                }

                allArguments = Taint.Union(allArguments, value);
            }

            // Anonymizers end the flow.
            if (HasAttribute(target, _engine.Types.Anonymizer))
            {
                return Taint.Empty;
            }

            // A call on a data store hands on what was stored into it, not what its type declares (a context's SaveChanges
            // does not send every entity type of the context; a query reads its set, it does not send it).
            var sentReceiver = receiver;
            var sentArguments = arguments;
            var sentAll = allArguments;
            if ((!receiver.IsEmpty || !allArguments.IsEmpty) && _engine.Library.Is(target, Behaviour.Store))
            {
                (sentReceiver, sentArguments, sentAll) = WhatAStoreCallHandsOn(invocation, receiver, arguments);
            }

            // 1. Is this call a sink?
            var sinkCall = _engine.CachedSink(invocation);
            if (sinkCall is not null)
            {
                var sent = sinkCall.Receiver ? sentReceiver : Taint.Empty;
                for (int i = 0; i < count; i++)
                {
                    if (sinkCall.SendsParameter(i) && sentArguments[i] is { } value)
                    {
                        sent = Taint.Union(sent, value);
                    }
                }

                foreach (var (argument, lambda) in lambdas)
                {
                    if (argument.Parameter is { } parameter && sinkCall.SendsParameter(parameter.Ordinal))
                    {
                        sent = Taint.Union(sent, IsExpressionTree(parameter.Type) ? WholeTreeData(lambda) : CallbackData(lambda));
                    }
                }

                foreach (var sink in sinkCall.Sinks)
                {
                    RecordSink(invocation, sink, sent, ImmutableArray.Create(sink.Display));
                }
            }

            // 2. Methods of this compilation: apply their summaries. A call through an interface or a virtual method of the
            // application may run any of its implementations here: all of them are applied (a may-analysis).
            // A sink whose method's body is its transport (a generated gRPC client) is not followed into that body.
            var callees = sinkCall is { Opaque: true }
                ? new List<(IMethodSymbol Callee, MethodSummary Summary)>(0)
                : CalleeSummaries(invocation, target, followDispatch: sinkCall is null, inputsCarryData: !receiver.IsEmpty || !allArguments.IsEmpty || lambdas.Count > 0);
            ImmutableHashSet<TaintFact> result;
            if (callees.Count > 0)
            {
                result = Taint.Empty;
                foreach (var (callee, summary) in callees)
                {
                    ApplyParameterSinks(invocation, callee, summary, arguments, receiver);
                    var returned = Substitute(summary.Returns, arguments);
                    result = Taint.Union(result, returned);
                    result = Taint.Union(result, FromReceiver(summary.Returns, StoreIntoReceiver(invocation, summary, arguments, receiver)));
                    result = Taint.Union(result, ApplyCalleeEffects(invocation, callee, summary, arguments, receiver));
                    Cascade(invocation, callee, returned, inputsCarryData: !receiver.IsEmpty || !allArguments.IsEmpty);
                }

                foreach (var (_, lambda) in lambdas)
                {
                    AnalyzeLambda(lambda, Taint.Empty);
                }
            }
            else
            {
                // A method of a referenced project that exported what its arguments reach (docs/cross-project.md): the data
                // read here goes to those sinks, judged here; the call is then no unclassified recipient. What it returns
                // is what any external method returns.
                var imported = sinkCall is null ? _engine.Imports?.Of(target) : null;
                if (imported is not null)
                {
                    ApplyParameterSinks(invocation, target, imported, arguments, receiver);
                }

                result = External(invocation, target, receiver, arguments, allArguments, lambdas, out var handedInTrees);
                if (sinkCall is null)
                {
                    RecordQueryRun(invocation, target, receiver, arguments, handedInTrees);
                }

                result = WithoutQueryParameters(invocation, result);
                // An interface or abstract member of the application that no code of this compilation implements (another
                // project of the solution does, or a proxy at run time): where the data goes is decided there, so the call is
                // an unclassified recipient. What comes back may be a value it was handed (a string), but not every member of
                // an object it was handed: ChargeAsync(customer, amount) returns a payment id, not the customer's health data.
                // The same test as the recipient pre-filter's (CandidateIndex.CollectRecipientNames).
                bool unimplemented = Calls.UnclassifiedCalls.IsAbstractOfTheApplication(target) && !_engine.IsImplementedHere(target);
                if (sinkCall is null && imported is null)
                {
                    RecordUnclassified(invocation, target, unimplemented, sentReceiver, Taint.Union(sentAll, handedInTrees));
                }

                if (unimplemented)
                {
                    result = Taint.Without(result, static fact => fact.IsSource && fact.Whole && fact.Member is null);
                }

                if (_engine.IsOpenMember(target))
                {
                    // identity.GetUserNameAsync(id), or a referenced project's userContext.GetUserId(): whatever its implementation returns.
                    result = result.Add(TaintFact.ForOpenRead(target.OriginalDefinition));
                }
            }

            if (sinkCall is not null)
            {
                // What comes back from a sink is the remote's data, not what was sent to it.
                result = Taint.Empty;
            }

            if (HasAttribute(target, _engine.Types.Pseudonymizer))
            {
                result = Taint.Pseudonymise(Taint.Union(result, allArguments));
            }

            var returnElement = Classifier.GetElement(target);
            if (returnElement is not null)
            {
                result = result.Add(TaintFact.Source(returnElement));
            }

            if (callees.Count == 0 && invocation.Arguments.Length > 0 && _engine.Library.Is(target, Behaviour.CopyInto) &&
                LibraryBehaviour.CopyEnds(target) is { Destination: >= 0 } ends)
            {
                // stream.CopyTo(destination), file.CopyToAsync(target), Array.Copy(source, target, n): the destination now holds
                // what the source held, and the file's content when the call is itself a source (an uploaded file,
                // docs/flow-semantics.md).
                var from = ends.Source < 0 ? receiver : arguments[ends.Source] ?? Taint.Empty;
                var copied = returnElement is null ? from : from.Add(TaintFact.Source(returnElement));
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Ordinal == ends.Destination)
                    {
                        StoreInto(argument.Value, copied);
                    }
                }
            }

            var typeFacts = WholeFacts(invocation.Type);
            result = Taint.Union(result, typeFacts);

            // Sources that need no annotation: claim look-ups, claims filtered by type, a helper's claim bound to its caller's type.
            return Classifier.Sources is { } sources ? sources.OnInvocation(invocation, _method, result, typeFacts) : result;
        }

        /// <summary>
        /// The summary of a callee of this compilation. A callee that receives nothing that carries data (no tainted
        /// receiver or argument, no lambda) and whose body the syntactic index rules out (it names nothing personal) can
        /// neither produce nor pass on personal data: its summary is empty, and its body is not bound at all.
        /// </summary>
        private MethodSummary? CalleeSummary(IMethodSymbol callee, bool inputsCarryData) =>
            !inputsCarryData && _engine.RuledOutByIndex(callee)
                ? MethodSummary.Empty
                : _engine.GetCalleeSummary(callee, _depth + 1, _inProgress, _cfg, _request);

        /// <summary>
        /// The summaries of the methods of this compilation a call may run: its target when it has a body here (or is a
        /// local function), and — for a virtual or interface call of the application's own, when
        /// <paramref name="followDispatch"/> — the implementations and overrides found by <see cref="FlowEngine.DispatchTargets"/>.
        /// </summary>
        private List<(IMethodSymbol Callee, MethodSummary Summary)> CalleeSummaries(IInvocationOperation invocation, IMethodSymbol target, bool followDispatch, bool inputsCarryData)
        {
            var result = new List<(IMethodSymbol, MethodSummary)>(1);
            var bounded = false;
            var dispatched = followDispatch ? _engine.DispatchTargets(invocation, out bounded) : ImmutableArray<IMethodSymbol>.Empty;
            if (dispatched.IsEmpty)
            {
                if (FlowEngine.IsInSource(target) || target.MethodKind == MethodKind.LocalFunction)
                {
                    var summary = CalleeSummary(target, inputsCarryData);
                    if (summary is not null)
                    {
                        result.Add((target, summary));
                    }
                }

                return result;
            }

            if (bounded)
            {
                _dependencies.Truncation |= Truncation.DispatchBound;
            }

            foreach (var callee in dispatched)
            {
                var summary = HandlerSummary(callee, inputsCarryData);
                if (summary is not null)
                {
                    result.Add((callee, summary));
                }
            }

            return result;
        }

        private ImmutableHashSet<TaintFact> External(
            IInvocationOperation invocation,
            IMethodSymbol target,
            ImmutableHashSet<TaintFact> receiver,
            ImmutableHashSet<TaintFact>[] arguments,
            ImmutableHashSet<TaintFact> allArguments,
            List<(IArgumentOperation Argument, IOperation Lambda)> lambdas,
            out ImmutableHashSet<TaintFact> handedInTrees)
        {
            // The "source" of a LINQ-style call: the receiver, or the first argument of an extension method.
            var source = receiver;
            if (target.IsExtensionMethod && arguments.Length > 0 && arguments[0] is { } first)
            {
                source = Taint.Union(source, first);
            }

            var lambdaResults = Taint.Empty;
            handedInTrees = Taint.Empty;
            foreach (var (argument, lambda) in lambdas)
            {
                if (IsExpressionTree(argument.Parameter?.Type))
                {
                    // What the tree's calls are handed is the callee's to read, not what the call returns (a job id).
                    lambdaResults = Taint.Union(lambdaResults, ExpressionTreeData(lambda, source, out var handed));
                    handedInTrees = Taint.Union(handedInTrees, handed);
                    continue;
                }

                // What the callback returns, and what it puts into the objects its parameters receive: a descriptor a library
                // hands it to fill (Elasticsearch's s => s.Query(q => q.Term(f, c.Email))).
                lambdaResults = Taint.Union(lambdaResults, CallbackData(lambda, source));
            }

            // a(x) on a delegate local that holds a lambda of this method: run the lambda with what the arguments carry.
            var knownDelegate = false;
            if (target.MethodKind == MethodKind.DelegateInvoke && _delegateLambdas is not null &&
                invocation.Instance is ILocalReferenceOperation { Local: var delegateLocal } && _delegateLambdas.TryGetValue(delegateLocal, out var storedLambda))
            {
                knownDelegate = true;
                lambdaResults = Taint.Union(lambdaResults, AnalyzeLambda(storedLambda, allArguments));
            }

            ImmutableHashSet<TaintFact> result;
            var behaviour = _engine.Library.Of(target);
            var projected = false;
            if ((behaviour & Behaviour.Aggregate) != 0)
            {
                result = Taint.Empty;
            }
            else if ((behaviour & Behaviour.Typed) != 0)
            {
                // db.Set<Product>(): a typed view of the store, whatever else the context holds.
                result = WholeFacts(invocation.Type);
            }
            else if ((lambdas.Count > 0 && (behaviour & Behaviour.Projection) != 0) || knownDelegate)
            {
                result = lambdaResults;
                projected = true;
            }
            else
            {
                result = Taint.Union(Taint.Union(receiver, allArguments), lambdaResults);
            }

            if (!handedInTrees.IsEmpty || (projected && !source.IsEmpty))
            {
                result = Taint.Union(result, QueryParameters(invocation.Type, handedInTrees, projected ? source : Taint.Empty));
            }

            // Mutating calls on a builder or collection of a library (sb.Append(x), list.Add(x), dict[key] = x): the receiver now
            // carries the arguments. A method declared in this compilation is analysed (or, without a body, not guessed at).
            if (invocation.Instance is { } instance && !target.IsStatic && target.ContainingType?.SpecialType != SpecialType.System_String &&
                target.OriginalDefinition.DeclaringSyntaxReferences.Length == 0 && (behaviour & Behaviour.Mutator) != 0 && _engine.CachedSink(invocation) is null)
            {
                // What its callbacks give it too: a request descriptor filled by the lambda it is handed
                // (Elasticsearch's s.Query(q => q.Term(f, c.Email)) holds the e-mail, as q does).
                StoreInto(instance, Taint.Union(allArguments, lambdaResults));
            }

            // out/ref arguments receive what went in.
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
                {
                    Assign(argument.Value, Taint.Union(receiver, allArguments), strong: argument.Parameter.RefKind == RefKind.Out);
                }
            }

            return result;
        }

        private static IOperation? AsLambda(IOperation value)
        {
            while (value is IConversionOperation or IDelegateCreationOperation)
            {
                value = value is IConversionOperation c ? c.Operand : ((IDelegateCreationOperation)value).Target;
            }

            return value is IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation ? value : null;
        }

        /// <summary>
        /// A local function handed out by name whose parameters are sources (a minimal API handler:
        /// <c>app.MapPost("/todos", CreateTodo)</c>, its parameters bound from the request) runs with them, as a lambda handed
        /// out does: nothing calls it here, so its flows are found where it is handed out.
        /// </summary>
        private void AnalyzeHandedLocalFunction(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand; // to Delegate, a map method's parameter type
            }

            if (value is not IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: { MethodKind: MethodKind.LocalFunction } reference } } ||
                reference.OriginalDefinition is not IMethodSymbol local || _inlining.Contains(local))
            {
                return;
            }

            var captured = _state;
            var sources = false;
            foreach (var parameter in local.Parameters)
            {
                var facts = Classifier.GetElement(parameter) is { } element ? Taint.Empty.Add(TaintFact.Source(element)) : Taint.Empty;
                facts = Taint.Union(facts, BoundMemberFacts(parameter));
                sources |= !facts.IsEmpty;
                captured = captured.SetItem(parameter, facts);
            }

            if (!sources)
            {
                return;
            }

            ControlFlowGraph graph;
            try
            {
                graph = _cfg.GetLocalFunctionControlFlowGraphInScope(local, _cancellationToken);
            }
            catch (ArgumentException)
            {
                return;
            }

            // Its flows start in it (its parameters), so their paths start with its name, as a handler method's do.
            new MethodFlowAnalysis(this, graph, Taint.Empty, captured, local, FlowEngine.StepName(local)).RunGraph();
        }

        /// <summary>Analyses a lambda inline: its parameters carry <paramref name="parameterFacts"/>, it sees captured locals.</summary>
        private ImmutableHashSet<TaintFact> AnalyzeLambda(IOperation lambda, ImmutableHashSet<TaintFact> parameterFacts) =>
            AnalyzeLambda(lambda, parameterFacts, out _);

        /// <summary>
        /// What a callback handed to a sink gives it: what it returns (<c>() =&gt; c.Email</c>) and what it stores into the
        /// objects its parameters receive, which the sink then sends (<c>SentrySdk.ConfigureScope(scope =&gt; scope.User =
        /// new SentryUser { Email = c.Email })</c>, <c>CaptureMessage(text, scope =&gt; scope.SetExtra("email", c.Email))</c>).
        /// </summary>
        /// <remarks>
        /// For a library's callback (<paramref name="parameterFacts"/>: what its parameters are given, a LINQ operator's source),
        /// only what the lambda added to its parameters counts, not what they came with.
        /// </remarks>
        private ImmutableHashSet<TaintFact> CallbackData(IOperation lambda, ImmutableHashSet<TaintFact>? parameterFacts = null)
        {
            var result = AnalyzeLambda(lambda, parameterFacts ?? Taint.Empty, out var nested);
            if (nested?._exitState is { } exit && lambda is IFlowAnonymousFunctionOperation flowLambda)
            {
                foreach (var parameter in flowLambda.Symbol.Parameters)
                {
                    if (exit.TryGetValue(parameter, out var stored) && !stored.IsEmpty)
                    {
                        // What the parameter came with is the entry state AnalyzeLambda gave it (the facts handed in, its
                        // element as a source, its bound members).
                        if (parameterFacts is not null && nested._capturedState is { } entry && entry.TryGetValue(parameter, out var came))
                        {
                            stored = stored.Except(came);
                        }

                        result = Taint.Union(result, stored);
                    }
                }
            }

            return result;
        }

        private ImmutableHashSet<TaintFact> AnalyzeLambda(IOperation lambda, ImmutableHashSet<TaintFact> parameterFacts, out MethodFlowAnalysis? nested, bool collectArguments = false)
        {
            nested = null;
            if (lambda is not IFlowAnonymousFunctionOperation flowLambda)
            {
                return Taint.Empty;
            }

            ControlFlowGraph graph;
            try
            {
                graph = _cfg.GetAnonymousFunctionControlFlowGraphInScope(flowLambda, _cancellationToken);
            }
            catch (ArgumentException)
            {
                return Taint.Empty;
            }

            var captured = _state;
            foreach (var parameter in flowLambda.Symbol.Parameters)
            {
                // A lambda's own parameter may be a source (a minimal API handler's string email, or its request body, bound
                // from the request).
                var facts = Classifier.GetElement(parameter) is { } element ? parameterFacts.Add(TaintFact.Source(element)) : parameterFacts;
                captured = captured.SetItem(parameter, Taint.Union(facts, BoundMemberFacts(parameter)));
            }

            nested = new MethodFlowAnalysis(this, graph, parameterFacts, captured);
            if (collectArguments)
            {
                nested._tree = nested;
                nested._treeLambdas = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { flowLambda.Symbol };
                nested._expressionArguments = Taint.Empty;
            }
            else
            {
                nested._tree?._treeLambdas?.Add(flowLambda.Symbol); // a lambda inside a tree: part of the tree
            }

            var returns = nested.RunGraph();
            return Taint.Union(returns, nested._returns);
        }

        /// <summary>
        /// A method whose result is sent elsewhere (an AI tool): the personal data read here and returned reaches those sinks,
        /// reported on the return. What came in through parameters is not: the model, not a caller, supplies those.
        /// </summary>
        private void RecordReturnSinks(IOperation returnOperation, ImmutableHashSet<TaintFact> value)
        {
            var sinks = _engine.ReturnSinksOf(_method);
            // A getter or method implementing an open member of a referenced library: what the library's code does with the
            // value it returns (docs/cross-project.md) is a flow from here, at the return.
            var reads = _engine.Imports?.ReadsOf(_method) ?? ImmutableArray<ParameterSinkFlow>.Empty;
            if (sinks.IsEmpty && reads.IsEmpty)
            {
                return;
            }

            var sources = Taint.Empty.ToBuilder();
            foreach (var fact in value)
            {
                if (fact.IsSource)
                {
                    sources.Add(fact);
                }
            }

            var sent = sources.ToImmutable();
            foreach (var sink in sinks)
            {
                RecordSink(returnOperation, sink, sent, ImmutableArray.Create(sink.Display));
            }

            foreach (var read in reads)
            {
                RecordSink(returnOperation, read.Sink, sent, read.Path, read.Through);
            }
        }

        /// <summary>
        /// A call of a method with no source here and no sink that receives personal data (an argument or the receiver):
        /// recorded as reaching an unclassified recipient when <see cref="Calls.UnclassifiedCalls"/> says nobody
        /// classified the method. The taint check comes first, the (memoised) classification only then.
        /// </summary>
        private void RecordUnclassified(IInvocationOperation invocation, IMethodSymbol target, bool unimplemented, ImmutableHashSet<TaintFact> receiver, ImmutableHashSet<TaintFact> allArguments)
        {
            if ((receiver.IsEmpty && allArguments.IsEmpty) || _engine.Unclassified is not { } unclassified ||
                (unimplemented ? unclassified.Unimplemented(target) : unclassified.Recipient(target)) is not { } recipient)
            {
                return;
            }

            RecordSink(invocation, recipient, Taint.Union(receiver, allArguments), ImmutableArray.Create(recipient.Display));
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void RecordSink(IOperation operation, SinkInfo sink, ImmutableHashSet<TaintFact> sent, ImmutableArray<string> path, ImmutableArray<IMethodSymbol> through = default)
        {
            through = through.IsDefault ? ImmutableArray<IMethodSymbol>.Empty : through;
            // Inside a [DataSink] method its own calls are the sink's implementation: the flow is the one into the sink.
            if (sent.IsEmpty || _engine.SinkImplementations?.Contains(_method) == true)
            {
                return;
            }

            var fullPath = path.Insert(0, _stepName);
            var sources = Taint.Empty.ToBuilder();
            foreach (var fact in sent)
            {
                if (fact.IsSource)
                {
                    sources.Add(fact);
                }
                else if (_outer is null || fact.Parameter >= 0)
                {
                    _parameterSinks.Add(new ParameterSinkFlow(fact.Parameter, fact.ViaMember, sink, fullPath) { Member = fact.ReadMember, Through = through.Insert(0, _method) });
                }
            }

            if (sources.Count == 0)
            {
                return;
            }

            var key = (operation, sink.Id);
            if (_findings.TryGetValue(key, out var existing))
            {
                existing.Sources = existing.Sources.Union(sources);
            }
            else
            {
                _findings[key] = new Finding(operation, sink, sources.ToImmutable(), fullPath) { Through = through };
            }
        }

        /// <summary>Whether the method (or one it overrides) carries the attribute; memoised per method and attribute.</summary>
        private bool HasAttribute(IMethodSymbol method, INamedTypeSymbol? attribute) => attribute is not null && _engine.HasMethodAttribute(method, attribute);

        internal static bool HasAttributeUncached(IMethodSymbol method, INamedTypeSymbol attribute)
        {
            for (var m = method.OriginalDefinition; m is not null; m = m.OverriddenMethod)
            {
                foreach (var data in m.GetAttributes())
                {
                    if (WellKnownTypes.Is(data.AttributeClass, attribute))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
