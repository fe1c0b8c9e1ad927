using System;
using System.IO;
using Residency.Analyzers.Inventory;

namespace Residency.Build.Writing
{
    /// <summary>
    /// Writes a file atomically and only when its bytes change: the content is streamed to a temporary file in the
    /// same directory, which then replaces the target (or is deleted when the target already has the same bytes), so a
    /// reader never sees half a file and an unchanged file keeps its timestamp (incremental builds and file watchers
    /// stay quiet).
    /// </summary>
    internal static class AtomicFile
    {
        /// <summary>Returns true when the file was written, false when it already had exactly this content.</summary>
        public static bool WriteIfChanged(string path, string content) => WriteIfChanged(path, writer => writer.Write(content));

        /// <summary>
        /// Streams what <paramref name="write"/> writes (UTF-8, no byte order mark) to a temporary file beside
        /// <paramref name="path"/>, which then replaces it, unless the two files have the same bytes: a large record is
        /// never one string in memory. Returns true when the file was written, false when it already had this content.
        /// </summary>
        public static bool WriteIfChanged(string path, Action<TextWriter> write)
        {
            var temp = FileContent.WriteTemporary(path, write);
            try
            {
                if (File.Exists(path))
                {
                    if (SameBytes(path, temp))
                    {
                        return false;
                    }

                    Replace(temp, path);
                }
                else
                {
                    try
                    {
                        File.Move(temp, path);
                    }
                    catch (IOException) when (File.Exists(path))
                    {
                        Replace(temp, path); // created meanwhile by a parallel build of the same project
                    }
                }
            }
            finally
            {
                FileContent.TryDelete(temp);
            }

            return true;
        }

        private static void Replace(string temp, string path)
        {
            try
            {
                File.Replace(temp, path, destinationBackupFileName: null, ignoreMetadataErrors: true);
            }
            catch (Exception e) when (e is PlatformNotSupportedException || e is IOException || e is UnauthorizedAccessException)
            {
                // File systems without an atomic replace (some network shares): fall back to a plain overwrite.
                File.Copy(temp, path, overwrite: true);
            }
        }

        private static bool SameBytes(string path, string temp)
        {
            try
            {
                return FileContent.Same(path, temp);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
