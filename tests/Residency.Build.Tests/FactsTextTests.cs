using System.IO;
using System.Text;
using Residency.Build.Reading;
using Xunit;

namespace Residency.Build.Tests
{
    /// <summary>The facts file's text as the task reads it: UTF-8 decoded in one call, other encodings as .NET reads them.</summary>
    public sealed class FactsTextTests
    {
        private const string Text = "{\"format\":\"residency-facts\",\"message\":\"Größe, 名前, \\u00e9 😀\"}";

        [Theory]
        [InlineData("utf-8")]
        [InlineData("utf-8-bom")]
        [InlineData("utf-16LE")]
        [InlineData("utf-16BE")]
        [InlineData("utf-32LE")]
        [InlineData("utf-32BE")]
        public void TheTextIsWhatReadAllTextReads(string encoding)
        {
            var path = Path.Combine(Path.GetTempPath(), "residency-facts-text-" + encoding + "-" + Path.GetRandomFileName());
            try
            {
                Encoding written = encoding switch
                {
                    "utf-8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
                    "utf-8-bom" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
                    "utf-16LE" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
                    "utf-16BE" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
                    "utf-32LE" => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
                    _ => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
                };
                File.WriteAllText(path, Text, written);

                Assert.Equal(Text, FactsReader.ReadText(path));
                Assert.Equal(File.ReadAllText(path), FactsReader.ReadText(path));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void AnInvalidByteReadsAsTheReplacementCharacter()
        {
            var path = Path.Combine(Path.GetTempPath(), "residency-facts-text-invalid-" + Path.GetRandomFileName());
            try
            {
                File.WriteAllBytes(path, new byte[] { (byte)'{', 0xC3, (byte)'}' });

                Assert.Equal(File.ReadAllText(path), FactsReader.ReadText(path));
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
