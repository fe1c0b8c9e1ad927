using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Flow.Driver;
using Residency.Analyzers.Flow.States;
using Residency.Analyzers.Model;
using Residency.Analyzers.Sinks;
using State = System.Collections.Immutable.ImmutableDictionary<object, System.Collections.Immutable.ImmutableHashSet<Residency.Analyzers.Flow.TaintFact>>;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// A forward may-analysis of one method over its control-flow graph: which facts each local, parameter and flow
    /// capture may carry at each point (flow-sensitive: an overwritten local is clean; branches and loops join).
    /// Produces the method's <see cref="MethodSummary"/>.
    /// </summary>
    internal sealed class MethodFlowAnalysis : IBlockTransfer<State>
    {
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
        private State _state = State.Empty;

        // Shared with nested (lambda, local function) analyses: what this summary's precision depends on.
        private readonly Dependencies _dependencies;

        // Flow captures that stand for a storage location (x ??= v captures x, then assigns through the capture).
        private readonly Dictionary<CaptureId, IOperation> _captureTargets = new();

        // Lambdas stored in delegate locals (Action<string> a = s => …), so that a(x) runs them with x.
        private Dictionary<ILocalSymbol, IOperation>? _delegateLambdas;

        // Local functions being analysed inline further up this analysis (recursion guard).
        private readonly ImmutableHashSet<IMethodSymbol> _inlining;

        // The state at the exit block, for out/ref parameters.
        private State? _exitState;

        private sealed class Dependencies
        {
            public ImmutableHashSet<IMethodSymbol> CutOn = ImmutableHashSet<IMethodSymbol>.Empty.WithComparer(SymbolEqualityComparer.Default);
            public Truncation Truncation;
        }

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
            _dependencies = new Dependencies();
            _inlining = ImmutableHashSet<IMethodSymbol>.Empty.WithComparer(SymbolEqualityComparer.Default);
        }

        // A lambda analysed inside its enclosing method: shares findings, sees the enclosing state (captured variables).
        private MethodFlowAnalysis(MethodFlowAnalysis outer, ControlFlowGraph cfg, ImmutableHashSet<TaintFact> lambdaParameterFacts, State capturedState, IMethodSymbol? inlined = null)
        {
            _dependencies = outer._dependencies;
            _inlining = inlined is null ? outer._inlining : outer._inlining.Add(inlined);
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

        private readonly State? _capturedState;

        private PersonalDataClassifier Classifier => _engine.Classifier;

        /// <summary>After <see cref="Run"/>: whether a recursive call back to this very method was cut.</summary>
        public bool CutItself => _dependencies.CutOn.Contains(_method);

        public MethodSummary Run()
        {
            var returns = RunGraph();
            _returns = Taint.Union(_returns, returns);
            return new MethodSummary(_returns, ShortestParameterSinks(), _findings.Values.ToImmutableArray())
            {
                OutParameters = OutParameters(),
                ParameterStores = ParameterStores(),
                CutOn = _dependencies.CutOn.Remove(_method),
                Truncation = _dependencies.Truncation,
            };
        }

        /// <summary>
        /// One flow per parameter, member mode and sink: the shortest path (then the first in ordinal order), so that
        /// messages are the same on every run and recursion does not lengthen them.
        /// </summary>
        private ImmutableArray<ParameterSinkFlow> ShortestParameterSinks()
        {
            if (_parameterSinks.Count == 0)
            {
                return ImmutableArray<ParameterSinkFlow>.Empty;
            }

            var best = new Dictionary<(int, bool, string), ParameterSinkFlow>();
            foreach (var flow in _parameterSinks)
            {
                var key = (flow.Parameter, flow.ViaMember, flow.Sink.Id);
                if (!best.TryGetValue(key, out var current) || flow.Path.Length < current.Path.Length ||
                    (flow.Path.Length == current.Path.Length && string.CompareOrdinal(string.Join("\u0001", flow.Path), string.Join("\u0001", current.Path)) < 0))
                {
                    best[key] = flow;
                }
            }

            return best.Values.OrderBy(f => f.Parameter).ThenBy(f => f.ViaMember).ThenBy(f => f.Sink.Id, StringComparer.Ordinal).ToImmutableArray();
        }

        /// <summary>Runs the fixpoint over the graph (<see cref="WorklistDriver"/>); returns what the graph returns.</summary>
        private ImmutableHashSet<TaintFact> RunGraph()
        {
            _branchReturns = Taint.Empty;
            var result = WorklistDriver.Run(_cfg, RegionMap.Create(_cfg), InitialState(), this, _cancellationToken);
            if (!result.Completed)
            {
                // The iteration budget ran out: what was found stands, but flows may be missing (recorded, never silent).
                _dependencies.Truncation |= Truncation.IterationBudget;
            }

            _exitState = result.Exit;
            return _branchReturns;
        }

        private ImmutableHashSet<TaintFact> _branchReturns = Taint.Empty;

        State IBlockTransfer<State>.Join(State? accumulated, State incoming) => TaintState.Join(accumulated, incoming);

        bool IBlockTransfer<State>.Same(State a, State b) => TaintState.Same(a, b);

        State IBlockTransfer<State>.Current => _state;

        void IBlockTransfer<State>.Enter(BasicBlock block, State entry) => _state = entry;

        void IBlockTransfer<State>.Apply(IOperation operation) => Evaluate(operation);

        void IBlockTransfer<State>.ApplyBranch(BasicBlock block)
        {
            if (block.BranchValue is null)
            {
                return;
            }

            var value = Evaluate(block.BranchValue);
            switch (block.FallThroughSuccessor?.Semantics)
            {
                case ControlFlowBranchSemantics.Return:
                    _branchReturns = Taint.Union(_branchReturns, value);
                    if (_outer is null && !value.IsEmpty)
                    {
                        // A method offered to a model as a tool sends its return value to that model.
                        RecordReturnSinks(block.BranchValue, value);
                    }

                    break;
                case ControlFlowBranchSemantics.Throw:
                    // throw x: the handlers that catch it see what x carries (catch (E e) { Send(e.Message); }).
                    AddTo(TaintState.Thrown, value);
                    break;
            }
        }

        State IBlockTransfer<State>.OnEdge(ControlFlowBranch branch, State exit, bool leavesCatch) =>
            leavesCatch ? exit.Remove(TaintState.Thrown) : exit;

        /// <summary>What each out/ref parameter holds at the exit (an out parameter's incoming value does not count).</summary>
        private ImmutableArray<(int Parameter, ImmutableHashSet<TaintFact> Facts)> OutParameters()
        {
            if (_exitState is null)
            {
                return ImmutableArray<(int, ImmutableHashSet<TaintFact>)>.Empty;
            }

            ImmutableArray<(int, ImmutableHashSet<TaintFact>)>.Builder? builder = null;
            foreach (var parameter in _method.Parameters)
            {
                if (parameter.RefKind is not (RefKind.Out or RefKind.Ref) || !_exitState.TryGetValue(parameter, out var facts))
                {
                    continue;
                }

                if (parameter.RefKind == RefKind.Out)
                {
                    facts = facts.Remove(TaintFact.ForParameter(parameter.Ordinal));
                }

                if (!facts.IsEmpty)
                {
                    (builder ??= ImmutableArray.CreateBuilder<(int, ImmutableHashSet<TaintFact>)>()).Add((parameter.Ordinal, facts));
                }
            }

            return builder?.ToImmutable() ?? ImmutableArray<(int, ImmutableHashSet<TaintFact>)>.Empty;
        }

        /// <summary>
        /// What each by-value parameter of a reference type received during the call (<c>conv.Messages.Add(text)</c> stores
        /// <c>text</c> into the caller's object): the facts at the exit beyond those it came in with.
        /// </summary>
        private ImmutableArray<(int Parameter, ImmutableHashSet<TaintFact> Facts)> ParameterStores()
        {
            if (_exitState is null)
            {
                return ImmutableArray<(int, ImmutableHashSet<TaintFact>)>.Empty;
            }

            ImmutableArray<(int, ImmutableHashSet<TaintFact>)>.Builder? builder = null;
            foreach (var parameter in _method.Parameters)
            {
                if (parameter.RefKind != RefKind.None || parameter.Type.IsValueType || parameter.Type.SpecialType == SpecialType.System_String ||
                    !_exitState.TryGetValue(parameter, out var facts))
                {
                    continue;
                }

                var element = Classifier.GetElement(parameter);
                var received = Taint.Empty;
                foreach (var fact in facts)
                {
                    if (fact.Whole || (fact.IsSource && element is not null && fact.Member is null && Equals(fact.Element, element)) ||
                        (!fact.IsSource && fact.Parameter == parameter.Ordinal))
                    {
                        continue; // what it came in with
                    }

                    received = received.Add(fact);
                }

                if (!received.IsEmpty)
                {
                    (builder ??= ImmutableArray.CreateBuilder<(int, ImmutableHashSet<TaintFact>)>()).Add((parameter.Ordinal, received));
                }
            }

            return builder?.ToImmutable() ?? ImmutableArray<(int, ImmutableHashSet<TaintFact>)>.Empty;
        }

        /// <summary>Records what a callee's summary was computed under (recursion cut, depth limit).</summary>
        private void Depend(MethodSummary summary)
        {
            if (!summary.CutOn.IsEmpty)
            {
                _dependencies.CutOn = _dependencies.CutOn.Union(summary.CutOn);
            }

            _dependencies.Truncation |= summary.Truncation;
        }

        private State InitialState()
        {
            var state = _capturedState ?? State.Empty;
            if (_outer is not null)
            {
                return state;
            }

            var builder = state.ToBuilder();
            foreach (var parameter in _method.Parameters)
            {
                var facts = Taint.Empty.Add(TaintFact.ForParameter(parameter.Ordinal));
                var element = Classifier.GetElement(parameter);
                if (element is not null)
                {
                    facts = facts.Add(TaintFact.Source(element));
                }

                builder[parameter] = facts;
            }

            return builder.ToImmutable();
        }

        private ImmutableHashSet<TaintFact> Get(object key) => _state.TryGetValue(key, out var facts) ? facts : Taint.Empty;

        private void Set(object key, ImmutableHashSet<TaintFact> facts)
        {
            if (facts.IsEmpty)
            {
                _state = _state.Remove(key);
            }
            else if (!_state.TryGetValue(key, out var existing) || !ReferenceEquals(existing, facts))
            {
                _state = _state.SetItem(key, facts);
            }
        }

        private void AddTo(object key, ImmutableHashSet<TaintFact> facts)
        {
            if (!facts.IsEmpty)
            {
                var existing = Get(key);
                var union = Taint.Union(existing, facts);
                if (!ReferenceEquals(union, existing))
                {
                    _state = _state.SetItem(key, union);
                }
            }
        }

        /// <summary>Evaluates an operation: what its value may carry. Records sinks and stores as side effects.</summary>
        private ImmutableHashSet<TaintFact> Evaluate(IOperation? operation)
        {
            if (operation is null)
            {
                return Taint.Empty;
            }

            // Deeply nested expressions and call chains: stop cleanly (caught in FlowEngine) rather than overflow the stack.
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
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
                    return Taint.Empty;

                case ICaughtExceptionOperation:
                    // catch (E e): e carries what the exceptions thrown in this method carry.
                    return Get(TaintState.Thrown);

                case IFlowAnonymousFunctionOperation lambda:
                    // A lambda stored in a delegate (Action a = () => …): its body runs with what it captures here; the
                    // delegate carries what the lambda returns, so a later a() returns it.
                    return AnalyzeLambda(lambda, Taint.Empty);

                case IInstanceReferenceOperation instance:
                    return WholeFacts(instance.Type);

                case ILocalReferenceOperation local:
                    return Taint.Union(Get(local.Local), WholeFacts(local.Type));

                case IParameterReferenceOperation parameter:
                    return Taint.Union(Get(parameter.Parameter), WholeFacts(parameter.Type));

                case IFlowCaptureOperation capture:
                    if (capture.Value is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation)
                    {
                        _captureTargets[capture.Id] = capture.Value;
                    }

                    Set(capture.Id, Evaluate(capture.Value));
                    return Taint.Empty;

                case IFlowCaptureReferenceOperation captureReference:
                    return Get(captureReference.Id);

                case ISimpleAssignmentOperation assignment:
                {
                    if (assignment.Target is ILocalReferenceOperation { Local: var delegateLocal } && AsLambda(assignment.Value) is { } stored)
                    {
                        (_delegateLambdas ??= new Dictionary<ILocalSymbol, IOperation>(SymbolEqualityComparer.Default))[delegateLocal] = stored;
                    }

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
                    var targetTuple = deconstruction.Target is IDeclarationExpressionOperation { Expression: var declared } ? declared : deconstruction.Target;
                    var source = deconstruction.Value;
                    while (source is IConversionOperation { Operand: var operand })
                    {
                        source = operand;
                    }

                    if (targetTuple is ITupleOperation targets && source.Type is INamedTypeSymbol { IsTupleType: true } valueType && valueType.TupleElements.Length == targets.Elements.Length)
                    {
                        // var (a, b) = (x, y) or = F(): element by element (a tuple's elements are tracked as its ItemN members).
                        var tupleValue = Evaluate(source);
                        for (int i = 0; i < targets.Elements.Length; i++)
                        {
                            Assign(targets.Elements[i], Taint.OnMemberRead(tupleValue, valueType.TupleElements[i]), strong: true);
                        }

                        return tupleValue;
                    }

                    var value = Evaluate(deconstruction.Value);
                    Assign(deconstruction.Target, value, strong: true);
                    return value;
                }

                case ITupleOperation tuple when tuple.Type is INamedTypeSymbol { IsTupleType: true } tupleType && tupleType.TupleElements.Length == tuple.Elements.Length:
                {
                    // (c.Email, c.Id): each element is tracked as the tuple's ItemN member.
                    var facts = Taint.Empty;
                    for (int i = 0; i < tuple.Elements.Length; i++)
                    {
                        facts = Taint.Union(facts, Taint.InMember(Evaluate(tuple.Elements[i]), tupleType.TupleElements[i]));
                    }

                    return facts;
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
                        facts = Taint.Union(facts, initializer is IAssignmentOperation { Target: IPropertyReferenceOperation member } a
                            ? Taint.InMember(Evaluate(a.Value), member.Property)
                            : Evaluate(initializer));
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
                    AddTo(TaintState.Thrown, Evaluate(throwOperation.Exception));
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

        private ImmutableHashSet<TaintFact> WholeFacts(ITypeSymbol? type) => _engine.WholeFacts(type);

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
                // list[i], dict[key]: an element of the collection carries what the collection carries (Headers["X-Real-IP"]: a source).
                var item = Taint.Union(instance, WholeFacts(property.Type));
                return Classifier.Sources is { } headers ? headers.OnPropertyRead(property, item) : item;
            }

            if (symbol.Name is "Count" or "Length" or "LongLength" or "Capacity" && property.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64)
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
                    if (backing.ContainingType is { } type && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _method.ContainingType?.OriginalDefinition))
                    {
                        _engine.EnsureFieldStores(type, _cancellationToken);
                    }

                    facts = Taint.Union(facts, _engine.FieldStore(backing));
                }
            }
            else if (symbol.GetMethod is { } getter && FlowEngine.IsInSource(getter))
            {
                // A computed property (Display => $"{Name}") carries what its getter returns.
                var summary = _engine.GetCalleeSummary(getter, _depth + 1, _inProgress, null, _cancellationToken);
                if (summary is not null)
                {
                    Depend(summary);
                    foreach (var fact in summary.Returns)
                    {
                        if (fact.IsSource)
                        {
                            facts = facts.Add(fact);
                        }
                    }
                }
            }

            facts = Taint.Union(facts, WholeFacts(property.Type));
            return Classifier.Sources is { } sources ? sources.OnPropertyRead(property, facts) : facts;
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
                    (field.Field.IsStatic || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _method.ContainingType?.OriginalDefinition)))
                {
                    // Static fields are shared by every type: their writers are summarised whichever type reads them.
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
                    if (_engine.BackingField(property.Property) is { } backing)
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
                    case IInvocationOperation { Instance: { } chained } call when ReturnsItsReceiver(call.TargetMethod):
                        // sb.Append(a).Append(b): the second call mutates the builder the first returned.
                        instance = chained;
                        continue;
                    case IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation:
                        AddTo(field.Field.OriginalDefinition, value);
                        _engine.RecordFieldStore(field.Field, value);
                        return;
                    case IPropertyReferenceOperation property when property.Instance is null or IInstanceReferenceOperation && _engine.BackingField(property.Property) is { } backing:
                        // Messages.Add(x) on a get-only auto-property of this type: its backing field holds the collection.
                        AddTo(backing, value);
                        _engine.RecordFieldStore(backing, value);
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
                    ApplyParameterSinks(creation, constructor, summary, arguments, Taint.Empty);
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

            // 2. Methods of this compilation: apply their summaries. A call through an interface or a virtual method of the
            // application may run any of its implementations here: all of them are applied (a may-analysis).
            var callees = CalleeSummaries(invocation, target, followDispatch: sinkCall is null);
            ImmutableHashSet<TaintFact> result;
            if (callees.Count > 0)
            {
                result = Taint.Empty;
                foreach (var (callee, summary) in callees)
                {
                    ApplyParameterSinks(invocation, callee, summary, arguments, receiver);
                    result = Taint.Union(result, Substitute(summary.Returns, arguments));
                    result = Taint.Union(result, ApplyCalleeEffects(invocation, callee, summary, arguments));
                }

                foreach (var (_, lambda) in lambdas)
                {
                    AnalyzeLambda(lambda, Taint.Empty);
                }
            }
            else
            {
                result = External(invocation, target, receiver, arguments, allArguments, lambdas);
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

            var typeFacts = WholeFacts(invocation.Type);
            result = Taint.Union(result, typeFacts);

            // Sources that need no annotation: claim look-ups, claims filtered by type, a helper's claim bound to its caller's type.
            return Classifier.Sources is { } sources ? sources.OnInvocation(invocation, _method, result, typeFacts) : result;
        }

        /// <summary>
        /// The summaries of the methods of this compilation a call may run: its target when it has a body here (or is a
        /// local function), and — for a virtual or interface call of the application's own, when
        /// <paramref name="followDispatch"/> — the implementations and overrides found by <see cref="FlowEngine.DispatchTargets"/>.
        /// </summary>
        private List<(IMethodSymbol Callee, MethodSummary Summary)> CalleeSummaries(IInvocationOperation invocation, IMethodSymbol target, bool followDispatch)
        {
            var result = new List<(IMethodSymbol, MethodSummary)>(1);
            var bounded = false;
            var dispatched = followDispatch ? _engine.DispatchTargets(invocation, out bounded) : ImmutableArray<IMethodSymbol>.Empty;
            if (dispatched.IsEmpty)
            {
                if (FlowEngine.IsInSource(target) || target.MethodKind == MethodKind.LocalFunction)
                {
                    var summary = _engine.GetCalleeSummary(target, _depth + 1, _inProgress, _cfg, _cancellationToken);
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
                var summary = _engine.GetCalleeSummary(callee, _depth + 1, _inProgress, _cfg, _cancellationToken);
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

            // a(x) on a delegate local that holds a lambda of this method: run the lambda with what the arguments carry.
            var knownDelegate = false;
            if (target.MethodKind == MethodKind.DelegateInvoke && _delegateLambdas is not null &&
                invocation.Instance is ILocalReferenceOperation { Local: var delegateLocal } && _delegateLambdas.TryGetValue(delegateLocal, out var storedLambda))
            {
                knownDelegate = true;
                lambdaResults = Taint.Union(lambdaResults, AnalyzeLambda(storedLambda, allArguments));
            }

            ImmutableHashSet<TaintFact> result;
            if (Aggregates.Contains(target.Name))
            {
                result = Taint.Empty;
            }
            else if ((lambdas.Count > 0 && Projections.Contains(target.Name)) || knownDelegate)
            {
                result = lambdaResults;
            }
            else
            {
                result = Taint.Union(Taint.Union(receiver, allArguments), lambdaResults);
            }

            // Mutating calls on a builder or collection of a library (sb.Append(x), list.Add(x), dict[key] = x): the receiver now
            // carries the arguments. A method declared in this compilation is analysed (or, without a body, not guessed at).
            if (invocation.Instance is { } instance && !target.IsStatic && target.ContainingType?.SpecialType != SpecialType.System_String &&
                target.OriginalDefinition.DeclaringSyntaxReferences.Length == 0 && IsMutator(target) && _engine.CachedSink(invocation) is null)
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

        private static readonly string[] MutatorPrefixes = { "Add", "Append", "Insert", "Push", "Enqueue", "Prepend", "Set", "Put", "Write", "TryAdd", "TryInsert", "TryUpdate", "Copy" };

        /// <summary>A call that stores its arguments in its receiver: a builder, a collection, a writer.</summary>
        private static bool IsMutator(IMethodSymbol method)
        {
            if (ReturnsItsReceiver(method))
            {
                return true;
            }

            foreach (var prefix in MutatorPrefixes)
            {
                if (method.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ReturnsItsReceiver(IMethodSymbol method) =>
            !method.IsStatic && method.ContainingType is { SpecialType: not SpecialType.System_String } type &&
            SymbolEqualityComparer.Default.Equals(method.ReturnType.OriginalDefinition, type.OriginalDefinition);

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
                graph = _cfg.GetAnonymousFunctionControlFlowGraphInScope(flowLambda, _cancellationToken);
            }
            catch (ArgumentException)
            {
                return Taint.Empty;
            }

            var captured = _state;
            foreach (var parameter in flowLambda.Symbol.Parameters)
            {
                captured = captured.SetItem(parameter, parameterFacts);
            }

            var nested = new MethodFlowAnalysis(this, graph, parameterFacts, captured);
            var returns = nested.RunGraph();
            return Taint.Union(returns, nested._returns);
        }

        /// <summary>
        /// The effects of a call to a method of this compilation besides its return value: what its out/ref parameters hold
        /// afterwards; for a local function, what it does with the variables it captures (analysed inline, with the state at
        /// the call). Returns what the inline analysis adds to the call's value.
        /// </summary>
        private ImmutableHashSet<TaintFact> ApplyCalleeEffects(IInvocationOperation invocation, IMethodSymbol target, MethodSummary summary, ImmutableHashSet<TaintFact>[] arguments)
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
                            Assign(argument.Value, Substitute(facts, arguments), strong: true);
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
                        StoreInto(argument.Value, Substitute(facts, arguments));
                    }
                }
            }

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

        private void ApplyParameterSinks(IOperation operation, IMethodSymbol callee, MethodSummary summary, ImmutableHashSet<TaintFact>[] arguments, ImmutableHashSet<TaintFact> receiver)
        {
            Depend(summary);
            foreach (var flow in summary.ParameterSinks)
            {
                var argument = flow.Parameter >= 0 && flow.Parameter < arguments.Length ? arguments[flow.Parameter] : null;
                if (argument is null || argument.IsEmpty)
                {
                    continue;
                }

                var sent = flow.ViaMember ? Taint.OnMemberRead(argument) : argument;
                if (flow.Parameter < callee.Parameters.Length)
                {
                    sent = WithoutWhatTheCalleeReports(sent, callee.Parameters[flow.Parameter].Type);
                }

                RecordSink(operation, flow.Sink, sent, flow.Path);
            }
        }

        /// <summary>
        /// Type-derived facts of an object passed whole to a parameter whose own type carries them: the callee reads that
        /// parameter and reports the flow itself (SPEC §6 location rule), so the caller does not report it again.
        /// </summary>
        private ImmutableHashSet<TaintFact> WithoutWhatTheCalleeReports(ImmutableHashSet<TaintFact> sent, ITypeSymbol parameterType)
        {
            var carried = Classifier.GetCarriedElements(parameterType);
            if (carried.IsEmpty)
            {
                return sent;
            }

            var result = sent;
            foreach (var fact in sent)
            {
                if (fact.Whole && fact.Member is null && fact.Element is { } element && carried.Contains(element))
                {
                    result = result.Remove(fact);
                }
            }

            return result;
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

        /// <summary>
        /// A method whose result is sent elsewhere (an AI tool): the personal data read here and returned reaches those sinks,
        /// reported on the return. What came in through parameters is not: the model, not a caller, supplies those.
        /// </summary>
        private void RecordReturnSinks(IOperation returnOperation, ImmutableHashSet<TaintFact> value)
        {
            var sinks = _engine.ReturnSinksOf(_method);
            if (sinks.IsEmpty)
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

            foreach (var sink in sinks)
            {
                RecordSink(returnOperation, sink, sources.ToImmutable(), ImmutableArray.Create(sink.Display));
            }
        }

        private void RecordSink(IOperation operation, SinkInfo sink, ImmutableHashSet<TaintFact> sent, ImmutableArray<string> path)
        {
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
