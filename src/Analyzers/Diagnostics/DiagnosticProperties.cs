using System.Collections.Immutable;
using System.Linq;
using Residency.Analyzers.Flow;

namespace Residency.Analyzers.Diagnostics
{
    /// <summary>
    /// What a flow diagnostic carries in its properties for the code fixes and the baseline suppressor: the sink's
    /// region, recipient, host, EU alternative, how it was resolved, and the finding's fingerprint. The fixes read these,
    /// never recompute them. The inventory does not read diagnostics at all (docs/architecture.md).
    /// </summary>
    internal static class DiagnosticProperties
    {
        public const string FingerprintKey = "residency.fingerprint";
        public const string RegionKey = "residency.region";
        public const string RecipientKey = "residency.recipient";
        public const string EuAlternativeKey = "residency.euAlternative";
        public const string HostKey = "residency.host";
        public const string SinkKindKey = "residency.sinkKind";
        public const string ResolvedByKey = "residency.resolvedBy";

        public static ImmutableDictionary<string, string?> ForFlow(FlowVerdict verdict, string fingerprint)
        {
            var sink = verdict.Finding.Sink;
            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            builder[FingerprintKey] = fingerprint;
            builder[RegionKey] = sink.Region.Code;
            builder[RecipientKey] = sink.Recipient;
            builder[HostKey] = sink.Host;
            builder[EuAlternativeKey] = sink.EuAlternative;
            builder[SinkKindKey] = sink.KindName;
            builder[ResolvedByKey] = sink.ResolvedBy;
            return builder.ToImmutable();
        }

        /// <summary>
        /// The line-independent identity of a flow finding (rule, containing method, sink, sources), matched against the
        /// baseline; a flow that raises no rule is identified by its status instead.
        /// </summary>
        public static string FlowFingerprint(FlowVerdict verdict, string methodId, string ruleOrStatus) =>
            Fingerprint(ruleOrStatus, methodId, verdict.Finding.Sink.Id, string.Join("|", verdict.Sources.Select(s => s.Id)));

        /// <summary>A line-independent identity of a finding: see <see cref="StableFingerprint"/>.</summary>
        public static string Fingerprint(params string[] parts) => StableFingerprint.Compute(parts);
    }
}
