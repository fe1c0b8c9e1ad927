using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Residency.Build.Model;
using Residency.Facts;

namespace Residency.Build.Writing
{
    /// <summary>
    /// One row per flow, then one per call to an unclassified recipient (status <c>unclassified</c>, rule RES008) (<c>inventory.csv</c>), RFC 4180 quoting, '\n' line ends, UTF-8 without BOM. Cells that a
    /// spreadsheet would run as a formula (leading <c>= + - @</c>) are prefixed with an apostrophe.
    /// </summary>
    internal static class CsvInventoryWriter
    {
        public const string Header = "assembly,status,rule,sources,categories,special_categories,sink,sink_kind,recipient,host,region,mechanism,justification,path,method,file,line,treatment,origins";

        public static string Write(Inventory inventory) => TextSpill.ToText(w => Write(inventory, w));

        /// <summary>Streams <c>inventory.csv</c> to <paramref name="output"/> (<see cref="TextSpill"/>).</summary>
        [System.Runtime.CompilerServices.MethodImpl(Residency.Analyzers.HotPath.Optimized)]
        public static void Write(Inventory inventory, System.IO.TextWriter output)
        {
            var sb = new StringBuilder();
            sb.Append(Header).Append('\n');
            foreach (var f in inventory.Flows)
            {
                var cells = new[]
                {
                    f.Assembly,
                    f.Status,
                    f.Rule,
                    string.Join("; ", f.Sources.Select(s => s.Id)),
                    string.Join("; ", Distinct(f.Sources.Select(s => s.Category))),
                    string.Join("; ", Distinct(f.Sources.Select(s => s.SpecialCategory))),
                    f.Sink?.DisplayName,
                    f.Sink?.Kind,
                    f.Sink?.Recipient,
                    f.Sink?.Host,
                    f.Sink?.RegionLabel,
                    f.Transfer?.Mechanism,
                    f.Transfer?.Justification,
                    string.Join(" > ", f.Path),
                    f.Method,
                    f.File,
                    f.Line?.ToString(CultureInfo.InvariantCulture),
                    f.Treatment,
                    string.Join("; ", Distinct(f.Sources.Select(s => s.Origin))),
                };
                sb.Append(string.Join(",", cells.Select(Field))).Append('\n');
                TextSpill.IfLarge(sb, output);
            }

            // Calls that hand personal data to a method nobody classified: status "unclassified", the method as the sink.
            foreach (var u in inventory.Unclassified)
            {
                var cells = new[]
                {
                    u.Assembly,
                    "unclassified",
                    "RES008",
                    string.Join("; ", u.Sources.Select(s => s.Id)),
                    string.Join("; ", Distinct(u.Sources.Select(s => s.Category))),
                    string.Join("; ", Distinct(u.Sources.Select(s => s.SpecialCategory))),
                    u.Recipient,
                    "unclassified",
                    null,
                    null,
                    null,
                    null,
                    null,
                    string.Join(" > ", u.Path),
                    u.Method,
                    u.File,
                    u.Line?.ToString(CultureInfo.InvariantCulture),
                    u.Treatment,
                };
                sb.Append(string.Join(",", cells.Select(Field))).Append('\n');
                TextSpill.IfLarge(sb, output);
            }

            TextSpill.All(sb, output);
        }

        /// <summary>One RFC 4180 field.</summary>
        public static string Field(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return "";
            }

            var text = value!;
            if ("=+-@".IndexOf(text[0]) >= 0 && !IsNumber(text))
            {
                text = "'" + text;
            }

            bool quote = text.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 || text[0] == ' ' || text[text.Length - 1] == ' ';
            return quote ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
        }

        private static bool IsNumber(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

        private static IEnumerable<string> Distinct(IEnumerable<string?> values) =>
            values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(System.StringComparer.Ordinal).OrderBy(v => v, System.StringComparer.Ordinal);
    }
}
