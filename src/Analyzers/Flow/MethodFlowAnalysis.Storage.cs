using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Flow.Library;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Flow
{
    /// <summary>Reads and writes of storage: members, fields, locals, elements, object creation.</summary>
    internal sealed partial class MethodFlowAnalysis
    {
        private ImmutableHashSet<TaintFact> ReadProperty(IPropertyReferenceOperation property)
        {
            var instance = Evaluate(property.Instance);
            foreach (var argument in property.Arguments)
            {
                instance = Taint.Union(instance, Evaluate(argument));
            }

            var symbol = property.Property;
            if (symbol.IsIndexer || IsEnumeratorCurrent(symbol))
            {
                // list[i], dict[key]: an element of the collection carries what the collection carries (Headers["X-Real-IP"]: a source).
                // So does a foreach's variable, which the graph reads from the enumerator's Current (the enumerator carries
                // what its collection does): a collection's facts kept in its elements' members (guest.Email) stay whole.
                var item = Taint.Union(instance, WholeFacts(property.Type));
                return Classifier.Sources is { } headers ? headers.OnPropertyRead(property, item) : item;
            }

            if (property.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 && _engine.Library.Is(symbol, Behaviour.Size))
            {
                return Taint.Empty;
            }

            var facts = Taint.OnMemberRead(instance, symbol);
            var element = Classifier.GetElement(symbol);
            var backing = _engine.BackingField(symbol);
            if (element is not null)
            {
                facts = Taint.Union(facts, _engine.SourceFacts(element));
            }
            else if (backing is not null)
            {
                if (property.Instance is null or IInstanceReferenceOperation)
                {
                    // An auto-property of this type (or a static one): what this method and the type's other methods store in it.
                    facts = Taint.Union(facts, Get(backing.OriginalDefinition));
                    if (backing.ContainingType is { } type && (backing.IsStatic || IsOfThisType(backing)) &&
                        !_engine.StoresNothingPersonal(property.Property))
                    {
                        _engine.EnsureFieldStores(type, _request);
                    }

                    facts = Taint.Union(facts, StoredInto(backing));
                    facts = Taint.Union(facts, ReceiverFacts(symbol));
                }
            }
            else
            {
                // A computed property (Display => $"{Name}") carries what its getter returns; an interface, abstract or
                // virtual one (user.Email on an ICurrentUser) what the getters of its implementations and overrides here return.
                var getters = _engine.GetterTargets(property, out var bounded);
                foreach (var getter in getters)
                {
                    var summary = _engine.GetCalleeSummary(getter, _depth + 1, _inProgress, null, _request);
                    if (summary is not null)
                    {
                        Depend(summary);
                        foreach (var fact in summary.Returns)
                        {
                            if (fact.IsSource || fact.IsOpenRead)
                            {
                                facts = facts.Add(fact); // the getter's receiver facts are bound below; its parameters are its own
                            }
                        }

                        // Upper => Text.ToUpperInvariant(): what the object read holds in Text (new Note { Text = c.Email }).
                        facts = Taint.Union(facts, FromReceiver(summary.Returns, instance));
                    }
                }

                if (bounded)
                {
                    _dependencies.Truncation |= Truncation.DispatchBound;
                }

                if (getters.IsEmpty && symbol.GetMethod is { } open && _engine.IsOpenMember(open))
                {
                    facts = facts.Add(TaintFact.ForOpenRead(symbol.OriginalDefinition)); // user.Id: whatever another project's implementation returns
                }
            }

            facts = Taint.Union(facts, WholeFacts(property.Type));
            return Classifier.Sources is { } sources ? sources.OnPropertyRead(property, facts) : facts;
        }

        /// <summary>
        /// A library enumerator's <c>Current</c> (a generic or non-generic, synchronous or asynchronous enumerator's). The
        /// application's own enumerator is read through its getter's summary, as any computed property.
        /// </summary>
        private bool IsEnumeratorCurrent(IPropertySymbol property)
        {
            if (property.Name != "Current" || property.IsStatic || property.ContainingType is not { } type ||
                property.GetMethod is { } getter && FlowEngine.IsInSource(getter))
            {
                return false;
            }

            if (IsEnumerator(type))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (IsEnumerator(implemented))
                {
                    return true;
                }
            }

            return false;

            bool IsEnumerator(INamedTypeSymbol type) =>
                type.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerator_T or SpecialType.System_Collections_IEnumerator ||
                SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _engine.Types.IAsyncEnumeratorOfT);
        }

        private ImmutableHashSet<TaintFact> ReadField(IFieldReferenceOperation field)
        {
            var instance = Evaluate(field.Instance);
            var facts = Taint.OnMemberRead(instance, field.Field);
            var element = Classifier.GetElement(field.Field);
            if (element is not null)
            {
                facts = Taint.Union(facts, _engine.SourceFacts(element));
            }

            if (field.Instance is null or IInstanceReferenceOperation)
            {
                // A field of this type (or a static field): what this method stored into it, and what other methods of the type store.
                facts = Taint.Union(facts, Get(field.Field.OriginalDefinition));
                if (field.Field.ContainingType is { } type &&
                    (field.Field.IsStatic || IsOfThisType(field.Field)) &&
                    !_engine.StoresNothingPersonal(field.Field))
                {
                    // Static fields are shared by every type: their writers are summarised whichever type reads them.
                    _engine.EnsureFieldStores(type, _request);
                }

                facts = Taint.Union(facts, StoredInto(field.Field));
                facts = Taint.Union(facts, ReceiverFacts(field.Field));
            }

            return Taint.Union(facts, WholeFacts(field.Type));
        }

        /// <summary>
        /// What a read of <paramref name="member"/> of <c>this</c> carries from the object the method runs on, bound by each
        /// caller to what its receiver holds (<see cref="TaintFact.ForReceiverMember"/>): <c>new Notifier(c.Email).Notify()</c>
        /// where <c>Notify</c> sends <c>_to</c>. Empty for static members, static methods and constructors.
        /// </summary>
        private ImmutableHashSet<TaintFact> ReceiverFacts(ISymbol member)
        {
            if (member.IsStatic || !HasReceiver)
            {
                return Taint.Empty;
            }

            member = member.OriginalDefinition;
            if (!_receiverFacts.TryGetValue(member, out var facts))
            {
                _receiverFacts[member] = facts = Taint.Empty.Add(TaintFact.ForReceiverMember(member));
            }

            return facts;
        }

        /// <summary>Stores facts into an assignment target: strong update for locals, weak for members and elements.</summary>
        private void Assign(IOperation target, ImmutableHashSet<TaintFact> value, bool strong)
        {
            switch (target)
            {
                case ILocalReferenceOperation local:
                    if (strong)
                    {
                        Set(local.Local, value);
                    }
                    else
                    {
                        AddTo(local.Local, value);
                    }

                    break;
                case IParameterReferenceOperation parameter:
                    if (strong)
                    {
                        Set(parameter.Parameter, Taint.Union(value, Taint.Empty));
                    }
                    else
                    {
                        AddTo(parameter.Parameter, value);
                    }

                    break;
                case IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    if (strong)
                    {
                        Set(field.Field.OriginalDefinition, value);
                    }
                    else
                    {
                        AddTo(field.Field.OriginalDefinition, value);
                    }

                    RecordFieldStore(field.Field, value);
                    break;
                case IPropertyReferenceOperation property when property.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    if (_engine.BackingField(property.Property) is { } backing)
                    {
                        AddTo(backing, value);
                        RecordFieldStore(backing, value);
                    }
                    else if (property.Property.SetMethod is { } setter && FlowEngine.IsInSource(setter))
                    {
                        StoreThroughSetter(property, setter, value);
                    }

                    break;
                case IMemberReferenceOperation member when member.Instance is not null:
                    // dto.Note = x: the object now carries x (field-insensitive for locals).
                    if (member is IPropertyReferenceOperation indexed)
                    {
                        foreach (var argument in indexed.Arguments)
                        {
                            Evaluate(argument);
                        }
                    }

                    StoreInto(member.Instance, Taint.InMember(value, member.Member));
                    break;
                case IArrayElementReferenceOperation element:
                    foreach (var index in element.Indices)
                    {
                        Evaluate(index);
                    }

                    StoreInto(element.ArrayReference, value);
                    break;
                case ITupleOperation tuple:
                    foreach (var part in tuple.Elements)
                    {
                        Assign(part, value, strong);
                    }

                    break;
                case IDeclarationExpressionOperation declaration:
                    Assign(declaration.Expression, value, strong);
                    break;
                case IConversionOperation conversion:
                    Assign(conversion.Operand, value, strong);
                    break;
                case IFlowCaptureReferenceOperation capture:
                    AddTo(capture.Id, value);
                    if (_captureTargets.TryGetValue(capture.Id, out var location))
                    {
                        Assign(location, value, strong);
                    }

                    break;
                case IInstanceReferenceOperation:
                case IDiscardOperation:
                    break;
                default:
                    Evaluate(target);
                    break;
            }
        }

        /// <summary>
        /// <c>Contact = c.Email</c> on a property of this type whose setter stores into a field (<c>set => _contact = value;</c>):
        /// the field receives what the setter's summary says it stores from <c>value</c> (and from the indexer's arguments).
        /// </summary>
        private void StoreThroughSetter(IPropertyReferenceOperation property, IMethodSymbol setter, ImmutableHashSet<TaintFact> value)
        {
            if (value.IsEmpty || _engine.GetCalleeSummary(setter, _depth + 1, _inProgress, null, _request) is not { } summary)
            {
                return;
            }

            var arguments = new ImmutableHashSet<TaintFact>[property.Arguments.Length + 1];
            for (int i = 0; i < property.Arguments.Length; i++)
            {
                arguments[i] = Evaluate(property.Arguments[i]);
            }

            arguments[arguments.Length - 1] = value;

            Depend(summary);
            ApplyFieldStores(summary, arguments);
        }

        /// <summary>Weak update of the storage an object lives in (a local, parameter, capture or field of this type).</summary>
        private void StoreInto(IOperation instance, ImmutableHashSet<TaintFact> value)
        {
            if (value.IsEmpty)
            {
                return;
            }

            while (true)
            {
                switch (instance)
                {
                    case IConversionOperation conversion:
                        instance = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        instance = parenthesized.Operand;
                        continue;
                    case ILocalReferenceOperation local:
                        AddTo(local.Local, value);
                        return;
                    case IParameterReferenceOperation parameter:
                        AddTo(parameter.Parameter, value);
                        return;
                    case IFlowCaptureReferenceOperation capture:
                        AddTo(capture.Id, value);
                        if (_captureTargets.TryGetValue(capture.Id, out var location))
                        {
                            instance = location;
                            continue;
                        }

                        return;
                    case IInvocationOperation { Instance: { } chained } call when SymbolWalk.ReturnsItsReceiver(call):
                        // sb.Append(a).Append(b): the second call mutates the builder the first returned.
                        instance = chained;
                        continue;
                    case IInvocationOperation view when _engine.Library.Is(view.TargetMethod, Behaviour.View) && (view.Instance ?? Endpoints.EndpointResolver.FirstArgument(view)) is { } viewed:
                        // name.AsSpan().CopyTo(target.AsSpan()), CollectionsMarshal.AsSpan(list): the view writes into what it views.
                        instance = viewed;
                        continue;
                    case IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation:
                        AddTo(field.Field.OriginalDefinition, value);
                        RecordFieldStore(field.Field, value);
                        return;
                    case IPropertyReferenceOperation property when property.Instance is null or IInstanceReferenceOperation && _engine.BackingField(property.Property) is { } backing:
                        // Messages.Add(x) on a get-only auto-property of this type: its backing field holds the collection.
                        AddTo(backing, value);
                        RecordFieldStore(backing, value);
                        return;
                    case IMemberReferenceOperation member when member.Instance is not null:
                        // o.A.B = v: o now carries v inside its member A.
                        value = Taint.InMember(value, member.Member);
                        instance = member.Instance;
                        continue;
                    case IArrayElementReferenceOperation element:
                        instance = element.ArrayReference;
                        continue;
                    default:
                        return;
                }
            }
        }

        private ImmutableHashSet<TaintFact> Initializers(IObjectOrCollectionInitializerOperation? initializer)
        {
            if (initializer is null)
            {
                return Taint.Empty;
            }

            var facts = Taint.Empty;
            foreach (var item in initializer.Initializers)
            {
                switch (item)
                {
                    case IAssignmentOperation assignment:
                        facts = Taint.Union(facts, Evaluate(assignment.Value));
                        if (assignment.Target is IPropertyReferenceOperation indexer)
                        {
                            foreach (var argument in indexer.Arguments)
                            {
                                facts = Taint.Union(facts, Evaluate(argument));
                            }
                        }

                        break;
                    case IInvocationOperation add:
                        foreach (var argument in add.Arguments)
                        {
                            facts = Taint.Union(facts, Evaluate(argument.Value));
                        }

                        break;
                    default:
                        facts = Taint.Union(facts, Evaluate(item));
                        break;
                }
            }

            return facts;
        }

        private ImmutableHashSet<TaintFact> Create(IObjectCreationOperation creation)
        {
            var arguments = new ImmutableHashSet<TaintFact>[creation.Constructor?.Parameters.Length ?? 0];
            var facts = Taint.Empty;

            // new Envelope(r.Mail, r.Full) of a positional record, or of a constructor that only assigns its parameters to
            // members: each argument is held in its member.
            var positional = creation.Constructor is { } primary ? _engine.ParameterMembers(primary) : default;
            foreach (var argument in creation.Arguments)
            {
                var value = Evaluate(argument.Value);
                if (argument.Parameter is { } parameter && parameter.Ordinal < arguments.Length)
                {
                    arguments[parameter.Ordinal] = value;
                    if (!positional.IsDefault && parameter.Ordinal < positional.Length && positional[parameter.Ordinal] is { } member)
                    {
                        facts = Taint.Union(facts, Taint.InMember(value, member));
                        continue;
                    }
                }

                facts = Taint.Union(facts, value);
            }

            facts = Taint.Union(facts, Initializers(creation.Initializer));

            if (creation.Constructor is { } constructor && FlowEngine.IsInSource(constructor))
            {
                var summary = _engine.GetCalleeSummary(constructor, _depth + 1, _inProgress, null, _request);
                if (summary is not null)
                {
                    ApplyParameterSinks(creation, constructor, summary, arguments, Taint.Empty);
                }
            }

            return Taint.Union(facts, WholeFacts(creation.Type));
        }
    }
}
