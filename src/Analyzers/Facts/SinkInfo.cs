namespace Residency.Facts
{
    /// <summary>Where data leaves the process, as the analyzers resolved it.</summary>
    internal sealed record SinkInfo
    {
        public string Id { get; init; } = "";

        /// <summary><c>annotation</c>, <c>http</c> or <c>sdk</c>.</summary>
        public string? Kind { get; init; }

        public string? Display { get; init; }

        /// <summary>Region code (ISO 3166-1 alpha-2, a group, or <c>Unknown</c>).</summary>
        public string? Region { get; init; }

        public string? RegionName { get; init; }

        public string? Recipient { get; init; }

        public string? Host { get; init; }

        public string? Purpose { get; init; }

        /// <summary>How the region was determined, e.g. "[DataSink] on UsCrm.Send".</summary>
        public string? ResolvedBy { get; init; }

        /// <summary>The catalogue's EU endpoint for the same service (e.g. <c>eu.api.openai.com</c>), if there is one.</summary>
        public string? EuAlternative { get; init; }

        /// <summary>The name to show a reader.</summary>
        public string DisplayName => !string.IsNullOrEmpty(Display) ? Display! : !string.IsNullOrEmpty(Host) ? Host! : Id;

        /// <summary>The recipient to show a reader: the named recipient, else the host, else the sink.</summary>
        public string RecipientName => !string.IsNullOrEmpty(Recipient) ? Recipient! : !string.IsNullOrEmpty(Host) ? Host! : DisplayName;

        /// <summary>Identity of the sink for counting distinct endpoints.</summary>
        public string Key => !string.IsNullOrEmpty(Id) ? Id : DisplayName;
    }
}
