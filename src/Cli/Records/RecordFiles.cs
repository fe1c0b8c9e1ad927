using System;
using System.Collections.Generic;
using System.IO;
using Residency.Build.Model;
using Residency.Facts;
using Residency.Build.Writing;

namespace Residency.Cli.Records
{
    /// <summary>Writes a record with the inventory task's writers: <c>inventory.json</c>, <c>.md</c>, <c>.html</c>, <c>.csv</c>.</summary>
    internal static class RecordFiles
    {
        public static IReadOnlyList<string> Write(Inventory inventory, string directory)
        {
            var record = RecordDocumentBuilder.Build(inventory); // built once for .md and .html
            var outputs = new (string Name, Action<TextWriter> Render)[]
            {
                ("inventory.json", w => JsonInventoryWriter.Write(inventory, w)),
                ("inventory.md", w => MarkdownInventoryWriter.Write(inventory, record, w)),
                ("inventory.html", w => HtmlInventoryWriter.Write(inventory, record, w)),
                ("inventory.csv", w => CsvInventoryWriter.Write(inventory, w)),
            };
            var written = new List<string>();
            foreach (var (name, render) in outputs)
            {
                var path = Path.Combine(directory, name);
                AtomicFile.WriteIfChanged(path, render); // streamed to disk: a large record is never one string
                written.Add(path);
            }

            return written;
        }
    }
}
