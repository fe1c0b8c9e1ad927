using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Flow;
using Residency.Analyzers.Model;
using Residency.Analyzers.Sinks;

namespace Residency.Analyzers
{
    /// <summary>
    /// Everything the analyzers know about one compilation, built once and shared by all Residency analyzers
    /// running on it: options, well-known symbols, the classifier, the sink providers, the flow engine.
    /// </summary>
    internal sealed class ResidencyContext
    {
        private static readonly ConditionalWeakTable<Compilation, ResidencyContext> Cache = new();

        private ResidencyContext(Compilation compilation, ResidencyOptions options)
        {
            Compilation = compilation;
            Options = options;
            Types = WellKnownTypes.Create(compilation);
            Classifier = new PersonalDataClassifier(Types, options.InferPersonalData);
            Transfers = new TransferDeclarations(Types);
            var providers = ImmutableArray.Create<ISinkProvider>(new AnnotationSinkProvider(Types));
            Engine = new FlowEngine(compilation, Classifier, Types, providers);
        }

        public Compilation Compilation { get; }

        public ResidencyOptions Options { get; }

        public WellKnownTypes Types { get; }

        public PersonalDataClassifier Classifier { get; }

        public TransferDeclarations Transfers { get; }

        public FlowEngine Engine { get; }

        /// <summary>The shared context of a compilation (one per compilation, whichever analyzer asks first).</summary>
        public static ResidencyContext For(Compilation compilation, AnalyzerOptions options) =>
            Cache.GetValue(compilation, c => new ResidencyContext(c, ResidencyOptions.From(options)));
    }
}
