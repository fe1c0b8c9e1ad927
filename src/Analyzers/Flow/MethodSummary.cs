using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Sinks;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// A parameter of a method whose argument reaches a sink (possibly through further calls), or
    /// <see cref="TaintFact.Receiver"/>; with <see cref="ViaMember"/>, the member of the argument or receiver that does
    /// (<see cref="Member"/>; null: any member).
    /// </summary>
    internal sealed record ParameterSinkFlow(int Parameter, bool ViaMember, SinkInfo Sink, ImmutableArray<string> Path)
    {
        public ISymbol? Member { get; init; }

        /// <summary>
        /// The methods that hand the argument on to the sink, this one first and the one that calls the sink last: the
        /// code that performs the transfer, whose <c>[DataTransfer]</c> declarations cover it at every caller.
        /// </summary>
        public ImmutableArray<IMethodSymbol> Through { get; init; } = ImmutableArray<IMethodSymbol>.Empty;
    }

    /// <summary>
    /// Personal data reaching a sink: reported in the method where the data is read, on the operation that hands it
    /// on toward the sink.
    /// </summary>
    internal sealed class Finding
    {
        public Finding(IOperation operation, SinkInfo sink, ImmutableHashSet<TaintFact> sources, ImmutableArray<string> path)
        {
            Syntax = operation.Syntax;
            Sink = sink;
            Sources = sources;
            Path = path;
        }

        /// <summary>
        /// Where it is reported: the syntax of the operation that hands the data on. Not the operation itself, because
        /// memoised summaries live as long as the compilation and must not keep operation trees alive.
        /// </summary>
        public SyntaxNode Syntax { get; }

        public SinkInfo Sink { get; }

        /// <summary>Source facts only.</summary>
        public ImmutableHashSet<TaintFact> Sources { get; set; }

        /// <summary><c>Describe → Forward → UsCrm.Send</c>, as steps.</summary>
        public ImmutableArray<string> Path { get; }

        /// <summary>
        /// The methods after the reporting one that hand the data on to the sink (<c>Forward</c> above), the one that calls
        /// the sink last; empty when the reporting method calls the sink itself. A <c>[DataTransfer]</c> in scope of any of
        /// them covers the finding: the transfer is made by code in its scope.
        /// </summary>
        public ImmutableArray<IMethodSymbol> Through { get; init; } = ImmutableArray<IMethodSymbol>.Empty;
    }

    /// <summary>
    /// What a method does with personal data, memoised per method: which sources and parameters its return value
    /// carries, which parameters reach sinks, and the findings inside it.
    /// </summary>
    internal sealed class MethodSummary
    {
        /// <summary>No types (shared: most summaries read no partial stores). First: the summaries below use it.</summary>
        internal static readonly ImmutableHashSet<INamedTypeSymbol> NoTypes = ImmutableHashSet<INamedTypeSymbol>.Empty.WithComparer(SymbolEqualityComparer.Default);

        public static readonly MethodSummary Empty = new(Taint.Empty, ImmutableArray<ParameterSinkFlow>.Empty, ImmutableArray<Finding>.Empty);

        /// <summary>What is assumed about a callee cut off by the call-depth limit: nothing, and the caller's summary is incomplete.</summary>
        public static readonly MethodSummary CutByDepth = Incomplete(Truncation.CallDepth);

        /// <summary>What is assumed about a callee beyond the request's summary budget.</summary>
        public static readonly MethodSummary CutByBudget = Incomplete(Truncation.SummaryBudget);

        /// <summary>A method too deeply nested to analyse: no findings.</summary>
        public static readonly MethodSummary TooDeep = Incomplete(Truncation.StackDepth);

        private static MethodSummary Incomplete(Truncation truncation) =>
            new(Taint.Empty, ImmutableArray<ParameterSinkFlow>.Empty, ImmutableArray<Finding>.Empty) { Truncation = truncation };

        public MethodSummary(ImmutableHashSet<TaintFact> returns, ImmutableArray<ParameterSinkFlow> parameterSinks, ImmutableArray<Finding> findings)
        {
            Returns = returns;
            ParameterSinks = parameterSinks;
            Findings = findings;
        }

        /// <summary>What a recursive call to <paramref name="method"/>, still being analysed further up the stack, is assumed to do.</summary>
        public static MethodSummary Recursive(IMethodSymbol method) =>
            new(Taint.Empty, ImmutableArray<ParameterSinkFlow>.Empty, ImmutableArray<Finding>.Empty)
            {
                CutOn = ImmutableHashSet.Create<IMethodSymbol>(SymbolEqualityComparer.Default, method),
            };

        public ImmutableHashSet<TaintFact> Returns { get; }

        public ImmutableArray<ParameterSinkFlow> ParameterSinks { get; }

        /// <summary>Personal data reaching sinks, read in this method.</summary>
        public ImmutableArray<Finding> Findings { get; }

        /// <summary>
        /// Personal data, read in this method, handed to methods nobody classified (neither a sink nor local: sinks of kind
        /// <see cref="SinkKind.Unclassified"/>); kept apart from <see cref="Findings"/> because they are not flows to judge.
        /// </summary>
        public ImmutableArray<Finding> Unclassified { get; init; } = ImmutableArray<Finding>.Empty;

        /// <summary>What each <c>out</c>/<c>ref</c> parameter (by ordinal) holds when the method returns.</summary>
        public ImmutableArray<(int Parameter, ImmutableHashSet<TaintFact> Facts)> OutParameters { get; init; } =
            ImmutableArray<(int, ImmutableHashSet<TaintFact>)>.Empty;

        /// <summary>What each by-value parameter of a reference type (by ordinal) received during the call: stored into the caller's object.</summary>
        public ImmutableArray<(int Parameter, ImmutableHashSet<TaintFact> Facts)> ParameterStores { get; init; } =
            ImmutableArray<(int, ImmutableHashSet<TaintFact>)>.Empty;

        /// <summary>
        /// What the method stores from its parameters into fields of its own type (<c>void Remember(string s) => _last = s;</c>):
        /// by field, the parameter facts, bound at each call from a method of the same type to what that call passes. What
        /// the method reads itself and stores is recorded with the type's field stores when it runs.
        /// </summary>
        public ImmutableArray<(IFieldSymbol Field, ImmutableHashSet<TaintFact> Facts)> FieldStores { get; init; } =
            ImmutableArray<(IFieldSymbol, ImmutableHashSet<TaintFact>)>.Empty;

        /// <summary>
        /// The methods, still being analysed further up the call stack, whose recursive calls were assumed to do nothing
        /// while this summary was computed. A summary that depends on such an assumption is not memoised, so that every
        /// method's memoised summary is the same whichever method the analysis started from.
        /// </summary>
        public ImmutableHashSet<IMethodSymbol> CutOn { get; init; } = ImmutableHashSet<IMethodSymbol>.Empty.WithComparer(SymbolEqualityComparer.Default);

        /// <summary>
        /// The types whose field stores this request was still computing (a field writer's pass, <see cref="FlowEngine.EnsureFieldStores"/>)
        /// when this analysis, or that of a callee it relies on, read them: what it saw may lack stores the type's later
        /// writers make. Such a summary is memoised only from a pass that saw every store of those types, so that a helper
        /// called by a field writer sees what the writers store after the call as well.
        /// </summary>
        public ImmutableHashSet<INamedTypeSymbol> PartialStores { get; init; } = NoTypes;

        /// <summary>This summary once the stores it read are known to be complete (<see cref="PartialStores"/> emptied).</summary>
        public MethodSummary WithCompleteStores() =>
            PartialStores.IsEmpty ? this : new(Returns, ParameterSinks, Findings)
            {
                Unclassified = Unclassified,
                OutParameters = OutParameters,
                ParameterStores = ParameterStores,
                FieldStores = FieldStores,
                CutOn = CutOn,
                Truncation = Truncation,
            };

        /// <summary>
        /// Why this analysis (or that of a callee it relies on) is incomplete; <see cref="Truncation.None"/> when it is not.
        /// <see cref="TruncationText.Describe"/> gives the reasons in words, for the inventory's notes.
        /// </summary>
        public Truncation Truncation { get; init; }

        /// <summary>
        /// Whether the summary depends on the context it was computed in (calls beyond <see cref="FlowEngine.MaxCallDepth"/>, or
        /// the request's summary budget): memoised only for that depth.
        /// </summary>
        public bool IsTruncated => (Truncation & TruncationText.ContextDependent) != 0;

        /// <summary><see cref="Truncation"/> in words (empty when complete).</summary>
        public string TruncationReason => TruncationText.Describe(Truncation);

        /// <summary>This summary standing for a recursive call to <paramref name="method"/> (not memoised by its users).</summary>
        public MethodSummary AsRecursive(IMethodSymbol method) =>
            new(Returns, ParameterSinks, ImmutableArray<Finding>.Empty)
            {
                OutParameters = OutParameters,
                ParameterStores = ParameterStores,
                FieldStores = FieldStores,
                CutOn = CutOn.Add(method),
                Truncation = Truncation,
                PartialStores = PartialStores,
            };

        /// <summary>A measure of what callers see (monotone across the passes over a recursive method).</summary>
        public int EffectSize
        {
            get
            {
                var flows = new System.Collections.Generic.HashSet<(int, bool, string, string?)>();
                foreach (var flow in ParameterSinks)
                {
                    flows.Add((flow.Parameter, flow.ViaMember, flow.Sink.Id, flow.Member?.ToDisplayString()));
                }

                var outs = 0;
                foreach (var (_, facts) in OutParameters)
                {
                    outs += facts.Count;
                }

                foreach (var (_, facts) in ParameterStores)
                {
                    outs += facts.Count;
                }

                foreach (var (_, facts) in FieldStores)
                {
                    outs += facts.Count;
                }

                return Returns.Count + flows.Count + outs;
            }
        }
    }
}
