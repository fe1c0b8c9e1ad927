using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// Members the language calls by pattern, where no name is written in the calling body (a collection initializer's
    /// <c>Add</c>, <c>foreach</c>'s <c>GetEnumerator</c>, <c>await</c>'s <c>GetAwaiter</c>, …), and the syntax that calls
    /// each: a body reaches such a member of a referenced assembly that is not local through its syntax, not its name.
    /// </summary>
    internal sealed partial class CandidateIndex
    {
        /// <summary>The kinds of syntax that call members by pattern.</summary>
        [System.Flags]
        private enum ImplicitCalls
        {
            None = 0,
            CollectionInitializer = 1 << 0,
            ForEach = 1 << 1,
            Using = 1 << 2,
            Await = 1 << 3,
            Deconstruction = 1 << 4,
            Query = 1 << 5,
            InterpolatedString = 1 << 6,
            RangeOrIndex = 1 << 7,
            Fixed = 1 << 8,
        }

        /// <summary>
        /// The members the language calls by pattern (collection initializers, <c>foreach</c>, <c>using</c>, <c>await</c>,
        /// deconstruction, query expressions, interpolated-string handlers, ranges and indices, <c>fixed</c>), and the
        /// syntax that calls each.
        /// </summary>
        private static readonly Dictionary<string, ImplicitCalls> PatternMembers = new(System.StringComparer.Ordinal)
        {
            ["Add"] = ImplicitCalls.CollectionInitializer,
            ["GetEnumerator"] = ImplicitCalls.ForEach,
            ["GetAsyncEnumerator"] = ImplicitCalls.ForEach,
            ["MoveNext"] = ImplicitCalls.ForEach,
            ["MoveNextAsync"] = ImplicitCalls.ForEach,
            ["Current"] = ImplicitCalls.ForEach,
            ["Dispose"] = ImplicitCalls.Using | ImplicitCalls.ForEach,
            ["DisposeAsync"] = ImplicitCalls.Using | ImplicitCalls.ForEach,
            ["Deconstruct"] = ImplicitCalls.Deconstruction | ImplicitCalls.ForEach,
            ["GetAwaiter"] = ImplicitCalls.Await,
            ["GetResult"] = ImplicitCalls.Await,
            ["OnCompleted"] = ImplicitCalls.Await,
            ["UnsafeOnCompleted"] = ImplicitCalls.Await,
            ["IsCompleted"] = ImplicitCalls.Await,
            ["AppendFormatted"] = ImplicitCalls.InterpolatedString,
            ["AppendLiteral"] = ImplicitCalls.InterpolatedString,
            ["Select"] = ImplicitCalls.Query,
            ["SelectMany"] = ImplicitCalls.Query,
            ["Where"] = ImplicitCalls.Query,
            ["Join"] = ImplicitCalls.Query,
            ["GroupJoin"] = ImplicitCalls.Query,
            ["GroupBy"] = ImplicitCalls.Query,
            ["OrderBy"] = ImplicitCalls.Query,
            ["OrderByDescending"] = ImplicitCalls.Query,
            ["ThenBy"] = ImplicitCalls.Query,
            ["ThenByDescending"] = ImplicitCalls.Query,
            ["Cast"] = ImplicitCalls.Query,
            ["Slice"] = ImplicitCalls.RangeOrIndex,
            ["Length"] = ImplicitCalls.RangeOrIndex,
            ["Count"] = ImplicitCalls.RangeOrIndex,
            ["GetPinnableReference"] = ImplicitCalls.Fixed,
        };

        /// <summary>The members called by pattern in <paramref name="node"/> itself (not its descendants): none for most nodes.</summary>
        private static ImplicitCalls ImplicitCallsOf(SyntaxNode node) => node.Kind() switch
        {
            SyntaxKind.CollectionInitializerExpression or SyntaxKind.CollectionExpression => ImplicitCalls.CollectionInitializer,
            SyntaxKind.ForEachStatement => ImplicitCalls.ForEach,
            SyntaxKind.ForEachVariableStatement => ImplicitCalls.ForEach | ImplicitCalls.Deconstruction,
            SyntaxKind.UsingStatement => ImplicitCalls.Using,
            SyntaxKind.LocalDeclarationStatement when ((LocalDeclarationStatementSyntax)node).UsingKeyword.IsKind(SyntaxKind.UsingKeyword) => ImplicitCalls.Using,
            SyntaxKind.AwaitExpression => ImplicitCalls.Await,
            SyntaxKind.ParenthesizedVariableDesignation or SyntaxKind.PositionalPatternClause => ImplicitCalls.Deconstruction,
            SyntaxKind.SimpleAssignmentExpression when ((AssignmentExpressionSyntax)node).Left is TupleExpressionSyntax => ImplicitCalls.Deconstruction,
            SyntaxKind.QueryExpression => ImplicitCalls.Query,
            SyntaxKind.InterpolatedStringExpression => ImplicitCalls.InterpolatedString,
            SyntaxKind.RangeExpression or SyntaxKind.IndexExpression => ImplicitCalls.RangeOrIndex,
            SyntaxKind.FixedStatement => ImplicitCalls.Fixed,
            _ => ImplicitCalls.None,
        };
    }
}
