using System.Globalization;
using System.IO;

namespace Residency.Analyzers.Json
{
    /// <summary>
    /// A minimal, deterministic JSON writer (two-space indentation, '\n' line ends, invariant culture).
    /// Used for inventory and baseline files, whose bytes must not change when the code does not. It writes either into
    /// a string (<see cref="ToString"/>) or straight to a <see cref="TextWriter"/> (<see cref="Finish"/>): the facts file of
    /// a large compilation is written to disk without ever being one string in the compiler's memory.
    /// <para>
    /// <see cref="Compact"/> (the facts file): no whitespace, and a <see cref="Property(string, string)"/> whose value is
    /// null, empty or <c>false</c> is left out; the fact readers read an absent member as all three (<c>JsonRead</c>).
    /// </para>
    /// </summary>
    internal sealed class JsonWriter
    {
        private readonly TextWriter _out;
        private bool _started;
        private bool _finished;
        private int _depth;
        private bool _needComma;
        private bool _afterName;
        private char[]? _buffer; // for Rendered only: the per-item writers that render facts never need it

        public void StartObject() => Open('{');

        public void EndObject() => Close('}');

        public void StartArray() => Open('[');

        public void EndArray() => Close(']');

        /// <summary>A writer that collects the JSON into a string (<see cref="ToString"/>).</summary>
        public JsonWriter(bool compact = false)
        {
            _out = new StringWriter(CultureInfo.InvariantCulture);
            Compact = compact;
        }

        /// <summary>A writer that writes to <paramref name="output"/>; call <see cref="Finish"/> once the value is complete.</summary>
        public JsonWriter(TextWriter output, bool compact = false)
        {
            _out = output;
            Compact = compact;
        }

        /// <summary>No whitespace; members whose value is null, empty or false are left out (see the class remarks).</summary>
        public bool Compact { get; }

        public void Name(string name)
        {
            Separate();
            AppendString(name);
            _out.Write(Compact ? ":" : ": ");
            _afterName = true;
        }

        public void Value(string? value)
        {
            Separate();
            if (value is null)
            {
                _out.Write("null");
            }
            else
            {
                AppendString(value);
            }

            _needComma = true;
        }

        public void Value(long value)
        {
            Separate();
            _out.Write(value.ToString(CultureInfo.InvariantCulture));
            _needComma = true;
        }

        public void Value(bool value)
        {
            Separate();
            _out.Write(value ? "true" : "false");
            _needComma = true;
        }

        public void Property(string name, string? value)
        {
            if (Compact && string.IsNullOrEmpty(value))
            {
                return;
            }

            Name(name);
            Value(value);
        }

        public void Property(string name, long value)
        {
            Name(name);
            Value(value);
        }

        public void Property(string name, bool value)
        {
            if (Compact && !value)
            {
                return;
            }

            Name(name);
            Value(value);
        }

        /// <summary>
        /// Writes a value already rendered by another <see cref="JsonWriter"/> (its <see cref="ToString"/>), indented to this
        /// writer's depth: the same bytes as writing the value again, without doing so.
        /// </summary>
        public void Rendered(string json)
        {
            Separate();
            var end = json.Length > 0 && json[json.Length - 1] == '\n' ? json.Length - 1 : json.Length;
            if (_buffer is null || _buffer.Length < end)
            {
                _buffer = new char[System.Math.Max(end, (_buffer?.Length ?? 128) * 2)];
            }

            if (Compact)
            {
                // A compact rendering has no line of its own to indent.
                json.CopyTo(0, _buffer, 0, end);
                _out.Write(_buffer, 0, end);
                _needComma = true;
                return;
            }

            // Line by line, not char by char: a facts file is megabytes of rendered items.
            json.CopyTo(0, _buffer, 0, end);
            int start = 0;
            for (int newLine = json.IndexOf('\n', 0, end); newLine >= 0; newLine = json.IndexOf('\n', start, end - start))
            {
                _out.Write(_buffer, start, newLine - start);
                NewLine();
                start = newLine + 1;
            }

            _out.Write(_buffer, start, end - start);
            _needComma = true;
        }

        /// <summary>Ends the document with its final line end (once).</summary>
        public void Finish()
        {
            if (!_finished)
            {
                _finished = true;
                _out.Write('\n');
            }
        }

        /// <summary>The JSON written so far, ended by a line end (a string writer only).</summary>
        public override string ToString()
        {
            Finish();
            return _out is StringWriter text ? text.ToString() : base.ToString()!;
        }

        private void Open(char c)
        {
            Separate();
            _out.Write(c);
            _depth++;
            _needComma = false;
        }

        private void Close(char c)
        {
            _depth--;
            if (_needComma)
            {
                NewLine();
            }

            _out.Write(c);
            _needComma = true;
        }

        private void Separate()
        {
            if (_afterName)
            {
                _afterName = false;
                return;
            }

            if (_needComma)
            {
                _out.Write(',');
            }

            if (_started)
            {
                NewLine();
            }

            _started = true;
        }

        private void NewLine()
        {
            if (Compact)
            {
                return;
            }

            _out.Write('\n');
            _out.Write(Indent(_depth));
        }

        private static readonly string[] Indents = CreateIndents(16);

        private static string[] CreateIndents(int count)
        {
            var indents = new string[count];
            for (int i = 0; i < count; i++)
            {
                indents[i] = new string(' ', i * 2);
            }

            return indents;
        }

        private static string Indent(int depth) => depth < Indents.Length ? Indents[depth] : new string(' ', depth * 2);

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static bool NeedsEscape(string value)
        {
            foreach (char c in value)
            {
                if (c < 0x20 || c is '"' or '\\' or '<' or '>' or '&')
                {
                    return true;
                }
            }

            return false;
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void AppendString(string value)
        {
            _out.Write('"');
            if (!NeedsEscape(value))
            {
                _out.Write(value);
                _out.Write('"');
                return;
            }

            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': _out.Write("\\\""); break;
                    case '\\': _out.Write("\\\\"); break;
                    case '\n': _out.Write("\\n"); break;
                    case '\r': _out.Write("\\r"); break;
                    case '\t': _out.Write("\\t"); break;
                    default:
                        if (c < 0x20 || c == '<' || c == '>' || c == '&')
                        {
                            _out.Write("\\u");
                            _out.Write(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            _out.Write(c);
                        }

                        break;
                }
            }

            _out.Write('"');
        }
    }
}
