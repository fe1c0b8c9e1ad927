using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Regions;
using Residency.Analyzers.Sinks;
using ExportedFlow = Residency.Facts.ExportedFlow;
using ExportsFile = Residency.Facts.ExportsFile;
using ExportedSource = Residency.Facts.ExportedSource;

namespace Residency.Analyzers.Flow.Calls
{
    /// <summary>
    /// What the methods of referenced projects do with their arguments, as those projects' builds exported it
    /// (<c>residency.exports.json</c>, among this compilation's additional files; docs/cross-project.md): for a method of a
    /// referenced assembly, or an interface member or virtual method one of its public methods implements, a summary whose
    /// only effects are the parameters that reach sinks inside the library. The engine applies it at the call as it applies
    /// the summary of a method of its own, so that the data read here and handed to the library is judged here, against
    /// the sink the library's build resolved, instead of being an unclassified recipient.
    /// </summary>
    internal sealed class ImportedSummaries
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.CodeAnalysis.Text.SourceText, ParsedExports> Parsed = new();

        private readonly Compilation _compilation;
        private readonly Dictionary<string, List<ExportedFlow>> _byMethod;
        private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary?> _summaries = new(SymbolEqualityComparer.Default);

        private readonly Dictionary<string, List<ExportedFlow>> _byRead;
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<ParameterSinkFlow>> _reads = new(SymbolEqualityComparer.Default);

        private ImportedSummaries(Compilation compilation, Dictionary<string, List<ExportedFlow>> byMethod, Dictionary<string, List<ExportedFlow>> byRead, ImmutableArray<ExportedSource> sources, IReadOnlyList<string> problems)
        {
            _compilation = compilation;
            _byMethod = byMethod;
            _byRead = byRead;
            Sources = sources;
            Problems = problems;
        }

        /// <summary>
        /// The referenced libraries' public members whose value is personal data they read (<c>ICurrentUser.Email</c>):
        /// the source catalogue reads them like residency.json <c>sources</c> entries (<c>SourceCatalog.WithImported</c>).
        /// </summary>
        public ImmutableArray<ExportedSource> Sources { get; }

        /// <summary>
        /// The assemblies whose exports files this compilation reads: the solution's projects it references. Their
        /// interfaces' members this compilation does not implement are open members here too (FlowEngine.IsOpenMember).
        /// </summary>
        public ImmutableHashSet<string> Exporters { get; private init; } = ImmutableHashSet<string>.Empty;

        /// <summary>Exports files that could not be read, with why (RES004).</summary>
        public IReadOnlyList<string> Problems { get; }

        /// <summary>How many methods (and the members they implement) have an imported summary.</summary>
        public int Count => _byMethod.Count;

