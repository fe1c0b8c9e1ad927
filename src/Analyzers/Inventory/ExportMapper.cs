using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Flow;
using DataElement = Residency.Analyzers.Model.DataElement;
using Residency.Facts;

namespace Residency.Analyzers.Inventory
{
    /// <summary>
    /// A library's exports (docs/cross-project.md): which of its methods other projects can call, and what each one's
    /// summary says its arguments reach, as <see cref="ExportedFlow"/> facts.
    /// </summary>
    internal static class ExportMapper
    {
        /// <summary>
        /// Whether another project can call <paramref name="method"/> with data of its own: an ordinary method with a
        /// parameter that can carry data (<see cref="MayCarryData"/>; with <paramref name="hasOpenMembers"/>, any), or an
        /// instance method of a type with a plain-value field (the caller's object may hold its data there), visible outside the assembly
        /// (public or protected, in types that are), or an explicit interface implementation (called through the interface).
        /// </summary>
        public static bool IsCandidate(IMethodSymbol method, bool hasOpenMembers = false)
        {
            // Where the library has open members (FlowEngine.IsOpenMember), a method without such a parameter may read one;
            // an instance method may send what its object holds (new Notifier(c.Email).Notify(): HoldsData).
            if (method.IsImplicitlyDeclared || (!hasOpenMembers && !method.Parameters.Any(p => MayCarryData(p.Type)) && !HoldsData(method)))
            {
                return false;
            }

            if (method.MethodKind == MethodKind.ExplicitInterfaceImplementation)
            {
                return IsVisible(method.ContainingType);
            }

            return method.MethodKind == MethodKind.Ordinary && IsVisible(method);
        }

        /// <summary>
        /// Whether another project can read <paramref name="method"/>'s result as a plain value: a visible property's
        /// getter, or a visible ordinary method, that returns a string, a number or a Guid (or a task of one). An object
        /// it returns needs no export: the calling project reads its annotated members from the library's metadata.
        /// </summary>
        public static bool IsSourceCandidate(IMethodSymbol method) =>
            !method.IsImplicitlyDeclared && !method.ReturnsVoid && FlowEngine.IsPlainValue(FlowEngine.Awaited(method.ReturnType)) && method.MethodKind switch
            {
                MethodKind.PropertyGet => method.AssociatedSymbol is IPropertySymbol { IsIndexer: false } property && IsVisible(property),
                MethodKind.Ordinary => IsVisible(method),
                _ => false,
            };

        /// <summary>
        /// The member whose value <paramref name="summary"/> says is personal data the method read (its result's source
        /// facts), under its own type's name and under each interface it implements, for the projects that reference this
        /// library (one element: a special category first, else the first by id).
        /// </summary>
        public static IEnumerable<ExportedSource> Sources(IMethodSymbol method, MethodSummary summary, string assembly)
        {
            DataElement? element = null;
            foreach (var fact in summary.Returns)
            {
                if (fact.IsSource && fact.Element is { } candidate &&
                    (element is null || (candidate.IsSpecial && !element.IsSpecial) ||
                     (candidate.IsSpecial == element.IsSpecial && string.CompareOrdinal(candidate.Id, element.Id) < 0)))
                {
                    element = candidate;
                }
            }

            if (element is null)
            {
                yield break;
            }

            ISymbol member = method.MethodKind == MethodKind.PropertyGet && method.AssociatedSymbol is { } property ? property : method;
            var origin = assembly + ": " + (element.Source ?? element.Name);
            var types = new SortedSet<string>(System.StringComparer.Ordinal) { Endpoints.EndpointResolver.MetadataName(method.ContainingType) };
            foreach (var implemented in ImplementedInterfaceMembers(member))
            {
                types.Add(Endpoints.EndpointResolver.MetadataName(implemented.ContainingType.OriginalDefinition));
            }

            foreach (var type in types)
            {
                yield return new ExportedSource
                {
                    Type = type,
                    Member = member.Name,
                    Category = element.Category,
                    SpecialCategory = element.SpecialCategory,
                    Origin = origin,
                };
            }
        }

