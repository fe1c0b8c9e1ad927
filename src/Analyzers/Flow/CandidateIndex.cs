using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Residency.Analyzers.Model;
using Residency.Analyzers.Sinks;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// The syntactic pre-filter of one compilation: which method bodies can matter, decided from declarations and
    /// identifier names alone, before any body is bound to operations. Binding every method body a second time (the
    /// compiler binds them for emit, the analyzers' semantic model binds them again) is what an operation-based
    /// analyzer costs; this index keeps that cost to the bodies that mention personal data or a sink.
    /// <para>
    /// It over-approximates <see cref="FlowEngine.TouchesPersonalData(IOperation)"/>: every way that pre-filter can answer yes
    /// starts from a name written in the body — a personal member or one whose type carries personal data, a
    /// method returning such data (also one inherited from a constructed base type), a type carrying it, a parameter
    /// of such a type (decided from the declaration), a method or property getter of this compilation that is itself
    /// a candidate (a fixpoint over the whole compilation), a field or auto-property that a candidate method of its
    /// type writes (it may hold personal data: <see cref="FlowEngine"/> field stores), <c>this</c> inside a type that
    /// carries personal data, or a target-typed <c>new()</c>. Names are compared as text, so overloads and
    /// namesakes only make the filter less selective, never wrong. <c>ResidencyInferPersonalData</c> turns it off
    /// (names decide what is personal there).
    /// </para>
    /// </summary>
    internal sealed partial class CandidateIndex
    {
        /// <summary>The pseudo-name of an element access (<c>x[i]</c>): an indexer getter may be a candidate.</summary>
        private const string IndexerName = "this[]";

        private readonly Dictionary<SyntaxNode, int> _owners;
        private readonly bool[] _candidates;
        private readonly bool[] _mentionsSinkName;
        private readonly HashSet<string> _sinkNames;

        // Per type key: the fields and auto-properties no candidate body of the type names. Null: not known.
        private Dictionary<string, HashSet<string>>? _quietStorage;

        // Per body: whether it is a method that may store into a field or auto-property of its own type (Builder.Storers).
        // Null: not known, every method may.
        private bool[]? _storers;

        // Per body: whether it may hand personal data to a sink or an unclassified recipient, itself or through the
        // methods it calls. Null: not known (the index was built without sink names), every body may.
        private bool[]? _reachesRecipient;

        /// <summary>No filter: every body may touch personal data and call a sink.</summary>
        public static CandidateIndex Everything { get; } = new(new Dictionary<SyntaxNode, int>(), new bool[0], new bool[0], new HashSet<string>()) { _everything = true };

        private bool _everything;

        // A sink provider did not declare its candidates (ISinkCandidates): every body may call a sink.
        private bool _everySinkName;

        /// <summary>The referenced assemblies whose types the index's symbol walk visited (by name; for tests).</summary>
        internal IReadOnlyList<string> WalkedAssemblies { get; private set; } = System.Array.Empty<string>();

        private CandidateIndex(Dictionary<SyntaxNode, int> owners, bool[] candidates, bool[] mentionsSinkName, HashSet<string> sinkNames)
        {
            _owners = owners;
            _candidates = candidates;
            _mentionsSinkName = mentionsSinkName;
            _sinkNames = sinkNames;
        }

        /// <summary>
        /// Whether the body declared by <paramref name="declaration"/> (a method, accessor, expression-bodied property,
        /// or compilation unit with top-level statements) may touch personal data. Unknown shapes answer yes.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public bool MayTouchPersonalData(SyntaxNode declaration)
        {
            var owner = OwnerOf(declaration);
            return owner is null || !_owners.TryGetValue(owner, out var id) || _candidates[id];
        }

        /// <summary>
        /// Whether the method declared by <paramref name="declaration"/> may store into a field or auto-property of its own
        /// type, itself or through another method of the type it names: only then can a call of it fill a field with what
        /// the call passes (the engine's <c>MethodSummary.FieldStores</c>). Unknown shapes answer yes.
        /// </summary>
        public bool MayStoreIntoItsType(SyntaxNode declaration)
        {
            if (_everything || _storers is null)
            {
                return true;
            }

            var owner = OwnerOf(declaration);
            return owner is null || !_owners.TryGetValue(owner, out var id) || _storers[id];
        }

        /// <summary>
        /// Whether the body declared by <paramref name="declaration"/> may hand data to a sink or to an unclassified
        /// recipient, directly or through the methods, constructors and accessors of this compilation it names (a
        /// fixpoint over names, like <see cref="MayTouchPersonalData"/>, in the other direction). A body that cannot has
        /// no flow of its own: it is analysed only when a caller needs its summary. Known only in builds that write
        /// facts (the index then has the sink names); unknown shapes and other builds answer yes.
        /// </summary>
        public bool MayReachRecipient(SyntaxNode declaration)
        {
            if (_everything || _everySinkName || _reachesRecipient is null)
            {
                return true;
            }

            var owner = OwnerOf(declaration);
            return owner is null || !_owners.TryGetValue(owner, out var id) || _reachesRecipient[id];
        }

        /// <summary>
        /// Whether the methods of its type can store nothing personal into <paramref name="member"/> (a field, or an
        /// auto-property by its name): no body of the type that may touch personal data names it. The engine then need
        /// not compute the type's field stores to read it (they would be empty for it). False when not known.
        /// </summary>
        public bool StoresNothingPersonal(ISymbol member)
        {
            if (_everything || _quietStorage is null || member.ContainingType is not { } type)
            {
                return false;
            }

            // The type's key is built once per type, not on every field read of every analysis.
            var quiet = _quietByType.GetOrAdd(type.OriginalDefinition, t => _quietStorage.TryGetValue(TypeKey(t), out var names) ? names : null);
            return quiet is not null && quiet.Contains(member.Name);
        }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, HashSet<string>?> _quietByType = Caches.Create<INamedTypeSymbol, HashSet<string>?>(SymbolEqualityComparer.Default);

        /// <summary>The key <see cref="Builder"/> gives a type declaration: <c>Namespace+Outer`0+Inner`1</c>.</summary>
        private static string TypeKey(INamedTypeSymbol type)
        {
            var prefix = type.ContainingType is { } outer
                ? TypeKey(outer)
                : type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "";
            return prefix + "+" + type.Name + "`" + type.Arity;
        }

        /// <summary>Whether <paramref name="node"/> mentions a name that a sink provider may recognise as a sink call.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public bool MayCallSink(SyntaxNode node)
        {
            if (_everything || _everySinkName)
            {
                return true;
            }

            if (_sinkNames.Count == 0)
            {
                return false;
            }

            // A body the index has seen: answered from the names it mentions, collected in the index's one pass over the syntax.
            if (OwnerOf(node) is { } owner && _owners.TryGetValue(owner, out var id))
            {
                return _mentionsSinkName[id];
            }

            // A primary constructor's code block is its whole type declaration: only its parameters and base arguments run in it.
            if (node is TypeDeclarationSyntax type)
            {
                if (type.ParameterList is { } parameters && MentionsSinkName(parameters))
                {
                    return true;
                }

                foreach (var baseType in type.BaseList?.Types ?? default)
                {
                    if (baseType is PrimaryConstructorBaseTypeSyntax { ArgumentList: { } arguments } && MentionsSinkName(arguments))
                    {
                        return true;
                    }
                }

                return false;
            }

            // An initializer's code block is its whole declaration (attributes, type, accessors): only the initializer runs in it.
            return node switch
            {
                PropertyDeclarationSyntax property => property.Initializer is { } initializer && MentionsSinkName(initializer),
                VariableDeclaratorSyntax variable => variable.Initializer is { } initializer && MentionsSinkName(initializer),
                _ => MentionsSinkName(node),
            };
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool MentionsSinkName(SyntaxNode node)
        {
            foreach (var token in node.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && _sinkNames.Contains(token.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Builds the index. <paramref name="sinks"/>: also collect the names of possible sink calls (command-line builds: the
        /// inventory's sink facts and the recipient rule need them; in the IDE the SDK assemblies are not walked at all), and with them, when
        /// <paramref name="local"/> is given (what keeps data in the process: calls to anything else are unclassified
        /// recipients), the names of the other methods of referenced assemblies, for <see cref="MayReachRecipient"/>. With
        /// <paramref name="queryStores"/> (the library's data stores, when a store's provider receives the queries LINQ's own
        /// operators run, <see cref="Calls.QueryProviders"/>), the calls that may run one (<c>ToList</c>, <c>Count</c>,
        /// <c>foreach</c>) too, and the stores' members a query is reached by (<c>Set&lt;T&gt;()</c>, <c>Users</c>).
        /// </summary>
        public static CandidateIndex Build(Compilation compilation, PersonalDataClassifier classifier, WellKnownTypes types, ImmutableArray<ISinkProvider> providers, bool sinks, Endpoints.LocalCatalog? local, CancellationToken cancellationToken, System.Func<IMethodSymbol, bool>? implementedHere = null, ImmutableArray<INamedTypeSymbol> queryStores = default,
            System.Func<IMethodSymbol, bool>? openMember = null, ImmutableHashSet<string>? openAssemblies = null)
        {
            var builder = new Builder(compilation, classifier, sinks ? providers : ImmutableArray<ISinkProvider>.Empty, cancellationToken)
            {
                OpenMember = openMember,
                OpenAssemblies = openAssemblies ?? ImmutableHashSet<string>.Empty,
            };
            if (sinks && !queryStores.IsDefault)
            {
                builder.TrackQueries(types, queryStores);
            }

            builder.WalkSymbols(types);
            builder.IndexSyntax();
            builder.AddReachableSourceNames();
            if (sinks)
            {
                builder.CollectRecipientNames(local, implementedHere);
            }

            return builder.Solve();
        }

        private static SyntaxNode? OwnerOf(SyntaxNode node) => node switch
        {
            ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property } => property,
            _ => node,
        };

    }
}
