using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Residency.Analyzers.Diagnostics;

namespace Residency.CodeFixes
{
    /// <summary>
    /// For a Semantic Kernel OpenAI connector registered without an endpoint (<c>AddOpenAIChatCompletion(model, key)</c>,
    /// on its default host): switches to the overload that takes the endpoint,
    /// <c>AddOpenAIChatCompletion(model, new Uri("https://eu.api.openai.com/v1"), key)</c>. The registration is the sink's
    /// declaration (the diagnostic's first additional location).
    /// </summary>
    internal static class ConnectorEndpoint
    {
        private const string Method = "AddOpenAIChatCompletion";

        public static async Task<SdkOptions.Edit?> FindAsync(Solution solution, Diagnostic diagnostic, string euHost, CancellationToken cancellationToken)
        {
            diagnostic.Properties.TryGetValue(DiagnosticProperties.ResolvedByKey, out var resolvedBy);
            if (resolvedBy?.StartsWith(Method + " without endpoint", StringComparison.Ordinal) != true ||
                diagnostic.AdditionalLocations.Count == 0 || diagnostic.AdditionalLocations[0] is not { IsInSource: true, SourceTree: { } tree } location ||
                solution.GetDocument(tree) is not { } document)
            {
                return null;
            }

            var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var call = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (call is null || CalledName(call) != Method || call.ArgumentList.Arguments.Count < 2 || call.ArgumentList.Arguments[0].NameColon is not null ||
                call.ArgumentList.Arguments.Any(a => a.NameColon?.Name.Identifier.ValueText is "endpoint" or "openAIClient"))
            {
                return null;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var uri = model?.Compilation.GetTypeByMetadataName("System.Uri");
            var uriName = uri is null || model is null ? "System.Uri" : uri.ToMinimalDisplayString(model, call.SpanStart);
            var endpoint = SyntaxFactory.Argument(SyntaxFactory.ParseExpression($"new {uriName}({FixSyntax.Literal("https://" + euHost + "/v1")})"));

            // (modelId, apiKey, orgId, serviceId, httpClient) → (modelId, endpoint, apiKey, orgId, serviceId, httpClient).
            var arguments = call.ArgumentList.Arguments.Insert(1, endpoint);
            var updated = call.WithArgumentList(call.ArgumentList.WithArguments(arguments));
            return new SdkOptions.Edit(document.Id, call, updated, $"passes the endpoint to {Method}");
        }

        private static string? CalledName(InvocationExpressionSyntax call) => call.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax id => id.Identifier.ValueText,
            _ => null,
        };
    }
}
