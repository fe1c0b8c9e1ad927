using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Flow.Calls;
using Residency.Analyzers.Flow.Library;

namespace Residency.Analyzers.Flow
{
    /// <summary>Where an interface or virtual call, or a read of such a property, may land in this compilation.</summary>
    internal sealed partial class FlowEngine
    {
        private DispatchIndex? _dispatch;

        private readonly object _dispatchLock = new();

        /// <summary>Builds the dispatch index now (at compilation start in command-line builds) rather than on the first virtual call.</summary>
        internal void PrepareDispatch() => _ = Dispatch;

        // Built once, by one thread: a second thread waits instead of walking every declaration a second time.
        private DispatchIndex Dispatch
        {
            get
            {
                if (Volatile.Read(ref _dispatch) is { } built)
                {
                    return built;
                }

                lock (_dispatchLock)
                {
                    return _dispatch ??= DispatchIndex.Build(_compilation, CancellationToken.None);
                }
            }
        }

        private MediatorHandlers? _mediators;

        // Built once, by one thread, on the first mediator call.
        private MediatorHandlers Mediators
        {
            get
            {
                if (Volatile.Read(ref _mediators) is { } built)
                {
                    return built;
                }

                lock (_dispatchLock)
                {
                    return _mediators ??= MediatorHandlers.Build(_compilation, Library, Imports?.ExportedMethods(), CancellationToken.None);
                }
            }
        }

        /// <summary>Whether an interface or abstract method of the application has an implementation or override in this compilation.</summary>
        internal bool IsImplementedHere(IMethodSymbol abstractMethod) => !Dispatch.TargetsOf(abstractMethod, null, 1, out _).IsEmpty;

        /// <summary>
        /// The methods of this compilation an interface or virtual call may run (the target itself when it has a body, and
        /// its implementations and overrides here, at most <see cref="MaxDispatchTargets"/>); empty for a call that is not
        /// dispatched virtually, or whose target is neither declared in this compilation nor a referenced interface's method
        /// implemented here. <paramref name="bounded"/>: more were found.
        /// </summary>
        internal ImmutableArray<IMethodSymbol> DispatchTargets(IInvocationOperation invocation, out bool bounded)
        {
            bounded = false;
            var target = invocation.TargetMethod;
            // An extension method of the message is a mediator's call too (FastEndpoints' new RegisterContact(email).ExecuteAsync()).
            if ((!target.IsStatic || target.IsExtensionMethod) && Library.Is(target, Behaviour.Mediator) &&
                (target.OriginalDefinition.DeclaringSyntaxReferences.Length == 0 || IsGeneratedMediator(target)))
            {
                // The request's static type, before its conversion to IRequest<T> or object.
                return Endpoints.EndpointResolver.FirstArgument(invocation) is { } request && Endpoints.EndpointResolver.Strip(request).Type is { } requestType
                    ? Mediators.For(requestType, target, MaxDispatchTargets, out bounded)
                    : ImmutableArray<IMethodSymbol>.Empty;
            }

            // A library's interface method runs its implementations here (DispatchIndex: not the base library's); a library's
            // virtual or abstract class method does not (its overrides are the framework's to call).
            if (!invocation.IsVirtual || target.IsStatic ||
                (target.OriginalDefinition.DeclaringSyntaxReferences.Length == 0 && target.ContainingType?.TypeKind != TypeKind.Interface))
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            return Dispatch.TargetsOf(target, invocation.Instance?.Type, MaxDispatchTargets, out bounded);
        }

        /// <summary>
        /// The handlers the message <paramref name="handler"/> returns is sent on to when a mediator's call ran it (Wolverine's
        /// cascading messages, <see cref="MediatorHandlers.Cascaded"/>); empty for any other call.
        /// </summary>
        internal ImmutableArray<IMethodSymbol> CascadedHandlers(IInvocationOperation invocation, IMethodSymbol handler) =>
            Library.Is(invocation.TargetMethod, Behaviour.Mediator) && Volatile.Read(ref _mediators) is { } mediators
                ? mediators.Cascaded(handler, invocation.TargetMethod, MaxDispatchTargets)
                : ImmutableArray<IMethodSymbol>.Empty;

        /// <summary>
        /// Whether a mediator method with a body here is one a source generator wrote (the <c>Mediator</c> package generates
        /// its <c>Mediator</c> class into the application, marked <c>[GeneratedCode]</c>): its body looks its handlers up in
        /// the service provider, so the call runs the handlers, as a call of the library's interface does. A mediator written
        /// by hand (a decorator, a test double) is analysed as the code it is.
        /// </summary>
        private static bool IsGeneratedMediator(IMethodSymbol method)
        {
            foreach (var attribute in method.ContainingType.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute", ContainingNamespace: { Name: "Compiler", ContainingNamespace: { Name: "CodeDom", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The getters of this compilation a read of <paramref name="read"/>'s property may run: its getter when it has a
        /// body here; for an interface, abstract or virtual property not read through <c>base</c>, also the implementations
        /// and overrides here whose type fits the receiver's static type (at most <see cref="MaxDispatchTargets"/>;
        /// <paramref name="bounded"/>: more were found), including the plain-value getters of a referenced assembly's
        /// interfaces (<see cref="DispatchIndex"/>).
        /// </summary>
        internal ImmutableArray<IMethodSymbol> GetterTargets(IPropertyReferenceOperation read, out bool bounded)
        {
            bounded = false;
            var property = read.Property;
            if (property.GetMethod is not { } getter)
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            var polymorphic = !property.IsStatic && read.Instance is not null &&
                (property.IsVirtual || property.IsAbstract || property.IsOverride || property.ContainingType?.TypeKind == TypeKind.Interface) &&
                read.Instance.Syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.BaseExpressionSyntax;
            if (polymorphic)
            {
                return Dispatch.TargetsOf(getter, read.Instance!.Type, MaxDispatchTargets, out bounded);
            }

            return IsInSource(getter) ? ImmutableArray.Create(getter) : ImmutableArray<IMethodSymbol>.Empty;
        }
    }
}
