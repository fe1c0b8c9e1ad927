using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Residency.Build.Record;
using Residency.Build.Util;
using Residency.Facts;

namespace Residency.Build.Writing
{
    /// <summary>
    /// Draws the data-flow map as inline SVG: three columns (personal data → recipients → countries), one line per
    /// category and recipient, third countries highlighted. Plain shapes and text, no script, no external resource, so it
    /// prints as it shows; violations are drawn dashed as well as red so that a black-and-white print still tells them apart.
    /// </summary>
    internal static class FlowMapSvg
    {
        private const int ColumnWidth = 250;
        private const int Gap = 110;
        private const int NodeHeight = 34;
        private const int RowHeight = 46;
        private const int Top = 40;
        private const int MaxLabel = 34;

        public static string Write(FlowMap map)
        {
            var columns = new[] { map.Categories, map.Recipients, map.Countries };
            int rows = System.Math.Max(map.Categories.Count, System.Math.Max(map.Recipients.Count, map.Countries.Count));
            int width = 3 * ColumnWidth + 2 * Gap + 2;
            int height = Top + rows * RowHeight + 44;
            var positions = new Dictionary<string, Position>(); // a class, not a tuple: see Ordering
            for (int c = 0; c < columns.Length; c++)
            {
                int offset = (rows - columns[c].Count) * RowHeight / 2;
                for (int r = 0; r < columns[c].Count; r++)
                {
                    positions[columns[c][r].Key] = new Position(1 + c * (ColumnWidth + Gap), Top + offset + r * RowHeight);
                }
            }

            var sb = new StringBuilder();
            sb.Append("<svg class=\"flow-map\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .Append(N(width)).Append(' ').Append(N(height)).Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height))
                .Append("\" aria-labelledby=\"flow-map-title\">\n");
            sb.Append("<title id=\"flow-map-title\">Data-flow map: ")
                .Append(SummaryLine.Count(map.Categories.Count, "category", "categories")).Append(" of personal data, ")
                .Append(SummaryLine.Count(map.Recipients.Count, "recipient")).Append(", ")
                .Append(SummaryLine.Count(map.Countries.Count, "country", "countries")).Append("</title>\n");

            string[] headings = { "Personal data", "Recipients", "Countries" };
            for (int c = 0; c < 3; c++)
            {
                sb.Append("<text class=\"col\" x=\"").Append(N(1 + c * (ColumnWidth + Gap))).Append("\" y=\"20\">").Append(Escape(headings[c])).Append("</text>\n");
            }

            foreach (var edge in map.Edges)
            {
                if (!positions.TryGetValue(edge.From, out var from) || !positions.TryGetValue(edge.To, out var to))
                {
                    continue;
                }

                int x1 = from.X + ColumnWidth, y1 = from.Y + NodeHeight / 2, x2 = to.X, y2 = to.Y + NodeHeight / 2;
                sb.Append("<path class=\"edge edge-").Append(Escape(edge.Status)).Append("\" d=\"M").Append(N(x1)).Append(',').Append(N(y1))
                    .Append(" C").Append(N(x1 + Gap / 2)).Append(',').Append(N(y1)).Append(' ').Append(N(x2 - Gap / 2)).Append(',').Append(N(y2))
                    .Append(' ').Append(N(x2)).Append(',').Append(N(y2)).Append("\"><title>")
                    .Append(Escape(FlowStatus.Label(edge.Status) + ": " + (edge.FlowCount == 1 ? "1 flow" : N(edge.FlowCount) + " flows")))
                    .Append("</title></path>\n");
            }

            foreach (var node in columns.SelectMany(c => c))
            {
                var (x, y) = positions[node.Key];
                var kind = node.ThirdCountry ? "node third" : node.UnknownCountry ? "node unknown" : "node";
                sb.Append("<g class=\"").Append(kind).Append("\"><title>").Append(Escape(node.Label + (node.Detail is null ? "" : " \u2014 " + node.Detail))).Append("</title>");
                sb.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(ColumnWidth)).Append("\" height=\"").Append(N(NodeHeight)).Append("\" rx=\"6\"/>");
                sb.Append("<text x=\"").Append(N(x + 10)).Append("\" y=\"").Append(N(y + 15)).Append("\">").Append(Escape(Shorten(node.Label))).Append("</text>");
                if (node.Detail is not null)
                {
                    sb.Append("<text class=\"detail\" x=\"").Append(N(x + 10)).Append("\" y=\"").Append(N(y + 28)).Append("\">").Append(Escape(Shorten(node.Detail))).Append("</text>");
                }

                sb.Append("</g>\n");
            }

            int legendY = Top + rows * RowHeight + 22;
            sb.Append("<g class=\"legend\">");
            Legend(sb, 1, legendY, "edge edge-violation", "violation (no basis)");
            Legend(sb, 201, legendY, "edge edge-unknown", "unknown region");
            Legend(sb, 371, legendY, "edge edge-declared", "declared transfer");
            Legend(sb, 551, legendY, "edge edge-allowed", "allowed");
            sb.Append("<rect class=\"swatch-third\" x=\"681\" y=\"").Append(N(legendY - 10)).Append("\" width=\"14\" height=\"14\" rx=\"3\"/>")
                .Append("<text x=\"701\" y=\"").Append(N(legendY + 2)).Append("\">third country</text>");
            sb.Append("</g>\n</svg>\n");
            return sb.ToString();
        }

        /// <summary>The map's styles, for the page's stylesheet (screen and print).</summary>
        public const string Style = @"
figure.map { margin: 12px 0 20px; overflow-x: auto; }
figure.map figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
svg.flow-map { max-width: 100%; height: auto; font: 12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
svg.flow-map text { fill: var(--fg); }
svg.flow-map text.col { font-weight: 600; font-size: 13px; }
svg.flow-map text.detail { fill: var(--muted); font-size: 10.5px; }
svg.flow-map .node rect { fill: #f6f8fa; stroke: #8c959f; stroke-width: 1; }
svg.flow-map .node.third rect { fill: #ffebe9; stroke: var(--violation); stroke-width: 2; }
svg.flow-map .node.unknown rect { fill: #fff8c5; stroke: var(--unknown); stroke-width: 1.5; }
svg.flow-map .edge { fill: none; stroke-width: 2; }
svg.flow-map .edge-violation, svg.flow-map .edge-special { stroke: var(--violation); stroke-dasharray: 6 3; }
svg.flow-map .edge-unknown { stroke: var(--unknown); stroke-dasharray: 2 3; }
svg.flow-map .edge-declared { stroke: var(--declared); }
svg.flow-map .edge-allowed { stroke: var(--allowed); }
svg.flow-map .swatch-third { fill: #ffebe9; stroke: var(--violation); stroke-width: 2; }
";

        private static void Legend(StringBuilder sb, int x, int y, string cssClass, string text)
        {
            sb.Append("<path class=\"").Append(cssClass).Append("\" d=\"M").Append(N(x)).Append(',').Append(N(y - 3)).Append(" h28\"/>")
                .Append("<text x=\"").Append(N(x + 34)).Append("\" y=\"").Append(N(y + 1)).Append("\">").Append(Escape(text)).Append("</text>");
        }

        private static string Shorten(string text) => text.Length <= MaxLabel ? text : text.Substring(0, MaxLabel - 1) + "\u2026";

        private static string Escape(string text) => HtmlInventoryWriter.Escape(text);

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

        private sealed record Position(int X, int Y);
    }
}
