using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Diagnostics;
using Residency.Analyzers.Model;
using Residency.Analyzers.Regions;

namespace Residency.Analyzers.Rules
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

        /// <summary>Diagnostic property: what the suggestion corrects, <c>category</c> (absent: a region).</summary>
        public const string SuggestionKindKey = "residency.suggestionKind";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RES004, Descriptors.RES004Configuration);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(AnalyzerSettings.GeneratedCode);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var residency = ResidencyContext.For(start.Compilation, start.Options);
                if (residency.Types.DataSink is not null || residency.Types.DataTransfer is not null || residency.Types.PersonalData is not null || residency.Types.SpecialCategoryData is not null)
                {
                    start.RegisterSyntaxNodeAction(node => AnalyzeAttribute(node, residency.Types), SyntaxKind.Attribute);
                }

                if (!residency.Options.Policy.InvalidTokens.IsEmpty)
                {
                    start.RegisterCompilationEndAction(end =>
                    {
                        foreach (var diagnostic in PolicyDiagnostics(residency.Options.Policy))
                        {
                            end.ReportDiagnostic(diagnostic);
                        }
                    });
                }
            });
        }

        /// <summary>RES004 for each entry of <c>ResidencyAllowedRegions</c> that is not a region code.</summary>
        internal static IEnumerable<Diagnostic> PolicyDiagnostics(ResidencyPolicy policy)
        {
            foreach (var token in policy.InvalidTokens)
            {
                var suggestion = Region.SuggestCorrection(token);
                var message = $"ResidencyAllowedRegions contains '{token}', which is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown){DidYouMean(suggestion)}; it is ignored";
                yield return Diagnostic.Create(Descriptors.RES004Configuration, Location.None, message);
            }
        }

        private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, WellKnownTypes types)
        {
            foreach (var diagnostic in Check((AttributeSyntax)context.Node, context.SemanticModel, types, context.ContainingSymbol, context.CancellationToken))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        /// <summary>
        /// RES004 for a <c>[DataSink]</c> or <c>[DataTransfer]</c> whose region is empty or not a region code, and for a
        /// <c>[DataTransfer]</c> without a person's justification.
        /// </summary>
        internal static IEnumerable<Diagnostic> Check(AttributeSyntax attribute, SemanticModel model, WellKnownTypes types, ISymbol? containingSymbol, CancellationToken cancellationToken)
        {
            if (attribute.ArgumentList is not { Arguments.Count: > 0 } arguments)
            {
                yield break;
            }

            // Cheap syntactic filter before binding.
            var name = attribute.Name.ToString();
            if (name.Contains("PersonalData") || name.Contains("SpecialCategoryData"))
            {
                if (CheckCategory(attribute, arguments, model, types, containingSymbol, cancellationToken) is { } category)
                {
                    yield return category;
                }

                yield break;
            }

            if (!name.Contains("DataSink") && !name.Contains("DataTransfer"))
            {
                yield break;
            }

            if (WrittenAnnotation.Read(attribute, arguments, model, types, cancellationToken) is not { } written)
            {
                yield break;
            }

            if (written.RegionArgument is not null && written.RegionKnown &&
                CheckRegion(written.Kind, containingSymbol, written.RegionArgument, written.Region) is { } invalidRegion)
            {
                yield return invalidRegion;
            }

            if (written.Kind == "DataTransfer" && CheckJustification(attribute, written, containingSymbol) is { } unjustified)
            {
                yield return unjustified;
            }
        }

        /// <summary>The annotated symbol as a finding's fingerprint names it: rendered only for an annotation that has a finding.</summary>
        private static string Scope(ISymbol? containingSymbol) =>
            containingSymbol?.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) ?? string.Empty;

        private static Diagnostic? CheckRegion(string kind, ISymbol? scope, AttributeArgumentSyntax regionArgument, string? text)
        {
            if (Region.TryParse(text, out _))
            {
                return null;
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
                .Add(DiagnosticProperties.FingerprintKey, DiagnosticProperties.Fingerprint(DiagnosticIds.InvalidConfiguration, Scope(scope), kind, text ?? string.Empty));
            if (suggestion is not null)
            {
                properties = properties.Add(SuggestionKey, suggestion);
            }

            return Diagnostic.Create(Descriptors.RES004, regionArgument.GetLocation(), properties, message);
        }

        /// <summary>
        /// The category of a <c>[PersonalData]</c> or <c>[SpecialCategoryData]</c> (its first argument, a constant): an Art. 9/10
        /// key must be one of the closed list; a personal-data category may be the team's own, unless it is a near miss of a
        /// known key (<c>contact.emial</c>, <c>racial_or_ethnic_origin</c>), which would put the data under a category of its
        /// own in the record.
        /// </summary>
        private static Diagnostic? CheckCategory(AttributeSyntax attribute, AttributeArgumentListSyntax arguments, SemanticModel model, WellKnownTypes types, ISymbol? scope, CancellationToken cancellationToken)
        {
            var argument = arguments.Arguments[0];
            if (argument.NameEquals is not null || argument.NameColon is { Name.Identifier.ValueText: not "category" })
            {
                return null;
            }

            // The attribute as the compiler bound it on its symbol (Model/AppliedAttributes.cs), and its category as the
            // record reads it (the first constructor argument); the syntax is bound again only where that symbol is not found.
            var bound = AppliedAttributes.Of(attribute, model, cancellationToken) is { AttributeClass.TypeKind: not TypeKind.Error, AttributeConstructor: not null } applied ? applied : null;
            var attributeType = bound is not null ? bound.AttributeClass : (model.GetSymbolInfo(attribute, cancellationToken).Symbol as IMethodSymbol)?.ContainingType;
            bool special = WellKnownTypes.Is(attributeType, types.SpecialCategoryData);
            if (!special && !WellKnownTypes.Is(attributeType, types.PersonalData))
            {
                return null;
            }

            var written = bound is not null ? PersonalDataClassifier.FirstStringArgument(bound) : model.GetConstantValue(argument.Expression, cancellationToken).Value as string;
            if (written is null)
            {
                return null;
            }

            var key = DataElement.CategoryKey(written) ?? written;
            if (special ? CategoryVocabulary.IsSpecial(key) : (CategoryVocabulary.IsKnown(key) || string.IsNullOrWhiteSpace(key)))
            {
                return null;
            }

            var suggestion = CategoryVocabulary.Suggest(key, special);
            string message;
            if (special)
            {
                message = $"[SpecialCategoryData] category '{written}' is not an Art. 9/10 category ({string.Join(", ", CategoryVocabulary.SpecialKeys)}){DidYouMean(suggestion)}";
            }
            else if (suggestion is not null && !CategoryVocabulary.IsSpecial(suggestion))
            {
                message = $"[PersonalData] category '{written}' is not a fideslang category, and is close to '{suggestion}'; did you mean '{suggestion}'? (a category of the team's own is accepted when it is not a near miss)";
            }
            else if (suggestion is not null)
            {
                message = $"[PersonalData] category '{written}' is close to the special category '{suggestion}': special-category data is annotated [SpecialCategoryData(\"{suggestion}\")], and its flows are RES002";
                suggestion = null; // another attribute, not another string: no one-click replacement
            }
            else
            {
                return null; // the team's own category
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.FingerprintKey, DiagnosticProperties.Fingerprint(DiagnosticIds.InvalidConfiguration, Scope(scope), special ? "SpecialCategoryData" : "PersonalData", written));
            if (suggestion is not null)
            {
                properties = properties.Add(SuggestionKey, suggestion).Add(SuggestionKindKey, "category");
            }

            return Diagnostic.Create(Descriptors.RES004, argument.GetLocation(), properties, message);
        }

        /// <summary>
        /// A legal basis is a person's decision: a <c>[DataTransfer]</c> whose <c>Justification</c> is missing, blank or still a
        /// placeholder (<c>TODO…</c>, as the code fix writes it) is reported where it is written. A justification that is not a
        /// compile-time constant cannot be judged and is left alone.
        /// </summary>
        private static Diagnostic? CheckJustification(AttributeSyntax attribute, WrittenAnnotation written, ISymbol? scope)
        {
            if (!written.JustificationKnown)
            {
                return null;
            }

            var justification = written.Justification;
            if (!TransferJustification.IsMissing(justification))
            {
                return null;
            }

            var region = written.Region;
            var recipient = written.Recipient;
            var destination = string.IsNullOrWhiteSpace(recipient) ? region ?? "its region" : $"{region ?? "its region"} ({recipient})";
            var message = justification is null || string.IsNullOrWhiteSpace(justification)
                ? $"[DataTransfer] to {destination} has no Justification: a person must record why the transfer is lawful (e.g. the reference of the signed clauses); until then the record shows it as unjustified"
                : $"[DataTransfer] to {destination} still has the placeholder Justification '{justification}': a person must record why the transfer is lawful (e.g. the reference of the signed clauses); until then the record shows it as unjustified";
            var location = written.JustificationArgument?.GetLocation() ?? attribute.GetLocation();
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.FingerprintKey, DiagnosticProperties.Fingerprint(DiagnosticIds.InvalidConfiguration, Scope(scope), "DataTransfer.Justification", region ?? string.Empty, recipient ?? string.Empty));
            return Diagnostic.Create(Descriptors.RES004, location, properties, message);
        }

        private static string DidYouMean(string? suggestion) => suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
    }
}
