using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Sources
{
    /// <summary>
    /// Parameters that a library fills with personal data when it calls the application's implementation of its interface
    /// (<c>sources.json</c>, "callbackParameters"): ASP.NET Core Identity hands the application's e-mail sender the user's
    /// address (<c>IEmailSender.SendEmailAsync(string email, …)</c>, <c>IEmailSender&lt;TUser&gt;.SendConfirmationLinkAsync(user,
    /// email, link)</c>). The parameter is a source in each implementation, one element per interface parameter, so that the
    /// e-mail API the implementation posts it to is a flow even when only the framework calls it.
    /// </summary>
    internal sealed partial class PlatformSources
    {
        private readonly Lazy<ImmutableArray<ResolvedCallback>> _callbacks;

        private sealed record ResolvedCallback(IMethodSymbol Member, int Ordinal, DataElement Element);

        private ImmutableArray<ResolvedCallback> ResolveCallbacks()
        {
            var builder = ImmutableArray.CreateBuilder<ResolvedCallback>();
            foreach (var entry in _catalog.CallbackParameters)
            {
                foreach (var type in _compilation.GetTypesByMetadataName(entry.TypeName))
                {
                    if (type.TypeKind != TypeKind.Interface)
                    {
                        continue;
                    }

                    foreach (var member in type.GetMembers(entry.MethodName))
                    {
                        if (member is not IMethodSymbol method)
                        {
                            continue;
                        }

                        foreach (var parameter in method.Parameters)
                        {
                            if (parameter.Name == entry.Parameter)
                            {
                                builder.Add(new ResolvedCallback(method, parameter.Ordinal, new DataElement(parameter, entry.Category, ElementOrigin.Platform, entry.Origin)));
                            }
                        }
                    }
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>The element of a parameter of the application's implementation of a catalogued interface method, or null.</summary>
        private DataElement? CallbackElement(IParameterSymbol parameter)
        {
            var callbacks = _callbacks.Value;
            if (callbacks.IsEmpty || parameter.ContainingSymbol is not IMethodSymbol { IsStatic: false, ContainingType: { } type } method || method.DeclaringSyntaxReferences.IsEmpty)
            {
                return null;
            }

            foreach (var callback in callbacks)
            {
                if (callback.Ordinal == parameter.Ordinal && Implements(method, type, callback.Member))
                {
                    return callback.Element;
                }
            }

            return null;
        }

        /// <summary>Whether <paramref name="method"/> implements <paramref name="member"/> (of any construction of its interface), explicitly or implicitly.</summary>
        private static bool Implements(IMethodSymbol method, INamedTypeSymbol type, IMethodSymbol member)
        {
            if (method.Name != member.Name && method.ExplicitInterfaceImplementations.IsEmpty)
            {
                return false; // cheap first: neither its name nor an explicit implementation
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (!SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, member.ContainingType))
                {
                    continue;
                }

                foreach (var candidate in @interface.GetMembers(member.Name))
                {
                    if (candidate is IMethodSymbol constructed && SymbolEqualityComparer.Default.Equals(constructed.OriginalDefinition, member) &&
                        SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(constructed)?.OriginalDefinition, method.OriginalDefinition))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
