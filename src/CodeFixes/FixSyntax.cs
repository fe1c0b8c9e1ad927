using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Residency.CodeFixes
{
    /// <summary>How an attribute or type from the <c>Residency</c> namespace can be written at a position.</summary>
    internal enum NameAccess
    {
        /// <summary>The simple name binds to the Residency type.</summary>
        InScope,

        /// <summary>Nothing of that name is in scope: add <c>using Residency;</c>.</summary>
        NeedsUsing,

        /// <summary>Another type of that name is in scope: write <c>Residency.X</c>.</summary>
        Qualify,
    }

    /// <summary>Trivia-preserving edits shared by the code fixes: adding attribute lists and the <c>using Residency;</c> directive.</summary>
    internal static class FixSyntax
    {
        public const string ResidencyNamespace = "Residency";

        /// <summary>The document's line ending (the first one found), or <c>\n</c>.</summary>
        public static SyntaxTrivia EndOfLine(SyntaxNode root)
        {
            foreach (var trivia in root.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia;
                }
            }

            return SyntaxFactory.LineFeed;
        }

        /// <summary>Whether <paramref name="typeName"/> (metadata name without namespace) of the Residency namespace can be named simply at <paramref name="position"/>.</summary>
        public static NameAccess Access(SemanticModel model, int position, string typeName)
        {
            var found = model.LookupNamespacesAndTypes(position, name: typeName);
            if (found.IsEmpty)
            {
                return NameAccess.NeedsUsing;
            }

            return found.Length == 1 && found[0] is INamedTypeSymbol { ContainingNamespace: { Name: ResidencyNamespace, ContainingNamespace.IsGlobalNamespace: true } }
                ? NameAccess.InScope
                : NameAccess.Qualify;
        }

        /// <summary>Combines the access of several names: any conflict qualifies all; else any missing adds the using.</summary>
        public static NameAccess Combine(NameAccess a, NameAccess b) =>
            a == NameAccess.Qualify || b == NameAccess.Qualify ? NameAccess.Qualify
            : a == NameAccess.NeedsUsing || b == NameAccess.NeedsUsing ? NameAccess.NeedsUsing
            : NameAccess.InScope;

        public static string Name(NameAccess access, string simpleName) => access == NameAccess.Qualify ? ResidencyNamespace + "." + simpleName : simpleName;

        /// <summary>
        /// Adds <paramref name="list"/> to a declaration on a line of its own: after the last existing attribute list when
        /// that one ends its line, else first (taking over the declaration's leading trivia: comments, doc comments, indentation).
        /// </summary>
        public static TNode AddAttributeListOnOwnLine<TNode>(TNode declaration, AttributeListSyntax list, SyntaxTrivia endOfLine)
            where TNode : MemberDeclarationSyntax
        {
            var lists = declaration.AttributeLists;
            if (lists.Count > 0 && lists.Last().GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
            {
                var indentation = Indentation(lists.Last().GetLeadingTrivia());
                var added = list.WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine);
                return (TNode)declaration.WithAttributeLists(lists.Add(added));
            }

            var leading = declaration.GetLeadingTrivia();
            var first = list.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine);
            var stripped = declaration.WithLeadingTrivia(Indentation(leading));
            return (TNode)stripped.WithAttributeLists(stripped.AttributeLists.Insert(0, first));
        }

        /// <summary>Adds <paramref name="list"/> in front of a parameter, on the same line (<c>[PersonalData] string email</c>).</summary>
        public static ParameterSyntax AddAttributeListInline(ParameterSyntax parameter, AttributeListSyntax list)
        {
            var leading = parameter.GetLeadingTrivia();
            var added = list.WithLeadingTrivia(leading).WithTrailingTrivia(SyntaxFactory.Space);
            var stripped = parameter.WithLeadingTrivia(SyntaxTriviaList.Empty);
            return stripped.WithAttributeLists(stripped.AttributeLists.Insert(0, added));
        }

        /// <summary>The whitespace after the last line break of a leading-trivia list: the line's indentation.</summary>
        public static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
        {
            int start = 0;
            for (int i = 0; i < leading.Count; i++)
            {
                if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia) || leading[i].HasStructure)
                {
                    start = i + 1;
                }
            }

            var result = SyntaxTriviaList.Empty;
            for (int i = start; i < leading.Count; i++)
            {
                if (leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    result = result.Add(leading[i]);
                }
            }

            return result;
        }

        /// <summary>Adds <c>using Residency;</c> to the compilation unit (System usings first, then ordinal order), unless present.</summary>
        public static CompilationUnitSyntax AddResidencyUsing(CompilationUnitSyntax root, SyntaxTrivia endOfLine)
        {
            if (root.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == ResidencyNamespace))
            {
                return root;
            }

            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName(ResidencyNamespace))
                .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                .WithTrailingTrivia(endOfLine);

            var usings = root.Usings;
            if (usings.Count == 0)
            {
                // Before the first member (after any file header), followed by a blank line.
                var firstToken = root.GetFirstToken(includeZeroWidth: true);
                var header = firstToken.LeadingTrivia;
                var placed = directive.WithLeadingTrivia(header).WithTrailingTrivia(endOfLine, endOfLine);
                var rest = root.ReplaceToken(firstToken, firstToken.WithLeadingTrivia(Indentation(header)));
                return rest.WithUsings(rest.Usings.Add(placed));
            }

            int index = usings.Count;
            for (int i = 0; i < usings.Count; i++)
            {
                var u = usings[i];
                if (u.Alias is not null || !u.StaticKeyword.IsKind(SyntaxKind.None) || !u.GlobalKeyword.IsKind(SyntaxKind.None) || u.Name is null)
                {
                    continue;
                }

                if (Compare(ResidencyNamespace, u.Name.ToString()) < 0)
                {
                    index = i;
                    break;
                }
            }

            if (index == 0)
            {
                // Take over the first using's leading trivia (file header) so the header stays on top.
                var first = usings[0];
                var moved = directive.WithLeadingTrivia(first.GetLeadingTrivia());
                var newUsings = usings.Replace(first, first.WithLeadingTrivia(Indentation(first.GetLeadingTrivia()))).Insert(0, moved);
                return root.WithUsings(newUsings);
            }

            var previous = usings[index - 1];
            return root.WithUsings(usings.Insert(index, directive.WithLeadingTrivia(Indentation(previous.GetLeadingTrivia()))));
        }

        private static int Compare(string a, string b)
        {
            bool aSystem = a == "System" || a.StartsWith("System.", StringComparison.Ordinal);
            bool bSystem = b == "System" || b.StartsWith("System.", StringComparison.Ordinal);
            if (aSystem != bSystem)
            {
                return aSystem ? -1 : 1;
            }

            return string.CompareOrdinal(a, b);
        }

        /// <summary>Parses one attribute list (<c>[X(...)]</c>) from its text.</summary>
        public static AttributeListSyntax ParseAttributeList(string text)
        {
            var member = SyntaxFactory.ParseMemberDeclaration(text + " void M() { }");
            return member!.AttributeLists[0].WithoutTrivia();
        }

        /// <summary>A C# string literal for <paramref name="value"/>.</summary>
        public static string Literal(string value) => SyntaxFactory.Literal(value).Text;
    }
}
