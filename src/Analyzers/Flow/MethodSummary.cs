using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Sinks;

namespace Residency.Analyzers.Flow
{
    /// <summary>A parameter of a method whose argument reaches a sink (possibly through further calls).</summary>
    internal sealed record ParameterSinkFlow(int Parameter, bool ViaMember, SinkInfo Sink, ImmutableArray<string> Path);

    /// <summary>
    /// Personal data reaching a sink: reported in the method where the data is read, on the operation that hands it
    /// on toward the sink.
    /// </summary>
    internal sealed class Finding
    {
        public Finding(IOperation operation, SinkInfo sink, ImmutableHashSet<TaintFact> sources, ImmutableArray<string> path)
        {
            Operation = operation;
            Sink = sink;
            Sources = sources;
            Path = path;
        }

        public IOperation Operation { get; }

        public SinkInfo Sink { get; }

        /// <summary>Source facts only.</summary>
        public ImmutableHashSet<TaintFact> Sources { get; set; }

        /// <summary><c>Describe → Forward → UsCrm.Send</c>, as steps.</summary>
        public ImmutableArray<string> Path { get; }
    }

    /// <summary>
    /// What a method does with personal data, memoised per method: which sources and parameters its return value
    /// carries, which parameters reach sinks, and the findings inside it.
    /// </summary>
    internal sealed class MethodSummary
    {
        public static readonly MethodSummary Empty = new(Taint.Empty, ImmutableArray<ParameterSinkFlow>.Empty, ImmutableArray<Finding>.Empty);

        public MethodSummary(ImmutableHashSet<TaintFact> returns, ImmutableArray<ParameterSinkFlow> parameterSinks, ImmutableArray<Finding> findings)
        {
            Returns = returns;
            ParameterSinks = parameterSinks;
            Findings = findings;
        }

        public ImmutableHashSet<TaintFact> Returns { get; }

        public ImmutableArray<ParameterSinkFlow> ParameterSinks { get; }

        public ImmutableArray<Finding> Findings { get; }
    }
}
