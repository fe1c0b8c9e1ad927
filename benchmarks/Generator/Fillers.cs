using System.Collections.Generic;

namespace Residency.Benchmarks.Generator
{
    /// <summary>
    /// Ordinary, non-personal static helper methods used to bring files to their target length. Each has a distinct
    /// name; a file takes each at most once. They need <c>System</c>, <c>System.Collections.Generic</c>,
    /// <c>System.Linq</c>, <c>System.Text</c> and <c>System.Globalization</c>.
    /// </summary>
    internal static class Fillers
    {
        public delegate string Filler(Rng rng);

        public static readonly string[] Usings =
        {
            "System", "System.Collections.Generic", "System.Globalization", "System.Linq", "System.Text",
        };

        public static readonly IReadOnlyList<Filler> All = new Filler[]
        {
            rng => $$"""
                /// <summary>Limits <paramref name="value"/> to the configured range.</summary>
                public static int ClampToRange(int value)
                {
                    const int Min = {{rng.Between(0, 10)}};
                    const int Max = {{rng.Between(50, 500)}};
                    return value < Min ? Min : value > Max ? Max : value;
                }
                """,
            rng => $$"""
                /// <summary>Exponential back-off with a cap, for retries.</summary>
                public static TimeSpan ComputeBackoff(int attempt)
                {
                    double millis = Math.Min({{rng.Between(100, 400)}} * Math.Pow(2, Math.Max(0, attempt)), {{rng.Between(5, 30)}}_000);
                    return TimeSpan.FromMilliseconds(millis);
                }
                """,
            rng => """
                /// <summary>Whether an HTTP status code is worth a retry.</summary>
                public static bool IsTransientStatus(int statusCode) => statusCode switch
                {
                    408 or 429 => true,
                    >= 500 and < 600 and not 501 => true,
                    _ => false,
                };
                """,
            rng => """
                /// <summary>Adler-32 checksum of a buffer.</summary>
                public static uint Adler32(ReadOnlySpan<byte> data)
                {
                    const uint Modulus = 65521;
                    uint a = 1, b = 0;
                    foreach (byte value in data)
                    {
                        a = (a + value) % Modulus;
                        b = (b + a) % Modulus;
                    }

                    return (b << 16) | a;
                }
                """,
            rng => """
                /// <summary>Collapses runs of white space into single spaces.</summary>
                public static string CollapseWhitespace(string text)
                {
                    var builder = new StringBuilder(text.Length);
                    bool previousWasSpace = false;
                    foreach (char c in text)
                    {
                        bool isSpace = char.IsWhiteSpace(c);
                        if (!isSpace || !previousWasSpace)
                        {
                            builder.Append(isSpace ? ' ' : c);
                        }

                        previousWasSpace = isSpace;
                    }

                    return builder.ToString().Trim();
                }
                """,
            rng => """
                /// <summary>The p-th percentile (0..100) of a sample, by linear interpolation.</summary>
                public static double PercentileOf(IReadOnlyList<double> values, double p)
                {
                    if (values.Count == 0)
                    {
                        return double.NaN;
                    }

                    var sorted = values.OrderBy(v => v).ToArray();
                    double rank = Math.Clamp(p, 0, 100) / 100.0 * (sorted.Length - 1);
                    int lower = (int)Math.Floor(rank);
                    int upper = (int)Math.Ceiling(rank);
                    return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
                }
                """,
            rng => $$"""
                /// <summary>Parses <c>key=value</c> pairs.</summary>
                public static Dictionary<string, string> ParsePairs(string text)
                {
                    var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var part in text.Split('{{rng.Pick(new[] { ";", ",", "&" })}}', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        int eq = part.IndexOf('=');
                        if (eq > 0)
                        {
                            result[part[..eq]] = part[(eq + 1)..];
                        }
                    }

                    return result;
                }
                """,
            rng => """
                /// <summary>A lower-case, dash-separated identifier for a title.</summary>
                public static string ToSlug(string title)
                {
                    var builder = new StringBuilder(title.Length);
                    foreach (char c in title.ToLowerInvariant())
                    {
                        if (char.IsLetterOrDigit(c))
                        {
                            builder.Append(c);
                        }
                        else if (builder.Length > 0 && builder[^1] != '-')
                        {
                            builder.Append('-');
                        }
                    }

                    return builder.ToString().TrimEnd('-');
                }
                """,
            rng => """
                /// <summary>Splits a total into chunk sizes.</summary>
                public static IEnumerable<int> ChunkSizes(int total, int chunk)
                {
                    if (chunk <= 0)
                    {
                        yield break;
                    }

                    for (int remaining = total; remaining > 0; remaining -= chunk)
                    {
                        yield return Math.Min(remaining, chunk);
                    }
                }
                """,
            rng => $$"""
                /// <summary>Rounds an amount to the nearest step.</summary>
                public static decimal RoundToStep(decimal amount)
                {
                    const decimal Step = {{rng.Pick(new[] { "0.05m", "0.25m", "0.10m" })}};
                    return Math.Round(amount / Step, MidpointRounding.AwayFromZero) * Step;
                }
                """,
            rng => """
                /// <summary>The n-th Fibonacci number, iteratively.</summary>
                public static long Fibonacci(int n)
                {
                    long previous = 0, current = 1;
                    for (int i = 0; i < n; i++)
                    {
                        (previous, current) = (current, previous + current);
                    }

                    return previous;
                }
                """,
            rng => """
                /// <summary>Greatest common divisor.</summary>
                public static long GreatestCommonDivisor(long a, long b)
                {
                    a = Math.Abs(a);
                    b = Math.Abs(b);
                    while (b != 0)
                    {
                        (a, b) = (b, a % b);
                    }

                    return a;
                }
                """,
            rng => """
                /// <summary>A human-readable size.</summary>
                public static string DescribeSize(long bytes) => bytes switch
                {
                    < 0 => "invalid",
                    < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
                    < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
                    < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
                    _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
                };
                """,
            rng => """
                /// <summary>Working days between two dates (start inclusive, end exclusive).</summary>
                public static int WorkingDaysBetween(DateOnly from, DateOnly to)
                {
                    int days = 0;
                    for (var day = from; day < to; day = day.AddDays(1))
                    {
                        if (day.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
                        {
                            days++;
                        }
                    }

                    return days;
                }
                """,
            rng => """
                /// <summary>Merges two sorted arrays.</summary>
                public static int[] MergeSorted(int[] left, int[] right)
                {
                    var result = new int[left.Length + right.Length];
                    int i = 0, j = 0, k = 0;
                    while (i < left.Length && j < right.Length)
                    {
                        result[k++] = left[i] <= right[j] ? left[i++] : right[j++];
                    }

                    while (i < left.Length)
                    {
                        result[k++] = left[i++];
                    }

                    while (j < right.Length)
                    {
                        result[k++] = right[j++];
                    }

                    return result;
                }
                """,
            rng => """
                /// <summary>Parses "major.minor".</summary>
                public static bool TryParseVersion(string text, out int major, out int minor)
                {
                    major = 0;
                    minor = 0;
                    var parts = text.Split('.');
                    return parts.Length == 2
                        && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out major)
                        && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minor);
                }
                """,
            rng => $$"""
                /// <summary>Counts values into equal-width buckets.</summary>
                public static int[] Histogram(IEnumerable<int> values, int min, int max)
                {
                    const int Buckets = {{rng.Between(4, 12)}};
                    var counts = new int[Buckets];
                    double width = Math.Max(1, max - min) / (double)Buckets;
                    foreach (int value in values.Where(v => v >= min && v <= max))
                    {
                        counts[Math.Min(Buckets - 1, (int)((value - min) / width))]++;
                    }

                    return counts;
                }
                """,
            rng => """
                /// <summary>Whether a code reads the same backwards, ignoring case.</summary>
                public static bool IsPalindrome(string code)
                {
                    for (int i = 0, j = code.Length - 1; i < j; i++, j--)
                    {
                        if (char.ToUpperInvariant(code[i]) != char.ToUpperInvariant(code[j]))
                        {
                            return false;
                        }
                    }

                    return true;
                }
                """,
            rng => """
                /// <summary>Weighted mean; zero when the weights sum to zero.</summary>
                public static double WeightedMean(IReadOnlyList<(double Value, double Weight)> samples)
                {
                    double sum = 0, weights = 0;
                    foreach (var (value, weight) in samples)
                    {
                        sum += value * weight;
                        weights += weight;
                    }

                    return weights == 0 ? 0 : sum / weights;
                }
                """,
            rng => """
                /// <summary>Number of set bits.</summary>
                public static int PopCount(ulong value)
                {
                    int count = 0;
                    while (value != 0)
                    {
                        value &= value - 1;
                        count++;
                    }

                    return count;
                }
                """,
            rng => """
                /// <summary>Linear interpolation between two values.</summary>
                public static double Lerp(double from, double to, double t) => from + (to - from) * Math.Clamp(t, 0, 1);
                """,
            rng => $$"""
                /// <summary>Moving average over a sliding window.</summary>
                public static IEnumerable<double> MovingAverage(IEnumerable<double> values)
                {
                    const int Window = {{rng.Between(3, 9)}};
                    var window = new Queue<double>(Window);
                    double sum = 0;
                    foreach (double value in values)
                    {
                        window.Enqueue(value);
                        sum += value;
                        if (window.Count > Window)
                        {
                            sum -= window.Dequeue();
                        }

                        yield return sum / window.Count;
                    }
                }
                """,
            rng => """
                /// <summary>Formats a duration as "1h 02m 03s".</summary>
                public static string FormatDuration(TimeSpan duration)
                {
                    var parts = new List<string>();
                    if (duration.TotalHours >= 1)
                    {
                        parts.Add(((int)duration.TotalHours).ToString(CultureInfo.InvariantCulture) + "h");
                    }

                    parts.Add(duration.Minutes.ToString("00", CultureInfo.InvariantCulture) + "m");
                    parts.Add(duration.Seconds.ToString("00", CultureInfo.InvariantCulture) + "s");
                    return string.Join(' ', parts);
                }
                """,
            rng => """
                /// <summary>Luhn check digit validation for reference numbers.</summary>
                public static bool PassesLuhn(string digits)
                {
                    int sum = 0;
                    bool doubleIt = false;
                    for (int i = digits.Length - 1; i >= 0; i--)
                    {
                        if (!char.IsAsciiDigit(digits[i]))
                        {
                            return false;
                        }

                        int d = digits[i] - '0';
                        if (doubleIt && (d *= 2) > 9)
                        {
                            d -= 9;
                        }

                        sum += d;
                        doubleIt = !doubleIt;
                    }

                    return digits.Length > 0 && sum % 10 == 0;
                }
                """,
        };
    }
}
