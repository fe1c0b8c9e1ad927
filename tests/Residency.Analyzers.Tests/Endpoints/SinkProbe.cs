using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>Resolves the sinks of every call in a source directly (the facts the inventory records).</summary>
    internal static class SinkProbe
    {
        public static List<(string Call, SinkCall Sink)> Resolve(string source, (string Path, string Content)[]? files = null, (string Key, string Value)[]? properties = null, params MetadataReference[] references)
        {
            var tree = CSharpSyntaxTree.ParseText(EndpointTest.Usings + source + EndpointTest.Model, new CSharpParseOptions(LanguageVersion.CSharp12), path: "/0/Test0.cs");
            var compilation = CSharpCompilation.Create("Probe", new[] { tree }, TestReferences.All.AddRange(references), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var additional = (files ?? new (string, string)[0]).Select(f => (AdditionalText)new Text(f.Path, f.Content)).ToImmutableArray();
            var options = new AnalyzerOptions(additional, new Options(properties ?? new (string, string)[0]));
            return ResolveIn(compilation, tree, options);
        }

        /// <summary>The sinks of every call in <paramref name="tree"/>, one tree of <paramref name="compilation"/>.</summary>
        public static List<(string Call, SinkCall Sink)> ResolveIn(Compilation compilation, SyntaxTree tree, AnalyzerOptions options)
        {
            var context = ResidencyContext.For(compilation, options);
            var model = compilation.GetSemanticModel(tree);
            var result = new List<(string, SinkCall)>();
            foreach (var node in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (model.GetOperation(node) is IInvocationOperation invocation && context.Engine.ResolveSink(invocation) is { } call)
                {
                    result.Add((node.ToString(), call));
                }
            }

            return result;
        }

        public static SinkCall Single(string source, (string Path, string Content)[]? files = null, (string Key, string Value)[]? properties = null, params MetadataReference[] references) =>
            Assert.Single(Resolve(source, files, properties, references)).Sink;

        private sealed class Text : AdditionalText
        {
            private readonly string _content;

            public Text(string path, string content)
            {
                Path = path;
                _content = content;
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(_content);
        }

        private sealed class Options : AnalyzerConfigOptionsProvider
        {
            private readonly Global _global;

            public Options((string Key, string Value)[] properties) => _global = new Global(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

            public override AnalyzerConfigOptions GlobalOptions => _global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _global;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _global;

            private sealed class Global : AnalyzerConfigOptions
            {
                private readonly Dictionary<string, string> _values;

                public Global(Dictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
            }
        }
    }
}