        /// <summary>The flows of <paramref name="method"/>'s parameters to sinks in <paramref name="summary"/>.</summary>
        public static IEnumerable<ExportedFlow> From(IMethodSymbol method, MethodSummary summary)
        {
            if (summary.ParameterSinks.IsEmpty || method.OriginalDefinition.GetDocumentationCommentId() is not { } id)
            {
                yield break;
            }

            IReadOnlyList<string>? implements = null;
            var seen = new HashSet<(int, bool, ISymbol?, string)>();
            // One export per parameter, member and sink: the shortest of the paths the analysis found (the others say the same to a caller).
            foreach (var flow in summary.ParameterSinks.OrderBy(f => f.Path.Length).ThenBy(f => string.Join("\u0001", f.Path), System.StringComparer.Ordinal))
            {
                var open = flow.Parameter == TaintFact.OpenRead;
                var receiver = flow.Parameter == TaintFact.Receiver;
                if (receiver ? method.IsStatic || !IsHeldValue(flow) : !open && (flow.Parameter < 0 || flow.Parameter >= method.Parameters.Length))
                {
                    continue;
                }

                if ((!open && !receiver && !MayCarryData(method.Parameters[flow.Parameter].Type)) || !seen.Add((flow.Parameter, flow.ViaMember, flow.Member, flow.Sink.Id)))
                {
                    continue;
                }

                implements ??= Implemented(method);
                yield return new ExportedFlow
                {
                    Method = id,
                    Implements = implements,
                    Parameter = open ? -1 : receiver ? ExportedFlow.ReceiverParameter : flow.Parameter,
                    Member = open ? null : flow.Member?.OriginalDefinition.GetDocumentationCommentId(),
                    ViaMember = !open && flow.ViaMember,
                    OpenMember = open ? flow.Member?.OriginalDefinition.GetDocumentationCommentId() : null,
                    Sink = FactMapper.Sink(flow.Sink),
                    RecipientAssembly = flow.Sink.RecipientAssembly,
                    RecipientMethod = flow.Sink.RecipientMethod?.OriginalDefinition.GetDocumentationCommentId(),
                    SinkRegionName = flow.Sink.RegionName,
                    Hint = flow.Sink.Hint,
                    Path = flow.Path,
                    Through = flow.Through.Select(m => m.OriginalDefinition.GetDocumentationCommentId()).Where(m => m is not null).Select(m => m!).ToList(),
                };
            }
        }

        /// <summary>The interface members and overridden methods <paramref name="method"/> implements: a call to one of them may run it.</summary>
        private static IReadOnlyList<string> Implemented(IMethodSymbol method)
        {
            var result = new SortedSet<string>(System.StringComparer.Ordinal);
            foreach (var explicitly in method.ExplicitInterfaceImplementations)
            {
                Add(explicitly);
            }

            foreach (var implemented in ImplementedInterfaceMembers(method))
            {
                Add((IMethodSymbol)implemented);
            }

            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                Add(overridden);
            }

            return result.ToList();

            void Add(IMethodSymbol implemented)
            {
                if (implemented.OriginalDefinition.GetDocumentationCommentId() is { } id)
                {
                    result.Add(id);
                }
            }
        }

        /// <summary>
        /// The interface members <paramref name="member"/> implements implicitly (same name; an explicit implementation
        /// names its interface member itself): a call through one of them may run it.
        /// </summary>
        private static IEnumerable<ISymbol> ImplementedInterfaceMembers(ISymbol member)
        {
            var type = member.ContainingType;
            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var candidate in @interface.GetMembers(member.Name))
                {
                    if (candidate.Kind == member.Kind && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), member))
                    {
                        yield return candidate;
                    }
                }
            }
        }

        /// <summary>
        /// A receiver flow worth exporting: what the object holds in a field or property of a plain value (a string, a number,
        /// a Guid: <c>Notify() =&gt; Push(_to)</c>), or the object itself. Not a member holding a service the method calls
        /// (<c>_transport.Push(value)</c>, <c>_sender.Send(to)</c>), which a caller never fills with personal data, nor an
        /// object whose annotated members the library reads (its own findings say so).
        /// </summary>
        private static bool IsHeldValue(ParameterSinkFlow flow) => flow.Member switch
        {
            null => !flow.ViaMember,
            IFieldSymbol field => FlowEngine.IsPlainValue(field.Type),
            IPropertySymbol property => FlowEngine.IsPlainValue(property.Type),
            _ => false,
        };

        /// <summary>
        /// An instance method of a type with an instance field (or auto-property's backing field) of a plain value: what the
        /// caller's object holds there may reach a sink, and only such a member's flow is exported (<see cref="IsHeldValue"/>).
        /// </summary>
        private static bool HoldsData(IMethodSymbol method)
        {
            if (method.IsStatic || method.ContainingType is not { } type)
            {
                return false;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { IsStatic: false, IsConst: false } field && FlowEngine.IsPlainValue(field.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether an argument of <paramref name="type"/> can hold personal data a caller hands over: not a cancellation
        /// token (which an HTTP call is handed beside its request), a truth value or an enumeration's member.
        /// </summary>
        private static bool MayCarryData(ITypeSymbol type) =>
            type.SpecialType != SpecialType.System_Boolean &&
            type.TypeKind != TypeKind.Enum &&
            !Model.WellKnownTypes.IsCancellationToken(type);

        private static bool IsVisible(ISymbol symbol)
        {
            for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
