using System;
using System.Collections.Generic;
using System.Globalization;

namespace Residency.Benchmarks.Generator
{
    /// <summary>
    /// Ordinary code with no personal data: maths, parsing, collections, generic repositories, switch expressions
    /// and pattern matching. Each module takes 7 distinct templates, so type names are unique per namespace.
    /// </summary>
    internal static class OrdinaryTemplates
    {
        private static readonly Dictionary<string, Action<SourceFile, Rng>> Templates = new Dictionary<string, Action<SourceFile, Rng>>(StringComparer.Ordinal)
        {
            ["StatisticsCalculator"] = Statistics,
            ["CsvLineParser"] = Csv,
            ["LruCache"] = Lru,
            ["InMemoryRepository"] = Repository,
            ["ShapeGeometry"] = Shapes,
            ["RetryPolicy"] = Retry,
            ["VatCalculator"] = Vat,
            ["IsoDurationParser"] = Duration,
            ["RingBuffer"] = Ring,
            ["OrderStateMachine"] = StateMachine,
            ["TextStatistics"] = Text,
            ["DateRangeCalculator"] = DateRanges,
            ["VectorMath"] = Vectors,
            ["Paging"] = Paging,
            ["JobScheduler"] = Scheduler,
            ["UnitConverter"] = Units,
        };

        public static readonly IReadOnlyList<string> Names = new List<string>(Templates.Keys);

        private static readonly Dictionary<string, string> Headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["StatisticsCalculator"] = "/// <summary>Descriptive statistics over samples.</summary>\npublic static class StatisticsCalculator",
            ["CsvLineParser"] = "/// <summary>Parses delimited lines with quoted fields.</summary>\npublic sealed class CsvLineParser",
            ["LruCache"] = "/// <summary>A least-recently-used cache of bounded size.</summary>\npublic sealed class LruCache<TKey, TValue>\n    where TKey : notnull",
            ["InMemoryRepository"] = "/// <summary>A thread-safe in-memory repository.</summary>\npublic class InMemoryRepository<TKey, TEntity> : IRepository<TKey, TEntity>\n    where TKey : notnull\n    where TEntity : class, IEntity<TKey>",
            ["ShapeGeometry"] = "/// <summary>Areas and perimeters of shapes.</summary>\npublic static class ShapeGeometry",
            ["RetryPolicy"] = "/// <summary>Retries transient failures with exponential back-off.</summary>\npublic sealed class RetryPolicy",
            ["VatCalculator"] = "/// <summary>Value-added tax by country and rate class.</summary>\npublic static class VatCalculator",
            ["IsoDurationParser"] = "/// <summary>Parses ISO 8601 durations such as P1Y2M10DT2H30M.</summary>\npublic static class IsoDurationParser",
            ["RingBuffer"] = "/// <summary>A fixed-capacity circular buffer that overwrites the oldest item.</summary>\npublic sealed class RingBuffer<T> : IEnumerable<T>",
            ["OrderStateMachine"] = "/// <summary>The order workflow as a state machine.</summary>\npublic sealed class OrderStateMachine",
            ["TextStatistics"] = "/// <summary>Word statistics over catalogue texts.</summary>\npublic static class TextStatistics",
            ["DateRangeCalculator"] = "/// <summary>Operations on date ranges.</summary>\npublic static class DateRangeCalculator",
            ["VectorMath"] = "/// <summary>Two-dimensional vector helpers.</summary>\npublic static class VectorMath",
            ["Paging"] = "/// <summary>Paging over sequences.</summary>\npublic static class Paging",
            ["JobScheduler"] = "/// <summary>Runs jobs by priority and due time.</summary>\npublic sealed class JobScheduler",
            ["UnitConverter"] = "/// <summary>Converts between units of measure.</summary>\npublic static class UnitConverter",
        };

        public static SourceFile Create(ModuleInfo module, string template, Rng rng)
        {
            var file = new SourceFile($"src/{module.Area}/Core/{template}.cs", module.RootNamespace + ".Core", Headers[template]);
            file.Using(Fillers.Usings);
            Templates[template](file, rng);
            return file;
        }

        private static string N(double value) => value.ToString("0.0###", CultureInfo.InvariantCulture);

