using System.Linq;
using System.Text;
using Residency.Build.Model;
using Residency.Build.Util;
using Residency.Facts;

namespace Residency.Build.Writing
{
    /// <summary>Renders the record as GitHub-flavoured Markdown (<c>inventory.md</c>).</summary>
    internal static class MarkdownInventoryWriter
    {
        public static string Write(Inventory inventory) => Write(inventory, RecordDocumentBuilder.Build(inventory));

        /// <summary>Renders <paramref name="doc"/>, the record <see cref="RecordDocumentBuilder"/> built from <paramref name="inventory"/> (built once for every format that shows it).</summary>
        public static string Write(Inventory inventory, Document doc) => TextSpill.ToText(w => Write(inventory, doc, w));

        /// <summary>Streams the record to <paramref name="output"/> (<see cref="TextSpill"/>).</summary>
        public static void Write(Inventory inventory, Document doc, System.IO.TextWriter output)
        {
            var sb = new StringBuilder();
            sb.Append("# ").Append(Escape(doc.Title)).Append('\n');
            foreach (var block in doc.Blocks)
            {
                sb.Append('\n');
                switch (block)
                {
                    case Heading h:
                        sb.Append('#', h.Level).Append(' ').Append(Escape(h.Text)).Append('\n');
                        break;
                    case Paragraph p:
                        sb.Append(p.Note ? "_" + Escape(p.Text) + "_" : Escape(p.Text)).Append('\n');
                        break;
                    case Table t:
                        WriteTable(sb, t, output);
                        break;
                    case MapBlock m:
                        sb.Append("_Where the personal data goes (categories \u2192 recipients \u2192 countries): ")
                            .Append(SummaryLine.Count(m.Map.Categories.Count, "category", "categories")).Append(", ")
                            .Append(SummaryLine.Count(m.Map.Recipients.Count, "recipient")).Append(", ")
                            .Append(SummaryLine.Count(m.Map.Countries.Count(c => c.ThirdCountry), "third country", "third countries"))
                            .Append(". The map is drawn in inventory.html; the sections below hold the same facts._\n");
                        break;
                }

                TextSpill.IfLarge(sb, output);
            }

            TextSpill.All(sb, output);
        }

        [System.Runtime.CompilerServices.MethodImpl(Residency.Analyzers.HotPath.Optimized)]
        private static void WriteTable(StringBuilder sb, Table table, System.IO.TextWriter output)
        {
            sb.Append('|');
            foreach (var header in table.Headers)
            {
                sb.Append(' ').Append(Escape(header)).Append(" |");
            }

            sb.Append("\n|");
            foreach (var _ in table.Headers)
            {
                sb.Append("---|");
            }

            sb.Append('\n');
            foreach (var row in table.Rows)
            {
                sb.Append('|');
                foreach (var cell in row.Cells)
                {
                    sb.Append(' ').Append(Escape(cell)).Append(" |");
                }

                sb.Append('\n');
                TextSpill.IfLarge(sb, output);
            }
        }

        /// <summary>
        /// Escapes text so that it renders literally: Markdown punctuation and HTML are backslash-escaped, pipes
        /// cannot break a table and line breaks become spaces.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(Residency.Analyzers.HotPath.Optimized)]
        public static string Escape(string text)
        {
            if (!NeedsEscape(text))
            {
                return text; // most cells: no copy
            }

            var sb = new StringBuilder(text.Length + 8);
            foreach (char c in text)
            {
                if (IsPunctuation(c))
                {
                    sb.Append('\\').Append(c);
                }
                else if (c is '\r' or '\n' or '\t')
                {
                    sb.Append(' ');
                }
                else if (c >= ' ')
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        [System.Runtime.CompilerServices.MethodImpl(Residency.Analyzers.HotPath.Optimized)]
        private static bool NeedsEscape(string text)
        {
            foreach (char c in text)
            {
                if (c < ' ' || IsPunctuation(c))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The Markdown and HTML punctuation that is backslash-escaped.</summary>
        private static bool IsPunctuation(char c) =>
            c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '~' or '!';
    }
}
