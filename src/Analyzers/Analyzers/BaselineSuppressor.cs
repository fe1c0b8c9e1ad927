using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Diagnostics;
using Residency.Analyzers.Json;

namespace Residency.Analyzers.Analyzers
{
    /// <summary>
    /// Lets an existing codebase adopt the CI gate: findings recorded in <c>residency-baseline.json</c> (written by
    /// <c>dotnet build -p:ResidencyUpdateBaseline=true</c>) are suppressed, matched by their line-independent
    /// fingerprint, so known findings pass and new ones fail. Suppressed findings stay in the SARIF log (marked
    /// suppressed), so the inventory still lists them.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BaselineSuppressor : DiagnosticSuppressor
    {
        public const string BaselineFileName = "residency-baseline.json";

        private static readonly ConditionalWeakTable<AdditionalText, ImmutableHashSet<string>> Cache = new();

        private static readonly ImmutableDictionary<string, SuppressionDescriptor> ByRule = new[]
        {
            Descriptor("RESB001", DiagnosticIds.TransferOutsideAllowedRegions),
            Descriptor("RESB002", DiagnosticIds.SpecialCategoryTransfer),
            Descriptor("RESB003", DiagnosticIds.UnknownSinkRegion),
            Descriptor("RESB004", DiagnosticIds.InvalidConfiguration),
        }.ToImmutableDictionary(d => d.SuppressedDiagnosticId);

        public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ByRule.Values.ToImmutableArray();

        public override void ReportSuppressions(SuppressionAnalysisContext context)
        {
            var fingerprints = Load(context);
            if (fingerprints.IsEmpty)
            {
                return;
            }

            foreach (var diagnostic in context.ReportedDiagnostics)
            {
                if (ByRule.TryGetValue(diagnostic.Id, out var descriptor) &&
                    diagnostic.Properties.TryGetValue(FactPayload.FingerprintKey, out var fingerprint) &&
                    fingerprint is not null && fingerprints.Contains(fingerprint))
                {
                    context.ReportSuppression(Suppression.Create(descriptor, diagnostic));
                }
            }
        }

        private static ImmutableHashSet<string> Load(SuppressionAnalysisContext context)
        {
            foreach (var file in context.Options.AdditionalFiles)
            {
                if (string.Equals(Path.GetFileName(file.Path), BaselineFileName, StringComparison.OrdinalIgnoreCase))
                {
                    return Cache.GetValue(file, f => Parse(f, context));
                }
            }

            return ImmutableHashSet<string>.Empty;
        }

        private static ImmutableHashSet<string> Parse(AdditionalText file, SuppressionAnalysisContext context)
        {
            var text = file.GetText(context.CancellationToken)?.ToString();
            if (text is null)
            {
                return ImmutableHashSet<string>.Empty;
            }

            // A malformed baseline suppresses nothing (the configuration analyzer reports RES004 for it).
            var root = JsonParser.TryParse(text, out _);
            var findings = root?.Get("findings");
            if (findings is null || !findings.IsArray)
            {
                return ImmutableHashSet<string>.Empty;
            }

            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var finding in findings.Items)
            {
                if (finding.GetString("fingerprint") is { Length: > 0 } fingerprint)
                {
                    set.Add(fingerprint);
                }
            }

            return set.ToImmutableHashSet(StringComparer.Ordinal);
        }

        private static SuppressionDescriptor Descriptor(string id, string suppressedId) =>
            new(id, suppressedId, $"{suppressedId} finding recorded in {BaselineFileName}: known before the gate was adopted");
    }
}
