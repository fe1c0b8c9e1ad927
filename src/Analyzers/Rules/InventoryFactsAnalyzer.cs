using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Diagnostics;
using Residency.Analyzers.Flow;
using Residency.Analyzers.Inventory;
using Residency.Facts;

namespace Residency.Analyzers.Rules
{
    /// <summary>
    /// Collects the inventory's facts — every personal-data element, every sink, every flow with its status and how the
    /// build treats its diagnostic, the configuration findings — and writes them once, at compilation end, to the facts
    /// file the package's targets name (command-line builds only). Severity settings, <c>NoWarn</c>, <c>#pragma</c> and
    /// the baseline change what the build reports, never what is collected here (docs/inventory.md).
    /// </summary>
    /// <remarks>
    /// RES007 is not configurable: an analyzer with a descriptor nobody can turn off is never skipped by the compiler,
    /// so the facts are collected even when every other Residency rule is silenced. Everything is collected by this one
    /// analyzer because the compiler orders the end of an analyzer's own actions, not those of different analyzers.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InventoryFactsAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>
        /// Tests only: called with each property queued for its naming check at compilation end, before the check (per
        /// asynchronous flow). A hook that throws stands in for a check that fails.
        /// </summary>
        internal static readonly AsyncLocal<System.Action<IPropertySymbol>?> CheckingCandidateForTests = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RES007);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(AnalyzerSettings.GeneratedCode);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var residency = ResidencyContext.For(start.Compilation, start.Options);
                if (residency.Facts is not { } facts || residency.Options.FactsFile is not { } path)
                {
                    return;
                }

                residency.PrepareIndexes();

                // A property's naming candidate may need its getter's summary. In a command-line build it is checked at
                // compilation end, when the compiler has bound the getter into a kept model and the flow analyses have
                // usually summarised it already; during the compilation the getter would be bound a second time.
                var properties = residency.Deferred is not null ? new ConcurrentQueue<IPropertySymbol>() : null;
                start.RegisterSymbolAction(
                    symbol => CollectElements(symbol, residency, facts, properties),
                    SymbolKind.NamedType,
                    SymbolKind.Property,
                    SymbolKind.Field,
                    SymbolKind.Method);

                // A code-block action binds a body to operations only when the pre-filter lets it through (an operation
                // action would bind every body of the compilation). The flows are analysed at compilation end, when the
                // compiler has bound every body (Flow/DeferredAnalyses.cs): this analyzer runs in command-line builds only.
                var requested = new ConcurrentQueue<IMethodSymbol>();

                // A class library's public methods whose bodies may reach a sink are summarised even when they read nothing
                // personal: what their parameters reach is exported for the projects that call them (docs/cross-project.md).
                var exported = residency.Options.ExportSummaries && residency.Deferred is not null && start.Compilation.Options.OutputKind == OutputKind.DynamicallyLinkedLibrary
                    ? new ConcurrentQueue<IMethodSymbol>()
                    : null;
                start.RegisterCodeBlockAction(block =>
                {
                    CollectSinks(block, residency, facts);
                    if (block.OwningSymbol is IMethodSymbol method && residency.MayHavePersonalData && !FlowFindings.Defer(block, method, residency, requested) &&
                        FlowFindings.Summarise(block, method, residency) is { } summary)
                    {
                        CollectFlows(method, summary, residency, facts, block.CancellationToken);
                    }

                    if (exported is not null && block.OwningSymbol is IMethodSymbol candidate)
                    {
                        // What its parameters reach (summarised even when it reads nothing personal).
                        if (ExportMapper.IsCandidate(candidate, residency.Engine.HasOpenMembers) && residency.Index.MayReachRecipient(block.CodeBlock))
                        {
                            residency.Deferred!.Keep(block.SemanticModel);
                            residency.Deferred.Request(candidate, block.SemanticModel, block.CodeBlock, evenWithoutPersonalData: true);
                            exported.Enqueue(candidate);
                        }

                        // Whether its result is personal data it read (a claim, an Identity user's e-mail).
                        else if (ExportMapper.IsSourceCandidate(candidate) && residency.MayHavePersonalData && residency.Index.MayTouchPersonalData(block.CodeBlock))
                        {
                            residency.Deferred!.Keep(block.SemanticModel);
                            residency.Deferred.Request(candidate, block.SemanticModel, block.CodeBlock);
                            exported.Enqueue(candidate);
                        }
                    }
                });

                if (residency.Types.DataSink is not null || residency.Types.DataTransfer is not null)
                {
                    start.RegisterSyntaxNodeAction(node => CollectAnnotationFinding(node, residency, facts), SyntaxKind.Attribute);
                }

                start.RegisterCompilationEndAction(end =>
                {
                    FlowFindings.CompleteDeferred(
                        residency,
                        requested,
                        end.CancellationToken,
                        (method, summary) => CollectFlows(method, summary, residency, facts, end.CancellationToken),
                        (method, exception) => facts.AddNote($"The analysis of {residency.MethodId(method)} failed ({exception.GetType().Name}): its flows are missing from this record."),
                        () =>
                        {
                            var failure = CollectPropertyCandidates(properties, residency, facts, end.CancellationToken);
                            CollectExports(exported, residency, facts, end.CancellationToken);
                            Write(end, residency, facts, path);
                            if (failure is not null)
                            {
                                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw(); // an AD0001, as a failing symbol action gives
                            }
                        });
                });
            });
        }

        /// <summary>The facts file, written once at compilation end: even when an analysis failed (its method's flows are then missing, and the record says so).</summary>
        private static void Write(CompilationAnalysisContext end, ResidencyContext residency, FactsCollector facts, string path)
        {
            foreach (var diagnostic in AnnotationValidationAnalyzer.PolicyDiagnostics(residency.Options.Policy).Concat(ConfigurationValidationAnalyzer.Diagnostics(residency)))
            {
                AddFinding(diagnostic, owner: null, fingerprint: null, residency, facts, end.CancellationToken);
            }

            var document = facts.ToDocument(end.Compilation.AssemblyName ?? "", residency.Options.Policy.Allowed.Select(r => r.Code));
            if (FactsFileOutput.TryWrite(path, writer => FactsFile.Write(document, writer)) is { } problem)
            {
                end.ReportDiagnostic(Diagnostic.Create(Descriptors.RES007, Location.None, path, problem));
            }
        }

        /// <summary>The exported flows of the library's public methods (their summaries are among the deferred analyses).</summary>
        private static void CollectExports(ConcurrentQueue<IMethodSymbol>? exported, ResidencyContext residency, FactsCollector facts, CancellationToken cancellationToken)
        {
            if (exported is null || exported.IsEmpty || residency.Deferred is not { } deferred)
            {
                return;
            }

            var completed = deferred.Complete(cancellationToken);
            foreach (var method in exported)
            {
                if (completed.Of(method) is { } summary)
                {
                    foreach (var export in ExportMapper.From(method, summary))
                    {
                        facts.Add(export);
                    }

                    if (ExportMapper.IsSourceCandidate(method))
                    {
                        foreach (var source in ExportMapper.Sources(method, summary, residency.Compilation.AssemblyName ?? ""))
                        {
                            facts.Add(source);
                        }
                    }
                }
            }
        }

        private static void CollectFlows(IMethodSymbol method, MethodSummary summary, ResidencyContext residency, FactsCollector facts, CancellationToken cancellationToken)
        {
            if (summary.Findings.IsEmpty && summary.Unclassified.IsEmpty && summary.Truncation == Truncation.None)
            {
                return; // most analysed methods find nothing: no display string for them
            }

            var methodId = residency.MethodId(method);
            if (summary.Truncation != Truncation.None)
            {
                facts.AddNote($"The analysis of {methodId} is incomplete ({summary.TruncationReason}): its flows may be incomplete.");
            }

            foreach (var finding in FlowFindings.InOrder(summary))
            {
                var verdict = FlowVerdict.Judge(finding, method, residency.Options.Policy, residency.Transfers);
                var descriptor = Descriptors.ForFlow(verdict.Status);
                var fingerprint = DiagnosticProperties.FlowFingerprint(verdict, methodId, descriptor?.Id ?? verdict.StatusName);
                var location = finding.Syntax.GetLocation();
                var treatment = descriptor is null
                    ? Treatment.Reported
                    : residency.Treatment.Of(descriptor.Id, descriptor.Category, location, method, fingerprint, cancellationToken);
                facts.Add(FactMapper.Flow(verdict, methodId, descriptor?.Id, fingerprint, treatment, location));
            }

            foreach (var finding in FlowFindings.InOrder(summary.Unclassified))
            {
                // The verdict describes the data and the path; an unclassified recipient has no status to judge.
                var described = FlowVerdict.Judge(finding, method, residency.Options.Policy, residency.Transfers);
                var fingerprint = DiagnosticProperties.UnclassifiedFingerprint(finding, methodId);
                var location = finding.Syntax.GetLocation();
                var treatment = residency.Treatment.Of(Descriptors.RES008.Id, Descriptors.RES008.Category, location, method, fingerprint, cancellationToken);
                facts.Add(FactMapper.Unclassified(described, methodId, finding.Sink.RecipientAssembly, fingerprint, treatment, location));
            }
        }

        /// <summary>
        /// Every sink call of the block. A sink the same call reaches twice is written once: the facts file drops duplicates
        /// when it sorts (no shared set here, whose locks every analyzer thread would meet).
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static void CollectSinks(CodeBlockAnalysisContext context, ResidencyContext residency, FactsCollector facts)
        {
            if (!residency.Index.MayCallSink(context.CodeBlock))
            {
                return;
            }

            var root = context.SemanticModel.GetOperation(context.CodeBlock, context.CancellationToken);
            if (root is null)
            {
                return;
            }

            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is not IInvocationOperation invocation || residency.Engine.ResolveSink(invocation) is not { } call)
                {
                    continue;
                }

                var location = invocation.Syntax.GetLocation();
                foreach (var sink in call.Sinks)
                {
                    facts.Add(FactMapper.SinkEntry(sink, location));
                }
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static void CollectElements(SymbolAnalysisContext context, ResidencyContext residency, FactsCollector facts, ConcurrentQueue<IPropertySymbol>? properties)
        {
            var symbol = context.Symbol;
            if (symbol.IsImplicitlyDeclared)
            {
                return;
            }

            // Members that look like personal data but are not annotated (RES006): the inventory lists them as candidates,
            // and the build's summary line counts them, so that a first build with no annotation says where to start.
            if (symbol is IPropertySymbol property && properties is not null)
            {
                properties.Enqueue(property);
            }
            else
            {
                CollectCandidates(symbol, residency, facts, context.CancellationToken);
            }

            Collect(symbol);
            if (symbol is IMethodSymbol method)
            {
                foreach (var parameter in method.Parameters)
                {
                    Collect(parameter);
                }
            }

            void Collect(ISymbol candidate)
            {
                var element = residency.Classifier.GetElement(candidate);
                var location = candidate.Locations.FirstOrDefault(l => l.IsInSource);
                if (element is null || location is null)
                {
                    return;
                }

                // A record's positional parameter is listed as the property it declares.
                if (candidate is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType.IsRecord: true } constructor } positional &&
                    constructor.ContainingType.GetMembers(positional.Name).OfType<IPropertySymbol>().Any(p => Model.PersonalDataClassifier.PositionalParameter(p) is not null))
                {
                    return;
                }

                // Members of a personal type are listed through the type; list them only when they are annotated themselves.
                if (candidate is IPropertySymbol or IFieldSymbol && !HasOwnAnnotation(candidate, residency) && element.Origin != Model.ElementOrigin.Inferred)
                {
                    return;
                }

                facts.Add(FactMapper.Element(element, location));
            }
        }

        private static void CollectCandidates(ISymbol symbol, ResidencyContext residency, FactsCollector facts, CancellationToken cancellationToken)
        {
            foreach (var candidate in PersonalDataNamingAnalyzer.Candidates(symbol, residency, cancellationToken))
            {
                AddFinding(candidate, symbol, fingerprint: null, residency, facts, cancellationToken);
            }
        }

        /// <summary>
        /// At compilation end: the naming candidates of the properties queued during the compilation. One property's failure
        /// costs the record that property's candidate (and says so), not the file; the first one is returned, to be rethrown
        /// once the file is written.
        /// </summary>
        private static System.Exception? CollectPropertyCandidates(ConcurrentQueue<IPropertySymbol>? properties, ResidencyContext residency, FactsCollector facts, CancellationToken cancellationToken)
        {
            if (properties is null)
            {
                return null;
            }

            System.Exception? first = null;

            foreach (var property in properties)
            {
                try
                {
                    CheckingCandidateForTests.Value?.Invoke(property);
                    CollectCandidates(property, residency, facts, cancellationToken);
                }
                catch (System.Exception e) when (e is not System.OperationCanceledException)
                {
                    facts.AddNote($"The naming check of {property.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)} failed ({e.GetType().Name}): a candidate may be missing from this record.");
                    first ??= e;
                }
            }

            return first;
        }

        private static void CollectAnnotationFinding(SyntaxNodeAnalysisContext context, ResidencyContext residency, FactsCollector facts)
        {
            foreach (var diagnostic in AnnotationValidationAnalyzer.Check((AttributeSyntax)context.Node, context.SemanticModel, residency.Types, context.ContainingSymbol, context.CancellationToken))
            {
                diagnostic.Properties.TryGetValue(DiagnosticProperties.FingerprintKey, out var fingerprint);
                AddFinding(diagnostic, context.ContainingSymbol, fingerprint, residency, facts, context.CancellationToken);
            }
        }

        private static void AddFinding(Diagnostic diagnostic, ISymbol? owner, string? fingerprint, ResidencyContext residency, FactsCollector facts, System.Threading.CancellationToken cancellationToken)
        {
            var treatment = residency.Treatment.Of(diagnostic.Id, diagnostic.Descriptor.Category, diagnostic.Location, owner, fingerprint, cancellationToken);
            facts.Add(FactMapper.Finding(diagnostic, fingerprint, treatment));
        }

        private static bool HasOwnAnnotation(ISymbol symbol, ResidencyContext residency) =>
            HasOwnAttribute(symbol, residency) ||
            (symbol is IPropertySymbol property && Model.PersonalDataClassifier.PositionalParameter(property) is { } parameter && HasOwnAttribute(parameter, residency)) ||
            (symbol.ContainingType is { } type && residency.Classifier.GetElement(symbol) is { Origin: Model.ElementOrigin.Configured } && type.DeclaringSyntaxReferences.Length > 0);

        private static bool HasOwnAttribute(ISymbol symbol, ResidencyContext residency) =>
            symbol.GetAttributes().Any(a =>
                Model.WellKnownTypes.Is(a.AttributeClass, residency.Types.PersonalData) ||
                Model.WellKnownTypes.Is(a.AttributeClass, residency.Types.SpecialCategoryData) ||
                Model.WellKnownTypes.Is(a.AttributeClass, residency.Types.IdentityPersonalData) ||
                Model.WellKnownTypes.Is(a.AttributeClass, residency.Types.IdentityProtectedPersonalData) ||
                Model.WellKnownTypes.DerivesFrom(a.AttributeClass, residency.Types.DataClassification));
    }
}
