using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Regions;
using Residency.Analyzers.Sinks;

namespace Residency.Analyzers.Flow.Calls
{
    /// <summary>
    /// Decides whether a call that hands personal data to a method of a referenced assembly (a package or another
    /// project: no source in this compilation) reaches an <em>unclassified recipient</em>: a method that is neither a
    /// known sink (the engine asks the sink providers first) nor known to keep data in the process
    /// (<see cref="LocalCatalog"/>). Such a call is recorded like a flow to a sink of kind
    /// <see cref="SinkKind.Unclassified"/>, so that it follows the same paths through the application's own methods;
    /// the summaries keep those findings apart (<see cref="MethodSummary.Unclassified"/>). The answer is memoised per
    /// method definition; the engine asks only after its cheap checks (no summary, no sink, some argument or the
    /// receiver carries personal data).
    /// </summary>
    internal sealed class UnclassifiedCalls
    {
        private readonly LocalCatalog _local;
        private readonly ConcurrentDictionary<IMethodSymbol, SinkInfo?> _recipients = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, SinkInfo> _unimplemented = new(SymbolEqualityComparer.Default);

        public UnclassifiedCalls(LocalCatalog local) => _local = local;

        /// <summary>What keeps data in the process: every other method of a referenced assembly is an unclassified recipient.</summary>
        public LocalCatalog Local => _local;

        /// <summary>The unclassified recipient a call to <paramref name="target"/> hands data to; null when the method is in source, local, or not a method data is handed to.</summary>
        public SinkInfo? Recipient(IMethodSymbol target)
        {
            var method = target.ReducedFrom ?? target;
            method = method.OriginalDefinition;
            return _recipients.TryGetValue(method, out var known) ? known : _recipients.GetOrAdd(method, Classify);
        }

        /// <summary>
        /// Whether <paramref name="target"/> is an interface or abstract method declared in this compilation (its body, if any,
        /// is an implementation the dispatch index would know).
        /// </summary>
        public static bool IsAbstractOfTheApplication(IMethodSymbol target) =>
            target is { IsAbstract: true, MethodKind: MethodKind.Ordinary } && target.OriginalDefinition.DeclaringSyntaxReferences.Length > 0;

        /// <summary>
        /// The unclassified recipient of a call to an interface or abstract method of the application that no code of this
        /// compilation implements: its implementation is in another project of the solution (whose own build analyses it),
        /// or made at run time. Memoised per method.
        /// </summary>
        public SinkInfo Unimplemented(IMethodSymbol target)
        {
            var method = target.OriginalDefinition;
            return _unimplemented.GetOrAdd(method, m => RecipientInfo(
                EndpointResolver.QualifiedName(m),
                "declared here and implemented in no code this project compiles (another project of the solution, or a proxy made at run time): where the data goes is decided there",
                m.Locations.Length > 0 ? m.Locations[0] : null,
                m.ContainingAssembly?.Name, m));
        }

        /// <summary>An unclassified recipient named <paramref name="name"/>: region unknown, never judged as a flow.</summary>
        internal static SinkInfo RecipientInfo(string name, string resolvedBy, Location? location, string? assembly, IMethodSymbol? method = null) =>
            new(SinkKind.Unclassified, name, Region.Unknown, recipient: null, host: null, purpose: null, resolvedBy, location: location)
            {
                RecipientAssembly = assembly,
                RecipientMethod = method,
            };

        private SinkInfo? Classify(IMethodSymbol method)
        {
            if (method.DeclaringSyntaxReferences.Length > 0 || method.IsImplicitlyDeclared || method.ContainingType is not { } type ||
                type.DeclaringSyntaxReferences.Length > 0 || type.IsAnonymousType ||
                method.MethodKind is MethodKind.DelegateInvoke or MethodKind.LocalFunction or MethodKind.AnonymousFunction or MethodKind.BuiltinOperator or MethodKind.FunctionPointerSignature)
            {
                // Code of this compilation (members the compiler synthesises for its records and anonymous types included)
                // is analysed, or, declared without a body, not guessed at; a delegate runs code the call does not name.
                return null;
            }

            var name = EndpointResolver.QualifiedName(method);
            if (_local.IsLocal(name))
            {
                return null;
            }

            return RecipientInfo(
                name,
                "not classified: neither a known sink nor known to keep data in the process",
                method.Locations.Length > 0 ? method.Locations[0] : null,
                method.ContainingAssembly?.Name,
                method);
        }
    }
}
