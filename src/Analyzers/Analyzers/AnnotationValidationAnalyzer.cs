using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Diagnostics;
using Residency.Analyzers.Model;
using Residency.Analyzers.Regions;

namespace Residency.Analyzers.Analyzers
{
    /// <summary>
    /// RES004: region codes in <c>[DataSink]</c> and <c>[DataTransfer]</c> must be ISO 3166-1 alpha-2 codes or one of
    /// EU, EEA, Adequate, Unknown (case-insensitive; EL is Greece); and so must the entries of <c>ResidencyAllowedRegions</c>.
    /// A <c>[DataTransfer]</c> must carry a justification written by a person (not missing, blank or a <c>TODO</c> placeholder).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AnnotationValidationAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the corrected code, where the intent is clear (used by the code fix).</summary>
        public const string SuggestionKey = "residency.suggestion";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RES004, Descriptors.RES004Configuration);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var residency = ResidencyContext.For(start.Compilation, start.Options);
                if (residency.Types.DataSink is not null || residency.Types.DataTransfer is not null)
                {
                    start.RegisterSyntaxNodeAction(node => AnalyzeAttribute(node, residency.Types), SyntaxKind.Attribute);
                }

                if (!residency.Options.Policy.InvalidTokens.IsEmpty)
                {
                    start.RegisterCompilationEndAction(end =>
                    {
                        foreach (var token in residency.Options.Policy.InvalidTokens)
                        {
                            var suggestion = Region.SuggestCorrection(token);
                            var message = $"ResidencyAllowedRegions contains '{token}', which is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown){DidYouMean(suggestion)}; it is ignored";
                            end.ReportDiagnostic(Diagnostic.Create(Descriptors.RES004Configuration, Location.None, message));
                        }
                    });
                }
            });
        }

        private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, WellKnownTypes types)
        {
            var attribute = (AttributeSyntax)context.Node;
            if (attribute.ArgumentList is not { Arguments.Count: > 0 } arguments)
            {
                return;
            }

            // Cheap syntactic filter before binding.
            var name = attribute.Name.ToString();
            if (!name.Contains("DataSink") && !name.Contains("DataTransfer"))
            {
                return;
            }

            if (context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is not IMethodSymbol constructor)
            {
                return;
            }

            var attributeType = constructor.ContainingType;
            string kind;
            if (WellKnownTypes.Is(attributeType, types.DataSink))
            {
                kind = "DataSink";
            }
            else if (WellKnownTypes.Is(attributeType, types.DataTransfer))
            {
                kind = "DataTransfer";
            }
            else
            {
                return;
            }

            var scope = context.ContainingSymbol?.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) ?? string.Empty;
            var regionArgument = arguments.Arguments[0];
            string? regionText = null;
            if (regionArgument.NameEquals is null)
            {
                var constant = context.SemanticModel.GetConstantValue(regionArgument.Expression, context.CancellationToken);
                if (constant.HasValue)
                {
                    regionText = constant.Value as string;
                    ValidateRegion(context, kind, scope, regionArgument, regionText);
                }
            }

            if (kind == "DataTransfer")
            {
                ValidateJustification(context, attribute, arguments, scope, regionText);
            }
        }

        private static void ValidateRegion(SyntaxNodeAnalysisContext context, string kind, string scope, AttributeArgumentSyntax regionArgument, string? text)
        {
            if (Region.TryParse(text, out _))
            {
                return;
            }

            string message;
            string? suggestion = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                message = $"[{kind}] has an empty region: give an ISO 3166-1 alpha-2 code or EU, EEA, Adequate, Unknown";
            }
            else
            {
                suggestion = Region.SuggestCorrection(text!);
                message = $"[{kind}] region '{text}' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown){DidYouMean(suggestion)}";
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(FactPayload.FingerprintKey, FactPayload.Fingerprint(DiagnosticIds.InvalidConfiguration, scope, kind, text ?? string.Empty));
            if (suggestion is not null)
            {
                properties = properties.Add(SuggestionKey, suggestion);
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RES004, regionArgument.GetLocation(), properties, message));
        }

        /// <summary>
        /// A legal basis is a person's decision: a <c>[DataTransfer]</c> whose <c>Justification</c> is missing, blank or still a
        /// placeholder (<c>TODO…</c>, as the code fix writes it) is reported where it is written. A justification that is not a
        /// compile-time constant cannot be judged and is left alone.
        /// </summary>
        private static void ValidateJustification(SyntaxNodeAnalysisContext context, AttributeSyntax attribute, AttributeArgumentListSyntax arguments, string scope, string? region)
        {
            AttributeArgumentSyntax? justificationArgument = null;
            string? recipient = null;
            foreach (var argument in arguments.Arguments)
            {
                var name = argument.NameEquals?.Name.Identifier.ValueText;
                if (name == "Justification")
                {
                    justificationArgument = argument;
                }
                else if (name == "Recipient")
                {
                    recipient = context.SemanticModel.GetConstantValue(argument.Expression, context.CancellationToken).Value as string;
                }
            }

            string? justification = null;
            if (justificationArgument is not null)
            {
                var constant = context.SemanticModel.GetConstantValue(justificationArgument.Expression, context.CancellationToken);
                if (!constant.HasValue)
                {
                    return;
                }

                justification = constant.Value as string;
            }

            if (!TransferJustification.IsMissing(justification))
            {
                return;
            }

            var destination = string.IsNullOrWhiteSpace(recipient) ? region ?? "its region" : $"{region ?? "its region"} ({recipient})";
            var message = justification is null || string.IsNullOrWhiteSpace(justification)
                ? $"[DataTransfer] to {destination} has no Justification: a person must record why the transfer is lawful (e.g. the reference of the signed clauses); until then the record shows it as unjustified"
                : $"[DataTransfer] to {destination} still has the placeholder Justification '{justification}': a person must record why the transfer is lawful (e.g. the reference of the signed clauses); until then the record shows it as unjustified";
            var location = justificationArgument?.GetLocation() ?? attribute.GetLocation();
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(FactPayload.FingerprintKey, FactPayload.Fingerprint(DiagnosticIds.InvalidConfiguration, scope, "DataTransfer.Justification", region ?? string.Empty, recipient ?? string.Empty));
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RES004, location, properties, message));
        }

        private static string DidYouMean(string? suggestion) => suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
    }
}
