using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Model;
using Residency.Analyzers.Sinks;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// A forward may-analysis of one method over its control-flow graph: which facts each local, parameter and flow
    /// capture may carry at each point (flow-sensitive: an overwritten local is clean; branches and loops join).
    /// Produces the method's <see cref="MethodSummary"/>.
    /// </summary>
    internal sealed class MethodFlowAnalysis
    {
        private const int MaxPasses = 64;

        // LINQ-style methods whose result is what their lambda returns (a projection keeps only what the lambda returns).
        private static readonly ImmutableHashSet<string> Projections = ImmutableHashSet.Create(
            "Select", "SelectMany", "ConvertAll", "ToDictionary", "ToLookup", "Zip", "Aggregate", "GroupBy", "Join", "GroupJoin", "Max", "Min", "MaxBy", "MinBy");

        // Results that carry no personal data: counts, existence checks, hashes, sizes.
        private static readonly ImmutableHashSet<string> Aggregates = ImmutableHashSet.Create(
            "Count", "LongCount", "Any", "All", "Contains", "Sum", "Average", "GetHashCode", "Equals", "CompareTo", "GetType", "IndexOf", "LastIndexOf",
            "StartsWith", "EndsWith", "IsNullOrEmpty", "IsNullOrWhiteSpace", "SequenceEqual", "ContainsKey", "TryGetValue", "GetLength", "Exists", "TrueForAll", "Compare", "CompareOrdinal");

        private readonly FlowEngine _engine;
        private readonly IMethodSymbol _method;
        private readonly ControlFlowGraph _cfg;
        private readonly int _depth;
        private readonly ImmutableHashSet<IMethodSymbol> _inProgress;
        private readonly CancellationToken _cancellationToken;
        private readonly string _stepName;
        private readonly MethodFlowAnalysis? _outer;
        private readonly ImmutableHashSet<TaintFact> _lambdaParameterFacts;

        private readonly Dictionary<(IOperation Operation, string SinkId), Finding> _findings;
        private readonly HashSet<ParameterSinkFlow> _parameterSinks;
        private ImmutableHashSet<TaintFact> _returns = Taint.Empty;
        private Dictionary<object, ImmutableHashSet<TaintFact>> _state = new();

        public MethodFlowAnalysis(FlowEngine engine, IMethodSymbol method, ControlFlowGraph cfg, int depth, ImmutableHashSet<IMethodSymbol> inProgress, CancellationToken cancellationToken)
        {
            _engine = engine;
            _method = method;
            _cfg = cfg;
            _depth = depth;
            _inProgress = inProgress;
            _cancellationToken = cancellationToken;
            _stepName = FlowEngine.StepName(method);
            _findings = new Dictionary<(IOperation, string), Finding>();
            _parameterSinks = new HashSet<ParameterSinkFlow>();
            _lambdaParameterFacts = Taint.Empty;
        }

        // A lambda analysed inside its enclosing method: shares findings, sees the enclosing state (captured variables).
        private MethodFlowAnalysis(MethodFlowAnalysis outer, ControlFlowGraph cfg, ImmutableHashSet<TaintFact> lambdaParameterFacts, Dictionary<object, ImmutableHashSet<TaintFact>> capturedState)
        {
            _engine = outer._engine;
            _method = outer._method;
            _cfg = cfg;
            _depth = outer._depth;
            _inProgress = outer._inProgress;
            _cancellationToken = outer._cancellationToken;
            _stepName = outer._stepName;
            _findings = outer._findings;
            _parameterSinks = outer._parameterSinks;
            _outer = outer;
            _lambdaParameterFacts = lambdaParameterFacts;
            _capturedState = capturedState;
        }

        private readonly Dictionary<object, ImmutableHashSet<TaintFact>>? _capturedState;

        private PersonalDataClassifier Classifier => _engine.Classifier;

        public MethodSummary Run()
        {
            var returns = RunGraph();
            _returns = Taint.Union(_returns, returns);
            return new MethodSummary(_returns, _parameterSinks.ToImmutableArray(), _findings.Values.ToImmutableArray());
        }

        /// <summary>Runs the fixpoint over the graph; returns what the graph returns.</summary>
        private ImmutableHashSet<TaintFact> RunGraph()
        {
            var blocks = _cfg.Blocks;
            var entryStates = new Dictionary<object, ImmutableHashSet<TaintFact>>?[blocks.Length];
            var exitStates = new Dictionary<object, ImmutableHashSet<TaintFact>>?[blocks.Length];
            entryStates[0] = InitialState();
            var returns = Taint.Empty;

            var worklist = new SortedSet<int> { 0 };
            int budget = Math.Max(MaxPasses, blocks.Length * 8);
            while (worklist.Count > 0 && budget-- > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                int ordinal = worklist.Min;
                worklist.Remove(ordinal);
                var block = blocks[ordinal];

                _state = new Dictionary<object, ImmutableHashSet<TaintFact>>(entryStates[ordinal] ?? new Dictionary<object, ImmutableHashSet<TaintFact>>());
                foreach (var operation in block.Operations)
                {
                    Evaluate(operation);
                }

                if (block.BranchValue is not null)
                {
                    var value = Evaluate(block.BranchValue);
                    if (block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
                    {
                        returns = Taint.Union(returns, value);
                    }
                }

                if (exitStates[ordinal] is { } previous && SameState(previous, _state))
                {
                    continue;
                }

                exitStates[ordinal] = _state;
                foreach (var successor in Successors(block))
                {
                    var merged = Join(entryStates[successor.Ordinal], _state);
                    if (entryStates[successor.Ordinal] is null || !SameState(entryStates[successor.Ordinal]!, merged) || exitStates[successor.Ordinal] is null)
                    {
                        entryStates[successor.Ordinal] = merged;
                        worklist.Add(successor.Ordinal);
                    }
                }
            }

            return returns;
        }

        private static IEnumerable<BasicBlock> Successors(BasicBlock block)
        {
            if (block.FallThroughSuccessor?.Destination is { } fallThrough)
            {
                yield return fallThrough;
            }

            if (block.ConditionalSuccessor?.Destination is { } conditional)
            {
                yield return conditional;
            }
        }

        private Dictionary<object, ImmutableHashSet<TaintFact>> InitialState()
        {
            var state = _capturedState is null
                ? new Dictionary<object, ImmutableHashSet<TaintFact>>()
                : new Dictionary<object, ImmutableHashSet<TaintFact>>(_capturedState);

            if (_outer is not null)
            {
                return state;
            }

            foreach (var parameter in _method.Parameters)
            {
                var facts = Taint.Empty.Add(TaintFact.ForParameter(parameter.Ordinal));
                var element = Classifier.GetElement(parameter);
                if (element is not null)
                {
                    facts = facts.Add(TaintFact.Source(element));
                }

                state[parameter] = facts;
            }

            return state;
        }

        private static Dictionary<object, ImmutableHashSet<TaintFact>> Join(Dictionary<object, ImmutableHashSet<TaintFact>>? a, Dictionary<object, ImmutableHashSet<TaintFact>> b)
        {
            if (a is null)
            {
                return new Dictionary<object, ImmutableHashSet<TaintFact>>(b);
            }

            var result = new Dictionary<object, ImmutableHashSet<TaintFact>>(a);
            foreach (var pair in b)
            {
                result[pair.Key] = result.TryGetValue(pair.Key, out var existing) ? Taint.Union(existing, pair.Value) : pair.Value;
            }

            return result;
        }

        private static bool SameState(Dictionary<object, ImmutableHashSet<TaintFact>> a, Dictionary<object, ImmutableHashSet<TaintFact>> b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            foreach (var pair in a)
            {
                if (!b.TryGetValue(pair.Key, out var other) || !pair.Value.SetEquals(other))
                {
                    return false;
                }
            }

            return true;
        }

        private ImmutableHashSet<TaintFact> Get(object key) => _state.TryGetValue(key, out var facts) ? facts : Taint.Empty;

        private void Set(object key, ImmutableHashSet<TaintFact> facts)
        {
            if (facts.IsEmpty)
            {
                _state.Remove(key);
            }
            else
            {
                _state[key] = facts;
            }
        }

        private void AddTo(object key, ImmutableHashSet<TaintFact> facts)
        {
            if (!facts.IsEmpty)
            {
                _state[key] = Taint.Union(Get(key), facts);
            }
        }

        /// <summary>Evaluates an operation: what its value may carry. Records sinks and stores as side effects.</summary>
        private ImmutableHashSet<TaintFact> Evaluate(IOperation? operation)
        {
            if (operation is null)
            {
                return Taint.Empty;
            }

            var facts = EvaluateCore(operation);

            // Booleans carry no personal data (comparisons, predicates, null checks).
            if (operation.Type?.SpecialType == SpecialType.System_Boolean)
            {
                return Taint.Empty;
            }

            return facts;
        }

        private ImmutableHashSet<TaintFact> EvaluateCore(IOperation operation)
        {
            switch (operation)
            {
                case ILiteralOperation:
                case IDefaultValueOperation:
                case ITypeOfOperation:
                case ISizeOfOperation:
                case INameOfOperation:
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                case ICaughtExceptionOperation:
                case IFlowAnonymousFunctionOperation:
                    return Taint.Empty;

                case IInstanceReferenceOperation instance:
                    return WholeFacts(instance.Type);

                case ILocalReferenceOperation local:
                    return Taint.Union(Get(local.Local), WholeFacts(local.Type));

                case IParameterReferenceOperation parameter:
                    return Taint.Union(Get(parameter.Parameter), WholeFacts(parameter.Type));

                case IFlowCaptureOperation capture:
                    Set(capture.Id, Evaluate(capture.Value));
                    return Taint.Empty;

                case IFlowCaptureReferenceOperation captureReference:
                    return Get(captureReference.Id);

                case ISimpleAssignmentOperation assignment:
                {
                    var value = Evaluate(assignment.Value);
                    Assign(assignment.Target, value, strong: true);
                    return value;
                }

                case ICompoundAssignmentOperation compound:
                {
                    var value = Taint.Union(Evaluate(compound.Target), Evaluate(compound.Value));
                    Assign(compound.Target, value, strong: true);
                    return value;
                }

                case ICoalesceAssignmentOperation coalesceAssignment:
                {
                    var value = Taint.Union(Evaluate(coalesceAssignment.Target), Evaluate(coalesceAssignment.Value));
                    Assign(coalesceAssignment.Target, value, strong: true);
                    return value;
                }

                case IDeconstructionAssignmentOperation deconstruction:
                {
                    var value = Evaluate(deconstruction.Value);
                    Assign(deconstruction.Target, value, strong: true);
                    return value;
                }

                case IIncrementOrDecrementOperation increment:
                    return Evaluate(increment.Target);

                case IPropertyReferenceOperation property:
                    return ReadProperty(property);

                case IFieldReferenceOperation field:
                    return ReadField(field);

                case IArrayElementReferenceOperation element:
                {
                    foreach (var index in element.Indices)
                    {
                        Evaluate(index);
                    }

                    return Evaluate(element.ArrayReference);
                }

                case IInvocationOperation invocation:
                    return Invoke(invocation);

                case IObjectCreationOperation creation:
                    return Create(creation);

                case IAnonymousObjectCreationOperation anonymous:
                {
                    var facts = Taint.Empty;
                    foreach (var initializer in anonymous.Initializers)
                    {
                        facts = Taint.Union(facts, initializer is IAssignmentOperation a ? Evaluate(a.Value) : Evaluate(initializer));
                    }

                    return facts;
                }

                case IObjectOrCollectionInitializerOperation initializer:
                    return Initializers(initializer);

                case IMemberInitializerOperation memberInitializer:
                    return Initializers(memberInitializer.Initializer);

                case IArrayCreationOperation array:
                {
                    foreach (var size in array.DimensionSizes)
                    {
                        Evaluate(size);
                    }

                    return Evaluate(array.Initializer);
                }

                case IArrayInitializerOperation arrayInitializer:
                    return UnionOf(arrayInitializer.ElementValues);

                case IBinaryOperation binary:
                    return Taint.Union(Evaluate(binary.LeftOperand), Evaluate(binary.RightOperand));

                case IUnaryOperation unary:
                    return Evaluate(unary.Operand);

                case IConversionOperation conversion:
                    return Evaluate(conversion.Operand);

                case IParenthesizedOperation parenthesized:
                    return Evaluate(parenthesized.Operand);

                case IAwaitOperation awaitOperation:
                    return Evaluate(awaitOperation.Operation);

                case IConditionalOperation conditional:
                    Evaluate(conditional.Condition);
                    return Taint.Union(Evaluate(conditional.WhenTrue), Evaluate(conditional.WhenFalse));

                case ICoalesceOperation coalesce:
                    return Taint.Union(Evaluate(coalesce.Value), Evaluate(coalesce.WhenNull));

                case IConditionalAccessOperation conditionalAccess:
                    Evaluate(conditionalAccess.Operation);
                    return Evaluate(conditionalAccess.WhenNotNull);

                case IInterpolatedStringOperation interpolated:
                    return UnionOf(interpolated.Parts);

                case IInterpolationOperation interpolation:
                    Evaluate(interpolation.Alignment);
                    Evaluate(interpolation.FormatString);
                    return Evaluate(interpolation.Expression);

                case IArgumentOperation argument:
                    return Evaluate(argument.Value);

                case IReturnOperation returnOperation:
                {
                    var value = Evaluate(returnOperation.ReturnedValue);
                    _returns = Taint.Union(_returns, value);
                    return value;
                }

                case IDelegateCreationOperation delegateCreation:
                    return Evaluate(delegateCreation.Target);

                case IAnonymousFunctionOperation:
                    return Taint.Empty;

                case IIsTypeOperation:
                case IIsPatternOperation:
                case IIsNullOperation:
                    foreach (var child in operation.ChildOperations)
                    {
                        Evaluate(child);
                    }

                    return Taint.Empty;

                case IThrowOperation throwOperation:
                    Evaluate(throwOperation.Exception);
                    return Taint.Empty;

                default:
                    // Anything else (tuples, switch expressions, with-expressions, ranges, …): what its parts carry.
                    return UnionOf(operation.ChildOperations);
            }
        }

        private ImmutableHashSet<TaintFact> UnionOf(IEnumerable<IOperation> operations)
        {
            var facts = Taint.Empty;
            foreach (var child in operations)
            {
                facts = Taint.Union(facts, Evaluate(child));
            }

            return facts;
        }

        private ImmutableHashSet<TaintFact> WholeFacts(ITypeSymbol? type)
        {
            var carried = Classifier.GetCarriedElements(type);
            return carried.IsEmpty ? Taint.Empty : Taint.FromElements(carried, whole: true);
        }

        private ImmutableHashSet<TaintFact> ReadProperty(IPropertyReferenceOperation property)
        {
            var instance = Evaluate(property.Instance);
            foreach (var argument in property.Arguments)
            {
                instance = Taint.Union(instance, Evaluate(argument));
            }

            var symbol = property.Property;
            if (symbol.IsIndexer)
            {
                // list[i], dict[key]: an element of the collection carries what the collection carries.
                return Taint.Union(instance, WholeFacts(property.Type));
            }

            if (symbol.Name is "Count" or "Length" or "LongLength" or "Capacity" && property.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64)
            {
                return Taint.Empty;
            }

            var facts = Taint.OnMemberRead(instance);
            var element = Classifier.GetElement(symbol);
            if (element is not null)
            {
                facts = facts.Add(TaintFact.Source(element));
            }
            else if (symbol.GetMethod is { } getter && FlowEngine.IsInSource(getter) && !IsAutoProperty(symbol))
            {
                // A computed property (Display => $"{Name}") carries what its getter returns.
                var summary = _engine.GetCalleeSummary(getter, _depth + 1, _inProgress, null, _cancellationToken);
                if (summary is not null)
                {
                    foreach (var fact in summary.Returns)
                    {
                        if (fact.IsSource)
                        {
                            facts = facts.Add(fact);
                        }
                    }
                }
            }

            return Taint.Union(facts, WholeFacts(property.Type));
        }

        private static bool IsAutoProperty(IPropertySymbol property)
        {
            foreach (var member in property.ContainingType.GetMembers())
            {
                if (member is IFieldSymbol { AssociatedSymbol: { } associated } && SymbolEqualityComparer.Default.Equals(associated, property))
                {
                    return true;
                }
            }

            return false;
        }

        private ImmutableHashSet<TaintFact> ReadField(IFieldReferenceOperation field)
        {
            var instance = Evaluate(field.Instance);
            var facts = Taint.OnMemberRead(instance);
            var element = Classifier.GetElement(field.Field);
            if (element is not null)
            {
                facts = facts.Add(TaintFact.Source(element));
            }

            if (field.Instance is null or IInstanceReferenceOperation)
            {
                // A field of this type (or a static field): what this method stored into it, and what other methods of the type store.
                facts = Taint.Union(facts, Get(field.Field.OriginalDefinition));
                if (field.Field.ContainingType is { } type && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _method.ContainingType?.OriginalDefinition))
                {
                    _engine.EnsureFieldStores(type, _cancellationToken);
                }

                facts = Taint.Union(facts, _engine.FieldStore(field.Field));
            }

            return Taint.Union(facts, WholeFacts(field.Type));
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

                    _engine.RecordFieldStore(field.Field, value);
                    break;
                case IPropertyReferenceOperation property when property.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    if (BackingField(property.Property) is { } backing)
                    {
                        AddTo(backing, value);
                        _engine.RecordFieldStore(backing, value);
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

                    StoreInto(member.Instance, value);
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
                    break;
                case IInstanceReferenceOperation:
                case IDiscardOperation:
                    break;
                default:
                    Evaluate(target);
                    break;
            }
        }

        private static IFieldSymbol? BackingField(IPropertySymbol property)
        {
            foreach (var member in property.ContainingType.GetMembers())
            {
                if (member is IFieldSymbol { AssociatedSymbol: { } associated } field && SymbolEqualityComparer.Default.Equals(associated, property))
                {
                    return field;
                }
            }

            return null;
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
                        return;
                    case IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation:
                        AddTo(field.Field.OriginalDefinition, value);
                        _engine.RecordFieldStore(field.Field, value);
                        return;
                    case IMemberReferenceOperation member when member.Instance is not null:
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
            foreach (var argument in creation.Arguments)
            {
                var value = Evaluate(argument.Value);
                facts = Taint.Union(facts, value);
                if (argument.Parameter is { } parameter && parameter.Ordinal < arguments.Length)
                {
                    arguments[parameter.Ordinal] = value;
                }
            }

            facts = Taint.Union(facts, Initializers(creation.Initializer));

            if (creation.Constructor is { } constructor && FlowEngine.IsInSource(constructor))
            {
                var summary = _engine.GetCalleeSummary(constructor, _depth + 1, _inProgress, null, _cancellationToken);
                if (summary is not null)
                {
                    ApplyParameterSinks(creation, summary, arguments, Taint.Empty);
                }
            }

            return Taint.Union(facts, WholeFacts(creation.Type));
        }

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

                var value = Evaluate(argument.Value);
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

            // 1. Is this call a sink?
            var sinkCall = _engine.CachedSink(invocation);
            if (sinkCall is not null)
            {
                var sent = sinkCall.Receiver ? receiver : Taint.Empty;
                for (int i = 0; i < count; i++)
                {
                    if (sinkCall.SendsParameter(i) && arguments[i] is { } value)
                    {
                        sent = Taint.Union(sent, value);
                    }
                }

                foreach (var sink in sinkCall.Sinks)
                {
                    RecordSink(invocation, sink, sent, ImmutableArray.Create(sink.Display));
                }
            }

            // 2. A method of this compilation: apply its summary.
            ImmutableHashSet<TaintFact> result;
            var inSource = FlowEngine.IsInSource(target) || target.MethodKind == MethodKind.LocalFunction;
            var summary = inSource ? _engine.GetCalleeSummary(target, _depth + 1, _inProgress, _cfg, _cancellationToken) : null;
            if (summary is not null)
            {
                ApplyParameterSinks(invocation, summary, arguments, receiver);
                result = Substitute(summary.Returns, arguments);
                foreach (var (_, lambda) in lambdas)
                {
                    AnalyzeLambda(lambda, Taint.Empty);
                }
            }
            else
            {
                result = External(invocation, target, receiver, arguments, allArguments, lambdas);
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

            return Taint.Union(result, WholeFacts(invocation.Type));
        }

        private ImmutableHashSet<TaintFact> External(
            IInvocationOperation invocation,
            IMethodSymbol target,
            ImmutableHashSet<TaintFact> receiver,
            ImmutableHashSet<TaintFact>[] arguments,
            ImmutableHashSet<TaintFact> allArguments,
            List<(IArgumentOperation Argument, IOperation Lambda)> lambdas)
        {
            // The "source" of a LINQ-style call: the receiver, or the first argument of an extension method.
            var source = receiver;
            if (target.IsExtensionMethod && arguments.Length > 0 && arguments[0] is { } first)
            {
                source = Taint.Union(source, first);
            }

            var lambdaResults = Taint.Empty;
            foreach (var (_, lambda) in lambdas)
            {
                lambdaResults = Taint.Union(lambdaResults, AnalyzeLambda(lambda, source));
            }

            ImmutableHashSet<TaintFact> result;
            if (Aggregates.Contains(target.Name))
            {
                result = Taint.Empty;
            }
            else if (lambdas.Count > 0 && Projections.Contains(target.Name))
            {
                result = lambdaResults;
            }
            else
            {
                result = Taint.Union(Taint.Union(receiver, allArguments), lambdaResults);
            }

            // Mutating calls on a builder or collection (sb.Append(x), list.Add(x), dict[key] = x): the receiver now carries the arguments.
            if (invocation.Instance is { } instance && !target.IsStatic && target.ContainingType?.SpecialType != SpecialType.System_String &&
                (target.ReturnsVoid || SymbolEqualityComparer.Default.Equals(target.ReturnType, target.ContainingType) || target.Name.StartsWith("Add", StringComparison.Ordinal) || target.Name.StartsWith("Try", StringComparison.Ordinal)))
            {
                StoreInto(instance, allArguments);
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

        /// <summary>Analyses a lambda inline: its parameters carry <paramref name="parameterFacts"/>, it sees captured locals.</summary>
        private ImmutableHashSet<TaintFact> AnalyzeLambda(IOperation lambda, ImmutableHashSet<TaintFact> parameterFacts)
        {
            if (lambda is not IFlowAnonymousFunctionOperation flowLambda)
            {
                return Taint.Empty;
            }

            ControlFlowGraph graph;
            try
            {
                graph = _cfg.GetAnonymousFunctionControlFlowGraph(flowLambda, _cancellationToken);
            }
            catch (ArgumentException)
            {
                return Taint.Empty;
            }

            var captured = new Dictionary<object, ImmutableHashSet<TaintFact>>(_state);
            foreach (var parameter in flowLambda.Symbol.Parameters)
            {
                captured[parameter] = parameterFacts;
            }

            var nested = new MethodFlowAnalysis(this, graph, parameterFacts, captured);
            var returns = nested.RunGraph();
            return Taint.Union(returns, nested._returns);
        }

        private void ApplyParameterSinks(IOperation operation, MethodSummary summary, ImmutableHashSet<TaintFact>[] arguments, ImmutableHashSet<TaintFact> receiver)
        {
            foreach (var flow in summary.ParameterSinks)
            {
                var argument = flow.Parameter >= 0 && flow.Parameter < arguments.Length ? arguments[flow.Parameter] : null;
                if (argument is null || argument.IsEmpty)
                {
                    continue;
                }

                var sent = flow.ViaMember ? Taint.OnMemberRead(argument) : argument;
                RecordSink(operation, flow.Sink, sent, flow.Path);
            }
        }

        private static ImmutableHashSet<TaintFact> Substitute(ImmutableHashSet<TaintFact> returns, ImmutableHashSet<TaintFact>[] arguments)
        {
            var result = Taint.Empty;
            foreach (var fact in returns)
            {
                if (fact.IsSource)
                {
                    result = result.Add(fact);
                }
                else if (fact.Parameter >= 0 && fact.Parameter < arguments.Length && arguments[fact.Parameter] is { } argument)
                {
                    result = Taint.Union(result, fact.ViaMember ? Taint.OnMemberRead(argument) : argument);
                }
            }

            return result;
        }

        private void RecordSink(IOperation operation, SinkInfo sink, ImmutableHashSet<TaintFact> sent, ImmutableArray<string> path)
        {
            if (sent.IsEmpty)
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
                    _parameterSinks.Add(new ParameterSinkFlow(fact.Parameter, fact.ViaMember, sink, fullPath));
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
                _findings[key] = new Finding(operation, sink, sources.ToImmutable(), fullPath);
            }
        }

        private static bool HasAttribute(IMethodSymbol method, INamedTypeSymbol? attribute)
        {
            if (attribute is null)
            {
                return false;
            }

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
