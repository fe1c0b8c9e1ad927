using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Model;
using Residency.Analyzers.Regions;

namespace Residency.Analyzers.Sinks
{
    /// <summary>A <c>[DataTransfer]</c> declaration: the Chapter V basis for transfers to a region (and recipient).</summary>
    internal sealed record TransferDeclaration(Region Region, string RegionText, string Mechanism, string? Recipient, string? Justification, string Scope)
    {
        /// <summary>Whether this declaration covers a transfer to <paramref name="sink"/>.</summary>
        public bool Covers(SinkInfo sink)
        {
            if (!sink.Region.IsWithin(Region))
            {
                return false;
            }

            return Recipient is null || (sink.Recipient is not null && RecipientNames.Same(Recipient, sink.Recipient));
        }

        public string Describe() => Recipient is null
            ? $"{Mechanism} for {Region.Code}, declared on {Scope}"
            : $"{Mechanism} for {Region.Code} to {Recipient}, declared on {Scope}";
    }

    /// <summary>
    /// Finds the <c>[DataTransfer]</c> declarations in scope of a method: on the method, its containing types
    /// (outermost included), and the assembly. Memoised per symbol.
    /// </summary>
    internal sealed class TransferDeclarations
    {
        private static readonly string[] MechanismNames =
        {
            "AdequacyDecision", "StandardContractualClauses", "BindingCorporateRules", "CodeOfConduct", "Certification", "Derogation",
        };

        private readonly WellKnownTypes _types;
        private readonly ConcurrentDictionary<ISymbol, ImmutableArray<TransferDeclaration>> _own = new(SymbolEqualityComparer.Default);

        public TransferDeclarations(WellKnownTypes types)
        {
            _types = types;
        }

        /// <summary>The first declaration in scope of <paramref name="method"/> that covers <paramref name="sink"/>, innermost first.</summary>
        public TransferDeclaration? FindCovering(ISymbol? method, SinkInfo sink)
        {
            if (_types.DataTransfer is null || method is null)
            {
                return null;
            }

            foreach (var scope in Scopes(method))
            {
                foreach (var declaration in _own.GetOrAdd(scope, Read))
                {
                    if (declaration.Covers(sink))
                    {
                        return declaration;
                    }
                }
            }

            return null;
        }

        private static IEnumerable<ISymbol> Scopes(ISymbol symbol)
        {
            for (var s = symbol; s is not null && s is not INamespaceSymbol; s = s.ContainingSymbol)
            {
                if (s is IMethodSymbol or INamedTypeSymbol)
                {
                    yield return s;
                }
            }

            if (symbol.ContainingAssembly is { } assembly)
            {
                yield return assembly;
            }
        }

        private ImmutableArray<TransferDeclaration> Read(ISymbol scope)
        {
            var builder = ImmutableArray.CreateBuilder<TransferDeclaration>();
            foreach (var attribute in scope.GetAttributes())
            {
                if (!WellKnownTypes.Is(attribute.AttributeClass, _types.DataTransfer) || attribute.ConstructorArguments.Length < 2)
                {
                    continue;
                }

                var regionText = attribute.ConstructorArguments[0].Value as string;
                if (!Region.TryParse(regionText, out var region))
                {
                    continue; // RES004 is reported on the attribute; an invalid declaration covers nothing.
                }

                var mechanismValue = attribute.ConstructorArguments[1].Value is int m && m >= 0 && m < MechanismNames.Length
                    ? MechanismNames[m]
                    : "Unknown";
                var scopeName = scope switch
                {
                    IAssemblySymbol a => $"assembly {a.Name}",
                    INamedTypeSymbol t => t.Name,
                    _ => $"{scope.ContainingType?.Name}.{scope.Name}",
                };
                builder.Add(new TransferDeclaration(
                    region,
                    regionText!,
                    mechanismValue,
                    PersonalDataClassifier.NamedString(attribute, "Recipient"),
                    PersonalDataClassifier.NamedString(attribute, "Justification"),
                    scopeName));
            }

            return builder.ToImmutable();
        }
    }
}
