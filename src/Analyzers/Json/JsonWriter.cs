using System.Globalization;
using System.Text;

namespace Residency.Analyzers.Json
{
    /// <summary>
    /// A minimal, deterministic JSON writer (two-space indentation, '\n' line ends, invariant culture).
    /// Used for inventory and baseline files, whose bytes must not change when the code does not.
    /// </summary>
    internal sealed class JsonWriter
    {
        private readonly StringBuilder _sb = new();
        private int _depth;
        private bool _needComma;
        private bool _afterName;

        public void StartObject() => Open('{');

        public void EndObject() => Close('}');

        public void StartArray() => Open('[');

        public void EndArray() => Close(']');

        public void Name(string name)
        {
            Separate();
            AppendString(name);
            _sb.Append(": ");
            _afterName = true;
        }

        public void Value(string? value)
        {
            Separate();
            if (value is null)
            {
                _sb.Append("null");
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
            _sb.Append(value.ToString(CultureInfo.InvariantCulture));
            _needComma = true;
        }

        public void Value(bool value)
        {
            Separate();
            _sb.Append(value ? "true" : "false");
            _needComma = true;
        }

        public void Property(string name, string? value)
        {
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
            for (int i = 0; i < end; i++)
            {
                if (json[i] == '\n')
                {
                    NewLine();
                }
                else
                {
                    _sb.Append(json[i]);
                }
            }

            _needComma = true;
        }

        public override string ToString() => _sb.ToString() + "\n";

        private void Open(char c)
        {
            Separate();
            _sb.Append(c);
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

            _sb.Append(c);
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
                _sb.Append(',');
            }

            if (_sb.Length > 0)
            {
                NewLine();
            }
        }

        private void NewLine()
        {
            _sb.Append('\n');
            _sb.Append(' ', _depth * 2);
        }

        private void AppendString(string value)
        {
            _sb.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': _sb.Append("\\\""); break;
                    case '\\': _sb.Append("\\\\"); break;
                    case '\n': _sb.Append("\\n"); break;
                    case '\r': _sb.Append("\\r"); break;
                    case '\t': _sb.Append("\\t"); break;
                    default:
                        if (c < 0x20 || c == '<' || c == '>' || c == '&')
                        {
                            _sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            _sb.Append(c);
                        }

                        break;
                }
            }

            _sb.Append('"');
        }
    }
}
