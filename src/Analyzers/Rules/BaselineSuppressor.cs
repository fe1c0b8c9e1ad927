using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Diagnostics;

namespace Residency.Analyzers.Rules
{
    /// <summary>
    /// Lets an existing codebase adopt the CI gate: findings recorded in <c>residency-baseline.json</c> (written by
    /// <c>dotnet build -p:ResidencyUpdateBaseline=true</c>) are suppressed, matched by their line-independent
    /// fingerprint, so known findings pass and new ones fail. The inventory still lists them, marked baselined
    /// (docs/inventory.md).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BaselineSuppressor : DiagnosticSuppressor
    {
        public const string BaselineFileName = Baseline.FileName;

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
            var fingerprints = Baseline.Load(context.Options.AdditionalFiles, context.CancellationToken);
            if (fingerprints.IsEmpty)
            {
                return;
            }

            foreach (var diagnostic in context.ReportedDiagnostics)
            {
                if (ByRule.TryGetValue(diagnostic.Id, out var descriptor) &&
                    diagnostic.Properties.TryGetValue(DiagnosticProperties.FingerprintKey, out var fingerprint) &&
                    fingerprint is not null && fingerprints.Contains(fingerprint))
                {
                    context.ReportSuppression(Suppression.Create(descriptor, diagnostic));
                }
            }
        }

        private static SuppressionDescriptor Descriptor(string id, string suppressedId) =>
            new(id, suppressedId, $"{suppressedId} finding recorded in {BaselineFileName}: known before the gate was adopted");
    }
}
