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
            context.ConfigureGeneratedCodeAnalysis(AnalyzerSettings.GeneratedCode);
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

            // A referenced library's exports this version cannot read (another package version): its calls stay unclassified.
            foreach (var problem in residency.Engine.Imports?.Problems ?? System.Array.Empty<string>())
            {
                yield return Diagnostic.Create(Descriptors.RES004Configuration, Location.None, problem + "; calls into that library are not judged against its sinks (docs/cross-project.md)");
            }

            // residency.json entries that name nothing in the compilation or its references would silently do nothing.
            var user = residency.Endpoints.User;
            if (user.Path is not { } path)
            {
                yield break;
            }

            foreach (var sink in user.Sinks)
            {
                if (SinkMatchesNothing(residency.Compilation, sink) is { } reason)
                {
                    var location = residency.Endpoints.LocationOf(path, sink.Line, 0);
                    yield return Diagnostic.Create(Descriptors.RES004Configuration, location, $"{FileName(path)}: sink `{sink.TypeName}.{sink.MethodName}` matches no method ({reason})");
                }
            }

            foreach (var source in residency.Sources.UnmatchedUserMembers())
            {
                var location = residency.Endpoints.LocationOf(path, source.Line, source.Column);
                var reason = residency.Compilation.GetTypeByMetadataName(source.TypeName) is null
                    ? $"no type {source.TypeName} in the compilation or its references"
                    : $"{source.TypeName} has no member {source.MemberName}";
                yield return Diagnostic.Create(Descriptors.RES004Configuration, location, $"{FileName(path)}: source `{source.Text}` matches no member ({reason})");
            }
        }

        private static string FileName(string path) => System.IO.Path.GetFileName(path);

        /// <summary>Why a residency.json sink names no method (no such type; no method of that name on it, its bases or interfaces), or null.</summary>
        private static string? SinkMatchesNothing(Compilation compilation, Endpoints.ConfiguredSink sink)
        {
            var type = compilation.GetTypeByMetadataName(sink.TypeName);
            if (type is null)
            {
                return $"no type {sink.TypeName} in the compilation or its references";
            }

            if (sink.MethodName == "*")
            {
                return null;
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                foreach (var member in t.GetMembers(sink.MethodName))
                {
                    if (member is IMethodSymbol)
                    {
                        return null;
                    }
                }
            }

            foreach (var iface in type.AllInterfaces)
            {
                foreach (var member in iface.GetMembers(sink.MethodName))
                {
                    if (member is IMethodSymbol)
                    {
                        return null;
                    }
                }
            }

            return $"{type.Name} has no method {sink.MethodName}";
        }
    }
}
