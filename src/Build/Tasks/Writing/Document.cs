using System.Collections.Generic;

namespace Residency.Build.Writing
{
    /// <summary>
    /// A tiny document model (headings, paragraphs, tables) so that the Markdown and HTML records are built once
    /// and rendered twice, and cannot drift apart.
    /// </summary>
    internal sealed class Document
    {
        public Document(string title)
        {
            Title = title;
        }

        public string Title { get; }

        public List<Block> Blocks { get; } = new();

        public void Heading(int level, string text, string id) => Blocks.Add(new Heading(level, text, id));

        public void Paragraph(string text, bool note = false) => Blocks.Add(new Paragraph(text, note));

        /// <summary>The data-flow map: drawn in the HTML record, referred to in the Markdown one.</summary>
        public void Map(Record.FlowMap map) => Blocks.Add(new MapBlock(map));

        public Table Table(string id, params string[] headers)
        {
            var table = new Table(id, headers);
            Blocks.Add(table);
            return table;
        }
    }

    internal abstract class Block
    {
    }

    internal sealed class Heading : Block
    {
        public Heading(int level, string text, string id)
        {
            Level = level;
            Text = text;
            Id = id;
        }

        public int Level { get; }

        public string Text { get; }

        public string Id { get; }
    }

    /// <summary>A paragraph; a note is rendered as secondary text (italic in Markdown).</summary>
    internal sealed class Paragraph : Block
    {
        public Paragraph(string text, bool note)
        {
            Text = text;
            Note = note;
        }

        public string Text { get; }

        public bool Note { get; }
    }

    internal sealed class MapBlock : Block
    {
        public MapBlock(Record.FlowMap map)
        {
            Map = map;
        }

        public Record.FlowMap Map { get; }
    }

    internal sealed class Table : Block
    {
        public Table(string id, string[] headers)
        {
            Id = id;
            Headers = headers;
        }

        public string Id { get; }

        public string[] Headers { get; }

        public List<TableRow> Rows { get; } = new();

        /// <summary>The HTML record puts a text filter and status checkboxes above this table.</summary>
        public bool Filterable { get; set; }

        public void Row(params string[] cells) => Rows.Add(new TableRow(cells, null));

        public void StatusRow(string status, params string[] cells) => Rows.Add(new TableRow(cells, status));
    }

    internal sealed class TableRow
    {
        public TableRow(string[] cells, string? status)
        {
            Cells = cells;
            Status = status;
        }

        public string[] Cells { get; }

        /// <summary>The flow status of the row (for the HTML filter and colouring), if any.</summary>
        public string? Status { get; }
    }
}
