using System;
using System.Collections.Generic;
using System.IO;

namespace Residency.Build.Util
{
    /// <summary>File paths and file URIs, the same on every OS.</summary>
    internal static class PathUtil
    {
        private static readonly StringComparison PathComparison =
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        /// <summary>
        /// Turns a SARIF artifact URI (<c>file:///…</c>, or a path relative to <paramref name="baseDirectory"/>) into
        /// a full local path, or null when it is not a file.
        /// </summary>
        public static string? UriToLocalPath(string? uri, string? baseDirectory)
        {
            if (string.IsNullOrWhiteSpace(uri))
            {
                return null;
            }

            try
            {
                if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile)
                {
                    return Path.GetFullPath(absolute.LocalPath);
                }

                if (Uri.TryCreate(uri, UriKind.Absolute, out var other) && other.Scheme.Length > 1)
                {
                    return null; // http:, vscode: … — not a file we can relate to the project
                }

                var unescaped = Uri.UnescapeDataString(uri!).Replace('/', Path.DirectorySeparatorChar);
                return Path.GetFullPath(Path.IsPathRooted(unescaped) || baseDirectory is null
                    ? unescaped
                    : Path.Combine(baseDirectory, unescaped));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException || e is UriFormatException)
            {
                return null;
            }
        }

        /// <summary>
        /// <paramref name="path"/> relative to <paramref name="baseDirectory"/> with '/' separators (with "../" when it is
        /// outside it); the full path with '/' separators when they share no root.
        /// </summary>
        public static string ToRelative(string path, string? baseDirectory)
        {
            if (string.IsNullOrEmpty(baseDirectory))
            {
                return Normalise(path);
            }

            var from = Segments(baseDirectory!);
            var to = Segments(path);
            if (from.Count == 0 || to.Count == 0 || !string.Equals(from[0], to[0], PathComparison))
            {
                return Normalise(path);
            }

            int common = 0;
            while (common < from.Count && common < to.Count && string.Equals(from[common], to[common], PathComparison))
            {
                common++;
            }

            var parts = new List<string>();
            for (int i = common; i < from.Count; i++)
            {
                parts.Add("..");
            }

            for (int i = common; i < to.Count; i++)
            {
                parts.Add(to[i]);
            }

            return parts.Count == 0 ? "." : string.Join("/", parts);
        }

        /// <summary>The shorter of the path relative to <paramref name="currentDirectory"/> and the full path, in OS form.</summary>
        public static string ForDisplay(string fullPath, string? currentDirectory)
        {
            var relative = ToRelative(fullPath, currentDirectory);
            if (Path.IsPathRooted(relative.Replace('/', Path.DirectorySeparatorChar)) || relative.Length >= fullPath.Length)
            {
                return fullPath;
            }

            return relative.Replace('/', Path.DirectorySeparatorChar);
        }

        public static string Normalise(string path) => path.Replace('\\', '/');

        /// <summary>True when both name the same file.</summary>
        public static bool SamePath(string a, string b)
        {
            try
            {
                return string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), PathComparison);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return false;
            }
        }

        private static List<string> Segments(string path)
        {
            string full;
            try
            {
                full = Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                full = path;
            }

            var result = new List<string>();
            var root = Path.GetPathRoot(full) ?? "";
            result.Add(Normalise(root).TrimEnd('/'));
            foreach (var part in full.Substring(root.Length).Split(new[] { '/', '\\' }, StringSplitOptions.RemoveEmptyEntries))
            {
                result.Add(part);
            }

            return result;
        }
    }
}
