using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Flow.Library;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Flow.Calls
{
    /// <summary>
    /// Where an in-process mediator's call lands (<c>Catalog/library.json</c>, "mediators" and "mediatorHandlers"):
    /// <c>mediator.Send(command)</c> runs the <c>Handle</c> method of each handler of the compilation that accepts the
    /// command's type (<c>IRequestHandler&lt;StartCheck&gt;</c>), <c>Publish(notification)</c> each notification handler.
    /// The mediator's parameters and the handler's line up (the request first, the cancellation token second), so the
    /// handlers are applied as the call's callees. A handler in a referenced project that exported its summary is one too
    /// (docs/cross-project.md). A mediator that finds its handlers by name (Wolverine) runs those too
    /// (<see cref="HandlerConvention"/>). Built once per compilation, on the first mediator call, from declarations
    /// only (no body is bound).
    /// </summary>
    internal sealed class MediatorHandlers
    {
        private readonly ImmutableArray<IMethodSymbol> _handlers;
        private readonly ImmutableArray<(HandlerConvention Convention, ImmutableArray<IMethodSymbol> Handlers)> _byConvention;
        private readonly Compilation _compilation;

        private MediatorHandlers(Compilation compilation, ImmutableArray<IMethodSymbol> handlers, ImmutableArray<(HandlerConvention, ImmutableArray<IMethodSymbol>)> byConvention)
        {
            _compilation = compilation;
            _handlers = handlers;
            _byConvention = byConvention;
        }

        public static MediatorHandlers Build(Compilation compilation, LibraryBehaviour library, CancellationToken cancellationToken) =>
            Build(compilation, library, imported: null, cancellationToken);

        /// <summary>
        /// As above, with the handlers among <paramref name="imported"/>: the exported methods of referenced projects
        /// (docs/cross-project.md), whose summaries the engine takes from their exports.
        /// </summary>
        public static MediatorHandlers Build(Compilation compilation, LibraryBehaviour library, IEnumerable<IMethodSymbol>? imported, CancellationToken cancellationToken)
        {
            var handlers = ImmutableArray.CreateBuilder<IMethodSymbol>();
            var conventions = HandlerConvention.For(compilation);
            var byConvention = new ImmutableArray<IMethodSymbol>.Builder[conventions.Length];
            for (var i = 0; i < conventions.Length; i++)
            {
                byConvention[i] = ImmutableArray.CreateBuilder<IMethodSymbol>();
            }

            foreach (var type in SymbolWalk.Types(compilation.Assembly.GlobalNamespace, cancellationToken))
            {
                if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.DeclaringSyntaxReferences.Length == 0)
                {
                    continue;
                }

                for (var i = 0; i < conventions.Length; i++)
                {
                    if (conventions[i].IsHandlerType(type))
                    {
                        foreach (var member in type.GetMembers())
                        {
                            if (member is IMethodSymbol method && conventions[i].IsHandlerMethod(method) && FlowEngine.IsInSource(method))
                            {
                                byConvention[i].Add(method);
                            }
                        }
                    }
                }

                foreach (var @interface in type.AllInterfaces)
                {
                    foreach (var member in @interface.GetMembers())
                    {
                        if (member is IMethodSymbol { Parameters.Length: > 0 } handle && library.Is(handle, Behaviour.MediatorHandler) &&
                            type.FindImplementationForInterfaceMember(handle) is IMethodSymbol { IsAbstract: false } implementation &&
                            FlowEngine.IsInSource(implementation) && !handlers.Contains(implementation))
                        {
                            handlers.Add(implementation);
                        }
                    }
                }
            }

            foreach (var method in imported ?? System.Linq.Enumerable.Empty<IMethodSymbol>())
            {
                if (method.ContainingType is not { TypeKind: TypeKind.Class, IsAbstract: false } type || handlers.Contains(method))
                {
                    continue;
                }

                foreach (var @interface in type.AllInterfaces)
                {
                    foreach (var member in @interface.GetMembers())
                    {
                        if (member is IMethodSymbol { Parameters.Length: > 0 } handle && library.Is(handle, Behaviour.MediatorHandler) &&
                            SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(handle), method) && !handlers.Contains(method))
                        {
                            handlers.Add(method);
                        }
                    }
                }

                for (var i = 0; i < conventions.Length; i++)
                {
                    if (conventions[i].IsHandlerType(type) && conventions[i].IsHandlerMethod(method) && !byConvention[i].Contains(method))
                    {
                        byConvention[i].Add(method);
                    }
                }
            }

            var found = ImmutableArray.CreateBuilder<(HandlerConvention, ImmutableArray<IMethodSymbol>)>(conventions.Length);
            for (var i = 0; i < conventions.Length; i++)
            {
                found.Add((conventions[i], byConvention[i].ToImmutable()));
            }

            return new MediatorHandlers(compilation, handlers.ToImmutable(), found.MoveToImmutable());
        }

        /// <summary>
        /// The handlers a request or notification of static type <paramref name="requestType"/>, sent by a call of
        /// <paramref name="mediator"/>, may run: those whose first parameter accepts it (its type, or a base type or interface
        /// of it other than <c>object</c>: notification handlers are contravariant), the handlers by interface and, for a
        /// mediator that finds its handlers by name, those (<see cref="HandlerConvention"/>); at most <paramref name="limit"/>.
        /// </summary>
        public ImmutableArray<IMethodSymbol> For(ITypeSymbol requestType, IMethodSymbol mediator, int limit, out bool bounded)
        {
            var full = false;
            var builder = ImmutableArray.CreateBuilder<IMethodSymbol>();
            Add(_handlers);
            foreach (var (convention, handlers) in _byConvention)
            {
                if (!full && !handlers.IsEmpty && convention.Dispatches(mediator))
                {
                    Add(handlers);
                }
            }

            bounded = full;
            return builder.ToImmutable();

            void Add(ImmutableArray<IMethodSymbol> handlers)
            {
                foreach (var handler in handlers)
                {
                    var accepted = handler.Parameters[0].Type;
                    if (accepted.SpecialType == SpecialType.System_Object || !Accepts(accepted, requestType) || builder.Contains(handler))
                    {
                        continue;
                    }

                    if (builder.Count == limit)
                    {
                        full = true;
                        return;
                    }

                    builder.Add(handler);
                }
            }
        }

        /// <summary>
        /// The handlers the message <paramref name="handler"/> returns is sent on to (Wolverine's cascading messages), when the
        /// convention it was found by cascades and <paramref name="mediator"/>'s call did not ask for the message as its
        /// response (<c>InvokeAsync&lt;T&gt;</c>, whose return type carries its type parameter): those of the handler's return
        /// type, or of a <c>Task</c>'s or <c>ValueTask</c>'s result, when the application declares it; at most <paramref name="limit"/>.
        /// </summary>
        public ImmutableArray<IMethodSymbol> Cascaded(IMethodSymbol handler, IMethodSymbol mediator, int limit)
        {
            if (mediator.IsGenericMethod && mediator.OriginalDefinition.ReturnType is INamedTypeSymbol { IsGenericType: true } response && response.TypeArguments.Any(t => t is ITypeParameterSymbol))
            {
                return ImmutableArray<IMethodSymbol>.Empty; // the caller's response, not a cascaded message
            }

            foreach (var (convention, handlers) in _byConvention)
            {
                if (!convention.Cascades || handlers.IndexOf(handler, SymbolEqualityComparer.Default) < 0 || MessageType(handler.ReturnType) is not { } message)
                {
                    continue;
                }

                return For(message, mediator, limit, out _).Remove(handler, SymbolEqualityComparer.Default);
            }

            return ImmutableArray<IMethodSymbol>.Empty;
        }

        /// <summary><paramref name="type"/>, or a <c>Task</c>'s or <c>ValueTask</c>'s result, when it is a class or struct the application declares.</summary>
        private static ITypeSymbol? MessageType(ITypeSymbol type) =>
            FlowEngine.Awaited(type) is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, DeclaringSyntaxReferences.Length: > 0 } message ? message : null;

        private bool Accepts(ITypeSymbol accepted, ITypeSymbol requestType)
        {
            if (SymbolEqualityComparer.Default.Equals(accepted, requestType))
            {
                return true;
            }

            if (requestType is ITypeParameterSymbol parameter)
            {
                return MayBe(accepted, parameter);
            }

            var conversion = _compilation.ClassifyCommonConversion(requestType, accepted);
            return conversion.IsReference && conversion.IsImplicit;
        }

        /// <summary>
        /// Whether a request of type <paramref name="accepted"/> may be what a generic handler sends on as a
        /// <paramref name="parameter"/> (eShop's <c>IdentifiedCommandHandler&lt;T, R&gt;</c> sends <c>message.Command</c>, a
        /// <c>T : IRequest&lt;R&gt;</c>): it satisfies every constraint type, a constraint that mentions type parameters
        /// (<c>IRequest&lt;R&gt;</c>) by any of its constructions. An unconstrained parameter could be anything: no handler.
        /// </summary>
        private bool MayBe(ITypeSymbol accepted, ITypeParameterSymbol parameter)
        {
            if (parameter.ConstraintTypes.IsEmpty)
            {
                return false;
            }

            foreach (var constraint in parameter.ConstraintTypes)
            {
                if (constraint is ITypeParameterSymbol inner ? !MayBe(accepted, inner) : !Satisfies(accepted, constraint))
                {
                    return false;
                }
            }

            return true;
        }

        private bool Satisfies(ITypeSymbol accepted, ITypeSymbol constraint)
        {
            var conversion = _compilation.ClassifyCommonConversion(accepted, constraint);
            if (conversion.IsImplicit && (conversion.IsReference || conversion.IsIdentity))
            {
                return true;
            }

            // IRequest<R>, R a type parameter: any construction of it.
            return constraint is INamedTypeSymbol { IsGenericType: true } generic &&
                EndpointTypes.DerivesFrom(accepted, ImmutableArray.Create(generic.OriginalDefinition));
        }
    }
}
