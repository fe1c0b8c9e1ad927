using System.Collections.Generic;

namespace Residency.Facts
{
    /// <summary>Personal data reaching a sink, whatever the build reports about it (see <see cref="Treatment"/>).</summary>
    internal sealed record FlowFact
    {
        /// <summary>The assembly whose compilation reported the flow.</summary>
        public string Assembly { get; init; } = "";

        public string Status { get; init; } = FlowStatus.Allowed;

        /// <summary>The diagnostic the flow raises (RES001, RES002, RES003, RES005), or null for an allowed or internal flow.</summary>
        public string? Rule { get; init; }

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

        /// <summary>How the build treats the flow's diagnostic: reported, suppressed by configuration or in source, baselined.</summary>
        public string Treatment { get; init; } = Facts.Treatment.Reported;

        /// <summary>The diagnostic is accepted in the baseline (<c>residency-baseline.json</c>).</summary>
        public bool Baselined => Treatment == Facts.Treatment.Baselined;

        /// <summary>The build does not report the flow's diagnostic (baseline, configuration or source suppression).</summary>
        public bool Suppressed => Treatment != Facts.Treatment.Reported;
    }
}
