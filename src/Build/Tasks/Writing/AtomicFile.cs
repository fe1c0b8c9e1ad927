using System;
using System.IO;
using System.Text;

namespace Residency.Build.Writing
{
    /// <summary>
    /// Writes a file atomically and only when its bytes change: the content goes to a temporary file in the same
    /// directory, which then replaces the target, so a reader never sees half a file and an unchanged file keeps
    /// its timestamp (incremental builds and file watchers stay quiet).
    /// </summary>
    internal static class AtomicFile
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>Returns true when the file was written, false when it already had exactly this content.</summary>
        public static bool WriteIfChanged(string path, string content)
        {
            var bytes = Utf8.GetBytes(content);
            if (File.Exists(path) && SameBytes(path, bytes))
            {
                return false;
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                File.WriteAllBytes(temp, bytes);
                if (File.Exists(path))
                {
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
                TryDelete(temp);
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

        [System.Runtime.CompilerServices.MethodImpl(Residency.Analyzers.HotPath.Optimized)]
        private static bool SameBytes(string path, byte[] bytes)
        {
            try
            {
                var info = new FileInfo(path);
                if (info.Length != bytes.Length)
                {
                    return false;
                }

                var existing = File.ReadAllBytes(path);
                for (int i = 0; i < bytes.Length; i++)
                {
                    if (existing[i] != bytes[i])
                    {
                        return false;
                    }
                }

                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static void TryDelete(string path)
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
    }
}
