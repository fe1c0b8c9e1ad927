using System.Linq;
using System.Text;
using Residency.Build.Model;
using Residency.Facts;

namespace Residency.Build.Writing
{
    /// <summary>
    /// Renders the record as one self-contained HTML file (<c>inventory.html</c>): inline CSS with a print
    /// stylesheet, a small inline script that filters the flow table, no external resources (enforced by a
    /// Content-Security-Policy), every text HTML-escaped.
    /// </summary>
    internal static class HtmlInventoryWriter
    {
        private const string Style = @"
:root { color-scheme: light; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --head: #f6f8fa;
  --violation: #b42318; --unknown: #9a6700; --declared: #0550ae; --allowed: #1a7f37; --internal: #6e7781; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1280px; padding: 24px; font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--fg); }
h1 { font-size: 24px; margin: 0 0 8px; }
h2 { font-size: 19px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 6px; }
p { margin: 6px 0; }
p.note { color: var(--muted); font-style: italic; }
nav.toc { margin: 12px 0; font-size: 13px; }
nav.toc a { margin-right: 12px; color: var(--declared); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: normal; word-break: normal; hyphens: manual; }
th { background: var(--head); font-weight: 600; }
tr.status-violation td:first-child, tr.status-special td:first-child { color: var(--violation); font-weight: 600; }
tr.status-unknown td:first-child { color: var(--unknown); font-weight: 600; }
tr.status-declared td:first-child { color: var(--declared); }
tr.status-allowed td:first-child { color: var(--allowed); }
tr.status-internal td:first-child { color: var(--internal); }
.filter[hidden] { display: none; }
.filter { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0; }
.filter input[type=search] { padding: 4px 8px; min-width: 260px; font: inherit; }
.filter fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 12px; }
.filter legend { float: left; margin-right: 8px; color: var(--muted); }
.filter output { color: var(--muted); }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav.toc, .filter { display: none !important; }
  .table-wrap { overflow: visible; }
  table { font-size: 8pt; }
  tr { break-inside: avoid; }
  figure.map { break-inside: avoid; overflow: visible; }
  svg.flow-map { width: 100%; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
";

        private const string Script = @"
(function () {
  var box = document.querySelector('.filter');
  if (!box) { return; }
  var table = document.getElementById(box.getAttribute('data-table'));
  var text = box.querySelector('input[type=search]');
  var statuses = box.querySelectorAll('input[type=checkbox]');
  var count = box.querySelector('output');
  var rows = table.tBodies[0].rows;
  function apply() {
    var query = text.value.toLowerCase();
    var shown = {};
    for (var i = 0; i < statuses.length; i++) { shown[statuses[i].value] = statuses[i].checked; }
    var visible = 0;
    for (var j = 0; j < rows.length; j++) {
      var row = rows[j];
      var ok = shown[row.getAttribute('data-status')] !== false && (query === '' || row.textContent.toLowerCase().indexOf(query) >= 0);
      row.hidden = !ok;
      if (ok) { visible++; }
    }
    count.textContent = visible + ' of ' + rows.length + ' flows';
  }
  text.addEventListener('input', apply);
  for (var k = 0; k < statuses.length; k++) { statuses[k].addEventListener('change', apply); }
  box.hidden = false;
  apply();
})();
";

        public static string Write(Inventory inventory) => Write(inventory, RecordDocumentBuilder.Build(inventory));

        /// <summary>Renders <paramref name="doc"/>, the record <see cref="RecordDocumentBuilder"/> built from <paramref name="inventory"/> (built once for every format that shows it).</summary>
        public static string Write(Inventory inventory, Document doc) => TextSpill.ToText(w => Write(inventory, doc, w));

        /// <summary>Streams the page to <paramref name="output"/> (<see cref="TextSpill"/>).</summary>
        public static void Write(Inventory inventory, Document doc, System.IO.TextWriter output)
        {
            var sb = new StringBuilder();
            sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
            sb.Append("<meta name=\"generator\" content=\"").Append(Escape(inventory.Generator)).Append("\">\n");
            sb.Append("<title>").Append(Escape(doc.Title)).Append("</title>\n");
            sb.Append("<style>").Append(Style.Replace("\r", "")).Append(FlowMapSvg.Style.Replace("\r", "")).Append("</style>\n</head>\n<body>\n");
            sb.Append("<h1>").Append(Escape(doc.Title)).Append("</h1>\n");
            sb.Append("<nav class=\"toc\">");
            foreach (var heading in doc.Blocks.OfType<Heading>().Where(h => h.Level == 2))
            {
                sb.Append("<a href=\"#").Append(Escape(heading.Id)).Append("\">").Append(Escape(heading.Text)).Append("</a>");
            }

            sb.Append("</nav>\n<main>\n");
            foreach (var block in doc.Blocks)
            {
                switch (block)
                {
                    case Heading h:
                        sb.Append("<h").Append(h.Level).Append(" id=\"").Append(Escape(h.Id)).Append("\">")
                            .Append(Escape(h.Text)).Append("</h").Append(h.Level).Append(">\n");
                        break;
                    case Paragraph p:
                        sb.Append(p.Note ? "<p class=\"note\">" : "<p>").Append(Escape(p.Text)).Append("</p>\n");
                        break;
                    case Table t:
                        WriteTable(sb, t, output);
                        break;
                    case MapBlock m:
                        sb.Append("<figure class=\"map\">\n").Append(FlowMapSvg.Write(m.Map))
                            .Append("<figcaption>Where the personal data goes: categories of personal data, the recipients that receive them, and the recipients' countries. Third countries (outside the EEA) are outlined in red; a dashed red line is a transfer without a basis.</figcaption>\n</figure>\n");
                        break;
                }

                TextSpill.IfLarge(sb, output);
            }

            sb.Append("</main>\n<script>").Append(Script.Replace("\r", "")).Append("</script>\n</body>\n</html>\n");
            TextSpill.All(sb, output);
        }

        [System.Runtime.CompilerServices.MethodImpl(Residency.Analyzers.HotPath.Optimized)]
        private static void WriteTable(StringBuilder sb, Table table, System.IO.TextWriter output)
        {
            if (table.Filterable)
            {
                sb.Append("<div class=\"filter\" data-table=\"").Append(Escape(table.Id)).Append("\" hidden>\n");
                sb.Append("<input type=\"search\" placeholder=\"Filter flows\" aria-label=\"Filter flows\">\n");
                sb.Append("<fieldset><legend>Status</legend>");
                foreach (var status in FlowStatus.All.Where(s => table.Rows.Any(r => r.Status == s)))
                {
                    sb.Append("<label><input type=\"checkbox\" value=\"").Append(Escape(status)).Append("\" checked> ")
                        .Append(Escape(FlowStatus.Label(status))).Append("</label>");
                }

                sb.Append("</fieldset>\n<output></output>\n</div>\n");
            }

            sb.Append("<div class=\"table-wrap\"><table id=\"").Append(Escape(table.Id)).Append("\">\n<thead><tr>");
            foreach (var header in table.Headers)
            {
                sb.Append("<th>").Append(Escape(header)).Append("</th>");
            }

            sb.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in table.Rows)
            {
                if (row.Status is null)
                {
                    sb.Append("<tr>");
                }
                else
                {
                    sb.Append("<tr class=\"status-").Append(Escape(row.Status)).Append("\" data-status=\"").Append(Escape(row.Status)).Append("\">");
                }

                foreach (var cell in row.Cells)
                {
                    sb.Append("<td>").Append(Escape(cell)).Append("</td>");
                }

                sb.Append("</tr>\n");
                TextSpill.IfLarge(sb, output);
            }

            sb.Append("</tbody>\n</table></div>\n");
        }

        private static readonly char[] Escaped = { '&', '<', '>', '"', '\'', '\r' };

        /// <summary>Escapes text for HTML element content and double- or single-quoted attributes.</summary>
        [System.Runtime.CompilerServices.MethodImpl(Residency.Analyzers.HotPath.Optimized)]
        public static string Escape(string text)
        {
            if (text.IndexOfAny(Escaped) < 0)
            {
                return text; // most cells: no copy
            }

            var sb = new StringBuilder(text.Length + 16);
            foreach (char c in text)
            {
                switch (c)
                {
                    case '&': sb.Append("&amp;"); break;
                    case '<': sb.Append("&lt;"); break;
                    case '>': sb.Append("&gt;"); break;
                    case '"': sb.Append("&quot;"); break;
                    case '\'': sb.Append("&#39;"); break;
                    case '\r': break;
                    default: sb.Append(c); break;
                }
            }

            return sb.ToString();
        }
    }
}
