using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Residency.Analyzers.Json;

namespace Residency.CodeFixes
{
    /// <summary>
    /// Adds entries to an array property of residency.json as text edits, keeping the rest of the file (formatting,
    /// other entries) as it is. Gives up (null) on a file it cannot edit safely: not a JSON object, or the property is
    /// not an array.
    /// </summary>
    internal static class ResidencyJsonEditor
    {
        /// <summary>The region a sink declared by the code fix starts with: not a region code, so RES004 reports it until filled in.</summary>
        public const string RegionPlaceholder = "TODO";

        /// <summary>A residency.json <c>sinks</c> entry for <paramref name="method"/> with the region still to fill in.</summary>
        public static string SinkEntry(string method) => "{ \"method\": \"" + method + "\", \"region\": \"" + RegionPlaceholder + "\" }";

        /// <summary>A residency.json <c>local</c> entry.</summary>
        public static string LocalEntry(string name) => "\"" + name + "\"";

        /// <summary>A new residency.json holding <paramref name="entries"/> under <paramref name="property"/>.</summary>
        public static string NewFile(string property, IReadOnlyList<string> entries, string newLine = "\n")
        {
            var sb = new StringBuilder();
            sb.Append('{').Append(newLine);
            sb.Append("  \"").Append(property).Append("\": [").Append(newLine);
            for (int i = 0; i < entries.Count; i++)
            {
                sb.Append("    ").Append(entries[i]).Append(i < entries.Count - 1 ? "," : "").Append(newLine);
            }

            sb.Append("  ]").Append(newLine);
            sb.Append('}').Append(newLine);
            return sb.ToString();
        }

        /// <summary>
        /// <paramref name="text"/> with <paramref name="entries"/> added at the start of the array <paramref name="property"/>
        /// (created when missing); null when the file cannot be edited safely.
        /// </summary>
        public static string? Add(string text, string property, IReadOnlyList<string> entries)
        {
            if (entries.Count == 0)
            {
                return text;
            }

            JsonNode? root;
            try
            {
                root = JsonParser.TryParse(text, out _);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return null;
            }

            if (root is null || !root.IsObject)
            {
                return null;
            }

            var lines = LineStarts(text);
            var newLine = text.Contains("\r\n") ? "\r\n" : "\n";
            var existing = root.Get(property);
            if (existing is not null)
            {
                if (!existing.IsArray)
                {
                    return null;
                }

                var open = Offset(lines, existing.Line, existing.Column);
                if (open < 0 || open >= text.Length || text[open] != '[')
                {
                    return null;
                }

                var propertyIndent = Indentation(text, lines, existing.Line);
                if (existing.Items.Count == 0)
                {
                    var close = SkipWhitespace(text, open + 1);
                    if (close >= text.Length || text[close] != ']')
                    {
                        return null;
                    }

                    var itemIndent = propertyIndent + "  ";
                    var body = string.Join("," + newLine, entries.Select(e => itemIndent + e));
                    return text.Substring(0, open) + "[" + newLine + body + newLine + propertyIndent + "]" + text.Substring(close + 1);
                }

                var first = existing.Items[0];
                var indent = first.Line != existing.Line ? Indentation(text, lines, first.Line) : propertyIndent + "  ";
                var inserted = string.Concat(entries.Select(e => newLine + indent + e + ","));
                return text.Substring(0, open + 1) + inserted + (first.Line != existing.Line ? "" : newLine + indent) + text.Substring(open + 1).TrimStart(' ', '\t');
            }

            var brace = Offset(lines, root.Line, root.Column);
            if (brace < 0 || brace >= text.Length || text[brace] != '{')
            {
                return null;
            }

            if (root.Members.Count == 0)
            {
                var end = SkipWhitespace(text, brace + 1);
                if (end >= text.Length || text[end] != '}')
                {
                    return null;
                }

                return text.Substring(0, brace) + NewFile(property, entries, newLine).TrimEnd('\r', '\n') + text.Substring(end + 1);
            }

            var firstMember = root.Members[0].Value;
            var memberIndent = firstMember.Line != root.Line ? Indentation(text, lines, firstMember.Line) : "  ";
            var block = new StringBuilder();
            block.Append(newLine).Append(memberIndent).Append('"').Append(property).Append("\": [").Append(newLine);
            for (int i = 0; i < entries.Count; i++)
            {
                block.Append(memberIndent).Append("  ").Append(entries[i]).Append(i < entries.Count - 1 ? "," : "").Append(newLine);
            }

            block.Append(memberIndent).Append("],");
            return text.Substring(0, brace + 1) + block + text.Substring(brace + 1);
        }

        private static List<int> LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            return starts;
        }

        private static int Offset(List<int> lines, int line, int column) =>
            line >= 1 && line <= lines.Count && column >= 1 ? lines[line - 1] + column - 1 : -1;

        private static string Indentation(string text, List<int> lines, int line)
        {
            if (line < 1 || line > lines.Count)
            {
                return "";
            }

            var start = lines[line - 1];
            var end = start;
            while (end < text.Length && (text[end] == ' ' || text[end] == '\t'))
            {
                end++;
            }

            return text.Substring(start, end - start);
        }

        private static int SkipWhitespace(string text, int position)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            return position;
        }
    }
}
