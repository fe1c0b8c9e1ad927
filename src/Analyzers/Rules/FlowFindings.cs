using System;
using System.Collections.Generic;
using System.Linq;
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
        public static MethodSummary? Summarise(CodeBlockAnalysisContext context, IMethodSymbol method, ResidencyContext residency)
        {
            if (!residency.Options.InferPersonalData &&
                (!residency.Index.MayTouchPersonalData(context.CodeBlock) || !residency.Index.MayReachRecipient(context.CodeBlock)))
            {
                // Nothing personal is named here, or nothing named here can hand data to a sink or an unclassified
                // recipient: no flow starts in this body (it is analysed only as a callee, when a caller needs it).
                return null;
            }

            return residency.Engine.AnalyseMethod(method, context.SemanticModel, context.CodeBlock, context.CancellationToken);
        }

        public static IEnumerable<Finding> InOrder(MethodSummary summary) => InOrder(summary.Findings);

        /// <summary>Findings in source order, then by sink.</summary>
        public static IEnumerable<Finding> InOrder(IEnumerable<Finding> findings) =>
            findings.OrderBy(f => f.Syntax.SpanStart).ThenBy(f => f.Sink.Id, StringComparer.Ordinal);

        public static string MethodId(IMethodSymbol method) => method.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
    }
}
