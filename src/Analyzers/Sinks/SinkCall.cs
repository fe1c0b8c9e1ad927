using System.Collections.Immutable;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// A call that sends data to a sink: which of its inputs leave the process. Argument indices are the
    /// invocation's argument positions in parameter order. A call can reach several sinks when its endpoint can take
    /// several values (a configuration key overridden by appsettings.Development.json): one per distinct region.
    /// </summary>
    internal sealed class SinkCall
    {
        public SinkCall(SinkInfo sink, bool allArguments, bool receiver, ImmutableArray<int> parameterOrdinals)
            : this(ImmutableArray.Create(sink), allArguments, receiver, parameterOrdinals)
        {
        }

        public SinkCall(ImmutableArray<SinkInfo> sinks, bool allArguments, bool receiver, ImmutableArray<int> parameterOrdinals)
        {
            Sinks = sinks;
            AllArguments = allArguments;
            Receiver = receiver;
            ParameterOrdinals = parameterOrdinals;
        }

        /// <summary>The first (or only) sink.</summary>
        public SinkInfo Sink => Sinks[0];

        /// <summary>Every sink the call can reach (at least one).</summary>
        public ImmutableArray<SinkInfo> Sinks { get; }

        /// <summary>Every argument is sent.</summary>
        public bool AllArguments { get; }

        /// <summary>The receiver (the instance the method is called on) is sent.</summary>
        public bool Receiver { get; }

        /// <summary>When not <see cref="AllArguments"/>: the ordinals of the parameters whose arguments are sent.</summary>
        public ImmutableArray<int> ParameterOrdinals { get; }

        public bool SendsParameter(int ordinal) => AllArguments || ParameterOrdinals.Contains(ordinal);
    }
}
