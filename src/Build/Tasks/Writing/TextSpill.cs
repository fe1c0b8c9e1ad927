using System;
using System.IO;
using System.Text;

namespace Residency.Build.Writing
{
    /// <summary>
    /// Moves what a writer built in a <see cref="StringBuilder"/> to its output once the builder holds a few pages, so
    /// that a record of thousands of rows streams to disk (<see cref="AtomicFile"/>) instead of becoming one string of
    /// megabytes. The writers keep building rows with <see cref="StringBuilder"/> and call <see cref="IfLarge"/> between
    /// rows and <see cref="All"/> at the end.
    /// </summary>
    internal static class TextSpill
    {
        private const int Threshold = 16 * 1024;

        [ThreadStatic]
        private static char[]? _buffer;

        /// <summary>What <paramref name="write"/> streams, as one string (the writers' string form, for tests and small records).</summary>
        public static string ToText(Action<TextWriter> write)
        {
            var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            write(text);
            return text.ToString();
        }

        /// <summary>Writes the builder's text to <paramref name="output"/> and empties it, when it holds at least a few pages.</summary>
        public static void IfLarge(StringBuilder text, TextWriter output)
        {
            if (text.Length >= Threshold)
            {
                All(text, output);
            }
        }

        /// <summary>Writes the builder's text to <paramref name="output"/> and empties it.</summary>
        public static void All(StringBuilder text, TextWriter output)
        {
            var buffer = _buffer ??= new char[Threshold * 2];
            for (int offset = 0; offset < text.Length;)
            {
                int count = Math.Min(buffer.Length, text.Length - offset);
                text.CopyTo(offset, buffer, 0, count);
                output.Write(buffer, 0, count);
                offset += count;
            }

            text.Clear();
        }
    }
}
