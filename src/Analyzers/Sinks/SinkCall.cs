using System.Collections.Immutable;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// A call that sends data to a sink: which of its inputs leave the process. Argument indices are the
    /// invocation's argument positions in parameter order.
    /// </summary>
    internal sealed class SinkCall
    {
        public SinkCall(SinkInfo sink, bool allArguments, bool receiver, ImmutableArray<int> parameterOrdinals)
        {
            Sink = sink;
            AllArguments = allArguments;
            Receiver = receiver;
            ParameterOrdinals = parameterOrdinals;
        }

        public SinkInfo Sink { get; }

        /// <summary>Every argument is sent.</summary>
        public bool AllArguments { get; }

        /// <summary>The receiver (the instance the method is called on) is sent.</summary>
        public bool Receiver { get; }

        /// <summary>When not <see cref="AllArguments"/>: the ordinals of the parameters whose arguments are sent.</summary>
        public ImmutableArray<int> ParameterOrdinals { get; }

        public bool SendsParameter(int ordinal) => AllArguments || ParameterOrdinals.Contains(ordinal);
    }
}