        private static void Statistics(SourceFile f, Rng rng)
        {
            f.Member("""
                /// <summary>Arithmetic mean; NaN for an empty sample.</summary>
                public static double Mean(IReadOnlyCollection<double> values) => values.Count == 0 ? double.NaN : values.Sum() / values.Count;
                """);
            f.Member("""
                /// <summary>Median of a sample.</summary>
                public static double Median(IEnumerable<double> values)
                {
                    var sorted = values.OrderBy(v => v).ToArray();
                    if (sorted.Length == 0)
                    {
                        return double.NaN;
                    }

                    int mid = sorted.Length / 2;
                    return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
                }
                """);
            f.Member("""
                /// <summary>Sample variance (n - 1).</summary>
                public static double Variance(IReadOnlyCollection<double> values)
                {
                    if (values.Count < 2)
                    {
                        return 0;
                    }

                    double mean = Mean(values);
                    return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
                }

                /// <summary>Sample standard deviation.</summary>
                public static double StandardDeviation(IReadOnlyCollection<double> values) => Math.Sqrt(Variance(values));
                """);
            f.Member($$"""
                /// <summary>Values further than the threshold, in standard deviations, from the mean.</summary>
                public static IEnumerable<double> Outliers(IReadOnlyCollection<double> values)
                {
                    const double Threshold = {{N(rng.Between(15, 35) / 10.0)}};
                    double mean = Mean(values);
                    double sd = StandardDeviation(values);
                    return sd == 0 ? Enumerable.Empty<double>() : values.Where(v => Math.Abs(v - mean) / sd > Threshold);
                }
                """);
            f.Member("""
                /// <summary>Smallest and largest value.</summary>
                public static (double Min, double Max) Range(IEnumerable<double> values)
                {
                    double min = double.PositiveInfinity, max = double.NegativeInfinity;
                    foreach (double v in values)
                    {
                        min = Math.Min(min, v);
                        max = Math.Max(max, v);
                    }

                    return (min, max);
                }
                """);
        }

        private static void Csv(SourceFile f, Rng rng)
        {
            char delimiter = rng.Pick(new[] { ',', ';', '|' });
            f.Member($$"""
                private readonly char _delimiter;

                /// <summary>Creates a parser for the given delimiter.</summary>
                public CsvLineParser(char delimiter = '{{delimiter}}')
                {
                    _delimiter = delimiter;
                }

                /// <summary>The field delimiter.</summary>
                public char Delimiter => _delimiter;
                """);
            f.Member("""
                /// <summary>Splits one line into fields, honouring double quotes.</summary>
                public IReadOnlyList<string> Parse(string line)
                {
                    var fields = new List<string>();
                    var current = new StringBuilder();
                    bool quoted = false;
                    for (int i = 0; i < line.Length; i++)
                    {
                        char c = line[i];
                        if (quoted)
                        {
                            if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                            {
                                current.Append('"');
                                i++;
                            }
                            else if (c == '"')
                            {
                                quoted = false;
                            }
                            else
                            {
                                current.Append(c);
                            }
                        }
                        else if (c == '"')
                        {
                            quoted = true;
                        }
                        else if (c == _delimiter)
                        {
                            fields.Add(current.ToString());
                            current.Clear();
                        }
                        else
                        {
                            current.Append(c);
                        }
                    }

                    fields.Add(current.ToString());
                    return fields;
                }
                """);
            f.Member("""
                /// <summary>Parses every non-empty, non-comment line.</summary>
                public IEnumerable<IReadOnlyList<string>> ParseAll(IEnumerable<string> lines) =>
                    lines.Where(l => l.Length > 0 && l[0] != '#').Select(Parse);

                /// <summary>Reads a numeric column, skipping unparsable cells.</summary>
                public IEnumerable<decimal> Column(IEnumerable<string> lines, int index)
                {
                    foreach (var fields in ParseAll(lines))
                    {
                        if (index < fields.Count && decimal.TryParse(fields[index], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                        {
                            yield return value;
                        }
                    }
                }
                """);
        }

        private static void Lru(SourceFile f, Rng rng)
        {
            f.Member($$"""
                private readonly int _capacity;
                private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _map;
                private readonly LinkedList<(TKey Key, TValue Value)> _order = new LinkedList<(TKey Key, TValue Value)>();

                /// <summary>Creates a cache holding at most <paramref name="capacity"/> entries.</summary>
                public LruCache(int capacity = {{rng.Pick(new[] { 64, 128, 256, 1024 })}})
                {
                    if (capacity <= 0)
                    {
                        throw new ArgumentOutOfRangeException(nameof(capacity));
                    }

                    _capacity = capacity;
                    _map = new Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>>(capacity);
                }

                /// <summary>Number of cached entries.</summary>
                public int Count => _map.Count;
                """);
            f.Member("""
                /// <summary>Looks up a value and marks it as recently used.</summary>
                public bool TryGet(TKey key, out TValue value)
                {
                    if (_map.TryGetValue(key, out var node))
                    {
                        _order.Remove(node);
                        _order.AddFirst(node);
                        value = node.Value.Value;
                        return true;
                    }

                    value = default!;
                    return false;
                }
                """);
            f.Member("""
                /// <summary>Adds or replaces a value, evicting the least recently used entry when full.</summary>
                public void Set(TKey key, TValue value)
                {
                    if (_map.TryGetValue(key, out var existing))
                    {
                        _order.Remove(existing);
                    }
                    else if (_map.Count >= _capacity && _order.Last is { } last)
                    {
                        _order.RemoveLast();
                        _map.Remove(last.Value.Key);
                    }

                    _map[key] = _order.AddFirst((key, value));
                }

                /// <summary>Returns the cached value or computes and caches it.</summary>
                public TValue GetOrAdd(TKey key, Func<TKey, TValue> factory)
                {
                    if (TryGet(key, out var value))
                    {
                        return value;
                    }

                    value = factory(key);
                    Set(key, value);
                    return value;
                }
                """);
        }

