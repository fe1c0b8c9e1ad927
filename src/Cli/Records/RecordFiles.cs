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
            var outputs = new (string Name, Func<Inventory, string> Render)[]
            {
                ("inventory.json", JsonInventoryWriter.Write),
                ("inventory.md", MarkdownInventoryWriter.Write),
                ("inventory.html", HtmlInventoryWriter.Write),
                ("inventory.csv", CsvInventoryWriter.Write),
            };
            var written = new List<string>();
            foreach (var (name, render) in outputs)
            {
                var path = Path.Combine(directory, name);
                AtomicFile.WriteIfChanged(path, render(inventory));
                written.Add(path);
            }

            return written;
        }
    }
}
