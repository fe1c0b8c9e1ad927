using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Json;

namespace Residency.Analyzers.Diagnostics
{
    /// <summary>
    /// The fingerprints recorded in <c>residency-baseline.json</c> (an AdditionalFile the package's targets pass), read
    /// once per file: the baseline suppressor and the inventory's facts use the same set.
    /// </summary>
    internal static class Baseline
    {
        public const string FileName = "residency-baseline.json";

        private static readonly ConditionalWeakTable<AdditionalText, ImmutableHashSet<string>> Cache = new();

        public static ImmutableHashSet<string> Load(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
        {
            foreach (var file in additionalFiles)
            {
                if (string.Equals(Path.GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase))
                {
                    return Cache.GetValue(file, f => Parse(f, cancellationToken));
                }
            }

            return ImmutableHashSet<string>.Empty;
        }

        private static ImmutableHashSet<string> Parse(AdditionalText file, CancellationToken cancellationToken)
        {
            var text = file.GetText(cancellationToken)?.ToString();
            if (text is null)
            {
                return ImmutableHashSet<string>.Empty;
            }

            // A malformed baseline suppresses nothing (the configuration analyzer reports RES004 for it).
            var root = JsonParser.TryParse(text, out _);
            var findings = root?.Get("findings");
            if (findings is null || !findings.IsArray)
            {
                return ImmutableHashSet<string>.Empty;
            }

            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var finding in findings.Items)
            {
                if (finding.GetString("fingerprint") is { Length: > 0 } fingerprint)
                {
                    set.Add(fingerprint);
                }
            }

            return set.ToImmutableHashSet(StringComparer.Ordinal);
        }
    }
}
