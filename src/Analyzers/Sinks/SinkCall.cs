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

        public SinkCall(ImmutableArray<SinkInfo> sinks, bool allArguments, bool receiver, ImmutableArray<int> parameterOrdinals, bool opaque = false)
        {
            Sinks = sinks;
            AllArguments = allArguments;
            Receiver = receiver;
            ParameterOrdinals = parameterOrdinals;
            Opaque = opaque;
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

        /// <summary>
        /// The called method's own body is the sink's transport (a client a tool generated into the compilation: a gRPC
        /// client's method ends in Grpc.Core's call invoker), so the flow analysis does not follow the call into it: what
        /// the call sends is judged here, once, against the sink's region.
        /// </summary>
        public bool Opaque { get; }

        public bool SendsParameter(int ordinal) => AllArguments || ParameterOrdinals.Contains(ordinal);
    }
}
