using System;
using System.IO;

namespace Residency.Analyzers.Inventory
{
    /// <summary>
    /// The one file the analyzers write: the facts file, at the path the package's targets pass, in command-line builds
    /// only. Written atomically (a temporary file beside it, then a rename); when its bytes are unchanged only its time
    /// stamp is renewed, because it is a declared output of the compilation (an older output would make every later
    /// build compile again).
    /// </summary>
    internal static class FactsFileOutput
    {
#pragma warning disable RS1035 // File I/O: the facts file is the documented output of a command-line compilation (docs/architecture.md).
        /// <summary>
        /// Writes what <paramref name="write"/> writes, streamed to a temporary file beside <paramref name="path"/> (the
        /// content is never one string or byte array in memory: in a large compilation it would be a large-object-heap
        /// allocation in the compiler's process); null on success, else why it could not be written.
        /// </summary>
        public static string? TryWrite(string path, Action<TextWriter> write)
        {
            string? temporary = null;
            try
            {
                var full = Path.GetFullPath(path);
                temporary = FileContent.WriteTemporary(full, write);
                if (File.Exists(full) && FileContent.Same(full, temporary))
                {
                    File.SetLastWriteTimeUtc(full, DateTime.UtcNow);
                    return null; // the temporary file is deleted below
                }

                if (File.Exists(full))
                {
                    File.Replace(temporary, full, destinationBackupFileName: null);
                }
                else
                {
                    File.Move(temporary, full);
                }

                temporary = null;
                return null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException || e is System.Security.SecurityException)
            {
                return e.Message;
            }
            finally
            {
                if (temporary is not null)
                {
                    FileContent.TryDelete(temporary);
                }
            }
        }

#pragma warning restore RS1035
    }
}