        private static void Repository(SourceFile f, Rng rng)
        {
            f.Before("""
                /// <summary>An entity with an identity.</summary>
                public interface IEntity<TKey>
                {
                    /// <summary>The identity.</summary>
                    TKey Key { get; }
                }

                /// <summary>Basic persistence operations.</summary>
                public interface IRepository<TKey, TEntity>
                    where TKey : notnull
                    where TEntity : class, IEntity<TKey>
                {
                    /// <summary>Finds an entity by key.</summary>
                    TEntity? Find(TKey key);

                    /// <summary>Adds or replaces an entity.</summary>
                    void Save(TEntity entity);

                    /// <summary>Removes an entity; false when it did not exist.</summary>
                    bool Delete(TKey key);

                    /// <summary>All entities matching a predicate.</summary>
                    IReadOnlyList<TEntity> Query(Func<TEntity, bool> predicate);
                }
                """);
            f.Member($$"""
                private readonly Dictionary<TKey, TEntity> _items = new Dictionary<TKey, TEntity>();
                private readonly object _gate = new object();

                /// <summary>Maximum number of results of <see cref="Query"/>.</summary>
                public int QueryLimit { get; init; } = {{rng.Pick(new[] { 100, 500, 1000 })}};
                """);
            f.Member("""
                /// <inheritdoc />
                public TEntity? Find(TKey key)
                {
                    lock (_gate)
                    {
                        return _items.TryGetValue(key, out var entity) ? entity : null;
                    }
                }

                /// <inheritdoc />
                public void Save(TEntity entity)
                {
                    lock (_gate)
                    {
                        _items[entity.Key] = entity;
                    }
                }

                /// <inheritdoc />
                public bool Delete(TKey key)
                {
                    lock (_gate)
                    {
                        return _items.Remove(key);
                    }
                }

                /// <inheritdoc />
                public IReadOnlyList<TEntity> Query(Func<TEntity, bool> predicate)
                {
                    lock (_gate)
                    {
                        return _items.Values.Where(predicate).Take(QueryLimit).ToList();
                    }
                }

                /// <summary>Number of stored entities.</summary>
                public int Count
                {
                    get
                    {
                        lock (_gate)
                        {
                            return _items.Count;
                        }
                    }
                }
                """);
        }

        private static void Shapes(SourceFile f, Rng rng)
        {
            f.Before("""
                /// <summary>A plane figure.</summary>
                public abstract record Shape;

                /// <summary>A circle.</summary>
                public sealed record Circle(double Radius) : Shape;

                /// <summary>An axis-aligned rectangle.</summary>
                public sealed record Rectangle(double Width, double Height) : Shape;

                /// <summary>A triangle given by its sides.</summary>
                public sealed record Triangle(double A, double B, double C) : Shape;
                """);
            f.Member("""
                /// <summary>Area of a shape.</summary>
                public static double Area(Shape shape) => shape switch
                {
                    Circle { Radius: var r } => Math.PI * r * r,
                    Rectangle { Width: var w, Height: var h } => w * h,
                    Triangle t => Heron(t),
                    _ => throw new ArgumentOutOfRangeException(nameof(shape)),
                };

                /// <summary>Perimeter of a shape.</summary>
                public static double Perimeter(Shape shape) => shape switch
                {
                    Circle c => 2 * Math.PI * c.Radius,
                    Rectangle r => 2 * (r.Width + r.Height),
                    Triangle t => t.A + t.B + t.C,
                    _ => throw new ArgumentOutOfRangeException(nameof(shape)),
                };

                private static double Heron(Triangle t)
                {
                    double s = (t.A + t.B + t.C) / 2;
                    return Math.Sqrt(Math.Max(0, s * (s - t.A) * (s - t.B) * (s - t.C)));
                }
                """);
            f.Member($$"""
                /// <summary>Describes a shape for a catalogue.</summary>
                public static string Describe(Shape shape) => shape switch
                {
                    Circle { Radius: <= 0 } => "degenerate circle",
                    Circle { Radius: < {{rng.Between(2, 5)}} } => "small circle",
                    Circle => "circle",
                    Rectangle { Width: var w, Height: var h } when Math.Abs(w - h) < 1e-9 => "square",
                    Rectangle => "rectangle",
                    Triangle { A: var a, B: var b, C: var c } when a == b && b == c => "equilateral triangle",
                    Triangle => "triangle",
                    _ => "shape",
                };

                /// <summary>Total area of a drawing.</summary>
                public static double TotalArea(IEnumerable<Shape> shapes) => shapes.Sum(Area);
                """);
        }

