using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Flow;

namespace Residency.Analyzers.Rules
{
    /// <summary>
    /// The flow findings of one code block, as both the reporting analyzer and the facts analyzer read them: the same
    /// pre-filter, the same memoised summary, the same order.
    /// </summary>
    internal static class FlowFindings
    {
        /// <summary>The block's summary, or null when the pre-filter rules it out or it touches no personal data.</summary>
        public static MethodSummary? Summarise(CodeBlockAnalysisContext context, IMethodSymbol method, ResidencyContext residency) =>
            MayStartFlow(context.CodeBlock, method, residency)
                ? residency.Engine.AnalyseMethod(method, context.SemanticModel, context.CodeBlock, context.CancellationToken)
                : null;

        /// <summary>
        /// Whether a flow may start in <paramref name="codeBlock"/>, decided from syntax alone: it names something personal
        /// and something that can hand data to a sink or an unclassified recipient, or it implements an open member of a
        /// referenced library whose exports say where that library sends its value (docs/cross-project.md). A block that
        /// cannot is analysed only as a callee, when a caller needs it.
        /// </summary>
        public static bool MayStartFlow(SyntaxNode codeBlock, IMethodSymbol method, ResidencyContext residency) =>
            residency.Options.InferPersonalData ||
            (residency.Index.MayTouchPersonalData(codeBlock) &&
             (residency.Index.MayReachRecipient(codeBlock) || residency.Engine.Imports?.ReadsOf(method).IsEmpty == false));

        /// <summary>
        /// Registers a reporting flow analyzer: each method's summary, when a flow may start in it, goes to
        /// <paramref name="report"/> with the way to report a diagnostic — from the code-block action in the IDE, from
        /// the compilation-end action in a command-line build (<see cref="DeferredAnalyses"/>).
        /// </summary>
        public static void RegisterReporting(CompilationStartAnalysisContext start, ResidencyContext residency, Action<IMethodSymbol, MethodSummary, Action<Diagnostic>> report)
        {
            residency.PrepareIndexes(); // command-line builds: before any code-block action can ask for them
            var requested = new ConcurrentQueue<IMethodSymbol>();
            start.RegisterCodeBlockAction(block =>
            {
                if (block.OwningSymbol is IMethodSymbol method && !Defer(block, method, residency, requested) && Summarise(block, method, residency) is { } summary)
                {
                    report(method, summary, block.ReportDiagnostic);
                }
            });

            if (residency.Deferred is not null)
            {
                start.RegisterCompilationEndAction(end =>
                    CompleteDeferred(residency, requested, end.CancellationToken, (method, summary) => report(method, summary, end.ReportDiagnostic)));
            }
        }

        /// <summary>
        /// In a command-line build: keeps the block's model and requests its analysis for the end of the compilation
        /// (<see cref="DeferredAnalyses"/>), adding the method to <paramref name="requested"/> when a flow may start there,
        /// and answers true. In the IDE (nothing deferred) answers false: the caller analyses the block now.
        /// </summary>
        public static bool Defer(CodeBlockAnalysisContext context, IMethodSymbol method, ResidencyContext residency, ConcurrentQueue<IMethodSymbol> requested)
        {
            if (residency.Deferred is not { } deferred)
            {
                return false;
            }

            deferred.Keep(context.SemanticModel);
            if (MayStartFlow(context.CodeBlock, method, residency))
            {
                deferred.Request(method, context.SemanticModel, context.CodeBlock);
                requested.Enqueue(method);
            }

            return true;
        }

        /// <summary>
        /// At compilation end in a command-line build: the summary of each method <paramref name="requested"/> that has
        /// one, given to <paramref name="use"/>, and each method whose analysis threw, given to <paramref name="failed"/>;
        /// then <paramref name="beforeRethrow"/> runs, and the first failure, if any, is rethrown (an AD0001). The
        /// inventory writes its facts in <paramref name="beforeRethrow"/>: one method's failure costs the record that
        /// method's flows (and says so), not the whole file.
        /// </summary>
        public static void CompleteDeferred(ResidencyContext residency, ConcurrentQueue<IMethodSymbol> requested, CancellationToken cancellationToken, Action<IMethodSymbol, MethodSummary> use,
            Action<IMethodSymbol, Exception>? failed = null, Action? beforeRethrow = null)
        {
            if (residency.Deferred is not { } deferred)
            {
                beforeRethrow?.Invoke();
                return;
            }

            var completed = deferred.Complete(cancellationToken);
            foreach (var method in requested)
            {
                if (completed.Of(method) is { } summary)
                {
                    use(method, summary);
                }
            }

            foreach (var (method, exception) in completed.Failed)
            {
                failed?.Invoke(method, exception);
            }

            beforeRethrow?.Invoke();
            if (completed.Failure is { } failure)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }

        public static IEnumerable<Finding> InOrder(MethodSummary summary) => InOrder(summary.Findings);

        /// <summary>Findings in source order, then by sink.</summary>
        public static IEnumerable<Finding> InOrder(IEnumerable<Finding> findings) =>
            findings.OrderBy(f => f.Syntax.SpanStart).ThenBy(f => f.Sink.Id, StringComparer.Ordinal);

        public static string MethodId(IMethodSymbol method) => method.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
    }
}
