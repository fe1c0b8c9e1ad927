using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Model
{
    /// <summary>Enumerations over declared symbols (no method body is bound) used by the syntactic pre-filter.</summary>
    internal static class SymbolWalk
    {
        /// <summary>
        /// Whether a method has a body in this compilation that the flow engine analyses (not abstract, extern, from
        /// metadata or a partial definition without its implementation part). Sinks use it too: a method with such a body
        /// is followed through it, never treated as a library call.
        /// </summary>
        public static bool HasSourceBody(IMethodSymbol method) =>
            !method.IsAbstract && !method.IsExtern && method.DeclaringSyntaxReferences.Length > 0 && method.PartialImplementationPart is null;

        /// <summary>
        /// An instance method that returns its own type (a builder's or descriptor's fluent call, <c>settings.DefaultIndex("crm")</c>):
        /// its result is, for the flow engine and the endpoint resolver alike, the object it was called on. Not string's.
        /// A base class generic over its derived builder (<c>ElasticsearchClientSettingsBase&lt;TConnectionSettings&gt;</c>,
        /// whose <c>DefaultIndex</c> returns <c>TConnectionSettings</c>) returns its receiver too.
        /// </summary>
        public static bool ReturnsItsReceiver(IMethodSymbol method) =>
            !method.IsStatic && method.ContainingType is { SpecialType: not SpecialType.System_String } type &&
            (SymbolEqualityComparer.Default.Equals(method.ReturnType.OriginalDefinition, type.OriginalDefinition) || ReturnsItsSelfType(method.OriginalDefinition));

        /// <summary>
        /// A call whose result is the object it is made on: a method <see cref="ReturnsItsReceiver(IMethodSymbol)"/>, or a C# 14
        /// extension block's instance member that returns its receiver's type. Roslyn gives such a call an instance, but
        /// declares the method in the extension, not in the receiver's type or its bases (RestSharp 114's
        /// <c>request.AddParameter("to", email)</c>, declared in <c>extension(RestRequest request)</c>).
        /// </summary>
        public static bool ReturnsItsReceiver(Microsoft.CodeAnalysis.Operations.IInvocationOperation call)
        {
            if (call.Instance?.Type is not { } receiverType)
            {
                return false;
            }

            var method = call.TargetMethod;
            return ReturnsItsReceiver(method) ||
                   (receiverType.SpecialType != SpecialType.System_String && method.ContainingType is { } owner &&
                    SymbolEqualityComparer.Default.Equals(method.ReturnType.OriginalDefinition, receiverType.OriginalDefinition) && !IsOrInherits(receiverType, owner));
        }

        private static bool IsOrInherits(ITypeSymbol type, INamedTypeSymbol owner)
        {
            var definition = owner.OriginalDefinition;
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, definition))
                {
                    return true;
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, definition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>TSelf M()</c> on <c>Base&lt;TSelf&gt; where TSelf : Base&lt;TSelf&gt;</c>: the curiously recurring builder.</summary>
        private static bool ReturnsItsSelfType(IMethodSymbol definition)
        {
            if (definition.ReturnType is not ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Type } self ||
                definition.ContainingType is not { } owner || !SymbolEqualityComparer.Default.Equals(self.DeclaringType, owner.OriginalDefinition))
            {
                return false;
            }

            foreach (var constraint in self.ConstraintTypes)
            {
                for (var t = constraint as INamedTypeSymbol; t is not null; t = t.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, owner.OriginalDefinition))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Every named type of a namespace, nested types included.</summary>
        public static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol root, CancellationToken cancellationToken = default)
        {
            var namespaces = new Stack<INamespaceSymbol>();
            namespaces.Push(root);
            var types = new Stack<INamedTypeSymbol>();
            while (namespaces.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ns = namespaces.Pop();
                foreach (var child in ns.GetNamespaceMembers())
                {
                    namespaces.Push(child);
                }

                foreach (var type in ns.GetTypeMembers())
                {
                    types.Push(type);
                }

                while (types.Count > 0)
                {
                    var type = types.Pop();
                    yield return type;
                    foreach (var nested in type.GetTypeMembers())
                    {
                        types.Push(nested);
                    }
                }
            }
        }

        /// <summary>
        /// The referenced assemblies that are <paramref name="seeds"/> or reference one of them, directly or through other
        /// referenced assemblies: the only ones whose types can use what the seeds define. <paramref name="seedNames"/> are
        /// further seeds by assembly name, for assemblies this compilation may not reference itself.
        /// </summary>
        public static List<IAssemblySymbol> ReferencingClosure(Compilation compilation, IEnumerable<IAssemblySymbol?> seeds, IEnumerable<string>? seedNames = null)
        {
            var names = new HashSet<string>(seedNames ?? System.Array.Empty<string>(), System.StringComparer.Ordinal);
            foreach (var seed in seeds)
            {
                if (seed is not null && !SymbolEqualityComparer.Default.Equals(seed, compilation.Assembly))
                {
                    names.Add(seed.Identity.Name);
                }
            }

            var result = new List<IAssemblySymbol>();
            if (names.Count == 0)
            {
                return result;
            }

            var pending = new List<IAssemblySymbol>(compilation.SourceModule.ReferencedAssemblySymbols);
            bool grew = true;
            while (grew)
            {
                grew = false;
                for (int i = pending.Count - 1; i >= 0; i--)
                {
                    var assembly = pending[i];
                    if (names.Contains(assembly.Identity.Name) || References(assembly, names))
                    {
                        names.Add(assembly.Identity.Name);
                        result.Add(assembly);
                        pending.RemoveAt(i);
                        grew = true;
                    }
                }
            }

            return result;
        }

        private static bool References(IAssemblySymbol assembly, HashSet<string> names)
        {
            foreach (var module in assembly.Modules)
            {
                foreach (var identity in module.ReferencedAssemblies)
                {
                    if (names.Contains(identity.Name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="assembly"/> declares types in namespace <paramref name="dottedName"/>.</summary>
        public static bool HasNamespace(IAssemblySymbol assembly, string dottedName)
        {
            INamespaceSymbol? ns = assembly.GlobalNamespace;
            foreach (var part in dottedName.Split('.'))
            {
                INamespaceSymbol? next = null;
                foreach (var member in ns.GetNamespaceMembers())
                {
                    if (member.Name == part)
                    {
                        next = member;
                        break;
                    }
                }

                if (next is null)
                {
                    return false;
                }

                ns = next;
            }

            return true;
        }
    }
}
