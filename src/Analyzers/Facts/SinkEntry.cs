namespace Residency.Facts
{
    /// <summary>A sink as listed in the inventory: the sink, the assembly that reported it and where.</summary>
    internal sealed record SinkEntry
    {
        public SinkInfo Sink { get; init; } = new();

        public string Assembly { get; init; } = "";

        public string? File { get; init; }

        public int? Line { get; init; }
    }
}
