using System;
using System.IO;
using System.Text;

namespace Residency.Analyzers.Inventory
{
    /// <summary>
    /// The steps the facts file the analyzers write and the inventory the task writes share: the content is streamed to a
    /// temporary file beside the target (never one string in memory), compared block by block with the file already
    /// there, and the temporary file removed when it is not moved into place. Each caller decides what replacing means
    /// for it (shared with the task: src/Build/Tasks links this file).
    /// </summary>
    internal static class FileContent
    {
        private const int BufferSize = 64 * 1024;

        // Below the large-object heap's threshold (85,000 bytes): a char buffer of 16 K is 32 KB.
        private const int WriterBufferSize = 16 * 1024;

        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

#pragma warning disable RS1035 // File I/O: only on the facts file, the documented output of a command-line compilation (docs/architecture.md).
        /// <summary>
        /// Streams what <paramref name="write"/> writes (UTF-8 without a byte order mark, <c>\n</c> line ends) to a new
        /// temporary file in the directory of <paramref name="path"/>, created if needed, and returns the temporary file's
        /// path. When writing fails, the temporary file is deleted and the exception goes on.
        /// </summary>
        public static string WriteTemporary(string path, Action<TextWriter> write)
        {
            var full = Path.GetFullPath(path);
            var directory = Path.GetDirectoryName(full)!;
            Directory.CreateDirectory(directory);
            var temporary = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize);
                using var writer = new StreamWriter(stream, Utf8, WriterBufferSize);
                writer.NewLine = "\n";
                write(writer);
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }

            return temporary;
        }

        /// <summary>Deletes <paramref name="path"/> if it exists; best effort (a stray temporary file is harmless).</summary>
        public static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
            }
        }

        /// <summary>True when <paramref name="existing"/> and <paramref name="written"/> have the same bytes. Throws what the file system throws.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static bool Same(string existing, string written)
        {
            using var first = new FileStream(existing, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize);
            using var second = new FileStream(written, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
            if (first.Length != second.Length)
            {
                return false;
            }

            var left = new byte[BufferSize];
            var right = new byte[BufferSize];
            while (true)
            {
                int read = Fill(first, left);
                if (read == 0)
                {
                    return true;
                }

                if (Fill(second, right) != read)
                {
                    return false;
                }

                for (int i = 0; i < read; i++)
                {
                    if (left[i] != right[i])
                    {
                        return false;
                    }
                }
            }
        }
#pragma warning restore RS1035

        /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends (a read may return fewer bytes).</summary>
        private static int Fill(Stream stream, byte[] buffer)
        {
            int total = 0;
            while (total < buffer.Length)
            {
                int read = stream.Read(buffer, total, buffer.Length - total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return total;
        }
    }
}