        private static void Retry(SourceFile f, Rng rng)
        {
            f.Member($$"""
                /// <summary>Maximum number of attempts, the first included.</summary>
                public int MaxAttempts { get; init; } = {{rng.Between(3, 6)}};

                /// <summary>Delay before the second attempt.</summary>
                public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds({{rng.Pick(new[] { 100, 200, 250, 500 })}});
                """);
            f.Member("""
                /// <summary>Whether an exception is worth a retry.</summary>
                public static bool IsTransient(Exception exception) => exception switch
                {
                    TimeoutException => true,
                    System.Net.Http.HttpRequestException { StatusCode: { } code } => (int)code is 408 or 429 or >= 500,
                    System.Net.Http.HttpRequestException => true,
                    AggregateException { InnerExceptions.Count: 1 } aggregate => IsTransient(aggregate.InnerExceptions[0]),
                    _ => false,
                };
                """);
            f.Member("""
                /// <summary>Runs an operation, retrying transient failures.</summary>
                public async System.Threading.Tasks.Task<T> ExecuteAsync<T>(Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<T>> operation, System.Threading.CancellationToken ct)
                {
                    for (int attempt = 1; ; attempt++)
                    {
                        try
                        {
                            return await operation(ct).ConfigureAwait(false);
                        }
                        catch (Exception ex) when (attempt < MaxAttempts && IsTransient(ex))
                        {
                            await System.Threading.Tasks.Task.Delay(DelayFor(attempt), ct).ConfigureAwait(false);
                        }
                    }
                }

                /// <summary>Delay after a failed attempt, with jitter.</summary>
                public TimeSpan DelayFor(int attempt)
                {
                    double factor = Math.Pow(2, attempt - 1);
                    double jitter = 1 + (Random.Shared.NextDouble() - 0.5) / 5;
                    return TimeSpan.FromMilliseconds(BaseDelay.TotalMilliseconds * factor * jitter);
                }
                """);
        }

        private static void Vat(SourceFile f, Rng rng)
        {
            f.Before("""
                /// <summary>VAT rate classes.</summary>
                public enum VatClass
                {
                    Standard,
                    Reduced,
                    Zero,
                }
                """);
            f.Member("""
                /// <summary>The rate for a country (ISO 3166-1 alpha-2) and class.</summary>
                public static decimal Rate(string country, VatClass rateClass) => (country.ToUpperInvariant(), rateClass) switch
                {
                    (_, VatClass.Zero) => 0m,
                    ("DE", VatClass.Standard) => 0.19m,
                    ("DE", VatClass.Reduced) => 0.07m,
                    ("FR", VatClass.Standard) => 0.20m,
                    ("FR", VatClass.Reduced) => 0.055m,
                    ("NL", VatClass.Standard) => 0.21m,
                    ("NL", VatClass.Reduced) => 0.09m,
                    ("IE", VatClass.Standard) => 0.23m,
                    ("IE", VatClass.Reduced) => 0.135m,
                    ("IT", VatClass.Standard) => 0.22m,
                    ("IT", VatClass.Reduced) => 0.10m,
                    ("ES", VatClass.Standard) => 0.21m,
                    ("ES", VatClass.Reduced) => 0.10m,
                    (_, VatClass.Standard) => 0.20m,
                    _ => 0.10m,
                };
                """);
            f.Member($$"""
                /// <summary>Gross amount from a net amount, rounded to cents.</summary>
                public static decimal Gross(decimal net, string country, VatClass rateClass) =>
                    Math.Round(net * (1 + Rate(country, rateClass)), 2, MidpointRounding.AwayFromZero);

                /// <summary>Net amount from a gross amount, rounded to cents.</summary>
                public static decimal Net(decimal gross, string country, VatClass rateClass) =>
                    Math.Round(gross / (1 + Rate(country, rateClass)), 2, MidpointRounding.AwayFromZero);

                /// <summary>Whether the reverse-charge mechanism applies (B2B above the threshold).</summary>
                public static bool IsReverseCharge(string sellerCountry, string buyerCountry, bool business, decimal amount) =>
                    business && amount > {{rng.Pick(new[] { "0m", "100m", "1000m" })}} && !string.Equals(sellerCountry, buyerCountry, StringComparison.OrdinalIgnoreCase);
                """);
        }

