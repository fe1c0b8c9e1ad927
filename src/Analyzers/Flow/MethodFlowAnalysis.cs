using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
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
    internal sealed partial class MethodFlowAnalysis : IBlockTransfer<State>
    {
        private readonly FlowEngine _engine;
        private readonly IMethodSymbol _method;
        private readonly ControlFlowGraph _cfg;
        private readonly int _depth;
        private readonly ImmutableHashSet<IMethodSymbol> _inProgress;
        private readonly CancellationToken _cancellationToken;
        private readonly AnalysisRequest _request;
        private readonly string _stepName;
        private readonly MethodFlowAnalysis? _outer;
        private readonly ImmutableHashSet<TaintFact> _lambdaParameterFacts;

        private readonly Dictionary<(IOperation Operation, string SinkId), Finding> _findings;
        private readonly HashSet<ParameterSinkFlow> _parameterSinks;

        // What this method stores from its parameters into fields of its own type (MethodSummary.FieldStores); shared with
        // nested (lambda, local function) analyses.
        private readonly Dictionary<IFieldSymbol, ImmutableHashSet<TaintFact>> _fieldParameterStores;

        // The receiver facts of the members of this read so far (one set per member), shared with nested analyses.
        private readonly Dictionary<ISymbol, ImmutableHashSet<TaintFact>> _receiverFacts;

        // What this carries here (its type's whole facts and the receiver itself), computed on the first read of this.
        private ImmutableHashSet<TaintFact>? _thisFacts;
        private ImmutableHashSet<TaintFact> _returns = Taint.Empty;
        private State _state = State.Empty;

        // Shared with nested (lambda, local function) analyses: what this summary's precision depends on.
        private readonly Dependencies _dependencies;

        // Flow captures that stand for a storage location (x ??= v captures x, then assigns through the capture).
        private readonly Dictionary<CaptureId, IOperation> _captureTargets = new();

        // In the analysis of a lambda converted to an expression tree, and of the lambdas nested in it
        // (c => c.Orders.Any(o => o.Email == email)): the analysis of the tree's own lambda. It holds the tree's lambdas (its
        // own and the nested ones: what is computed from their parameters is the consumer's to evaluate, not the caller's)
        // and what the calls and comparisons in their bodies are given from outside them, which the tree's consumer can read
        // out of it (Hangfire stores a job's arguments, a query sends a compared value as a parameter). Null in every other
        // analysis.
        private MethodFlowAnalysis? _tree;
        private HashSet<IMethodSymbol>? _treeLambdas;
        private ImmutableHashSet<TaintFact>? _expressionArguments;

        // Lambdas stored in delegate locals (Action<string> a = s => …), so that a(x) runs them with x.
        private Dictionary<ILocalSymbol, IOperation>? _delegateLambdas;

        // Local functions being analysed inline further up this analysis (recursion guard).
        private readonly ImmutableHashSet<IMethodSymbol> _inlining;

        // The state at the exit block, for out/ref parameters.
        private State? _exitState;

        private sealed class Dependencies
        {
            public ImmutableHashSet<IMethodSymbol> CutOn = ImmutableHashSet<IMethodSymbol>.Empty.WithComparer(SymbolEqualityComparer.Default);
            public ImmutableHashSet<INamedTypeSymbol> PartialStores = MethodSummary.NoTypes;
            public Truncation Truncation;
        }

        public MethodFlowAnalysis(FlowEngine engine, IMethodSymbol method, ControlFlowGraph cfg, int depth, ImmutableHashSet<IMethodSymbol> inProgress, AnalysisRequest request)
        {
            _engine = engine;
            _method = method;
            _cfg = cfg;
            _depth = depth;
            _inProgress = inProgress;
            _request = request;
            _cancellationToken = request.CancellationToken;
            _stepName = FlowEngine.StepName(method);
            _findings = new Dictionary<(IOperation, string), Finding>();
            _parameterSinks = new HashSet<ParameterSinkFlow>();
            _fieldParameterStores = new Dictionary<IFieldSymbol, ImmutableHashSet<TaintFact>>(SymbolEqualityComparer.Default);
            _receiverFacts = new Dictionary<ISymbol, ImmutableHashSet<TaintFact>>(SymbolEqualityComparer.Default);
            _lambdaParameterFacts = Taint.Empty;
            _dependencies = new Dependencies();
            _inlining = ImmutableHashSet<IMethodSymbol>.Empty.WithComparer(SymbolEqualityComparer.Default);
        }

        // A lambda analysed inside its enclosing method: shares findings, sees the enclosing state (captured variables).
        private MethodFlowAnalysis(MethodFlowAnalysis outer, ControlFlowGraph cfg, ImmutableHashSet<TaintFact> lambdaParameterFacts, State capturedState, IMethodSymbol? inlined = null, string? stepName = null)
        {
            _dependencies = outer._dependencies;
            _inlining = inlined is null ? outer._inlining : outer._inlining.Add(inlined);
            _engine = outer._engine;
            _method = outer._method;
            _cfg = cfg;
            _depth = outer._depth;
            _inProgress = outer._inProgress;
            _request = outer._request;
            _cancellationToken = outer._cancellationToken;
            _stepName = stepName ?? outer._stepName;
            _findings = outer._findings;
            _parameterSinks = outer._parameterSinks;
            _fieldParameterStores = outer._fieldParameterStores;
            _receiverFacts = outer._receiverFacts;
            _outer = outer;
            _lambdaParameterFacts = lambdaParameterFacts;
            _capturedState = capturedState;
            _tree = inlined is null ? outer._tree : null; // a local function's body is not part of a tree that calls it
        }

        private readonly State? _capturedState;

        private PersonalDataClassifier Classifier => _engine.Classifier;

        /// <summary>After <see cref="Run"/>: whether a recursive call back to this very method was cut.</summary>
        public bool CutItself => _dependencies.CutOn.Contains(_method);

        public MethodSummary Run()
        {
            var returns = RunGraph();
            _returns = Taint.Union(_returns, returns);
            var findings = ImmutableArray.CreateBuilder<Finding>(_findings.Count);
            var unclassified = ImmutableArray.CreateBuilder<Finding>();
            foreach (var finding in _findings.Values)
            {
                (finding.Sink.Kind == SinkKind.Unclassified ? unclassified : findings).Add(finding);
            }

            return new MethodSummary(_returns, ShortestParameterSinks(), findings.ToImmutable())
            {
                Unclassified = unclassified.ToImmutable(),
                OutParameters = OutParameters(),
                ParameterStores = ParameterStores(),
                FieldStores = FieldStores(),
                CutOn = _dependencies.CutOn.Remove(_method),
                Truncation = _dependencies.Truncation,
                PartialStores = _dependencies.PartialStores,
            };
        }

        /// <summary>
        /// One flow per parameter, member mode and sink: the shortest path (then the first in ordinal order), so that
        /// messages are the same on every run and recursion does not lengthen them.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private ImmutableArray<ParameterSinkFlow> ShortestParameterSinks()
        {
            if (_parameterSinks.Count == 0)
            {
                return ImmutableArray<ParameterSinkFlow>.Empty;
            }

            var best = new Dictionary<(int, bool, string, ISymbol?), ParameterSinkFlow>(new FlowKeyComparer());
            foreach (var flow in _parameterSinks)
            {
                var key = (flow.Parameter, flow.ViaMember, flow.Sink.Id, flow.Member);
                if (!best.TryGetValue(key, out var current) || flow.Path.Length < current.Path.Length ||
                    (flow.Path.Length == current.Path.Length && string.CompareOrdinal(string.Join("\u0001", flow.Path), string.Join("\u0001", current.Path)) < 0))
                {
                    best[key] = flow;
                }
            }

            return best.Values.OrderBy(f => f.Parameter).ThenBy(f => f.ViaMember).ThenBy(f => f.Sink.Id, StringComparer.Ordinal)
                .ThenBy(f => f.Member?.Name, StringComparer.Ordinal).ToImmutableArray();
        }

        private sealed class FlowKeyComparer : IEqualityComparer<(int, bool, string, ISymbol?)>
        {
            public bool Equals((int, bool, string, ISymbol?) x, (int, bool, string, ISymbol?) y) =>
                x.Item1 == y.Item1 && x.Item2 == y.Item2 && x.Item3 == y.Item3 && SymbolEqualityComparer.Default.Equals(x.Item4, y.Item4);

            public int GetHashCode((int, bool, string, ISymbol?) obj) =>
                unchecked((((obj.Item1 * 31) + obj.Item2.GetHashCode()) * 31 + obj.Item3.GetHashCode()) * 31 + SymbolEqualityComparer.Default.GetHashCode(obj.Item4));
        }

        /// <summary>Runs the fixpoint over the graph (<see cref="WorklistDriver"/>); returns what the graph returns.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
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

        /// <summary>What this method stores from its parameters into fields of its type, in a stable order.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private ImmutableArray<(IFieldSymbol Field, ImmutableHashSet<TaintFact> Facts)> FieldStores()
        {
            if (_fieldParameterStores.Count == 0)
            {
                return ImmutableArray<(IFieldSymbol, ImmutableHashSet<TaintFact>)>.Empty;
            }

            return _fieldParameterStores
                .OrderBy(pair => pair.Key.Name, StringComparer.Ordinal)
                .Select(pair => (pair.Key, pair.Value))
                .ToImmutableArray();
        }

        /// <summary>Whether <paramref name="member"/> is declared by this method's own type.</summary>
        private bool IsOfThisType(ISymbol member) =>
            SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, _method.ContainingType?.OriginalDefinition);

        /// <summary>Whether this method runs on an object its callers hold (an instance method, not a constructor).</summary>
        private bool HasReceiver => !_method.IsStatic && _method.MethodKind is not (MethodKind.Constructor or MethodKind.StaticConstructor);

        /// <summary>
        /// A store into a field of this type (or a static field): recorded with the type's field stores (what is read here),
        /// and, for a field of this method's own type, kept in the summary when it came in through a parameter, so that a
        /// caller of the same type that passes personal data stores it too (<see cref="ApplyCalleeEffects"/>).
        /// </summary>
        private void RecordFieldStore(IFieldSymbol field, ImmutableHashSet<TaintFact> value)
        {
            _engine.RecordFieldStore(field, value);
            if (!IsOfThisType(field))
            {
                return;
            }

            ImmutableHashSet<TaintFact>? parameters = null;
            foreach (var fact in value)
            {
                if (!fact.IsSource && fact.Parameter >= 0 && fact.Parameter != TaintFact.Receiver)
                {
                    parameters = (parameters ?? Taint.Empty).Add(fact);
                }
            }

            if (parameters is not null)
            {
                var key = field.OriginalDefinition;
                _fieldParameterStores[key] = _fieldParameterStores.TryGetValue(key, out var existing) ? Taint.Union(existing, parameters) : parameters;
            }
        }

        /// <summary>Records what a callee's summary was computed under (recursion cut, depth limit, partial field stores).</summary>
        private void Depend(MethodSummary summary)
        {
            if (!summary.CutOn.IsEmpty)
            {
                _dependencies.CutOn = _dependencies.CutOn.Union(summary.CutOn);
            }

            if (!summary.PartialStores.IsEmpty)
            {
                _dependencies.PartialStores = _dependencies.PartialStores.Union(summary.PartialStores);
            }

            _dependencies.Truncation |= summary.Truncation;
        }

        /// <summary>
        /// What the type's methods store into <paramref name="field"/> (<see cref="FlowEngine.FieldStore"/>); a read while this
        /// request is still computing the type's stores makes this summary depend on them (<see cref="MethodSummary.PartialStores"/>).
        /// </summary>
        private ImmutableHashSet<TaintFact> StoredInto(IFieldSymbol field)
        {
            if (field.ContainingType?.OriginalDefinition is { } type && _request.FieldStoresInProgress.Contains(type))
            {
                _dependencies.PartialStores = _dependencies.PartialStores.Add(type);
            }

            return _engine.FieldStore(field, _request);
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
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

                builder[parameter] = Taint.Union(facts, BoundMemberFacts(parameter));
            }

            return builder.ToImmutable();
        }

        /// <summary>What a request handler's parameter holds when model binding fills it from the request body (its personal members).</summary>
        private ImmutableHashSet<TaintFact> BoundMemberFacts(IParameterSymbol parameter) =>
            Classifier.Sources is { } sources ? sources.BoundMemberFacts(parameter) : Taint.Empty;

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

    }
}
