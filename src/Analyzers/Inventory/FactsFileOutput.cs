using System;
using System.IO;
using System.Text;

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
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

#pragma warning disable RS1035 // File I/O: the facts file is the documented output of a command-line compilation (docs/architecture.md).
        /// <summary>Writes <paramref name="content"/>; null on success, else why it could not be written.</summary>
        public static string? TryWrite(string path, string content)
        {
            string? temporary = null;
            try
            {
                var full = Path.GetFullPath(path);
                var bytes = Utf8.GetBytes(content);
                if (File.Exists(full) && Same(File.ReadAllBytes(full), bytes))
                {
                    File.SetLastWriteTimeUtc(full, DateTime.UtcNow);
                    return null;
                }

                var directory = Path.GetDirectoryName(full);
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }

                temporary = full + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
                File.WriteAllBytes(temporary, bytes);
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
                    try
                    {
                        File.Delete(temporary);
                    }
                    catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                    {
                        // Best effort: a stray temporary file is harmless.
                    }
                }
            }
        }
#pragma warning restore RS1035

        private static bool Same(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
