using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;

namespace Residency.Build.Reading
{
    /// <summary>
    /// Finds the <c>residency/inventory.json</c> files shipped in referenced NuGet packages. Best effort: for each
    /// reference with <c>NuGetPackageId</c>/<c>NuGetPackageVersion</c> metadata it looks in
    /// <c>{NuGetPackageRoot}/{id}/{version}/</c> (lower case, the global packages folder layout), and otherwise walks up
    /// from the referenced file to the folder holding the package's <c>.nupkg.metadata</c> or <c>.nuspec</c>.
    /// </summary>
    internal static class PackageInventoryLocator
    {
        private const string RelativeInventory = "residency/inventory.json";

        public static IReadOnlyList<ReferencedInventory> Locate(IEnumerable<ITaskItem> references, string? packageRoot)
        {
            var result = new List<ReferencedInventory>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in references)
            {
                var id = item.GetMetadata("NuGetPackageId");
                var version = item.GetMetadata("NuGetPackageVersion");
                var key = string.IsNullOrEmpty(id) ? item.ItemSpec : id + "/" + version;
                if (!seen.Add(key))
                {
                    continue;
                }

                var found = FromPackageRoot(packageRoot, id, version) ?? FromReferencePath(item.ItemSpec);
                if (found is not null && !result.Exists(r => string.Equals(r.Path, found, StringComparison.OrdinalIgnoreCase)))
                {
                    result.Add(new ReferencedInventory(found, string.IsNullOrEmpty(id) ? null : id));
                }
            }

            result.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            return result;
        }

        private static string? FromPackageRoot(string? root, string id, string version)
        {
            if (string.IsNullOrEmpty(root) || string.IsNullOrEmpty(id) || string.IsNullOrEmpty(version))
            {
                return null;
            }

            try
            {
                var candidate = Path.Combine(root, id.ToLowerInvariant(), version.ToLowerInvariant(), RelativeInventory);
                return File.Exists(candidate) ? Path.GetFullPath(candidate) : null;
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException || e is IOException)
            {
                return null;
            }
        }

        private static string? FromReferencePath(string referencePath)
        {
            try
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(referencePath));
                for (int level = 0; level < 5 && !string.IsNullOrEmpty(directory); level++)
                {
                    if (File.Exists(Path.Combine(directory, ".nupkg.metadata")) || Directory.GetFiles(directory, "*.nuspec").Length > 0)
                    {
                        var candidate = Path.Combine(directory, RelativeInventory);
                        return File.Exists(candidate) ? candidate : null;
                    }

                    directory = Path.GetDirectoryName(directory);
                }
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException || e is IOException || e is UnauthorizedAccessException)
            {
            }

            return null;
        }
    }
}
