using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Facts;

namespace Residency.Analyzers.Inventory
{
    /// <summary>
    /// How the build will treat a diagnostic the analyzers report, decided from the same inputs the compiler uses:
    /// severity configuration (<c>.editorconfig</c>, <c>.globalconfig</c>, <c>NoWarn</c>, rule sets), suppressions in
    /// source (<c>#pragma warning disable</c>, <c>[SuppressMessage]</c>) and the baseline. The inventory records the
    /// treatment beside the finding instead of dropping it (docs/inventory.md, "Findings and their treatment").
    /// </summary>
    internal sealed class FindingTreatment
    {
        private const string SuppressMessageAttribute = "System.Diagnostics.CodeAnalysis.SuppressMessageAttribute";

        private readonly Compilation _compilation;
        private readonly AnalyzerOptions _options;
        private readonly ImmutableHashSet<string> _baseline;

        // [assembly: SuppressMessage] answers per rule, read once per compilation rather than once per finding.
        private readonly ConcurrentDictionary<string, bool> _assemblySuppresses = new(StringComparer.OrdinalIgnoreCase);

        public FindingTreatment(Compilation compilation, AnalyzerOptions options, ImmutableHashSet<string> baseline)
        {
            _compilation = compilation;
            _options = options;
            _baseline = baseline;
        }

        /// <summary>The treatment of diagnostic <paramref name="id"/> reported at <paramref name="location"/> in <paramref name="owner"/>.</summary>
        public string Of(string id, string category, Location location, ISymbol? owner, string? fingerprint, CancellationToken cancellationToken)
        {
            var tree = location.SourceTree;
            if (IsSuppressedByConfiguration(id, category, tree, cancellationToken))
            {
                return Treatment.SuppressedByConfiguration;
            }

            if ((tree is not null && IsDisabledByPragma(tree, location.SourceSpan.Start, id, cancellationToken)) || IsSuppressedByAttribute(owner, id))
            {
                return Treatment.SuppressedInSource;
            }

            return fingerprint is not null && _baseline.Contains(fingerprint) ? Treatment.Baselined : Treatment.Reported;
        }

        private bool IsSuppressedByConfiguration(string id, string category, SyntaxTree? tree, CancellationToken cancellationToken)
        {
            var options = _compilation.Options;
            if (options.GeneralDiagnosticOption == ReportDiagnostic.Suppress)
            {
                return true;
            }

            // NoWarn and rule sets arrive as specific options; they win over .editorconfig, as in the compiler.
            if (options.SpecificDiagnosticOptions.TryGetValue(id, out var specific))
            {
                return specific == ReportDiagnostic.Suppress;
            }

            var provider = options.SyntaxTreeOptionsProvider;
            if (provider is not null)
            {
                if (tree is not null && provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var perTree))
                {
                    return perTree == ReportDiagnostic.Suppress;
                }

                if (provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out var global))
                {
                    return global == ReportDiagnostic.Suppress;
                }
            }

            // Bulk settings: dotnet_analyzer_diagnostic.category-<Category>.severity, then dotnet_analyzer_diagnostic.severity.
            var config = tree is null ? _options.AnalyzerConfigOptionsProvider.GlobalOptions : _options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            if (config.TryGetValue("dotnet_analyzer_diagnostic.category-" + category + ".severity", out var bulk) ||
                config.TryGetValue("dotnet_analyzer_diagnostic.severity", out bulk))
            {
                return string.Equals(bulk?.Trim(), "none", StringComparison.OrdinalIgnoreCase);
            }

            return false;
        }

        /// <summary>Replays the <c>#pragma warning</c> directives before <paramref name="position"/>, in order.</summary>
        private static bool IsDisabledByPragma(SyntaxTree tree, int position, string id, CancellationToken cancellationToken)
        {
            var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
            if (!root.ContainsDirectives)
            {
                return false;
            }

            bool disabled = false;
            for (var directive = root.GetFirstDirective(IsPragmaWarning); directive is not null; directive = directive.GetNextDirective(IsPragmaWarning))
            {
                if (directive.SpanStart >= position)
                {
                    break;
                }

                var pragma = (PragmaWarningDirectiveTriviaSyntax)directive;
                if (!pragma.IsActive || !Names(pragma, id))
                {
                    continue;
                }

                disabled = pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword);
            }

            return disabled;
        }

        private static bool IsPragmaWarning(DirectiveTriviaSyntax directive) => directive is PragmaWarningDirectiveTriviaSyntax;

        /// <summary>A pragma with no codes applies to every diagnostic.</summary>
        private static bool Names(PragmaWarningDirectiveTriviaSyntax pragma, string id)
        {
            if (pragma.ErrorCodes.Count == 0)
            {
                return true;
            }

            foreach (var code in pragma.ErrorCodes)
            {
                if (code is IdentifierNameSyntax name && string.Equals(name.Identifier.ValueText, id, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>[SuppressMessage("…", "RES001…")]</c> on the member, an enclosing type, or the assembly without a target.</summary>
        private bool IsSuppressedByAttribute(ISymbol? owner, string id)
        {
            for (var symbol = owner; symbol is not null && symbol is not INamespaceSymbol; symbol = symbol.ContainingSymbol)
            {
                if (Suppresses(symbol.GetAttributes(), id, requireNoTarget: false))
                {
                    return true;
                }
            }

            return _assemblySuppresses.GetOrAdd(id, rule => Suppresses(_compilation.Assembly.GetAttributes(), rule, requireNoTarget: true));
        }

        private static bool Suppresses(ImmutableArray<AttributeData> attributes, string id, bool requireNoTarget)
        {
            foreach (var attribute in attributes)
            {
                // The simple name first: most attributes are not this one, and the display string is built only for those that may be.
                if (attribute.AttributeClass is not { Name: nameof(System.Diagnostics.CodeAnalysis.SuppressMessageAttribute) } attributeClass ||
                    attributeClass.ToDisplayString() != SuppressMessageAttribute || attribute.ConstructorArguments.Length < 2)
                {
                    continue;
                }

                if (requireNoTarget && attribute.NamedArguments.Any(a => a.Key == "Target"))
                {
                    continue;
                }

                if (attribute.ConstructorArguments[1].Value is string checkId &&
                    (string.Equals(checkId, id, StringComparison.OrdinalIgnoreCase) || checkId.StartsWith(id + ":", StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
