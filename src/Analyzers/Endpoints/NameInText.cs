using System;
using Microsoft.CodeAnalysis.CSharp;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>
    /// The text filter of the compilation-wide scans (<see cref="CompilationIndex"/>): before a tree's nodes are walked, its
    /// text must name what the scan looks for as a whole identifier. A substring match would let every
    /// <c>ConfigureAwait</c> pass a filter for <c>Configure</c> and every <c>Binder</c> one for <c>Bind</c>: in real code,
    /// and in the benchmark's, that walked the nodes of four trees in ten for nothing (docs/benchmarks.md, the
    /// twenty-sixth round).
    /// </summary>
    internal static class NameInText
    {
        /// <summary>
        /// Whether <paramref name="text"/> has <paramref name="name"/> with no identifier character on either side. A superset
        /// of the trees that use the name (a comment or a string counts too), never a subset, except for a name written with
        /// Unicode escapes, which a substring match missed as well.
        /// </summary>
        public static bool Contains(string text, string name)
        {
            for (int at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                int end = at + name.Length;
                if ((at == 0 || !SyntaxFacts.IsIdentifierPartCharacter(text[at - 1])) &&
                    (end == text.Length || !SyntaxFacts.IsIdentifierPartCharacter(text[end])))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
