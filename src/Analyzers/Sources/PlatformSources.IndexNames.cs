using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Sources
{
    /// <summary>The names the syntactic pre-filter needs to over-approximate sources that need no annotation.</summary>
    internal sealed partial class PlatformSources
    {
        /// <summary>
        /// Names by which a body can reach a source without naming anything the compilation declares: catalogue members
        /// and look-ups, the header dictionaries, the members of wildcard types and the principal types' own names. For the
        /// syntactic pre-filter, which must over-approximate the engine; the members of referenced assemblies that return a
        /// principal are added by <see cref="AddPrincipalMemberNames"/> once the bodies' names are known.
        /// </summary>
        public void AddIndexNames(ISet<string> names, CancellationToken cancellationToken)
        {
            // Members reached only through a principal or identity (Identity.Name, Claims, FindFirst, FindAll, the
            // FindFirstValue extension) need no name of their own: the receiver comes from a name added below or from a
            // declaration of a principal type, which the index seeds anyway. Common names such as Name and FindAll would
            // otherwise make half the bodies of a compilation candidates.
            foreach (var entries in _membersByType)
            {
                foreach (var entry in entries.Value)
                {
                    if (entry.MemberName != "*" && !OnlyThroughAPrincipal(entry.TypeName, entry.MemberName))
                    {
                        names.Add(entry.MemberName);
                    }
                }
            }

            foreach (var lookup in _catalog.Lookups)
            {
                if (!OnlyThroughAPrincipal(lookup.TypeName, lookup.MethodName))
                {
                    names.Add(lookup.MethodName);
                }
            }

            if (!_headerDictionaries.IsEmpty)
            {
                names.Add("Headers");
            }

            // A form field or query parameter is read through a collection some body names: the request's member, the
            // method that reads the form, the collection's type (a parameter, a local), or a method of this compilation
            // that returns one (itself a candidate, through the index's fixpoint).
            if (!_fieldCollections.IsEmpty)
            {
                foreach (var collection in _fieldCollections)
                {
                    names.Add(collection.Name);
                }

                names.UnionWith(_catalog.FieldCollectionNames);
            }

            foreach (var typeName in _wildcardTypes)
            {
                for (var type = _compilation.GetTypeByMetadataName(typeName); type is not null; type = type.BaseType)
                {
                    names.Add(type.Name);
                    foreach (var member in type.GetMembers())
                    {
                        names.Add(member.Name);
                    }
                }
            }

            foreach (var type in _principalTypes)
            {
                names.Add(type.Name);
            }

            // A minimal API's handler is a lambda whose parameters model binding fills: the body that maps it names the map
            // method (a controller's action is found by its parameters, in the symbol walk).
            names.UnionWith(HandlerCallNames);

            // A message a consumer received: the body reads it by the context's member (context.Message).
            if (!_handlers.Value.MessageContexts.IsEmpty)
            {
                names.UnionWith(_handlers.Value.MessageMembers);
            }

            // A body the code reads from the request: the reader's method names it (ReadFromJsonAsync).
            if (!_handlers.Value.BodyReaders.IsEmpty)
            {
                names.UnionWith(_handlers.Value.BodyReaderMethods);
            }
        }

        /// <summary>
        /// The names of the members of referenced assemblies whose type is a principal or identity (<c>User</c>,
        /// <c>Principal</c>, <c>CurrentPrincipal</c>, …), among those <paramref name="mentioned"/> says some body of the
        /// compilation names: a member no body names cannot be reached by name. The members are read from each module's
        /// metadata tables (<see cref="MemberTypeIndex"/>), and only the types of the members so named are resolved to
        /// symbols: asking the compiler for the members of the hundreds of framework types that declare a name some body
        /// mentions (ToString, Value, Create) decoded all of their members, about a fifth of the whole analysis at
        /// N = 250 in docs/benchmarks.md.
        /// </summary>
        public void AddPrincipalMemberNames(ISet<string> names, Func<string, bool> mentioned, CancellationToken cancellationToken)
        {
            if (_principalTypes.IsEmpty)
            {
                return;
            }

            var closure = PrincipalClosure();
            var indexes = new List<MemberTypeIndex>();
            foreach (var assembly in closure)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var modules = new List<MemberTypeIndex>();
                foreach (var module in assembly.Modules)
                {
                    if (MemberTypeIndex.For(module) is not { } index)
                    {
                        modules = null;
                        break;
                    }

                    modules.Add(index);
                }

                if (modules is null)
                {
                    AddPrincipalMemberNamesFromSymbols(assembly, names, mentioned, cancellationToken);
                }
                else
                {
                    indexes.AddRange(modules);
                }
            }

            var candidates = PrincipalNameCandidates(indexes);
            var principalNames = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var index in indexes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var pair in index.TypesByMember)
                {
                    if (names.Contains(pair.Key) || !mentioned(pair.Key))
                    {
                        continue;
                    }

                    foreach (var typeName in pair.Value)
                    {
                        if (candidates.Contains(typeName) && IsPrincipalName(typeName, closure, principalNames))
                        {
                            names.Add(pair.Key);
                            break;
                        }
                    }
                }
            }
        }

        /// <summary>
        /// The metadata names that may name a principal type among the <paramref name="indexes"/>' modules: the principal
        /// types' own, then, to a fixpoint, every type whose base type or interface has one of them — by name, so a
        /// superset of the types <see cref="IsPrincipal"/> accepts there (a principal type of a referenced assembly derives
        /// from, or implements, one in the same closure). Only these names are resolved to symbols: resolving every member
        /// type's name through a compilation of a few hundred references, each look-up asking every one of them, was a
        /// third of this pre-filter's time on a real application (docs/benchmarks.md, twenty-third round).
        /// </summary>
        private HashSet<string> PrincipalNameCandidates(List<MemberTypeIndex> indexes)
        {
            var candidates = new HashSet<string>(StringComparer.Ordinal);
            foreach (var type in _principalTypes)
            {
                candidates.Add(Endpoints.EndpointResolver.MetadataName(type));
            }

            bool grew = true;
            while (grew)
            {
                grew = false;
                foreach (var index in indexes)
                {
                    foreach (var pair in index.Supertypes)
                    {
                        if (candidates.Contains(pair.Key))
                        {
                            continue;
                        }

                        foreach (var supertype in pair.Value)
                        {
                            if (candidates.Contains(supertype))
                            {
                                candidates.Add(pair.Key);
                                grew = true;
                                break;
                            }
                        }
                    }
                }
            }

            return candidates;
        }

        /// <summary>
        /// Whether the type of metadata name <paramref name="typeName"/> is a principal or identity type: resolved through
        /// the compilation, or when that is ambiguous or fails, through each assembly of <paramref name="closure"/> (the
        /// pre-filter must over-approximate). Memoised in <paramref name="known"/>.
        /// </summary>
        private bool IsPrincipalName(string typeName, List<IAssemblySymbol> closure, Dictionary<string, bool> known)
        {
            if (known.TryGetValue(typeName, out var principal))
            {
                return principal;
            }

            if (_compilation.GetTypeByMetadataName(typeName) is { } type)
            {
                principal = IsPrincipal(type);
            }
            else
            {
                foreach (var assembly in closure)
                {
                    if (assembly.GetTypeByMetadataName(typeName) is { } candidate && IsPrincipal(candidate))
                    {
                        principal = true;
                        break;
                    }
                }
            }

            known[typeName] = principal;
            return principal;
        }

        /// <summary>
        /// <see cref="AddPrincipalMemberNames"/> asked of symbols for every assembly, metadata or not: what the metadata
        /// tables must agree with (tests).
        /// </summary>
        internal void AddPrincipalMemberNamesFromSymbols(ISet<string> names, Func<string, bool> mentioned, CancellationToken cancellationToken)
        {
            foreach (var assembly in PrincipalClosure())
            {
                AddPrincipalMemberNamesFromSymbols(assembly, names, mentioned, cancellationToken);
            }
        }

        // The referenced assemblies that can declare a member of a principal type: those of the principal types and those that reference them.
        private List<IAssemblySymbol> PrincipalClosure()
        {
            var seeds = new List<IAssemblySymbol?>();
            foreach (var type in _principalTypes)
            {
                seeds.Add(type.ContainingAssembly);
            }

            return SymbolWalk.ReferencingClosure(_compilation, seeds);
        }

        // For an assembly without metadata of its own (a compilation reference in a workspace): the same question asked of symbols.
        private void AddPrincipalMemberNamesFromSymbols(IAssemblySymbol assembly, ISet<string> names, Func<string, bool> mentioned, CancellationToken cancellationToken)
        {
            foreach (var pair in PublicMemberNames(assembly, cancellationToken))
            {
                if (names.Contains(pair.Key) || !mentioned(pair.Key))
                {
                    continue;
                }

                foreach (var type in pair.Value)
                {
                    if (HasPrincipalMember(type, pair.Key))
                    {
                        names.Add(pair.Key);
                        break;
                    }
                }
            }
        }

        /// <summary>
        /// Whether every member <paramref name="memberName"/> of <paramref name="typeName"/> is reached through a principal:
        /// an instance member of a principal type, or an extension method whose receiver is one.
        /// </summary>
        private bool OnlyThroughAPrincipal(string typeName, string memberName)
        {
            var type = _compilation.GetTypeByMetadataName(typeName);
            if (type is null)
            {
                return false;
            }

            var members = type.GetMembers(memberName);
            if (members.IsEmpty)
            {
                return false;
            }

            foreach (var member in members)
            {
                var throughPrincipal = member switch
                {
                    IMethodSymbol { IsExtensionMethod: true, Parameters.Length: > 0 } extension => IsPrincipal(extension.Parameters[0].Type),
                    _ => !member.IsStatic && IsPrincipal(type),
                };
                if (!throughPrincipal)
                {
                    return false;
                }
            }

            return true;
        }

        // For each referenced assembly: the names of the non-type members of its public types, and the types declaring
        // each. Read from metadata names only (no member symbol is created); memoised per assembly symbol (metadata
        // symbols are shared by the compilations of a workspace and of the compiler server).
        private static readonly ConditionalWeakTable<IAssemblySymbol, Dictionary<string, List<INamedTypeSymbol>>> s_publicMemberNames = new();

        private static Dictionary<string, List<INamedTypeSymbol>> PublicMemberNames(IAssemblySymbol assembly, CancellationToken cancellationToken)
        {
            if (s_publicMemberNames.TryGetValue(assembly, out var known))
            {
                return known;
            }

            var byName = new Dictionary<string, List<INamedTypeSymbol>>(StringComparer.Ordinal);
            foreach (var type in SymbolWalk.Types(assembly.GlobalNamespace, cancellationToken))
            {
                if (type.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                foreach (var name in type.MemberNames)
                {
                    if (!byName.TryGetValue(name, out var types))
                    {
                        byName[name] = types = new List<INamedTypeSymbol>(1);
                    }

                    types.Add(type);
                }
            }

            return s_publicMemberNames.GetValue(assembly, _ => byName);
        }

        /// <summary>Whether <paramref name="type"/> has an accessible member <paramref name="name"/> whose type (or awaited type) is a principal.</summary>
        private bool HasPrincipalMember(INamedTypeSymbol type, string name)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
                {
                    continue;
                }

                var memberType = member switch
                {
                    IPropertySymbol p => p.Type,
                    IFieldSymbol f => f.Type,
                    IMethodSymbol { MethodKind: MethodKind.Ordinary } m => m.ReturnType,
                    _ => null,
                };
                if (memberType is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } wrapper && wrapper.Name is "Task" or "ValueTask")
                {
                    memberType = wrapper.TypeArguments[0];
                }

                if (memberType is not null && IsPrincipal(memberType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
