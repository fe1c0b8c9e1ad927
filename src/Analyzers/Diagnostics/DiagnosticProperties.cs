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

        /// <summary>The region name a host was named from (an AWS client's region): the endpoint is not a URL in the code.</summary>
        public const string RegionNameKey = "residency.regionName";
        public const string HostKey = "residency.host";
        public const string SinkKindKey = "residency.sinkKind";
        public const string ResolvedByKey = "residency.resolvedBy";

        /// <summary>RES008: the unclassified method as residency.json names it (<c>Namespace.Type.Method</c>).</summary>
        public const string UnclassifiedMethodKey = "residency.unclassifiedMethod";

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
            if (sink.RegionName is not null)
            {
                builder[RegionNameKey] = sink.RegionName;
            }

            return builder.ToImmutable();
        }

        /// <summary>
        /// The line-independent identity of a flow finding (rule, containing method, sink, sources), matched against the
        /// baseline; a flow that raises no rule is identified by its status instead.
        /// </summary>
        public static string FlowFingerprint(FlowVerdict verdict, string methodId, string ruleOrStatus) =>
            Fingerprint(ruleOrStatus, methodId, verdict.Finding.Sink.Id, string.Join("|", verdict.Sources.Select(s => s.Id)));

        /// <summary>What RES008 carries for its code fixes: the method as residency.json names it, and the finding's fingerprint.</summary>
        public static ImmutableDictionary<string, string?> ForUnclassified(Finding finding, string fingerprint) =>
            ImmutableDictionary.CreateRange(new[]
            {
                new System.Collections.Generic.KeyValuePair<string, string?>(FingerprintKey, fingerprint),
                new System.Collections.Generic.KeyValuePair<string, string?>(UnclassifiedMethodKey, finding.Sink.Display),
            });

        /// <summary>The line-independent identity of an unclassified call (rule, containing method, recipient, data).</summary>
        public static string UnclassifiedFingerprint(Finding finding, string methodId) =>
            Fingerprint(DiagnosticIds.UnclassifiedRecipient, methodId, finding.Sink.Id, string.Join("|", finding.Sources.Select(s => s.Element?.Id).Where(id => id is not null).Distinct().OrderBy(id => id, System.StringComparer.Ordinal)));

        /// <summary>A line-independent identity of a finding: see <see cref="StableFingerprint"/>.</summary>
        public static string Fingerprint(params string[] parts) => StableFingerprint.Compute(parts);
    }
}