        private static void Duration(SourceFile f, Rng rng)
        {
            f.Member("""
                /// <summary>Parses a duration; months count as 30 days and years as 365.</summary>
                public static bool TryParse(string text, out TimeSpan duration)
                {
                    duration = TimeSpan.Zero;
                    if (text.Length < 3 || text[0] != 'P')
                    {
                        return false;
                    }

                    bool time = false;
                    long number = -1;
                    double totalSeconds = 0;
                    for (int i = 1; i < text.Length; i++)
                    {
                        char c = text[i];
                        if (c == 'T')
                        {
                            time = true;
                            continue;
                        }

                        if (char.IsAsciiDigit(c))
                        {
                            number = (number < 0 ? 0 : number * 10) + (c - '0');
                            continue;
                        }

                        if (number < 0)
                        {
                            return false;
                        }

                        double? unit = (c, time) switch
                        {
                            ('Y', false) => 365 * 86400,
                            ('M', false) => 30 * 86400,
                            ('W', false) => 7 * 86400,
                            ('D', false) => 86400,
                            ('H', true) => 3600,
                            ('M', true) => 60,
                            ('S', true) => 1,
                            _ => null,
                        };
                        if (unit is null)
                        {
                            return false;
                        }

                        totalSeconds += number * unit.Value;
                        number = -1;
                    }

                    duration = TimeSpan.FromSeconds(totalSeconds);
                    return number < 0;
                }
                """);
            f.Member($$"""
                /// <summary>Parses a duration or returns the default.</summary>
                public static TimeSpan ParseOrDefault(string? text) =>
                    text is not null && TryParse(text, out var value) ? value : TimeSpan.FromDays({{rng.Between(7, 90)}});

                /// <summary>Formats whole days as an ISO 8601 duration.</summary>
                public static string FormatDays(TimeSpan duration) =>
                    "P" + ((int)Math.Round(duration.TotalDays)).ToString(CultureInfo.InvariantCulture) + "D";
                """);
        }

        private static void Ring(SourceFile f, Rng rng)
        {
            f.Member($$"""
                private readonly T[] _items;
                private int _start;
                private int _count;

                /// <summary>Creates a buffer of the given capacity.</summary>
                public RingBuffer(int capacity = {{rng.Pick(new[] { 16, 32, 100, 256 })}})
                {
                    _items = new T[Math.Max(1, capacity)];
                }

                /// <summary>Number of items held.</summary>
                public int Count => _count;

                /// <summary>Maximum number of items.</summary>
                public int Capacity => _items.Length;
                """);
            f.Member("""
                /// <summary>Adds an item, overwriting the oldest when full.</summary>
                public void Add(T item)
                {
                    int end = (_start + _count) % _items.Length;
                    _items[end] = item;
                    if (_count == _items.Length)
                    {
                        _start = (_start + 1) % _items.Length;
                    }
                    else
                    {
                        _count++;
                    }
                }

                /// <summary>The item at a position, oldest first.</summary>
                public T this[int index]
                {
                    get
                    {
                        if ((uint)index >= (uint)_count)
                        {
                            throw new ArgumentOutOfRangeException(nameof(index));
                        }

                        return _items[(_start + index) % _items.Length];
                    }
                }

                /// <inheritdoc />
                public IEnumerator<T> GetEnumerator()
                {
                    for (int i = 0; i < _count; i++)
                    {
                        yield return _items[(_start + i) % _items.Length];
                    }
                }

                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
                """);
        }

