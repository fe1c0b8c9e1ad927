using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Residency.Analyzers.Json
{
    /// <summary>Thrown for malformed JSON; carries the 1-based line and column of the problem.</summary>
    internal sealed class JsonParseException : Exception
    {
        public JsonParseException(string message, int line, int column)
            : base(message)
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }

        public int Column { get; }
    }

    /// <summary>
    /// A small, dependency-free JSON parser (RFC 8259 plus the comments and trailing commas that
    /// <c>appsettings.json</c> allows). Analyzers and MSBuild tasks cannot rely on System.Text.Json being loadable
    /// in every host (VS, the .NET 8–10 SDKs), so both use this one.
    /// </summary>
    internal sealed class JsonParser
    {
        private const int MaxDepth = 128;
        private readonly string _text;
        private int _pos;
        private int _line = 1;
        private int _lineStart;

        // One list of members per nesting depth, reused by every object at that depth: each object keeps only an array
        // of its exact size (no list and no grown-and-dropped arrays per object).
        private readonly List<List<KeyValuePair<string, JsonNode>>> _scratch = new();

        private JsonParser(string text)
        {
            _text = text;
        }

        public static JsonNode Parse(string text)
        {
            var parser = new JsonParser(text);
            if (parser._text.Length > 0 && parser._text[0] == '\uFEFF')
            {
                parser._pos = 1;
            }

            parser.SkipTrivia();
            var value = parser.ParseValue(0);
            parser.SkipTrivia();
            if (parser._pos < parser._text.Length)
            {
                throw parser.Error("unexpected text after the JSON value");
            }

            return value;
        }

        /// <summary>Parses without throwing; <paramref name="error"/> is set when the text is malformed.</summary>
        public static JsonNode? TryParse(string text, out JsonParseException? error)
        {
            try
            {
                error = null;
                return Parse(text);
            }
            catch (JsonParseException e)
            {
                error = e;
                return null;
            }
        }

        /// <summary>
        /// Reads a document whose root is an object one member at a time, without a tree of the whole document:
        /// <paramref name="member"/> gets each member's name and reads its value with <see cref="ReadValue"/> or
        /// <see cref="ReadItems"/> (a value it leaves unread is skipped). A facts file of megabytes is mapped item by
        /// item this way, each item's tree garbage as soon as it is mapped. Returns false when the text is valid JSON
        /// but its root is not an object; throws <see cref="JsonParseException"/> for malformed JSON, as
        /// <see cref="Parse"/> does.
        /// </summary>
        public static bool ReadMembers(string text, Action<string, JsonParser> member)
        {
            var parser = new JsonParser(text);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                parser._pos = 1;
            }

            parser.SkipTrivia();
            if (parser._pos >= text.Length || text[parser._pos] != '{')
            {
                Parse(text); // malformed JSON throws here, with its line and column
                return false;
            }

            parser._pos++;
            parser.SkipTrivia();
            while (parser.NextMember(out var name))
            {
                parser._valueRead = false;
                member(name, parser);
                if (!parser._valueRead)
                {
                    parser.ReadValue();
                }

                parser.AfterValue('}');
            }

            parser.SkipTrivia();
            if (parser._pos < text.Length)
            {
                throw parser.Error("unexpected text after the JSON value");
            }

            return true;
        }

        // Whether the member being read by ReadMembers has had its value read.
        private bool _valueRead;

        /// <summary>In <see cref="ReadMembers"/>: the current member's value, as a tree.</summary>
        public JsonNode ReadValue()
        {
            if (_valueRead)
            {
                throw new InvalidOperationException("the member's value has been read already");
            }

            _valueRead = true;
            return ParseValue(1);
        }

        /// <summary>
        /// In <see cref="ReadMembers"/>: each item of the current member's value, if it is an array, handed to
        /// <paramref name="item"/> as soon as it is parsed and kept by nothing else; a value that is not an array is
        /// read and gives no items.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public void ReadItems(Action<JsonNode> item)
        {
            if (_valueRead)
            {
                throw new InvalidOperationException("the member's value has been read already");
            }

            _valueRead = true;
            if (_pos >= _text.Length || _text[_pos] != '[')
            {
                ParseValue(1);
                return;
            }

            _pos++;
            SkipTrivia();
            while (NextItem())
            {
                item(ParseValue(2));
                AfterValue(']');
            }
        }

        private int Column => _pos - _lineStart + 1;

        private JsonParseException Error(string message) => new(message, _line, Column);

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private JsonNode ParseValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("JSON nested too deeply");
            }

            if (_pos >= _text.Length)
            {
                throw Error("unexpected end of JSON");
            }

            int line = _line, column = Column;
            char c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ParseObject(depth, line, column);
                case '[':
                    return ParseArray(depth, line, column);
                case '"':
                    return JsonNode.Scalar(JsonKind.String, line, column, ParseString());
                case 't':
                    ExpectWord("true");
                    return JsonNode.Scalar(JsonKind.True, line, column, "true");
                case 'f':
                    ExpectWord("false");
                    return JsonNode.Scalar(JsonKind.False, line, column, "false");
                case 'n':
                    ExpectWord("null");
                    return JsonNode.Scalar(JsonKind.Null, line, column, null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return JsonNode.Scalar(JsonKind.Number, line, column, ParseNumber());
                    }

                    throw Error($"unexpected character '{c}'");
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private JsonNode ParseObject(int depth, int line, int column)
        {
            _pos++;
            while (_scratch.Count <= depth)
            {
                _scratch.Add(new List<KeyValuePair<string, JsonNode>>());
            }

            var members = _scratch[depth];
            members.Clear();
            SkipTrivia();
            while (NextMember(out var name))
            {
                members.Add(new KeyValuePair<string, JsonNode>(name, ParseValue(depth + 1)));
                AfterValue('}');
            }

            var result = JsonNode.Object(line, column, members.ToArray());
            members.Clear(); // no references kept to a parsed document
            return result;
        }

        private JsonNode ParseArray(int depth, int line, int column)
        {
            _pos++;
            var items = new List<JsonNode>();
            SkipTrivia();
            while (NextItem())
            {
                items.Add(ParseValue(depth + 1));
                AfterValue(']');
            }

            return JsonNode.Array(line, column, items);
        }

        /// <summary>
        /// In an object, at a member or its closing brace: reads the member's name and the colon after it (then the value
        /// is next), or consumes the closing brace and returns false.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool NextMember(out string name)
        {
            name = "";
            if (_pos >= _text.Length)
            {
                throw Error("unterminated object: expected '}'");
            }

            if (_text[_pos] == '}')
            {
                _pos++;
                return false;
            }

            if (_text[_pos] != '"')
            {
                throw Error("expected a property name in double quotes");
            }

            name = ParseString();
            SkipTrivia();
            if (_pos >= _text.Length || _text[_pos] != ':')
            {
                throw Error($"expected ':' after property name \"{name}\"");
            }

            _pos++;
            SkipTrivia();
            return true;
        }

        /// <summary>In an array, at an item or its closing bracket: whether an item is next (the bracket is consumed when not).</summary>
        private bool NextItem()
        {
            if (_pos >= _text.Length)
            {
                throw Error("unterminated array: expected ']'");
            }

            if (_text[_pos] == ']')
            {
                _pos++;
                return false;
            }

            return true;
        }

        /// <summary>After a member's or an item's value: the comma that separates it from the next (a trailing one is allowed), or <paramref name="close"/>.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void AfterValue(char close)
        {
            SkipTrivia();
            if (_pos < _text.Length && _text[_pos] == ',')
            {
                _pos++;
                SkipTrivia();
            }
            else if (_pos < _text.Length && _text[_pos] != close)
            {
                throw Error(close == '}' ? "expected ',' or '}' in object" : "expected ',' or ']' in array");
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private string ParseString()
        {
            int start = ++_pos;

            // Most strings have no escape sequence: one substring (short ones shared), no builder.
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == '"')
                {
                    var text = Slice(start, _pos - start);
                    _pos++;
                    return text;
                }

                if (c == '\\' || c == '\n')
                {
                    break;
                }

                _pos++;
            }

            var sb = new StringBuilder();
            sb.Append(_text, start, _pos - start);
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    throw Error("unterminated string");
                }

                char c = _text[_pos++];
                if (c == '"')
                {
                    return sb.ToString();
                }

                if (c == '\n')
                {
                    throw Error("line break inside a string");
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                if (_pos >= _text.Length)
                {
                    throw Error("unterminated escape sequence");
                }

                char e = _text[_pos++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 > _text.Length ||
                            !int.TryParse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            throw Error("invalid \\u escape");
                        }

                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        throw Error($"invalid escape '\\{e}'");
                }
            }
        }

        // Short strings (member names, kinds, regions) repeat throughout a facts file: one instance of each, looked up by
        // the characters in the text, so a repeated one allocates nothing.
        private const int MaxSharedLength = 32;
        private readonly string?[] _shared = new string?[1024];

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private string Slice(int start, int length)
        {
            if (length == 0)
            {
                return string.Empty;
            }

            if (length > MaxSharedLength)
            {
                return _text.Substring(start, length);
            }

            uint hash = 2166136261;
            for (int i = start; i < start + length; i++)
            {
                hash = (hash ^ _text[i]) * 16777619;
            }

            ref var slot = ref _shared[hash & (uint)(_shared.Length - 1)];
            if (slot is { } known && known.Length == length && string.CompareOrdinal(_text, start, known, 0, length) == 0)
            {
                return known;
            }

            return slot = _text.Substring(start, length);
        }

        private string ParseNumber()
        {
            int start = _pos;
            if (_text[_pos] == '-')
            {
                _pos++;
            }

            while (_pos < _text.Length && "0123456789.eE+-".IndexOf(_text[_pos]) >= 0)
            {
                _pos++;
            }

            var number = Slice(start, _pos - start);
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw Error($"invalid number '{number}'");
            }

            return number;
        }

        private void ExpectWord(string word)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
            {
                throw Error($"expected '{word}'");
            }

            _pos += word.Length;
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void SkipTrivia()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == '\n')
                {
                    _pos++;
                    _line++;
                    _lineStart = _pos;
                }
                else if (c == ' ' || c == '\t' || c == '\r')
                {
                    _pos++;
                }
                else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
                {
                    while (_pos < _text.Length && _text[_pos] != '\n')
                    {
                        _pos++;
                    }
                }
                else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
                {
                    _pos += 2;
                    while (_pos < _text.Length && !(_text[_pos] == '*' && _pos + 1 < _text.Length && _text[_pos + 1] == '/'))
                    {
                        if (_text[_pos] == '\n')
                        {
                            _line++;
                            _lineStart = _pos + 1;
                        }

                        _pos++;
                    }

                    if (_pos >= _text.Length)
                    {
                        throw Error("unterminated comment");
                    }

                    _pos += 2;
                }
                else
                {
                    return;
                }
            }
        }
    }
}
