using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Diagnostics;
using Residency.Analyzers.Flow;
using Residency.Analyzers.Inventory;
using Residency.Analyzers.Model;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Sources;

namespace Residency.Analyzers
{
    /// <summary>
    /// Everything the analyzers know about one compilation, built once and shared by all Residency analyzers
    /// running on it: options, well-known symbols, the classifier, the endpoint configuration (residency.json,
    /// appsettings*.json), the sink providers, the flow engine.
    /// </summary>
    internal sealed class ResidencyContext
    {
        private static readonly ConditionalWeakTable<Compilation, ResidencyContext> Cache = new();

        private ResidencyContext(Compilation compilation, ResidencyOptions options, AnalyzerOptions? analyzerOptions, CancellationToken cancellationToken)
        {
            Compilation = compilation;
            Options = options;
            Types = WellKnownTypes.Create(compilation);
            Endpoints = ProjectEndpoints.Load(analyzerOptions, options.InternalHosts, cancellationToken);
            var cacheCapacity = CacheCapacity = Caches.CapacityFor(compilation, options.CommandLineBuild);
            var models = new SemanticModels(compilation);
            var imports = analyzerOptions is null ? null : Flow.Calls.ImportedSummaries.Load(compilation, analyzerOptions.AdditionalFiles, cancellationToken);
            Sources = new PlatformSources(compilation, models, SourceCatalog.BuiltIn.WithUser(Endpoints.User).WithImported(imports?.Sources ?? default));
            Classifier = new PersonalDataClassifier(Types, options.InferPersonalData, Sources, cacheCapacity, compilation);
            Sources.Classified = property => Classifier.GetElement(property) is not null;
            Transfers = new TransferDeclarations(Types);
            Resolver = new EndpointResolver(compilation, models, Endpoints);
            var sinks = new EndpointSinks(Endpoints);

            // Resolution order (docs/endpoints.md): annotations, residency.json sinks, Entity Framework Core contexts' and ADO.NET connections' databases, HTTP (HttpClient, Refit interfaces, gRPC clients, Flurl), SDK clients, then the AI
            // abstractions and Semantic Kernel, whose region is the SDK client's behind them, then logging shipped off the host (Serilog sinks, logging providers).
            var sdk = new SdkSinkProvider(Resolver, sinks);
            var ai = new AiClientResolver(new AiTypes(compilation), Types, Resolver, sinks, sdk);
            var kernels = new KernelResolver(ai);
            var annotations = new AnnotationSinkProvider(Types, cacheCapacity);
            var declared = new ConfiguredSinkProvider(Endpoints.User);
            var local = LocalCatalog.For(Endpoints);
            var connections = new ConnectionSinkProvider(Resolver, sinks, DatabaseCatalog.BuiltIn);
            var databases = new DatabaseSinkProvider(Resolver, sinks, DatabaseCatalog.BuiltIn, connections, local);
            var providers = ImmutableArray.Create<ISinkProvider>(
                annotations,
                declared,
                databases,
                connections,
                new JobStorageSinkProvider(Resolver, sinks, DatabaseCatalog.BuiltIn, sdk),
                new HttpSinkProvider(Resolver, sinks),
                new RefitSinkProvider(Resolver, sinks),
                new GrpcSinkProvider(Resolver, sinks),
                new FlurlSinkProvider(Resolver, sinks),
                sdk,
                new AiSinkProvider(ai),
                new SemanticKernelSinkProvider(kernels),
                new LoggingSinkProvider(Resolver, sinks, sdk, LoggingCatalog.BuiltIn, LoggingCatalog.Providers));
            Engine = new FlowEngine(compilation, models, Classifier, Types, providers, cacheCapacity)
            {
                SinkImplementations = new SinkImplementations(annotations),
                Unclassified = new Flow.Calls.UnclassifiedCalls(local),
                Imports = imports,
            };

            // Only where a store's provider may run queries; the pre-filter then knows the calls that run one (CandidateIndex).
            Engine.QueryProviders = Engine.Library.HasQueryStores ? new Flow.Calls.QueryProviders(declared, local, databases) : null;
            Engine.ReturnSinks = new AiToolSinks(ai, kernels).Of;
            // A class library that exports its summaries also exports what it does with its open members (docs/cross-project.md).
            Engine.OpenReads = options.ExportSummaries && compilation.Options.OutputKind == OutputKind.DynamicallyLinkedLibrary;
            Engine.StaticWriterIndex = type => Index.ForeignStaticWriters(type);
            if (!options.InferPersonalData)
            {
                Engine.SyntacticFilter = node => Index.MayTouchPersonalData(node);
                Engine.StorageFilter = member => Index.StoresNothingPersonal(member);
                Engine.StorerFilter = node => Index.MayStoreIntoItsType(node);
            }
            Facts = options.EmitFacts ? new FactsCollector() : null;
            Deferred = options.CommandLineBuild ? new DeferredAnalyses(Engine, models) : null;
            _treatment = new System.Lazy<FindingTreatment>(
                () => new FindingTreatment(compilation, analyzerOptions ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), Baseline.Load(analyzerOptions?.AdditionalFiles ?? ImmutableArray<AdditionalText>.Empty, CancellationToken.None)),
                System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            _index = new System.Lazy<CandidateIndex>(() => BuildIndex(providers), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        private readonly System.Lazy<CandidateIndex> _index;

        private readonly System.Lazy<FindingTreatment> _treatment;

        /// <summary>The inventory's facts of this compilation; null unless the facts file is written (command-line builds).</summary>
        public FactsCollector? Facts { get; }

        /// <summary>
        /// The flow analyses of a command-line build, requested by the code-block actions and run at compilation end,
        /// when the compiler has bound every body (<see cref="DeferredAnalyses"/>); null in the IDE, which analyses each
        /// block when it is asked for.
        /// </summary>
        public DeferredAnalyses? Deferred { get; }

        /// <summary>How the build treats a diagnostic (configuration, source suppression, baseline), for the facts.</summary>
        public FindingTreatment Treatment => _treatment.Value;

        /// <summary>The syntactic pre-filter: which bodies may touch personal data or call a sink. Built once, on first use.</summary>
        public CandidateIndex Index => _index.Value;

        private CandidateIndex BuildIndex(ImmutableArray<ISinkProvider> providers)
        {
            // Not the caller's token: a cancelled first request must not leave a cancelled index behind for the others.
            try
            {
                return CandidateIndex.Build(Compilation, Classifier, Types, providers, sinks: Options.CommandLineBuild, Engine.Unclassified?.Local, CancellationToken.None, Engine.IsImplementedHere, queryStores: Engine.QueryProviders is not null ? Engine.Library.StoreTypes : default,
                    openMember: Engine.OpenReads ? Engine.IsOpenMember : null, openAssemblies: Engine.OpenReads ? Engine.Imports?.Exporters : null);
            }
            catch (System.Exception e) when (e is not System.OperationCanceledException)
            {
                // Never an AD0001 for the pre-filter: without it every body is analysed, as if there were no filter.
                return CandidateIndex.Everything;
            }
        }

        /// <summary>
        /// In a command-line build, builds the compilation-wide indexes (the syntactic pre-filter, then the dispatch index)
        /// in the compilation-start action that asks, while the compiler is still binding declarations; the other
        /// analyzers' start actions that ask wait for the same build. No action of ours then ever waits for an index:
        /// code-block actions that blocked on it made the thread pool add a thread every half second while it was built
        /// (at N = 4000, 28–36 threads in csc against 20–30 without the package; docs/benchmarks.md, "The twenty-fourth
        /// round"). In the IDE, where a compilation is often abandoned at the next keystroke, they stay lazy.
        /// </summary>
        public void PrepareIndexes()
        {
            if (!Options.CommandLineBuild || !MayHavePersonalData)
            {
                return;
            }

            _ = Index; // never throws: an index that cannot be built is "everything"
            try
            {
                Engine.PrepareDispatch();
            }
            catch (System.Exception e) when (e is not System.OperationCanceledException)
            {
                // A dispatch index that failed here fails again, and is reported, on the analyzer thread that needs it.
            }
        }

        /// <summary>Whether the syntactic pre-filter has been built (tests).</summary>
        internal bool IndexBuilt => _index.IsValueCreated;

        public Compilation Compilation { get; }

        /// <summary>The initial capacity of this compilation's per-symbol caches (<see cref="Caches.CapacityFor"/>).</summary>
        public int CacheCapacity { get; }

        public ResidencyOptions Options { get; }

        public WellKnownTypes Types { get; }

        public PersonalDataClassifier Classifier { get; }

        /// <summary>Sources that need no annotation: claims, ASP.NET Core Identity, request metadata, residency.json <c>sources</c>.</summary>
        public PlatformSources Sources { get; }

        /// <summary>Whether anything in this compilation can be personal data at all (annotations, platform sources, inference); when not, no body is analysed.</summary>
        public bool MayHavePersonalData => Types.HasAnySourceAttribute || Sources.MayApply || Options.InferPersonalData;

        public TransferDeclarations Transfers { get; }

        /// <summary>The project's endpoint configuration: catalogue merged with residency.json, appsettings values, internal hosts, RES004 issues.</summary>
        public ProjectEndpoints Endpoints { get; }

        public EndpointResolver Resolver { get; }

        public FlowEngine Engine { get; }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<ISymbol, string> _methodIds = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// The display string that identifies <paramref name="method"/> in diagnostics, fingerprints and the facts
        /// (<see cref="Rules.FlowFindings.MethodId"/>), built once per method: the reporting analyzers and the facts ask for
        /// the same methods.
        /// </summary>
        public string MethodId(IMethodSymbol method) =>
            _methodIds.TryGetValue(method, out var id) ? id : _methodIds.GetOrAdd(method, Rules.FlowFindings.MethodId(method));

        /// <summary>The shared context of a compilation (one per compilation, whichever analyzer asks first).</summary>
        public static ResidencyContext For(Compilation compilation, AnalyzerOptions options) =>
            For(compilation, options, CancellationToken.None);

        /// <summary>The shared context of a compilation; <paramref name="cancellationToken"/> is used to read the AdditionalFiles.</summary>
        public static ResidencyContext For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
            Cache.GetValue(compilation, c => new ResidencyContext(c, ResidencyOptions.From(options), options, cancellationToken));
    }
}
