using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Residency.Analyzers.Model;
using Residency.Analyzers.Sinks;

namespace Residency.Analyzers.Flow
{
    /// <summary>The index's first step: the declarations that name personal data, sinks and open members.</summary>
    internal sealed partial class CandidateIndex
    {
        private sealed partial class Builder
        {
            /// <summary>Declarations only: the compilation's own types and those of assemblies that use the annotations.</summary>
            public void WalkSymbols(WellKnownTypes types)
            {
                foreach (var provider in _providers)
                {
                    if (provider is ISinkCandidates candidates)
                    {
                        candidates.AddCallNames(_sinkNames);
                    }
                    else
                    {
                        _sinksUnknown = true; // a provider that does not say which calls it recognises: any body may call a sink
                    }
                }

                var seeds = new List<IAssemblySymbol?>
                {
                    types.PersonalData?.ContainingAssembly,
                    types.SpecialCategoryData?.ContainingAssembly,
                    types.DataSink?.ContainingAssembly,
                    types.IdentityPersonalData?.ContainingAssembly,
                    types.IdentityProtectedPersonalData?.ContainingAssembly,
                    types.DataClassification?.ContainingAssembly,
                };
                foreach (var provider in _providers)
                {
                    if (provider is ISinkCandidates candidates)
                    {
                        foreach (var name in candidates.WildcardTypes())
                        {
                            // Types derived from it in a referenced assembly are sinks too: its own assembly is a seed. Not its
                            // base types' (every assembly references System.Object's: the walk would visit every referenced
                            // type, seconds of a small application's build). Their methods are the type's inherited ones.
                            var wildcard = _compilation.GetTypeByMetadataName(name);
                            seeds.Add(wildcard?.ContainingAssembly);
                            for (var type = wildcard; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
                            {
                                foreach (var member in type.GetMembers())
                                {
                                    if (member is IMethodSymbol)
                                    {
                                        _sinkNames.Add(member.Name);
                                    }
                                }
                            }
                        }
                    }
                }

                // Sources that need no annotation are reached through framework members no walk below visits (User, Identity, GetEmailAsync, Headers).
                _classifier.Sources?.AddIndexNames(_seedNames, _cancellationToken);

                foreach (var type in SymbolWalk.Types(_compilation.Assembly.GlobalNamespace, _cancellationToken))
                {
                    VisitType(type, inSource: true);
                }

                // The annotations by name too: a library built against them is walked even when this compilation does not reference them.
                foreach (var assembly in SymbolWalk.ReferencingClosure(_compilation, seeds, new[] { WellKnownTypes.AnnotationsAssemblyName }))
                {
                    _walked.Add(assembly.Identity.Name);
                    foreach (var type in SymbolWalk.Types(assembly.GlobalNamespace, _cancellationToken))
                    {
                        VisitType(type, inSource: false);
                    }
                }

                // The open members of the solution's other projects' interfaces (IUser.Id, IUserContext.GetUserId(): read here,
                // implemented elsewhere).
                if (OpenMember is not null && !OpenAssemblies.IsEmpty)
                {
                    foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
                    {
                        if (!OpenAssemblies.Contains(assembly.Name) || _walked.Contains(assembly.Identity.Name))
                        {
                            continue;
                        }

                        foreach (var type in SymbolWalk.Types(assembly.GlobalNamespace, _cancellationToken))
                        {
                            if (type.TypeKind != TypeKind.Interface)
                            {
                                continue;
                            }

                            foreach (var member in type.GetMembers())
                            {
                                if (member is IPropertySymbol or IMethodSymbol { MethodKind: MethodKind.Ordinary } && IsOpen(member))
                                {
                                    _seedNames.Add(member.Name);
                                }
                            }
                        }
                    }
                }
            }

            /// <summary>
            /// After <see cref="IndexSyntax"/>: the members of referenced assemblies that return a principal or identity,
            /// among the names some body mentions (the others cannot seed anything).
            /// </summary>
            public void AddReachableSourceNames() =>
                _classifier.Sources?.AddPrincipalMemberNames(_seedNames, _byName.ContainsKey, _cancellationToken);

            private bool Carries(ITypeSymbol? type) => type is not null && !_classifier.GetCarriedElements(type).IsEmpty;

            private bool IsElement(ISymbol symbol) => _classifier.GetElement(symbol) is not null || IsOpen(symbol);

            /// <summary>
            /// The engine's open members, when its reads of them are exported (FlowEngine.IsOpenMember): a body that reads one
            /// may start a flow, as a body that reads a source does.
            /// </summary>
            public System.Func<IMethodSymbol, bool>? OpenMember { get; init; }

            /// <summary>The referenced projects whose interfaces' members may be open here (ImportedSummaries.Exporters).</summary>
            public ImmutableHashSet<string> OpenAssemblies { get; init; } = ImmutableHashSet<string>.Empty;

            private bool IsOpen(ISymbol symbol) => OpenMember is { } open && symbol switch
            {
                IPropertySymbol { GetMethod: { } getter } => open(getter),
                IMethodSymbol method => open(method),
                _ => false,
            };

            [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
            private void VisitType(INamedTypeSymbol type, bool inSource)
            {
                bool carries = IsElement(type) || Carries(type);
                if (carries)
                {
                    _seedNames.Add(type.Name);
                }

                if (inSource)
                {
                    // Members inherited from a constructed base (Repository<Customer>.All()) are called by name, through an
                    // implicit 'this', with the personal type appearing nowhere in the body.
                    for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
                    {
                        if (baseType.IsGenericType && !SymbolEqualityComparer.Default.Equals(baseType, baseType.OriginalDefinition))
                        {
                            foreach (var inherited in baseType.GetMembers())
                            {
                                var memberType = inherited switch
                                {
                                    IFieldSymbol f => f.Type,
                                    IPropertySymbol p => p.Type,
                                    IMethodSymbol m => m.ReturnType,
                                    _ => null,
                                };
                                NoteQueryMember(inherited, memberType); // IdentityDbContext<AppUser>.Users
                                if (Carries(memberType) || (inherited is IMethodSymbol withRefs && HasCarriedByRefParameter(withRefs)))
                                {
                                    _seedNames.Add(inherited is IPropertySymbol { IsIndexer: true } ? IndexerName : inherited.Name);
                                }
                            }
                        }
                    }
                }

                foreach (var member in type.GetMembers())
                {
                    switch (member)
                    {
                        case IFieldSymbol field:
                            if (!field.IsImplicitlyDeclared && (IsElement(field) || Carries(field.Type)))
                            {
                                _seedNames.Add(field.Name);
                            }

                            if (inSource && !field.IsImplicitlyDeclared)
                            {
                                NoteQueryMember(field, field.Type);
                            }

                            if (inSource && field.IsStatic && !field.IsConst)
                            {
                                StaticStorage(type, field); // a static field, or the backing field of a static auto-property
                            }

                            if (!field.IsImplicitlyDeclared && IsSinkHolder(field))
                            {
                                _sinkNames.Add(field.Name);
                            }

                            break;
                        case IPropertySymbol property:
                            if (IsElement(property) || Carries(property.Type))
                            {
                                _seedNames.Add(property.IsIndexer ? IndexerName : property.Name);
                                if (inSource && property.SetMethod is { } setter)
                                {
                                    Seed(setter); // its 'value' is personal data
                                }
                            }

                            if (IsSinkHolder(property))
                            {
                                _sinkNames.Add(property.Name);
                            }

                            if (inSource)
                            {
                                NoteQueryMember(property, property.Type);
                            }

                            break;
                        case IMethodSymbol method:
                            VisitMethod(method, inSource, carries);
                            break;
                    }
                }
            }

            [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
            private void VisitMethod(IMethodSymbol method, bool inSource, bool typeCarries)
            {
                if (method.MethodKind is MethodKind.Ordinary or MethodKind.ReducedExtension or MethodKind.DelegateInvoke or MethodKind.ExplicitInterfaceImplementation &&
                    (IsElement(method) || Carries(method.ReturnType) || HasCarriedByRefParameter(method)))
                {
                    _seedNames.Add(method.Name);
                }

                if (method.CanBeReferencedByName && MayBeSink(method))
                {
                    _sinkNames.Add(method.Name);
                }

                if (!inSource)
                {
                    return;
                }

                NoteQueryMethod(method);
                if (Calls.UnclassifiedCalls.IsAbstractOfTheApplication(method))
                {
                    _abstractMethods.Add(method);
                }

                if (typeCarries && !method.IsStatic)
                {
                    // 'this' is personal data. Callers need not be found through this method's name: they call it on a
                    // receiver of a carrying type, and that receiver comes from something the caller names.
                    Seed(method, export: false);
                    return;
                }

                foreach (var parameter in method.Parameters)
                {
                    if (IsElement(parameter) || Carries(parameter.Type) || _classifier.Sources?.IsBoundBody(parameter) == true)
                    {
                        if (method.MethodKind == MethodKind.Constructor && IsPrimaryConstructor(method))
                        {
                            _seedNames.Add(parameter.Name); // captured by the type's members, which read it by name
                            continue;
                        }

                        Seed(method);
                        return;
                    }
                }
            }

            private bool IsPrimaryConstructor(IMethodSymbol method)
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(_cancellationToken) is TypeDeclarationSyntax)
                    {
                        return true;
                    }
                }

                return false;
            }

            private bool HasCarriedByRefParameter(IMethodSymbol method)
            {
                foreach (var parameter in method.Parameters)
                {
                    if (parameter.RefKind != RefKind.None && Carries(parameter.Type))
                    {
                        return true;
                    }
                }

                return false;
            }

            private bool MayBeSink(IMethodSymbol method)
            {
                foreach (var provider in _providers)
                {
                    if (provider is ISinkCandidates candidates && candidates.MayResolve(method))
                    {
                        return true;
                    }
                }

                return false;
            }

            private bool IsSinkHolder(ISymbol member)
            {
                foreach (var provider in _providers)
                {
                    if (provider is ISinkCandidates candidates && candidates.IsSinkHolder(member))
                    {
                        return true;
                    }
                }

                return false;
            }

            private void Seed(IMethodSymbol method, bool export = true)
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    var owner = OwnerOf(reference.GetSyntax(_cancellationToken));
                    if (owner is not null)
                    {
                        _seedOwners.Add((owner, export));
                    }
                }
            }
        }
    }
}
