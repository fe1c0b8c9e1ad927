using System.Collections.Generic;

namespace Residency.Build.Record
{
    /// <summary>(b) A purpose of the processing, with who receives data for it and which data.</summary>
    internal sealed record PurposeRow(string Purpose, IReadOnlyList<string> Recipients, IReadOnlyList<string> Categories);

    /// <summary>(c) A category of data subjects and the data categories held about it.</summary>
    internal sealed record SubjectRow(string Subject, IReadOnlyList<string> Categories);

    /// <summary>(c) A category of personal data (or of special-category data).</summary>
    internal sealed record CategoryRow(string Category, bool Special, IReadOnlyList<string> Subjects, IReadOnlyList<string> Members);

    /// <summary>(d) A recipient of personal data.</summary>
    internal sealed record RecipientRow(string Recipient, string Region, string? RegionName, string ThirdCountry, IReadOnlyList<string> Kinds, IReadOnlyList<string> Hosts, IReadOnlyList<string> Categories, IReadOnlyList<string> Purposes);

    /// <summary>(e) A transfer to a third country (or to an unknown region) and its Chapter V basis.</summary>
    internal sealed record TransferRow(string Region, string? RegionName, string Recipient, string Basis, string Status, string? Justification, IReadOnlyList<string> Categories, int FlowCount, int BaselinedCount);

    /// <summary>(f) The retention annotated on a data element.</summary>
    internal sealed record RetentionRow(string Category, string Member, string Retention, string Assembly);
}
