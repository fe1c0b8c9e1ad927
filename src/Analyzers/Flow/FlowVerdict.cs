using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Model;
using Residency.Analyzers.Regions;
using Residency.Analyzers.Sinks;

namespace Residency.Analyzers.Flow
{
    /// <summary>What a flow is, legally: the status the inventory records and the rule the analyzer reports.</summary>
    internal enum FlowStatus
    {
        /// <summary>The sink is in an allowed region.</summary>
        Allowed,

        /// <summary>The sink is the application's own infrastructure.</summary>
        Internal,

        /// <summary>RES005: outside the allowed regions under a declared transfer.</summary>
        Declared,

        /// <summary>RES001: outside the allowed regions, no declared basis.</summary>
        Violation,

        /// <summary>RES002: as <see cref="Violation"/>, with special-category data.</summary>
        Special,

        /// <summary>RES003: the sink's region is unknown.</summary>
        Unknown,
    }

    /// <summary>The verdict on one finding under the project's policy and the declarations in scope.</summary>
    internal sealed class FlowVerdict
    {
        private FlowVerdict(Finding finding, FlowStatus status, TransferDeclaration? transfer, IReadOnlyList<DataElement> sources)
        {
            Finding = finding;
            Status = status;
            Transfer = transfer;
            Sources = sources;
        }

        public Finding Finding { get; }

        public FlowStatus Status { get; }

        public TransferDeclaration? Transfer { get; }

        /// <summary>The distinct elements that reach the sink, ordered by id.</summary>
        public IReadOnlyList<DataElement> Sources { get; }

        public bool Pseudonymised => Finding.Sources.Count > 0 && Finding.Sources.All(f => f.Pseudonymised);

        public bool Inferred => Sources.Count > 0 && Sources.All(s => s.Origin == ElementOrigin.Inferred);

        public string StatusName => Status switch
        {
            FlowStatus.Allowed => "allowed",
            FlowStatus.Internal => "internal",
            FlowStatus.Declared => "declared",
            FlowStatus.Violation => "violation",
            FlowStatus.Special => "special",
            _ => "unknown",
        };

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static FlowVerdict Judge(Finding finding, ISymbol method, ResidencyPolicy policy, TransferDeclarations transfers)
        {
            var sources = finding.Sources
                .Select(f => f.Element!)
                .Distinct()
                .OrderBy(e => e.Id, System.StringComparer.Ordinal)
                .ToList();
            var sink = finding.Sink;
            FlowStatus status;
            TransferDeclaration? transfer = null;
            if (sink.IsInternal)
            {
                status = FlowStatus.Internal;
            }
            else if (policy.IsAllowed(sink.Region))
            {
                status = FlowStatus.Allowed;
            }
            else if (sink.Region.Kind == RegionKind.Unknown)
            {
                status = FlowStatus.Unknown;
            }
            else
            {
                // Declared where the data is read, or on the code that hands it on and makes the transfer (a caller's
                // object sent by a method that declares its transfer is covered by that declaration).
                transfer = transfers.FindCovering(method, sink);
                for (int i = 0; transfer is null && i < finding.Through.Length; i++)
                {
                    transfer = transfers.FindCovering(finding.Through[i], sink);
                }
                status = transfer is not null
                    ? FlowStatus.Declared
                    : sources.Any(s => s.IsSpecial) ? FlowStatus.Special : FlowStatus.Violation;
            }

            return new FlowVerdict(finding, status, transfer, sources);
        }

        /// <summary><c>Customer.Email (contact.email), Customer.Name (name)</c>, with "pseudonymised"/"inferred" notes.</summary>
        public string DescribeData()
        {
            var text = string.Join(", ", Sources.Select(s => s.Describe()));
            if (Pseudonymised)
            {
                text += " [pseudonymised]";
            }

            if (Inferred)
            {
                text += " [inferred from names]";
            }

            return text;
        }

        /// <summary>
        /// RES002's data: the special-category elements first, then the other personal data apart
        /// (<c>Ticket.MedicationNotes (health), with personal data Customer.Email (contact.email)</c>).
        /// </summary>
        public string DescribeSpecialData()
        {
            var special = Sources.Where(s => s.IsSpecial).ToList();
            var other = Sources.Where(s => !s.IsSpecial).ToList();
            if (special.Count == 0 || other.Count == 0)
            {
                return DescribeData();
            }

            var text = string.Join(", ", special.Select(s => s.Describe())) + ", with personal data " + string.Join(", ", other.Select(s => s.Describe()));
            if (Pseudonymised)
            {
                text += " [pseudonymised]";
            }

            return Inferred ? text + " [inferred from names]" : text;
        }

        public string DescribePath() => string.Join(" → ", Finding.Path);
    }
}
