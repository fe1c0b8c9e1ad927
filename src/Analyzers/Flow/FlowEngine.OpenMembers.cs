using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// Open members (docs/cross-project.md): what a class library reads from interfaces that another project of the
    /// solution implements, and the plain values such members return.
    /// </summary>
    internal sealed partial class FlowEngine
    {
        /// <summary>
        /// Whether reads of open members yield open-read facts (<see cref="TaintFact.ForOpenRead"/>): in a class library's
        /// command-line build that exports its summaries (docs/cross-project.md).
        /// </summary>
        public bool OpenReads { get; set; }

        /// <summary>
        /// An open member, when <see cref="OpenReads"/> is on: an interface or abstract member of this compilation (a
        /// property's getter, or an ordinary method), or a member of an interface of another project of the solution
        /// (<see cref="IsOfTheSolution"/>), that returns a plain value (or a task of one) and that no code of this
        /// compilation implements: a solution's <c>Application</c> project declares <c>IUser.Id</c>, the web project
        /// implements it from the request's claims. What the library does with its value is exported for the projects
        /// that implement it.
        /// </summary>
        internal bool IsOpenMember(IMethodSymbol method) =>
            OpenReads && method is { IsAbstract: true, IsStatic: false } &&
            (method.MethodKind == MethodKind.Ordinary || (method.MethodKind == MethodKind.PropertyGet && method.AssociatedSymbol is IPropertySymbol { IsIndexer: false })) &&
            IsPlainValue(Awaited(method.ReturnType)) && IsOfTheSolution(method.OriginalDefinition) && !IsImplementedHere(method.OriginalDefinition);

        /// <summary>
        /// Declared in this compilation; or in an interface of a referenced project that exported
        /// (<see cref="Calls.ImportedSummaries.Exporters"/>): <c>Infrastructure</c> reads <c>Application</c>'s <c>IUser.Id</c>
        /// or calls its <c>IUserContext.GetUserId()</c>, which the web project implements. A library's interfaces (the
        /// framework's, a package's) are not the solution's.
        /// </summary>
        private bool IsOfTheSolution(IMethodSymbol method) =>
            method.DeclaringSyntaxReferences.Length > 0 ||
            (method.ContainingType?.TypeKind == TypeKind.Interface &&
             Imports is { Exporters.Count: > 0 } imports && method.ContainingAssembly is { } assembly && imports.Exporters.Contains(assembly.Name));

        /// <summary>
        /// Whether the compilation has or reads an open member (<see cref="IsOpenMember"/>: its own, or one of a referenced
        /// project's interfaces); computed once, on first use.
        /// </summary>
        internal bool HasOpenMembers => OpenReads && _hasOpenMembers.Value;

        private readonly Lazy<bool> _hasOpenMembers;

        private bool FindOpenMembers()
        {
            if (HasOpenMember(_compilation.Assembly))
            {
                return true;
            }

            if (Imports is { Exporters.Count: > 0 } imports)
            {
                foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
                {
                    if (imports.Exporters.Contains(assembly.Name) && HasOpenMember(assembly))
                    {
                        return true;
                    }
                }
            }

            return false;

            bool HasOpenMember(IAssemblySymbol assembly)
            {
                foreach (var type in SymbolWalk.Types(assembly.GlobalNamespace, CancellationToken.None))
                {
                    if (type.TypeKind == TypeKind.Interface || type.IsAbstract)
                    {
                        foreach (var member in type.GetMembers())
                        {
                            if (member is IMethodSymbol method && IsOpenMember(method))
                            {
                                return true;
                            }
                        }
                    }
                }

                return false;
            }
        }

        /// <summary>The value a <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c> completes with; any other type itself.</summary>
        internal static ITypeSymbol Awaited(ITypeSymbol type) =>
            type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Task" or "ValueTask" } task &&
            task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
                ? task.TypeArguments[0]
                : type;

        /// <summary>A string, a 32- or 64-bit integer or a Guid: a value whose type says nothing of what it holds.</summary>
        internal static bool IsPlainValue(ITypeSymbol type) =>
            type.SpecialType is SpecialType.System_String or SpecialType.System_Int32 or SpecialType.System_Int64 ||
            type is INamedTypeSymbol { Name: "Guid", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
    }
}
