namespace Residency.Facts
{
    /// <summary>A piece of personal data that takes part in a flow.</summary>
    internal sealed record SourceRef
    {
        public string Id { get; init; } = "";

        public string? Member { get; init; }

        public string? Category { get; init; }

        public string? SpecialCategory { get; init; }

        public string? Subject { get; init; }

        public bool Pseudonymised { get; init; }

        public bool Inferred { get; init; }

        /// <summary>
        /// For a source that needs no annotation: where the data comes from (<c>claim email</c>,
        /// <c>UserManager.GetEmailAsync</c>, <c>HttpContext.Connection.RemoteIpAddress</c>, <c>residency.json</c>).
        /// </summary>
        public string? Origin { get; init; }

        /// <summary>
        /// For a member of a referenced assembly: the annotation that made it personal data (<c>Residency</c>,
        /// <c>AspNetCore.Identity</c>, <c>DataClassification</c>). No element fact of the compilation describes such a
        /// member, so the inventory lists it with this, as it lists the compilation's own members with theirs. Null for
        /// the compilation's own members, sources that need no annotation and inferred members.
        /// </summary>
        public string? Annotation { get; init; }

        /// <summary>
        /// For a source that needs no annotation (<c>property</c>, <c>return</c>, <c>claim</c>, <c>header</c>) or a member
        /// of a referenced assembly with an <see cref="Annotation"/> (<c>property</c>, <c>field</c>, …).
        /// </summary>
        public string? Kind { get; init; }

        /// <summary>The name to show a reader: the member if known, else the id.</summary>
        public string DisplayName => string.IsNullOrEmpty(Member) ? Id : Member!;
    }
}
