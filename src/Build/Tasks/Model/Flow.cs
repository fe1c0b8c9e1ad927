using System.Collections.Generic;

namespace Residency.Build.Model
{
    /// <summary>Personal data reaching a sink: one RES001/RES002/RES003/RES005/RES900 result.</summary>
    internal sealed record Flow
    {
        /// <summary>The assembly whose compilation reported the flow.</summary>
        public string Assembly { get; init; } = "";

        public string Status { get; init; } = FlowStatus.Allowed;

        public string Rule { get; init; } = "RES900";

        public IReadOnlyList<SourceRef> Sources { get; init; } = new SourceRef[0];

        public SinkInfo? Sink { get; init; }

        /// <summary>The call path from the read to the sink, in order.</summary>
        public IReadOnlyList<string> Path { get; init; } = new string[0];

        public string? Method { get; init; }

        public TransferInfo? Transfer { get; init; }

        /// <summary>Source file, relative to the reporting project's directory, with '/' separators.</summary>
        public string? File { get; init; }

        public int? Line { get; init; }

        public int? Column { get; init; }

        public string? Fingerprint { get; init; }

        /// <summary>The result was suppressed (baseline suppressor, pragma or SuppressMessage).</summary>
        public bool Baselined { get; init; }
    }
}