        private static void StateMachine(SourceFile f, Rng rng)
        {
            f.Before("""
                /// <summary>States of an order.</summary>
                public enum OrderState
                {
                    Draft,
                    Submitted,
                    Paid,
                    Shipped,
                    Delivered,
                    Cancelled,
                    Refunded,
                }

                /// <summary>Events that move an order.</summary>
                public enum OrderTrigger
                {
                    Submit,
                    Pay,
                    Ship,
                    Deliver,
                    Cancel,
                    Refund,
                }
                """);
            f.Member($$"""
                private readonly List<(OrderState From, OrderTrigger Trigger, DateTimeOffset At)> _history = new();

                /// <summary>The current state.</summary>
                public OrderState State { get; private set; } = OrderState.Draft;

                /// <summary>Days after delivery in which a refund is allowed.</summary>
                public int RefundWindowDays { get; init; } = {{rng.Pick(new[] { 14, 30, 60 })}};

                /// <summary>The transitions taken so far.</summary>
                public int TransitionCount => _history.Count;
                """);
            f.Member("""
                /// <summary>The next state, or null when the trigger is not allowed.</summary>
                public static OrderState? Next(OrderState state, OrderTrigger trigger) => (state, trigger) switch
                {
                    (OrderState.Draft, OrderTrigger.Submit) => OrderState.Submitted,
                    (OrderState.Submitted, OrderTrigger.Pay) => OrderState.Paid,
                    (OrderState.Draft or OrderState.Submitted, OrderTrigger.Cancel) => OrderState.Cancelled,
                    (OrderState.Paid, OrderTrigger.Ship) => OrderState.Shipped,
                    (OrderState.Paid, OrderTrigger.Cancel) => OrderState.Refunded,
                    (OrderState.Shipped, OrderTrigger.Deliver) => OrderState.Delivered,
                    (OrderState.Delivered, OrderTrigger.Refund) => OrderState.Refunded,
                    _ => null,
                };

                /// <summary>Applies a trigger; false when it is not allowed in the current state.</summary>
                public bool Fire(OrderTrigger trigger, DateTimeOffset at)
                {
                    if (Next(State, trigger) is not { } next)
                    {
                        return false;
                    }

                    if (trigger == OrderTrigger.Refund)
                    {
                        int delivered = _history.FindLastIndex(h => h.Trigger == OrderTrigger.Deliver);
                        if (delivered >= 0 && (at - _history[delivered].At).TotalDays > RefundWindowDays)
                        {
                            return false;
                        }
                    }

                    _history.Add((State, trigger, at));
                    State = next;
                    return true;
                }

                /// <summary>Whether no further transition is possible.</summary>
                public bool IsFinal => State is OrderState.Cancelled or OrderState.Refunded;
                """);
        }

        private static void Text(SourceFile f, Rng rng)
        {
            f.Member($$"""
                private static readonly HashSet<string> StopWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
                {
                    "a", "an", "and", "the", "of", "to", "in", "for", "with", "on", "{{rng.Pick(new[] { "by", "at", "from" })}}",
                };
                """);
            f.Member("""
                /// <summary>Splits a text into lower-case words.</summary>
                public static IEnumerable<string> Words(string text)
                {
                    int start = -1;
                    for (int i = 0; i <= text.Length; i++)
                    {
                        bool letter = i < text.Length && char.IsLetterOrDigit(text[i]);
                        if (letter && start < 0)
                        {
                            start = i;
                        }
                        else if (!letter && start >= 0)
                        {
                            yield return text.Substring(start, i - start).ToLowerInvariant();
                            start = -1;
                        }
                    }
                }

                /// <summary>Word frequencies without stop words, most frequent first.</summary>
                public static IReadOnlyList<KeyValuePair<string, int>> Frequencies(IEnumerable<string> texts, int top)
                {
                    var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                    foreach (var word in texts.SelectMany(Words).Where(w => !StopWords.Contains(w)))
                    {
                        counts[word] = counts.TryGetValue(word, out int n) ? n + 1 : 1;
                    }

                    return counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(top).ToList();
                }

                /// <summary>Average word length.</summary>
                public static double AverageWordLength(string text)
                {
                    var words = Words(text).ToList();
                    return words.Count == 0 ? 0 : words.Average(w => w.Length);
                }
                """);
        }

        private static void DateRanges(SourceFile f, Rng rng)
        {
            f.Before("""
                /// <summary>A closed range of dates.</summary>
                public readonly record struct DateRange(DateOnly Start, DateOnly End)
                {
                    /// <summary>Number of days, both ends included.</summary>
                    public int Days => End.DayNumber - Start.DayNumber + 1;

                    /// <summary>Whether a date falls inside the range.</summary>
                    public bool Contains(DateOnly date) => date >= Start && date <= End;
                }
                """);
            f.Member("""
                /// <summary>Whether two ranges overlap.</summary>
                public static bool Overlaps(DateRange a, DateRange b) => a.Start <= b.End && b.Start <= a.End;

                /// <summary>The common part of two ranges, if any.</summary>
                public static DateRange? Intersect(DateRange a, DateRange b)
                {
                    if (!Overlaps(a, b))
                    {
                        return null;
                    }

                    return new DateRange(a.Start > b.Start ? a.Start : b.Start, a.End < b.End ? a.End : b.End);
                }
                """);
            f.Member("""
                /// <summary>Splits a range at month boundaries.</summary>
                public static IEnumerable<DateRange> SplitByMonth(DateRange range)
                {
                    var start = range.Start;
                    while (start <= range.End)
                    {
                        var monthEnd = new DateOnly(start.Year, start.Month, DateTime.DaysInMonth(start.Year, start.Month));
                        var end = monthEnd < range.End ? monthEnd : range.End;
                        yield return new DateRange(start, end);
                        start = end.AddDays(1);
                    }
                }

                /// <summary>Merges overlapping or adjacent ranges.</summary>
                public static IReadOnlyList<DateRange> Merge(IEnumerable<DateRange> ranges)
                {
                    var result = new List<DateRange>();
                    foreach (var r in ranges.OrderBy(r => r.Start))
                    {
                        if (result.Count > 0 && result[^1].End.AddDays(1) >= r.Start)
                        {
                            var last = result[^1];
                            result[^1] = last with { End = r.End > last.End ? r.End : last.End };
                        }
                        else
                        {
                            result.Add(r);
                        }
                    }

                    return result;
                }
                """);
            f.Member($$"""
                /// <summary>The fiscal quarter of a date.</summary>
                public static int FiscalQuarter(DateOnly date)
                {
                    const int FirstMonth = {{rng.Between(1, 12)}};
                    int offset = (date.Month - FirstMonth + 12) % 12;
                    return offset / 3 + 1;
                }
                """);
        }

