using System.Linq;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Flow;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Inventory
{
    /// <summary>
    /// Turns what the engine and the model found (elements, sinks, verdicts) into the fact records of the facts file
    /// (<c>src/Analyzers/Facts</c>), the one contract the inventory task reads.
    /// </summary>
    internal static class FactMapper
    {
        public static Facts.FlowFact Flow(FlowVerdict verdict, string methodId, string? rule, string fingerprint, string treatment, Location location)
        {
            var (file, line, column) = Position(location);
            var transfer = verdict.Transfer;
            return new Facts.FlowFact
            {
                Status = verdict.StatusName,
                Rule = rule,
                Method = methodId,
                Sources = verdict.Sources.Select(source => Source(source, pseudonymised: verdict.Finding.Sources.Any(f => ReferenceEquals(f.Element, source) && f.Pseudonymised))).ToList(),
                Sink = Sink(verdict.Finding.Sink),
                Path = verdict.Finding.Path.ToList(),
                Transfer = transfer is null ? null : new Facts.TransferInfo
                {
                    Region = transfer.Region.Code,
                    Mechanism = transfer.Mechanism,
                    Recipient = transfer.Recipient,
                    Justification = transfer.Justification,
                },
                File = file,
                Line = line,
                Column = column,
                Fingerprint = fingerprint,
                Treatment = treatment,
            };
        }

        /// <summary>A call that hands personal data to a method nobody classified (<see cref="Flow.MethodSummary.Unclassified"/>).</summary>
        public static Facts.UnclassifiedCall Unclassified(FlowVerdict described, string methodId, string? recipientAssembly, string fingerprint, string treatment, Location location)
        {
            var (file, line, column) = Position(location);
            return new Facts.UnclassifiedCall
            {
                Recipient = described.Finding.Sink.Display,
                RecipientAssembly = recipientAssembly,
                Method = methodId,
                Sources = described.Sources.Select(source => Source(source, pseudonymised: described.Finding.Sources.Any(f => ReferenceEquals(f.Element, source) && f.Pseudonymised))).ToList(),
                Path = described.Finding.Path.ToList(),
                File = file,
                Line = line,
                Column = column,
                Fingerprint = fingerprint,
                Treatment = treatment,
            };
        }

        public static Facts.DataElement Element(DataElement element, Location location)
        {
            var (file, line, _) = Position(location);
            return new Facts.DataElement
            {
                Id = element.Id,
                Member = element.Name,
                ContainingType = element.Symbol.ContainingType?.ToDisplayString() ?? (element.Symbol as ITypeSymbol)?.ToDisplayString(),
                Kind = element.KindName,
                Category = element.Category,
                SpecialCategory = element.SpecialCategory,
                Subject = element.Subject,
                Retention = element.Retention,
                Origin = element.Source ?? OriginName(element.Origin),
                File = file,
                Line = line,
            };
        }

        public static Facts.SinkEntry SinkEntry(Sinks.SinkInfo sink, Location location)
        {
            var (file, line, _) = Position(location);
            return new Facts.SinkEntry { Sink = Sink(sink), File = file, Line = line };
        }

        public static Facts.Finding Finding(Diagnostic diagnostic, string? fingerprint, string treatment)
        {
            var (file, line, column) = Position(diagnostic.Location);
            return new Facts.Finding
            {
                Rule = diagnostic.Id,
                Level = diagnostic.Severity switch
                {
                    DiagnosticSeverity.Error => "error",
                    DiagnosticSeverity.Warning => "warning",
                    DiagnosticSeverity.Info => "note",
                    _ => "none",
                },
                Message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                File = file,
                Line = line,
                Column = column,
                Fingerprint = fingerprint,
                Treatment = treatment,
            };
        }

        private static Facts.SourceRef Source(DataElement element, bool pseudonymised)
        {
            bool fromReference = FromReference(element);
            return new()
            {
                Id = element.Id,
                Member = element.Name,
                Category = element.Category,
                SpecialCategory = element.SpecialCategory,
                Subject = element.Subject,
                Pseudonymised = pseudonymised,
                Inferred = element.Origin == ElementOrigin.Inferred,
                Origin = element.Source,
                Annotation = fromReference ? OriginName(element.Origin) : null,
                Kind = element.Source is not null || fromReference ? element.KindName : null,
            };
        }

        /// <summary>
        /// An annotated member of a referenced assembly: no element fact of this compilation describes it. (Its first
        /// location is in metadata; unlike the declaring syntax references, the locations are not built anew per call.)
        /// </summary>
        private static bool FromReference(DataElement element) =>
            element.Source is null && element.Origin != ElementOrigin.Inferred && !(element.Symbol.Locations is { Length: > 0 } locations && locations[0].IsInSource);

        internal static Facts.SinkInfo Sink(Sinks.SinkInfo sink) => new()
        {
            Id = sink.Id,
            Kind = sink.KindName,
            Display = sink.Display,
            Region = sink.Region.Code,
            RegionName = sink.Region.Name,
            Recipient = sink.Recipient,
            Host = sink.Host,
            Purpose = sink.Purpose,
            ResolvedBy = sink.ResolvedBy,
            EuAlternative = sink.EuAlternative,
            Internal = sink.IsInternal,
            Target = sink.Target,
        };

        private static string OriginName(ElementOrigin origin) => origin switch
        {
            ElementOrigin.Residency => "Residency",
            ElementOrigin.AspNetCoreIdentity => "AspNetCore.Identity",
            ElementOrigin.DataClassification => "DataClassification",
            _ => "inferred",
        };

        /// <summary>The path as the compiler saw it and the 1-based line and column (the task makes the path relative).</summary>
        private static (string? File, int? Line, int? Column) Position(Location location)
        {
            if (!location.IsInSource)
            {
                return (null, null, null);
            }

            var span = location.GetLineSpan();
            return (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
        }
    }
}
