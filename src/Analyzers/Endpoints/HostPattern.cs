using System;
using System.Collections.Generic;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>
    /// A host pattern of the catalogue (docs/endpoints.md, "Host pattern syntax"): dot-separated labels matched
    /// case-insensitively label by label; a label may hold one placeholder (<c>*</c>, <c>{name}</c>, <c>{name:map}</c>);
    /// the pattern may start with <c>**</c> (one or more leading labels). Hand-written matching, no regular expressions.
    /// </summary>
    internal sealed class HostPattern
    {
        private readonly Label[] _labels;

        private HostPattern(string text, Label[] labels, bool leadingDoubleStar)
        {
            Text = text;
            _labels = labels;
            LeadingDoubleStar = leadingDoubleStar;
            foreach (var label in labels)
            {
                LiteralCount += label.Prefix.Length + label.Suffix.Length;
                if (label.Map is not null)
                {
                    MapCaptureCount++;
                }
            }

            // Dots between labels are literal characters; so is the dot after a leading "**".
            LiteralCount += labels.Length - 1 + (leadingDoubleStar ? 1 : 0);
        }

        public string Text { get; }

        public bool LeadingDoubleStar { get; }

        /// <summary>Characters outside placeholders, dots included (the precedence rule).</summary>
        public int LiteralCount { get; }

        public int MapCaptureCount { get; }

        /// <summary>The names of the <c>{name}</c> and <c>{name:map}</c> captures, in order.</summary>
        public IEnumerable<string> CaptureNames
        {
            get
            {
                foreach (var label in _labels)
                {
                    if (label.Name is not null)
                    {
                        yield return label.Name;
                    }
                }
            }
        }

        /// <summary>The map names used by <c>{name:map}</c> captures, with the capture name.</summary>
        public IEnumerable<(string Name, string Map)> MapCaptures
        {
            get
            {
                foreach (var label in _labels)
                {
                    if (label.Name is not null && label.Map is not null)
                    {
                        yield return (label.Name, label.Map);
                    }
                }
            }
        }

        /// <summary>Parses a pattern; returns null with <paramref name="error"/> set when it is malformed.</summary>
        public static HostPattern? TryParse(string? text, out string? error)
        {
            error = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                error = "the host pattern is empty";
                return null;
            }

            var parts = text!.Trim().Split('.');
            var labels = new List<Label>(parts.Length);
            bool doubleStar = false;
            for (int i = 0; i < parts.Length; i++)
            {
                var part = parts[i];
                if (part == "**")
                {
                    if (i != 0 || parts.Length == 1)
                    {
                        error = "'**' is allowed only as the first label, followed by more labels";
                        return null;
                    }

                    doubleStar = true;
                    continue;
                }

                var label = ParseLabel(part, out error);
                if (label is null)
                {
                    error = $"label '{part}': {error}";
                    return null;
                }

                labels.Add(label);
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var label in labels)
            {
                if (label.Name is not null && !names.Add(label.Name))
                {
                    error = $"the capture '{{{label.Name}}}' appears twice";
                    return null;
                }
            }

            return new HostPattern(text.Trim(), labels.ToArray(), doubleStar);
        }

        private static Label? ParseLabel(string part, out string? error)
        {
            error = null;
            if (part.Length == 0)
            {
                error = "empty label";
                return null;
            }

            int star = part.IndexOf('*');
            int brace = part.IndexOf('{');
            if (star >= 0 && brace >= 0)
            {
                error = "more than one placeholder";
                return null;
            }

            if (star >= 0)
            {
                if (part.IndexOf('*', star + 1) >= 0)
                {
                    error = "more than one placeholder";
                    return null;
                }

                var prefix = part.Substring(0, star);
                var suffix = part.Substring(star + 1);
                return IsLiteral(prefix) && IsLiteral(suffix) ? new Label(prefix, suffix, true, null, null) : Invalid(out error);
            }

            if (brace >= 0)
            {
                int close = part.IndexOf('}', brace);
                if (close < 0 || part.IndexOf('{', brace + 1) >= 0 || part.IndexOf('}', close + 1) >= 0)
                {
                    error = "unbalanced or repeated '{…}'";
                    return null;
                }

                var inner = part.Substring(brace + 1, close - brace - 1);
                string name = inner;
                string? map = null;
                int colon = inner.IndexOf(':');
                if (colon >= 0)
                {
                    name = inner.Substring(0, colon);
                    map = inner.Substring(colon + 1);
                    if (!IsIdentifier(map))
                    {
                        error = $"'{map}' is not a map name";
                        return null;
                    }
                }

                if (!IsIdentifier(name))
                {
                    error = $"'{name}' is not a capture name";
                    return null;
                }

                var prefix = part.Substring(0, brace);
                var suffix = part.Substring(close + 1);
                return IsLiteral(prefix) && IsLiteral(suffix) ? new Label(prefix, suffix, true, name, map) : Invalid(out error);
            }

            return IsLiteral(part) ? new Label(part, string.Empty, false, null, null) : Invalid(out error);
        }

        private static Label? Invalid(out string? error)
        {
            error = "only letters, digits, '-' and '_' are allowed around a placeholder";
            return null;
        }

        internal static bool IsIdentifier(string text)
        {
            if (text.Length == 0 || !IsAsciiLetter(text[0]))
            {
                return false;
            }

            foreach (char c in text)
            {
                if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsLiteral(string text)
        {
            foreach (char c in text)
            {
                if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Matches a host (already split into labels, lower-case). On success, <paramref name="captures"/> holds the
        /// <c>{name}</c> captures (as written in the host) and <paramref name="mapped"/> the region-map values of
        /// <c>{name:map}</c> captures.
        /// </summary>
        public bool Match(string[] hostLabels, Func<string, string, string?> mapLookup, out Dictionary<string, string>? captures, out Dictionary<string, string>? mapped)
        {
            captures = null;
            mapped = null;
            int offset;
            if (LeadingDoubleStar)
            {
                if (hostLabels.Length < _labels.Length + 1)
                {
                    return false;
                }

                offset = hostLabels.Length - _labels.Length;
            }
            else
            {
                if (hostLabels.Length != _labels.Length)
                {
                    return false;
                }

                offset = 0;
            }

            for (int i = 0; i < _labels.Length; i++)
            {
                var label = _labels[i];
                var text = hostLabels[offset + i];
                if (!label.HasPlaceholder)
                {
                    if (!string.Equals(label.Prefix, text, StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }

                    continue;
                }

                if (text.Length < label.Prefix.Length + label.Suffix.Length + 1 ||
                    !text.StartsWith(label.Prefix, StringComparison.OrdinalIgnoreCase) ||
                    !text.EndsWith(label.Suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                if (label.Name is null)
                {
                    continue;
                }

                var value = text.Substring(label.Prefix.Length, text.Length - label.Prefix.Length - label.Suffix.Length);
                if (label.Map is not null)
                {
                    var region = mapLookup(label.Map, value);
                    if (region is null)
                    {
                        return false;
                    }

                    mapped ??= new Dictionary<string, string>(StringComparer.Ordinal);
                    mapped[label.Name] = region;
                }

                captures ??= new Dictionary<string, string>(StringComparer.Ordinal);
                captures[label.Name] = value;
            }

            return true;
        }

        /// <summary>Replaces <c>{name}</c> in <paramref name="template"/> with the captures; null when a capture is missing.</summary>
        public static string? Expand(string? template, IReadOnlyDictionary<string, string>? captures)
        {
            if (template is null || template.IndexOf('{') < 0)
            {
                return template;
            }

            var sb = new System.Text.StringBuilder(template.Length + 16);
            int i = 0;
            while (i < template.Length)
            {
                int open = template.IndexOf('{', i);
                if (open < 0)
                {
                    sb.Append(template, i, template.Length - i);
                    break;
                }

                int close = template.IndexOf('}', open);
                if (close < 0)
                {
                    sb.Append(template, i, template.Length - i);
                    break;
                }

                sb.Append(template, i, open - i);
                var name = template.Substring(open + 1, close - open - 1);
                if (captures is null || !captures.TryGetValue(name, out var value))
                {
                    return null;
                }

                sb.Append(value);
                i = close + 1;
            }

            return sb.ToString();
        }

        public override string ToString() => Text;

        private sealed class Label
        {
            public Label(string prefix, string suffix, bool hasPlaceholder, string? name, string? map)
            {
                Prefix = prefix;
                Suffix = suffix;
                HasPlaceholder = hasPlaceholder;
                Name = name;
                Map = map;
            }

            public string Prefix { get; }

            public string Suffix { get; }

            public bool HasPlaceholder { get; }

            public string? Name { get; }

            public string? Map { get; }
        }
    }
}