        private static void Vectors(SourceFile f, Rng rng)
        {
            f.Before("""
                /// <summary>An immutable 2-D vector.</summary>
                public readonly record struct Vector2d(double X, double Y)
                {
                    /// <summary>The zero vector.</summary>
                    public static Vector2d Zero => new(0, 0);

                    /// <summary>Euclidean length.</summary>
                    public double Length => Math.Sqrt(X * X + Y * Y);

                    /// <summary>Vector sum.</summary>
                    public static Vector2d operator +(Vector2d a, Vector2d b) => new(a.X + b.X, a.Y + b.Y);

                    /// <summary>Vector difference.</summary>
                    public static Vector2d operator -(Vector2d a, Vector2d b) => new(a.X - b.X, a.Y - b.Y);

                    /// <summary>Scaling.</summary>
                    public static Vector2d operator *(Vector2d a, double k) => new(a.X * k, a.Y * k);
                }
                """);
            f.Member($$"""
                /// <summary>Tolerance used for comparisons.</summary>
                public const double Epsilon = {{rng.Pick(new[] { "1e-9", "1e-6", "1e-12" })}};

                /// <summary>Dot product.</summary>
                public static double Dot(Vector2d a, Vector2d b) => a.X * b.X + a.Y * b.Y;

                /// <summary>Z component of the cross product.</summary>
                public static double Cross(Vector2d a, Vector2d b) => a.X * b.Y - a.Y * b.X;

                /// <summary>Unit vector in the same direction, or zero.</summary>
                public static Vector2d Normalize(Vector2d v) => v.Length < Epsilon ? Vector2d.Zero : v * (1 / v.Length);

                /// <summary>Angle between two vectors in radians.</summary>
                public static double Angle(Vector2d a, Vector2d b)
                {
                    double lengths = a.Length * b.Length;
                    return lengths < Epsilon ? 0 : Math.Acos(Math.Clamp(Dot(a, b) / lengths, -1, 1));
                }
                """);
            f.Member("""
                /// <summary>Centroid of a polygon's vertices.</summary>
                public static Vector2d Centroid(IReadOnlyList<Vector2d> points)
                {
                    if (points.Count == 0)
                    {
                        return Vector2d.Zero;
                    }

                    var sum = points.Aggregate(Vector2d.Zero, (acc, p) => acc + p);
                    return sum * (1.0 / points.Count);
                }

                /// <summary>Signed area of a polygon (shoelace formula).</summary>
                public static double PolygonArea(IReadOnlyList<Vector2d> points)
                {
                    double area = 0;
                    for (int i = 0; i < points.Count; i++)
                    {
                        area += Cross(points[i], points[(i + 1) % points.Count]);
                    }

                    return area / 2;
                }
                """);
        }

        private static void Paging(SourceFile f, Rng rng)
        {
            f.Before("""
                /// <summary>One page of results.</summary>
                public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
                {
                    /// <summary>Number of pages.</summary>
                    public int PageCount => PageSize <= 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

                    /// <summary>Whether a later page exists.</summary>
                    public bool HasNext => Page < PageCount;

                    /// <summary>Maps the items, keeping the paging data.</summary>
                    public PagedResult<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), Page, PageSize, TotalCount);
                }
                """);
            f.Member($$"""
                /// <summary>The default page size.</summary>
                public const int DefaultPageSize = {{rng.Pick(new[] { 20, 25, 50, 100 })}};

                /// <summary>Largest page size a client may request.</summary>
                public const int MaxPageSize = {{rng.Pick(new[] { 200, 500, 1000 })}};
                """);
            f.Member("""
                /// <summary>Returns one page (1-based) of a sequence.</summary>
                public static PagedResult<T> ToPage<T>(IEnumerable<T> source, int page, int pageSize = DefaultPageSize)
                {
                    var list = source as IReadOnlyList<T> ?? source.ToList();
                    int size = Math.Clamp(pageSize, 1, MaxPageSize);
                    int current = Math.Max(1, page);
                    var items = list.Skip((current - 1) * size).Take(size).ToList();
                    return new PagedResult<T>(items, current, size, list.Count);
                }

                /// <summary>Parses a "page" and "size" query, falling back to defaults.</summary>
                public static (int Page, int Size) ParseQuery(string? page, string? size)
                {
                    int p = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var pv) && pv > 0 ? pv : 1;
                    int s = int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var sv) && sv > 0 ? Math.Min(sv, MaxPageSize) : DefaultPageSize;
                    return (p, s);
                }
                """);
        }

