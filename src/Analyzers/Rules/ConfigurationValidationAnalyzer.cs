using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Diagnostics;

namespace Residency.Analyzers.Rules
{
    /// <summary>
    /// RES004 for the project's configuration files: residency.json (bad JSON, unknown region codes, bad host patterns,
    /// EU alternatives outside the EU/EEA, unknown properties) and appsettings*.json (bad JSON), with file and line.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigurationValidationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RES004Configuration);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationAction(compilation =>
            {
                var residency = ResidencyContext.For(compilation.Compilation, compilation.Options, compilation.CancellationToken);
                foreach (var diagnostic in Diagnostics(residency))
                {
                    compilation.ReportDiagnostic(diagnostic);
                }
            });
        }

        /// <summary>RES004 for each problem found in the configuration files (<c>residency.json</c>, <c>appsettings*.json</c>, the baseline).</summary>
        internal static IEnumerable<Diagnostic> Diagnostics(ResidencyContext residency)
        {
            foreach (var issue in residency.Endpoints.Issues)
            {
                var location = issue.Line > 0 ? residency.Endpoints.LocationOf(issue.Path, issue.Line, issue.Column) : Location.None;
                yield return Diagnostic.Create(Descriptors.RES004Configuration, location, issue.Message);
            }
        }
    }
}
