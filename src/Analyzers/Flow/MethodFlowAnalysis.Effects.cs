using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// What a callee's summary does at a call: its parameter sinks (and its receiver's), what it returns from the receiver,
    /// its out/ref parameters, what it stores into its arguments, into fields of its type and into the object it runs on,
    /// and a local function analysed inline.
    /// </summary>
    internal sealed partial class MethodFlowAnalysis
    {
        /// <summary>
        /// The effects of a call to a method of this compilation besides its return value: what its out/ref parameters hold
        /// afterwards, and what it stored into its by-value arguments, from its arguments or from the object it runs on
        /// (<c>h.Into(list)</c> where <c>Into(List&lt;string&gt; list) =&gt; list.Add(Name)</c> fills <c>list</c> with what
        /// <c>h</c> holds in <c>Name</c>, <paramref name="receiver"/>); for a local function, what it does with the variables
        /// it captures (analysed inline, with the state at the call). Returns what the inline analysis adds to the call's value.
        /// </summary>
        private ImmutableHashSet<TaintFact> ApplyCalleeEffects(IInvocationOperation invocation, IMethodSymbol target, MethodSummary summary, ImmutableHashSet<TaintFact>[] arguments, ImmutableHashSet<TaintFact> receiver)
        {
            if (!summary.OutParameters.IsEmpty)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is not { RefKind: RefKind.Out or RefKind.Ref } parameter)
                    {
                        continue;
                    }

                    foreach (var (ordinal, facts) in summary.OutParameters)
                    {
                        if (ordinal == parameter.Ordinal)
                        {
                            Assign(argument.Value, Taint.Union(Substitute(facts, arguments), FromReceiver(facts, receiver)), strong: true);
                        }
                    }
                }
            }

            foreach (var (ordinal, facts) in summary.ParameterStores)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is { RefKind: RefKind.None } parameter && parameter.Ordinal == ordinal)
                    {
                        StoreInto(argument.Value, Taint.Union(Substitute(facts, arguments), FromReceiver(facts, receiver)));
                    }
                }
            }

            // A method of this type that stores what it is passed into a field of the type (void Remember(string s) => _last = s;):
            // the field now holds what this call passes. Only for callers of the same type: those are the type's field writers
            // (FlowEngine.EnsureFieldStores runs them before a field of the type is read), so the result does not depend on
            // which method was analysed first.
            ApplyFieldStores(summary, arguments);

            if (target.MethodKind != MethodKind.LocalFunction || _inlining.Contains(target.OriginalDefinition))
            {
                return Taint.Empty;
            }

            ControlFlowGraph graph;
            try
            {
                graph = _cfg.GetLocalFunctionControlFlowGraphInScope((IMethodSymbol)target.OriginalDefinition, _cancellationToken);
            }
            catch (ArgumentException)
            {
                return Taint.Empty;
            }

            // Its parameters are left clean: what the arguments carry is handled by the summary, at this call.
            var captured = _state;
            foreach (var parameter in target.Parameters)
            {
                captured = captured.Remove(parameter.OriginalDefinition).Remove(parameter);
            }

            var nested = new MethodFlowAnalysis(this, graph, Taint.Empty, captured, (IMethodSymbol)target.OriginalDefinition);
            var returns = Taint.Union(nested.RunGraph(), nested._returns);
            var sources = Taint.Empty;
            foreach (var fact in returns)
            {
                if (fact.IsSource || fact.Parameter >= 0 && !SymbolEqualityComparer.Default.Equals(_method, target))
                {
                    sources = sources.Add(fact);
                }
            }

            return sources;
        }

        /// <summary>
        /// A mediator's handler whose returned message the mediator sends on (Wolverine's cascading messages): the handlers
        /// of that message run with what the handler returned, as a call of them (one level: what they return in turn is
        /// not sent on).
        /// </summary>
        private void Cascade(IInvocationOperation invocation, IMethodSymbol handler, ImmutableHashSet<TaintFact> returned, bool inputsCarryData)
        {
            if (returned.IsEmpty)
            {
                return;
            }

            foreach (var next in _engine.CascadedHandlers(invocation, handler))
            {
                if (HandlerSummary(next, inputsCarryData) is { } summary)
                {
                    ApplyParameterSinks(invocation, next, summary, new[] { returned }, Taint.Empty);
                }
            }
        }

        /// <summary>The summary of a dispatched callee: analysed here, or, for a mediator's handler in a referenced project, what its export says (docs/cross-project.md).</summary>
        private MethodSummary? HandlerSummary(IMethodSymbol callee, bool inputsCarryData) =>
            FlowEngine.IsInSource(callee) ? CalleeSummary(callee, inputsCarryData) : _engine.Imports?.Of(callee);

        private void ApplyParameterSinks(IOperation operation, IMethodSymbol callee, MethodSummary summary, ImmutableHashSet<TaintFact>[] arguments, ImmutableHashSet<TaintFact> receiver)
        {
            Depend(summary);
            foreach (var flow in summary.ParameterSinks)
            {
                if (flow.Parameter == TaintFact.Receiver)
                {
                    // n.Notify() where Notify sends a field of its object (_crm.Send(_to)): what n holds in that field goes.
                    if (!receiver.IsEmpty)
                    {
                        var held = flow.ViaMember ? Taint.OnMemberRead(receiver, flow.Member) : receiver;
                        if (!ReportedByTheCallee(flow, held))
                        {
                            RecordSinks(operation, callee, flow, held);
                        }
                    }

                    continue;
                }

                if (flow.Parameter == TaintFact.OpenRead)
                {
                    // An open member the callee reads (docs/cross-project.md): its flow is this method's too, through the call.
                    RecordSinks(operation, callee, flow, Taint.Empty.Add(TaintFact.ForOpenRead(flow.Member!)));
                    continue;
                }

                var argument = flow.Parameter >= 0 && flow.Parameter < arguments.Length ? arguments[flow.Parameter] : null;
                if (argument is null || argument.IsEmpty)
                {
                    continue;
                }

                var sent = flow.ViaMember ? Taint.OnMemberRead(argument, flow.Member) : argument;
                IParameterSymbol? parameter = null;
                if (flow.Parameter < callee.Parameters.Length)
                {
                    parameter = callee.Parameters[flow.Parameter];

                    // The callee's body is analysed as declared: a generic repository's Save(T entity) derives nothing from T,
                    // so what a Customer argument carries is reported here, not left to the callee.
                    sent = WithoutWhatTheCalleeReports(sent, parameter.OriginalDefinition.Type);
                }

                if (!ReportedByTheCallee(flow, sent, parameter))
                {
                    RecordSinks(operation, callee, flow, sent);
                }
            }
        }

        /// <summary>
        /// A callee's parameter sink at this call: the sink itself, or, when its URL is a parameter of the callee (a helper
        /// that sends to the URL it is given), the sinks this call's argument resolves it to (<see cref="Sinks.ParameterUrl"/>).
        /// </summary>
        private void RecordSinks(IOperation operation, IMethodSymbol callee, ParameterSinkFlow flow, ImmutableHashSet<TaintFact> sent)
        {
            if (flow.Sink.UrlParameter is not { } url)
            {
                RecordSink(operation, flow.Sink, sent, flow.Path, flow.Through);
                return;
            }

            foreach (var sink in url.At(operation.Syntax, callee, flow.Sink))
            {
                // The path ends at the sink: the one this call resolves, not the helper's unknown one.
                var path = flow.Path;
                if (!ReferenceEquals(sink, flow.Sink) && path.Length > 0 && path[path.Length - 1] == flow.Sink.Display)
                {
                    path = path.SetItem(path.Length - 1, sink.Display);
                }

                RecordSink(operation, sink, sent, path, flow.Through);
            }
        }

        /// <summary>
        /// The callee sends a personal member of the argument (<c>Ensure(Customer c) =&gt; Send(c.Email)</c> with
        /// <c>Email</c> annotated): it reads that member and reports the flow itself, so what the caller stored there
        /// (<c>new Customer { Email = r.Mail }</c>) is the same data and the same transfer, not a second finding (the
        /// location rule, docs/flow-semantics.md). So does a callee whose <paramref name="parameter"/> is itself a source
        /// (<c>[PersonalData]</c> on it, or an <c>IEmailSender</c>'s <c>email</c>). Unless the caller's data is
        /// special-category and the member or parameter is not: then only the caller's finding says so (RES002).
        /// </summary>
        private bool ReportedByTheCallee(ParameterSinkFlow flow, ImmutableHashSet<TaintFact> sent, IParameterSymbol? parameter = null)
        {
            // The member of the argument the callee reads, or the parameter itself when it is a source there (annotated, or
            // a catalogued callback parameter: an IEmailSender's email): the callee reports that flow.
            var read = flow.ViaMember ? flow.Member : parameter;
            if (read is null || Classifier.GetElement(read) is not { } element)
            {
                return false;
            }

            if (element.IsSpecial)
            {
                return true;
            }

            foreach (var fact in sent)
            {
                if (fact.Element is { IsSpecial: true })
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Type-derived facts of an object passed whole to a parameter whose own type carries them: the callee reads that
        /// parameter and reports the flow itself (the location rule of docs/flow-semantics.md), so the caller does not report it again.
        /// </summary>
        private ImmutableHashSet<TaintFact> WithoutWhatTheCalleeReports(ImmutableHashSet<TaintFact> sent, ITypeSymbol parameterType)
        {
            var carried = Classifier.GetCarriedElements(parameterType);
            if (carried.IsEmpty)
            {
                return sent;
            }

            return Taint.Without(sent, fact => fact.Whole && fact.Member is null && fact.Element is { } element && carried.Contains(element));
        }

        /// <summary>
        /// What the receiver facts among <paramref name="facts"/> (a callee's return value) are at this call: what its
        /// receiver holds in those members, or the receiver itself (<c>return this;</c>).
        /// </summary>
        private static ImmutableHashSet<TaintFact> FromReceiver(ImmutableHashSet<TaintFact> facts, ImmutableHashSet<TaintFact> receiver)
        {
            var result = Taint.Empty;
            if (receiver.IsEmpty)
            {
                return result;
            }

            foreach (var fact in facts)
            {
                if (!fact.IsSource && fact.Parameter == TaintFact.Receiver)
                {
                    result = Taint.Union(result, Taint.InPath(fact.ViaMember ? Taint.OnMemberRead(receiver, fact.ReadMember) : receiver, fact.Stored));
                }
            }

            return result;
        }

        /// <summary>
        /// A call on another object of a method that stores what it is passed into a field of its type
        /// (<c>builder.WithTo(c.Email)</c> where <c>WithTo(string to) { _to = to; return this; }</c>): that object now holds
        /// it in that member. Returns the receiver's facts after the call.
        /// </summary>
        private ImmutableHashSet<TaintFact> StoreIntoReceiver(IInvocationOperation invocation, MethodSummary summary, ImmutableHashSet<TaintFact>[] arguments, ImmutableHashSet<TaintFact> receiver)
        {
            if (summary.FieldStores.IsEmpty || invocation.Instance is not { } instance || instance is IInstanceReferenceOperation)
            {
                return receiver;
            }

            var stored = Taint.Empty;
            foreach (var (field, facts) in summary.FieldStores)
            {
                if (!field.IsStatic)
                {
                    stored = Taint.Union(stored, Taint.InMember(Substitute(facts, arguments), field));
                }
            }

            if (stored.IsEmpty)
            {
                return receiver;
            }

            StoreInto(instance, stored);
            return Taint.Union(receiver, stored);
        }

        /// <summary>What a callee of this type stores from its parameters into the type's fields, bound to <paramref name="arguments"/>.</summary>
        private void ApplyFieldStores(MethodSummary summary, ImmutableHashSet<TaintFact>[] arguments)
        {
            foreach (var (field, facts) in summary.FieldStores)
            {
                if (IsOfThisType(field))
                {
                    var value = Substitute(facts, arguments);
                    if (!value.IsEmpty)
                    {
                        AddTo(field, value);
                        RecordFieldStore(field, value);
                    }
                }
            }
        }

        private static ImmutableHashSet<TaintFact> Substitute(ImmutableHashSet<TaintFact> returns, ImmutableHashSet<TaintFact>[] arguments)
        {
            var result = Taint.Empty;
            foreach (var fact in returns)
            {
                if (fact.IsSource || fact.IsOpenRead)
                {
                    result = result.Add(fact); // neither depends on the call's arguments
                }
                else if (fact.Parameter >= 0 && fact.Parameter < arguments.Length && arguments[fact.Parameter] is { } argument)
                {
                    result = Taint.Union(result, Taint.InPath(fact.ViaMember ? Taint.OnMemberRead(argument, fact.ReadMember) : argument, fact.Stored));
                }
            }

            return result;
        }
    }
}
