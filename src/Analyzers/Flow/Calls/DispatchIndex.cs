using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Flow.Calls
{
    /// <summary>
    /// Where an interface or virtual call of the application may land: for each interface member, abstract or virtual
    /// method declared in this compilation, its implementations and overrides in this compilation; and for each ordinary
    /// method, and getter of a plain-value property (<see cref="FlowEngine.IsPlainValue"/>), of an interface of a
    /// referenced assembly other than the base library's, its implementations here (a package's <c>IMailer.SendAsync</c>
    /// implemented with an e-mail API; a solution's <c>IUser.Id</c>, declared in the Application project and implemented
    /// in the web project from the request's claims). Built once per compilation, on first use, from declarations only
    /// (no method body is bound); linear in the number of declared members. A call or read follows at most
    /// <see cref="FlowEngine.MaxDispatchTargets"/> of them (docs/flow-semantics.md).
    /// </summary>
    internal sealed class DispatchIndex
    {
        private readonly Dictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _targets;

        private DispatchIndex(Dictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> targets) => _targets = targets;

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static DispatchIndex Build(Compilation compilation, CancellationToken cancellationToken)
        {
            var found = new Dictionary<IMethodSymbol, HashSet<IMethodSymbol>>(SymbolEqualityComparer.Default);
            foreach (var type in SymbolWalk.Types(compilation.Assembly.GlobalNamespace, cancellationToken))
            {
                if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.DeclaringSyntaxReferences.Length == 0)
                {
                    continue;
                }

                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol { IsStatic: false, IsAbstract: false } method && method.DeclaringSyntaxReferences.Length > 0)
                    {
                        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                        {
                            Add(found, overridden, method);
                        }

                        foreach (var explicitImplementation in method.ExplicitInterfaceImplementations)
                        {
                            Add(found, explicitImplementation, method);
                        }
                    }
                }

                foreach (var @interface in type.AllInterfaces)
                {
                    // The application's own interfaces, every member; a referenced assembly's, its ordinary methods and its
                    // plain-value getters, unless it is one of the base library's (IDisposable, IEnumerable<T>, IComparer<T>).
                    var referenced = @interface.DeclaringSyntaxReferences.Length == 0;
                    if (referenced && IsOfTheBaseLibrary(@interface))
                    {
                        continue;
                    }

                    foreach (var member in @interface.GetMembers())
                    {
                        if (member is IMethodSymbol { IsStatic: false } interfaceMethod &&
                            (!referenced || interfaceMethod.MethodKind == MethodKind.Ordinary || IsPlainValueGetter(interfaceMethod)) &&
                            type.FindImplementationForInterfaceMember(interfaceMethod) is IMethodSymbol { IsAbstract: false } implementation &&
                            implementation.DeclaringSyntaxReferences.Length > 0)
                        {
                            Add(found, interfaceMethod, implementation, referenced);
                        }
                    }
                }
            }

            var targets = new Dictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>>(SymbolEqualityComparer.Default);
            foreach (var pair in found)
            {
                var list = new List<IMethodSymbol>(pair.Value);
                list.Sort(CompareByLocation);
                targets[pair.Key] = list.ToImmutableArray();
            }

            return new DispatchIndex(targets);
        }

        /// <summary>
        /// The methods a virtual call to <paramref name="target"/> on a receiver of static type <paramref name="receiverType"/>
        /// may run, in declaration order: the target itself when it has a body here, then the implementations and overrides
        /// in this compilation whose type is the receiver's type or derives from it. <paramref name="bounded"/>: more were
        /// found than <paramref name="limit"/>, and only the first are returned.
        /// </summary>
        public ImmutableArray<IMethodSymbol> TargetsOf(IMethodSymbol target, ITypeSymbol? receiverType, int limit, out bool bounded)
        {
            bounded = false;
            target = target.OriginalDefinition;
            var builder = ImmutableArray.CreateBuilder<IMethodSymbol>();
            if (FlowEngine.IsInSource(target))
            {
                builder.Add(target);
            }

            if (_targets.TryGetValue(target, out var implementations))
            {
                foreach (var implementation in implementations)
                {
                    if (receiverType is null || IsAssignableTo(implementation.ContainingType, receiverType))
                    {
                        if (builder.Count == limit)
                        {
                            bounded = true;
                            break;
                        }

                        builder.Add(implementation);
                    }
                }
            }

            return builder.ToImmutable();
        }

        private static bool IsAssignableTo(INamedTypeSymbol? type, ITypeSymbol receiverType)
        {
            if (type is null)
            {
                return false;
            }

            var wanted = receiverType.OriginalDefinition;
            if (receiverType.TypeKind == TypeKind.Interface)
            {
                foreach (var @interface in type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, wanted))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (receiverType.TypeKind == TypeKind.TypeParameter)
            {
                return true;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, wanted))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// An interface of the base library (<c>System.*</c>: <c>IDisposable</c>, <c>IEnumerable&lt;T&gt;</c>,
        /// <c>IComparer&lt;T&gt;</c>, <c>IAsyncDisposable</c>), which so many types implement that following its calls would
        /// run every implementation for every call; not a package's interface (Identity UI's <c>IEmailSender</c>).
        /// </summary>
        private static bool IsOfTheBaseLibrary(INamedTypeSymbol @interface) => WellKnownTypes.RootNamespace(@interface) is { IsGlobalNamespace: false, Name: "System" };

        /// <summary>
        /// A getter of a non-indexed property whose value is a plain value: what a referenced interface's member may hand
        /// the application from the request (an identifier, an e-mail address), while the rest of a library's interfaces
        /// (<c>IEnumerable&lt;T&gt;</c>, <c>IDisposable</c>) stay unfollowed.
        /// </summary>
        private static bool IsPlainValueGetter(IMethodSymbol method) =>
            method.MethodKind == MethodKind.PropertyGet && method.AssociatedSymbol is IPropertySymbol { IsIndexer: false } &&
            FlowEngine.IsPlainValue(method.ReturnType);

        private static void Add(Dictionary<IMethodSymbol, HashSet<IMethodSymbol>> found, IMethodSymbol declared, IMethodSymbol implementation, bool referenced = false)
        {
            declared = declared.OriginalDefinition;
            if (declared.DeclaringSyntaxReferences.Length == 0 && !referenced)
            {
                return; // a library's virtual: not the application's own dispatch
            }

            if (!found.TryGetValue(declared, out var set))
            {
                found[declared] = set = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            }

            set.Add(implementation.OriginalDefinition);
        }

        private static int CompareByLocation(IMethodSymbol a, IMethodSymbol b)
        {
            var x = a.DeclaringSyntaxReferences[0];
            var y = b.DeclaringSyntaxReferences[0];
            var byFile = string.CompareOrdinal(x.SyntaxTree.FilePath, y.SyntaxTree.FilePath);
            return byFile != 0 ? byFile : x.Span.Start.CompareTo(y.Span.Start);
        }
    }
}