        private static void Scheduler(SourceFile f, Rng rng)
        {
            f.Before("""
                /// <summary>A unit of background work.</summary>
                public sealed record ScheduledJob(string Name, int Priority, DateTimeOffset Due, Action Run);
                """);
            f.Member($$"""
                private readonly PriorityQueue<ScheduledJob, (int Priority, DateTimeOffset Due)> _queue = new();
                private int _completed;

                /// <summary>Maximum number of jobs run per tick.</summary>
                public int BatchSize { get; init; } = {{rng.Between(4, 32)}};

                /// <summary>Jobs waiting.</summary>
                public int Pending => _queue.Count;

                /// <summary>Jobs run so far.</summary>
                public int Completed => _completed;
                """);
            f.Member("""
                /// <summary>Schedules a job; lower priority values run first.</summary>
                public void Schedule(ScheduledJob job) => _queue.Enqueue(job, (job.Priority, job.Due));

                /// <summary>Runs the due jobs of one tick and returns how many ran.</summary>
                public int Tick(DateTimeOffset now)
                {
                    var notDue = new List<ScheduledJob>();
                    int ran = 0;
                    while (ran < BatchSize && _queue.TryDequeue(out var job, out _))
                    {
                        if (job.Due > now)
                        {
                            notDue.Add(job);
                            continue;
                        }

                        job.Run();
                        ran++;
                    }

                    foreach (var job in notDue)
                    {
                        Schedule(job);
                    }

                    _completed += ran;
                    return ran;
                }
                """);
        }

        private static void Units(SourceFile f, Rng rng)
        {
            f.Before("""
                /// <summary>Supported units.</summary>
                public enum Unit
                {
                    Millimetre,
                    Centimetre,
                    Metre,
                    Kilometre,
                    Inch,
                    Foot,
                    Mile,
                    Gram,
                    Kilogram,
                    Pound,
                }
                """);
            f.Member("""
                /// <summary>Factor to the base unit (metre or kilogram) and the dimension.</summary>
                private static (double Factor, char Dimension) Describe(Unit unit) => unit switch
                {
                    Unit.Millimetre => (0.001, 'L'),
                    Unit.Centimetre => (0.01, 'L'),
                    Unit.Metre => (1, 'L'),
                    Unit.Kilometre => (1000, 'L'),
                    Unit.Inch => (0.0254, 'L'),
                    Unit.Foot => (0.3048, 'L'),
                    Unit.Mile => (1609.344, 'L'),
                    Unit.Gram => (0.001, 'M'),
                    Unit.Kilogram => (1, 'M'),
                    Unit.Pound => (0.45359237, 'M'),
                    _ => throw new ArgumentOutOfRangeException(nameof(unit)),
                };

                /// <summary>Converts a value; throws when the dimensions differ.</summary>
                public static double Convert(double value, Unit from, Unit to)
                {
                    var (f1, d1) = Describe(from);
                    var (f2, d2) = Describe(to);
                    if (d1 != d2)
                    {
                        throw new InvalidOperationException($"Cannot convert {from} to {to}.");
                    }

                    return value * f1 / f2;
                }
                """);
            f.Member($$"""
                /// <summary>Parses "12.5 km" style input.</summary>
                public static bool TryParse(string text, out double value, out Unit unit)
                {
                    value = 0;
                    unit = Unit.Metre;
                    var parts = text.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                    {
                        return false;
                    }

                    Unit? parsed = parts[1].ToLowerInvariant() switch
                    {
                        "mm" => Unit.Millimetre,
                        "cm" => Unit.Centimetre,
                        "m" => Unit.Metre,
                        "km" => Unit.Kilometre,
                        "in" => Unit.Inch,
                        "ft" => Unit.Foot,
                        "mi" => Unit.Mile,
                        "g" => Unit.Gram,
                        "kg" => Unit.Kilogram,
                        "lb" => Unit.Pound,
                        _ => null,
                    };
                    unit = parsed ?? Unit.Metre;
                    return parsed.HasValue;
                }
                """);
        }
    }
}
