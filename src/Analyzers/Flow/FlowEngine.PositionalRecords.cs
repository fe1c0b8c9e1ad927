using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// Positional records whose constructor arguments are tracked per member: <c>new Envelope(r.Mail, r.Full)</c> of
    /// <c>record Envelope(string To, string Subject)</c> holds <c>r.Mail</c> in <c>To</c> and <c>r.Full</c> in
    /// <c>Subject</c>, so that <c>Send(e.To)</c> sends only <c>r.Mail</c> (docs/flow-semantics.md, "What does not flow").
    /// </summary>
    internal sealed partial class FlowEngine
    {
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IPropertySymbol?>> _positional = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// For a record's primary constructor whose parameters do nothing but initialise their properties: the property
        /// of each parameter (null where there is none). Default for any other constructor, and for a record whose
        /// declarations use a parameter anywhere else (an initializer <c>Upper { get; } = To.ToUpper()</c>, a base record's
        /// arguments), where an argument may end up in another member too: its arguments then stay on the whole object.
        /// Memoised per constructor.
        /// </summary>
        internal ImmutableArray<IPropertySymbol?> PositionalProperties(IMethodSymbol constructor)
        {
            constructor = constructor.OriginalDefinition;
            return _positional.TryGetValue(constructor, out var known) ? known : _positional.GetOrAdd(constructor, ComputePositional);
        }

        private static ImmutableArray<IPropertySymbol?> ComputePositional(IMethodSymbol constructor)
        {
            if (constructor.MethodKind != MethodKind.Constructor || constructor.ContainingType is not { IsRecord: true } type ||
                constructor.Parameters.IsEmpty || constructor.DeclaringSyntaxReferences.Length != 1 ||
                constructor.DeclaringSyntaxReferences[0].GetSyntax() is not RecordDeclarationSyntax { ParameterList: not null })
            {
                return default;
            }

            var names = new HashSet<string>();
            foreach (var parameter in constructor.Parameters)
            {
                names.Add(parameter.Name);
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not TypeDeclarationSyntax declaration || UsesAParameter(declaration, names))
                {
                    return default;
                }
            }

            var properties = ImmutableArray.CreateBuilder<IPropertySymbol?>(constructor.Parameters.Length);
            foreach (var parameter in constructor.Parameters)
            {
                IPropertySymbol? property = null;
                foreach (var member in type.GetMembers(parameter.Name))
                {
                    if (member is IPropertySymbol candidate && SymbolEqualityComparer.Default.Equals(PersonalDataClassifier.PositionalParameter(candidate), parameter))
                    {
                        property = candidate;
                    }
                }

                properties.Add(property);
            }

            return properties.MoveToImmutable();
        }

        /// <summary>Whether a parameter name is written anywhere in the declaration but its parameter list: in a member, or in the arguments of a base record.</summary>
        private static bool UsesAParameter(TypeDeclarationSyntax declaration, HashSet<string> names)
        {
            if (declaration.BaseList is { } bases)
            {
                foreach (var type in bases.Types)
                {
                    if (type is PrimaryConstructorBaseTypeSyntax)
                    {
                        return true;
                    }
                }
            }

            foreach (var member in declaration.Members)
            {
                foreach (var token in member.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && names.Contains(token.ValueText))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