        /// <summary>The exports among <paramref name="files"/> (by file name); null when there are none.</summary>
        public static ImportedSummaries? Load(Compilation compilation, ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
        {
            Dictionary<string, List<ExportedFlow>>? byMethod = null;
            var byRead = new Dictionary<string, List<ExportedFlow>>(StringComparer.Ordinal);
            var assemblies = new HashSet<string>(StringComparer.Ordinal);
            var sources = ImmutableArray.CreateBuilder<ExportedSource>();
            List<string>? problems = null;
            foreach (var file in files)
            {
                if (!string.Equals(System.IO.Path.GetFileName(file.Path), ExportsFile.FileName, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                byMethod ??= new Dictionary<string, List<ExportedFlow>>(StringComparer.Ordinal);
                var text = file.GetText(cancellationToken);
                if (text is null)
                {
                    continue;
                }

                // The IDE hands every compilation of a keystroke the same text while the file is unchanged: parsed once.
                var parsed = Parsed.GetValue(text, t => new ParsedExports(ExportsFile.Read(t.ToString(), out var exported, out var assembly, out var problem), exported, assembly, problem));
                var exports = parsed.Exports ?? Fail(file.Path, parsed.Problem);
                if (exports is null)
                {
                    continue;
                }

                sources.AddRange(parsed.Sources);
                if (parsed.Assembly is { Length: > 0 } exporter)
                {
                    assemblies.Add(exporter);
                }

                foreach (var export in exports)
                {
                    if (export.OpenMember is { } read)
                    {
                        Add(byRead, read, export); // an open read: applied where this project implements the member
                        continue;
                    }

                    Add(byMethod, export.Method, export);
                    foreach (var implemented in export.Implements)
                    {
                        Add(byMethod, implemented, export);
                    }
                }
            }

            return byMethod is null ? null : new ImportedSummaries(compilation, byMethod, byRead, sources.ToImmutable(), problems ?? (IReadOnlyList<string>)Array.Empty<string>()) { Exporters = assemblies.ToImmutableHashSet(StringComparer.Ordinal) };

            static void Add(Dictionary<string, List<ExportedFlow>> table, string id, ExportedFlow export)
            {
                if (!table.TryGetValue(id, out var list))
                {
                    table[id] = list = new List<ExportedFlow>(1);
                }

                list.Add(export);
            }

            IReadOnlyList<ExportedFlow>? Fail(string path, string? problem)
            {
                (problems ??= new List<string>()).Add(path + ": " + (problem ?? "not readable"));
                return null;
            }
        }

        /// <summary>
        /// The exported methods themselves, as this compilation sees them (from the referenced libraries' metadata): the
        /// mediator handlers among them are candidates for a <c>mediator.Send</c> here (<see cref="MediatorHandlers"/>).
        /// </summary>
        public IEnumerable<IMethodSymbol> ExportedMethods()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var exports in _byMethod.Values)
            {
                foreach (var export in exports)
                {
                    if (seen.Add(export.Method) && DocumentationCommentId.GetFirstSymbolForDeclarationId(export.Method, _compilation) is IMethodSymbol method)
                    {
                        yield return method;
                    }
                }
            }
        }

        /// <summary>
        /// The imported summary of a call to <paramref name="target"/>, a method with no body in this compilation; null when
        /// no referenced project exported one.
        /// </summary>
        public MethodSummary? Of(IMethodSymbol target)
        {
            var method = (target.ReducedFrom ?? target).OriginalDefinition;
            if (_byMethod.Count == 0 || method.DeclaringSyntaxReferences.Length > 0)
            {
                return null;
            }

            return _summaries.TryGetValue(method, out var known) ? known : _summaries.GetOrAdd(method, Build);
        }

        private MethodSummary? Build(IMethodSymbol method)
        {
            var id = method.GetDocumentationCommentId();
            if (id is null || !_byMethod.TryGetValue(id, out var exports))
            {
                return null;
            }

            var flows = ImmutableArray.CreateBuilder<ParameterSinkFlow>(exports.Count);
            foreach (var export in Linked(exports, id))
            {
                var receiver = export.Parameter == ExportedFlow.ReceiverParameter;
                if (receiver ? method.IsStatic : export.Parameter < 0 || export.Parameter >= method.Parameters.Length)
                {
                    continue; // an export of another overload or version of the library: nothing to apply
                }

                var member = export.Member is null ? null : DocumentationCommentId.GetFirstSymbolForDeclarationId(export.Member, _compilation);

                // What the caller's object holds in a member this project can see (a public property), or, where the member is
                // private to the library (a field the constructor filled), in any member: the object's arguments go whole.
                var viaMember = export.ViaMember && (!receiver || member is not null);
                flows.Add(new ParameterSinkFlow(receiver ? TaintFact.Receiver : export.Parameter, viaMember, Sink(export), ImmutableArray.CreateRange(export.Path))
                {
                    Member = member,
                    Through = Resolve(export.Through),
                });
            }

            return flows.Count == 0 ? null : new MethodSummary(Taint.Empty, flows.ToImmutable(), ImmutableArray<Finding>.Empty);
        }

        /// <summary>
        /// Where the value <paramref name="method"/> returns goes in the referenced projects that read it through an open
        /// member it implements (docs/cross-project.md): <paramref name="method"/> is a getter or method of this compilation
        /// that implements, or overrides, an interface or abstract member of a referenced library whose exports say what the
        /// library does with that member's value (<see cref="ExportedFlow.OpenMember"/>). Each flow's path starts at the library's
        /// method that reads it; empty when there is none. Memoised per method.
        /// </summary>
        public ImmutableArray<ParameterSinkFlow> ReadsOf(IMethodSymbol method)
        {
            if (_byRead.Count == 0 || method.DeclaringSyntaxReferences.Length == 0 || method.MethodKind is not (MethodKind.PropertyGet or MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation))
            {
                return ImmutableArray<ParameterSinkFlow>.Empty;
            }

            method = method.OriginalDefinition;
            return _reads.TryGetValue(method, out var known) ? known : _reads.GetOrAdd(method, BuildReads);
        }

        private ImmutableArray<ParameterSinkFlow> BuildReads(IMethodSymbol method)
        {
            var flows = ImmutableArray.CreateBuilder<ParameterSinkFlow>();
            foreach (var implemented in ImplementedMembers(method))
            {
                if (implemented.GetDocumentationCommentId() is not { } id || !_byRead.TryGetValue(id, out var exports))
                {
                    continue;
                }

                foreach (var export in Linked(exports, id))
                {
                    flows.Add(new ParameterSinkFlow(TaintFact.OpenRead, false, Sink(export), ImmutableArray.CreateRange(export.Path))
                    {
                        Member = implemented,
                        Through = Resolve(export.Through),
                    });
                }
            }

            return flows.ToImmutable();
        }

        /// <summary>
        /// The members of referenced assemblies that <paramref name="method"/> (or, for a getter, its property) implements or
        /// overrides: explicitly, implicitly (by name, then asked of its type), or as an override.
        /// </summary>
        private static IEnumerable<ISymbol> ImplementedMembers(IMethodSymbol method)
        {
            ISymbol member = method.MethodKind == MethodKind.PropertyGet && method.AssociatedSymbol is IPropertySymbol property ? property : method;
            var found = new List<ISymbol>();
            if (member is IPropertySymbol p)
            {
                found.AddRange(p.ExplicitInterfaceImplementations);
                for (var overridden = p.OverriddenProperty; overridden is not null; overridden = overridden.OverriddenProperty)
                {
                    found.Add(overridden);
                }
            }
            else
            {
                found.AddRange(method.ExplicitInterfaceImplementations);
                for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    found.Add(overridden);
                }
            }

            if (member.ContainingType is { } type)
            {
                foreach (var @interface in type.AllInterfaces)
                {
                    foreach (var candidate in @interface.GetMembers(member.Name))
                    {
                        if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), member))
                        {
                            found.Add(candidate);
                        }
                    }
                }
            }

            foreach (var symbol in found)
            {
                if (symbol.OriginalDefinition.DeclaringSyntaxReferences.Length == 0)
                {
                    yield return symbol.OriginalDefinition;
                }
            }
        }

        /// <summary>
        /// The methods an export says hand the data on, as this compilation sees them. A private helper of the library is
        /// not in its reference assembly: the [DataTransfer] declarations this project can see are those on its public
        /// methods and types.
        /// </summary>
        private ImmutableArray<IMethodSymbol> Resolve(IReadOnlyList<string> steps)
        {
            var through = ImmutableArray.CreateBuilder<IMethodSymbol>(steps.Count);
            foreach (var step in steps)
            {
                if (DocumentationCommentId.GetFirstSymbolForDeclarationId(step, _compilation) is IMethodSymbol resolved)
                {
                    through.Add(resolved);
                }
            }

            return through.ToImmutable();
        }

        /// <summary>How many unclassified recipients one exported flow is followed through into other libraries' exports.</summary>
        private const int MaxLinks = 4;

        /// <summary>
        /// <paramref name="exports"/>, with each flow into an unclassified recipient that another referenced library
        /// exported (an <c>Application</c> project's <c>IEmailSender.SendAsync</c>, implemented in <c>Infrastructure</c>)
        /// replaced by that library's flows: the argument goes where the implementation sends its arguments. The recipient's
        /// own exports say which of its parameters reach which sink, but the unclassified flow does not say which argument
        /// it was handed, so every sink its exports name is taken (docs/cross-project.md).
        /// </summary>
        private IEnumerable<ExportedFlow> Linked(List<ExportedFlow> exports, string id)
        {
            var result = new List<ExportedFlow>(exports.Count);
            foreach (var flow in exports)
            {
                Follow(flow, new HashSet<string>(StringComparer.Ordinal) { id }, 0);
            }

            return result;

            void Follow(ExportedFlow export, HashSet<string> visited, int depth)
            {
                if (SinkInfo.KindOf(export.Sink.Kind) != SinkKind.Unclassified || export.RecipientMethod is not { } recipient || depth >= MaxLinks ||
                    !_byMethod.TryGetValue(recipient, out var next) || !visited.Add(recipient))
                {
                    result.Add(export);
                    return;
                }

                var before = export.Path.Take(Math.Max(export.Path.Count - 1, 0)).ToList(); // the last step is the recipient, which the next export's path names
                foreach (var linked in next)
                {
                    Follow(linked with
                    {
                        Method = export.Method,
                        Implements = export.Implements,
                        Parameter = export.Parameter,
                        Member = export.Member,
                        ViaMember = export.ViaMember,
                        OpenMember = export.OpenMember,
                        Path = before.Concat(linked.Path).ToList(),
                        Through = export.Through.Concat(linked.Through).ToList(),
                    }, visited, depth + 1);
                }

                visited.Remove(recipient);
            }
        }

        /// <summary>The sink as the library's build resolved it: kind, region, recipient and host as it wrote them.</summary>
        private static SinkInfo Sink(ExportedFlow export)
        {
            var s = export.Sink;
            var kind = SinkInfo.KindOf(s.Kind);
            var region = Region.TryParse(s.Region, out var parsed) ? parsed : Region.Unknown;
            return new SinkInfo(kind, s.Display ?? s.Id, region, s.Recipient, s.Host, s.Purpose, s.ResolvedBy ?? "exported by a referenced project", s.Internal, location: null, s.EuAlternative, export.Hint, s.Target)
            {
                RecipientAssembly = export.RecipientAssembly,
                RegionName = export.SinkRegionName,
            };
        }

        /// <summary>An exports file's text, read: its exports, or why it could not be.</summary>
        private sealed class ParsedExports
        {
            public ParsedExports(IReadOnlyList<ExportedFlow>? exports, IReadOnlyList<ExportedSource> sources, string? assembly, string? problem)
            {
                Exports = exports;
                Sources = exports is null ? Array.Empty<ExportedSource>() : sources;
                Assembly = exports is null ? null : assembly;
                Problem = problem;
            }

            public string? Assembly { get; }

            public IReadOnlyList<ExportedFlow>? Exports { get; }

            public IReadOnlyList<ExportedSource> Sources { get; }

            public string? Problem { get; }
        }
    }
}
