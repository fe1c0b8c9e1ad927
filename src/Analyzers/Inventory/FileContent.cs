using System.IO;

namespace Residency.Analyzers.Inventory
{
    /// <summary>
    /// Whether two files have the same bytes, read in blocks: the facts file the analyzers write and the inventory the
    /// task writes are both streamed to a temporary file first, and compared with the file already there before they
    /// replace it (shared with the task: src/Build/Tasks links this file).
    /// </summary>
    internal static class FileContent
    {
        private const int BufferSize = 64 * 1024;

#pragma warning disable RS1035 // File I/O: only on the facts file, the documented output of a command-line compilation (docs/architecture.md).
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
