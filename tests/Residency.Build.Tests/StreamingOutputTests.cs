using System;
using System.IO;
using System.Linq;
using System.Text;
using Residency.Build.Writing;
using Xunit;

namespace Residency.Build.Tests
{
    /// <summary>
    /// The inventory's files are streamed to disk (<see cref="AtomicFile"/>, <see cref="TextSpill"/>): the bytes must be
    /// those of the whole text, and a file whose bytes do not change must keep its timestamp, across buffer boundaries.
    /// </summary>
    public class StreamingOutputTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "residency-streaming-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }

        [Fact]
        public void Spilling_a_builder_in_pieces_gives_the_same_text()
        {
            var expected = new StringBuilder();
            var output = new StringWriter();
            var builder = new StringBuilder();
            for (int row = 0; row < 5000; row++)
            {
                var line = "| row " + row + " | " + new string((char)('a' + (row % 26)), row % 37) + " |\n";
                expected.Append(line);
                builder.Append(line);
                TextSpill.IfLarge(builder, output);
                Assert.True(builder.Length < 64 * 1024, "the builder is emptied once it holds a few pages");
            }

            TextSpill.All(builder, output);

            Assert.Equal(0, builder.Length);
            Assert.Equal(expected.ToString(), output.ToString());
        }

        [Fact]
        public void A_streamed_file_larger_than_the_buffers_is_written_once_and_then_left_alone()
        {
            var path = Path.Combine(_directory, "nested", "inventory.md");
            var text = Text(300_000, 'x');

            Assert.True(AtomicFile.WriteIfChanged(path, w => Write(w, text)));
            Assert.Equal(text, File.ReadAllText(path));

            var old = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(path, old);
            Assert.False(AtomicFile.WriteIfChanged(path, w => Write(w, text)));
            Assert.Equal(old, File.GetLastWriteTimeUtc(path));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary file left behind
        }

        [Theory]
        [InlineData(10)] // in the first buffer
        [InlineData(150_000)] // in a later buffer
        [InlineData(299_999)] // the last byte
        public void A_file_of_the_same_length_with_one_byte_changed_is_replaced(int position)
        {
            var path = Path.Combine(_directory, "inventory.csv");
            var text = Text(300_000, 'x');
            AtomicFile.WriteIfChanged(path, w => Write(w, text));
            var old = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(path, old);

            var changed = text.Substring(0, position) + "y" + text.Substring(position + 1);
            Assert.True(AtomicFile.WriteIfChanged(path, w => Write(w, changed)));

            Assert.Equal(changed, File.ReadAllText(path));
            Assert.NotEqual(old, File.GetLastWriteTimeUtc(path));
            Assert.Single(Directory.GetFiles(_directory));
        }

        [Fact]
        public void Streamed_text_is_utf8_without_a_byte_order_mark_and_keeps_its_line_feeds()
        {
            var path = Path.Combine(_directory, "inventory.json");
            AtomicFile.WriteIfChanged(path, w =>
            {
                w.Write("Zürich → São Paulo\n");
                w.WriteLine("line");
            });

            var bytes = File.ReadAllBytes(path);
            Assert.Equal(Encoding.UTF8.GetBytes("Zürich → São Paulo\nline\n"), bytes);
        }

        [Fact]
        public void A_failed_rendering_leaves_the_previous_file_and_no_temporary_file()
        {
            var path = Path.Combine(_directory, "inventory.html");
            AtomicFile.WriteIfChanged(path, "<p>old</p>\n");

            Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteIfChanged(path, w =>
            {
                w.Write(Text(200_000, 'z'));
                throw new InvalidOperationException("rendering failed");
            }));

            Assert.Equal("<p>old</p>\n", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(_directory));
        }

        private static string Text(int length, char fill)
        {
            var builder = new StringBuilder(length);
            for (int i = 0; builder.Length < length; i++)
            {
                builder.Append(i % 100 == 99 ? '\n' : fill);
            }

            return builder.ToString();
        }

        // In pieces, as the writers spill them.
        private static void Write(TextWriter writer, string text)
        {
            foreach (var piece in Enumerable.Range(0, (text.Length + 9999) / 10000).Select(i => text.Substring(i * 10000, Math.Min(10000, text.Length - (i * 10000)))))
            {
                writer.Write(piece);
            }
        }
    }
}
