using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Flow
{
    /// <summary>The operation pre-filter: does a body touch personal data at all (no control-flow graph)?</summary>
    internal sealed partial class FlowEngine
    {
        /// <summary>
        /// Cheap pre-filter (no control-flow graph): does this body read personal data, create or receive a personal
        /// object, or call a method of this compilation that does? Methods that do not are never analysed.
        /// </summary>
        public bool TouchesPersonalData(IOperation root) => TouchesWithin(root, 0, new PrefilterScope());

        /// <summary>
        /// <see cref="TouchesPersonalData(IOperation)"/> for the body of <paramref name="method"/>, memoised with the answers about
        /// callees: the reporting analyzer, the inventory's facts and the field-store writers ask it of the same bodies.
        /// </summary>
        public bool TouchesPersonalData(IMethodSymbol method, IOperation root) => MethodTouches(method, 0, new PrefilterScope(), root);

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool TouchesWithin(IOperation root, int depth, PrefilterScope scope)
        {
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IMemberReferenceOperation member when member.Member is IPropertySymbol or IFieldSymbol:
                        if (Classifier.GetElement(member.Member) is not null || !Classifier.GetCarriedElements(member.Type).IsEmpty ||
                            (member is IPropertyReferenceOperation read && (Classifier.Sources?.IsSourceRead(read) == true || (OpenReads && read.Property.GetMethod is { } open && IsOpenMember(open)))))
                        {
                            return true;
                        }

                        if (depth < 3 && IsStorage(member.Member) && MemberStoresPersonalData(member.Member, depth + 1, scope))
                        {
                            // A field (or auto-property) that another method of its type may fill with personal data.
                            return true;
                        }

                        if (depth < 3 && member is IPropertyReferenceOperation property)
                        {
                            // Its getter, or for an interface or virtual property the getters it may run (GetterTargets).
                            foreach (var getter in GetterTargets(property, out _))
                            {
                                if (MethodTouches(getter, depth + 1, scope))
                                {
                                    return true;
                                }
                            }
                        }

                        break;
                    case IParameterReferenceOperation parameter:
                        if (Classifier.GetElement(parameter.Parameter) is not null || !Classifier.GetCarriedElements(parameter.Type).IsEmpty ||
                            Classifier.Sources?.IsBoundBody(parameter.Parameter) == true)
                        {
                            return true;
                        }

                        break;
                    case ILocalReferenceOperation local when !Classifier.GetCarriedElements(local.Type).IsEmpty:
                    case IObjectCreationOperation creation when !Classifier.GetCarriedElements(creation.Type).IsEmpty:
                    case IInstanceReferenceOperation instance when !Classifier.GetCarriedElements(instance.Type).IsEmpty:
                        return true;
                    case IInvocationOperation invocation:
                        var target = invocation.TargetMethod;
                        if (Classifier.GetElement(target) is not null || !Classifier.GetCarriedElements(target.ReturnType).IsEmpty || Classifier.Sources?.IsSourceCall(target) == true ||
                            IsOpenMember(target))
                        {
                            return true;
                        }

                        if (depth < 3 && IsInSource(target) && MethodTouches(target, depth + 1, scope))
                        {
                            return true;
                        }

                        if (depth < 3)
                        {
                            foreach (var implementation in DispatchTargets(invocation, out _))
                            {
                                if (MethodTouches(implementation, depth + 1, scope))
                                {
                                    return true;
                                }
                            }
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>Whether a method of this compilation (transitively, a few calls deep) touches personal data.</summary>
        private bool MethodTouches(IMethodSymbol method, int depth, PrefilterScope scope, IOperation? body = null)
        {
            method = (IMethodSymbol)method.OriginalDefinition;
            if (!MayTouch(method))
            {
                return false; // the syntactic index rules it out: no need to bind its body
            }

            if (_touches.TryGetValue(method, out var known) && (known.Touches || known.Depth <= depth))
            {
                return known.Touches;
            }

            // Recursion guard of this question. A "no" that relied on it (a caller further up, still unanswered, was assumed
            // not to touch) is this question's only: memoised, it would make the answer depend on which question came first.
            if (!scope.Enter(method, out var frame))
            {
                return false;
            }

            bool result = false, provisional;
            try
            {
                var root = body ?? GetBodyOperation(method, CancellationToken.None);
                result = root is not null && TouchesWithin(root, depth, scope);
            }
            finally
            {
                provisional = scope.Exit(frame);
            }

            if (result || !provisional)
            {
                _touches.AddOrUpdate(method, (result, depth), (_, old) => result || old.Touches ? (true, Math.Min(depth, old.Depth)) : (false, Math.Min(depth, old.Depth)));
            }

            return result;
        }

        /// <summary>
        /// Cheap pre-filter: does a method of the member's type write this field or auto-property (assignment, a call on
        /// it, a ref/out argument) and touch personal data? Only then can a read of it carry personal data (FieldStore).
        /// </summary>
        private bool MemberStoresPersonalData(ISymbol member, int depth, PrefilterScope scope)
        {
            if (member.ContainingType is not { } type)
            {
                return false;
            }

            var stored = StoredMembers(type, depth, scope);
            member = member.OriginalDefinition;
            return stored.Contains(member) || (member is IPropertySymbol property && BackingField(property) is { } backing && stored.Contains(backing));
        }

        /// <summary>
        /// The pre-filter's own answer to "may a read of this field or auto-property carry personal data someone stored?",
        /// without the index (tests: the index's quiet-storage answer must never say no where this says yes).
        /// </summary>
        internal bool MayHoldStoredPersonalData(ISymbol member) => IsStorage(member) && MemberStoresPersonalData(member, 1, new PrefilterScope());

        /// <summary>The fields and properties of <paramref name="type"/> that its personal-data-touching methods write; memoised per type.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private ImmutableHashSet<ISymbol> StoredMembers(INamedTypeSymbol type, int depth, PrefilterScope scope)
        {
            type = type.OriginalDefinition;
            if (_typeStores.TryGetValue(type, out var known) && (!known.Stored.IsEmpty || known.Depth <= depth))
            {
                return known.Stored;
            }

            var empty = ImmutableHashSet.Create<ISymbol>(SymbolEqualityComparer.Default);
            if (!scope.Enter(type, out var frame))
            {
                return empty; // recursion on this thread
            }

            var result = empty.ToBuilder();
            bool provisional;
            try
            {
                if (type.DeclaringSyntaxReferences.Length > 0)
                {
                    foreach (var candidate in type.GetMembers())
                    {
                        if (candidate is IMethodSymbol method && IsInSource(method) && method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor or MethodKind.PropertySet or MethodKind.StaticConstructor &&
                            MayTouch(method))
                        {
                            var root = GetBodyOperation(method, CancellationToken.None);
                            if (root is null)
                            {
                                continue;
                            }

                            var written = WrittenMembers(root);
                            bool helpers = CallsMethodOfType(root, type);
                            if ((written.Count > 0 || helpers) && MethodTouches(method, depth, scope, root))
                            {
                                var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
                                if (helpers)
                                {
                                    AddHelperWrites(root, type, written, visited, 0);
                                }

                                AddSetterWrites(type, written, visited);
                                result.UnionWith(written);
                            }
                        }
                    }

                    // Bodies of other types that write its static storage (FieldStore sees what they store).
                    foreach (var method in ForeignStaticWriters(type))
                    {
                        if (!MayTouch(method) || GetBodyOperation(method, CancellationToken.None) is not { } root)
                        {
                            continue;
                        }

                        var written = WrittenMembers(root);
                        written.RemoveWhere(member => !member.IsStatic || !SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, type));
                        if (written.Count > 0 && TouchesWithin(root, depth, scope))
                        {
                            result.UnionWith(written);
                        }
                    }
                }
            }
            finally
            {
                provisional = scope.Exit(frame);
            }

            var stored = result.ToImmutable();
            if (provisional)
            {
                return stored; // relied on the recursion guard: this question's only (as in MethodTouches)
            }

            _typeStores.AddOrUpdate(type, (stored, depth), (_, old) => (old.Stored.Union(stored), Math.Min(depth, old.Depth)));
            return _typeStores.TryGetValue(type, out var merged) ? merged.Stored : stored;
        }

        private readonly ConcurrentDictionary<INamedTypeSymbol, (ImmutableHashSet<ISymbol> Stored, int Depth)> _typeStores = new(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<IPropertySymbol, IFieldSymbol?> _backingFields = new(SymbolEqualityComparer.Default);

        /// <summary>A non-constant field, or an auto-property (its backing field), declared in this compilation.</summary>
        private bool IsStorage(ISymbol member) => member switch
        {
            IFieldSymbol field => !field.IsConst && field.DeclaringSyntaxReferences.Length > 0,
            IPropertySymbol property => BackingField(property) is not null,
            _ => false,
        };

        /// <summary>The compiler-generated backing field of an auto-property; memoised.</summary>
        internal IFieldSymbol? BackingField(IPropertySymbol property) =>
            _backingFields.GetOrAdd(property.OriginalDefinition, p =>
            {
                if (p.DeclaringSyntaxReferences.Length == 0 || p.ContainingType is null)
                {
                    return null;
                }

                foreach (var member in p.ContainingType.GetMembers())
                {
                    if (member is IFieldSymbol { AssociatedSymbol: { } associated } field && SymbolEqualityComparer.Default.Equals(associated, p))
                    {
                        return field;
                    }
                }

                return null;
            });

        /// <summary>
        /// Whether <paramref name="root"/> can record a field store (<see cref="RecordFieldStore"/>) of its own type: an
        /// assignment into a field or auto-property of this type or into an object one holds (<c>_x = v</c>,
        /// <c>_dto.Note = v</c>, <c>_items[i] = v</c>), a call on one of a library mutator (<c>_items.Add(v)</c>: the engine's
        /// mutator rule) or of a method of this compilation that stores what it is passed into its object's fields
        /// (<c>_draft.WithTo(v)</c>), one passed as an argument to a method of this compilation (which may store into it) or
        /// as a <c>ref</c>/<c>out</c> argument, or a call with arguments of another method of the type (which may store what
        /// it is passed). Over-approximates what <see cref="MethodFlowAnalysis"/> records; reading a field in a library call
        /// (<c>string.IsNullOrEmpty(Name)</c>, <c>Email.Contains('@')</c>) is no store.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool MayStoreIntoFields(IOperation root, INamedTypeSymbol type, bool nested = false)
        {
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IAssignmentOperation assignment when RootedInStorage(assignment.Target, type):
                    case IArgumentOperation argument when MayStoreIntoArgument(argument) && RootedInStorage(argument.Value, type):
                    case IInvocationOperation { Instance: { } instance } invocation when IsLibraryMutation(invocation) && RootedInStorage(instance, type):
                        return true;
                    case IInvocationOperation { Instance: { } receiver, Arguments.Length: > 0 } call when IsInSource(call.TargetMethod) && RootedInStorage(receiver, type) &&
                        (nested || StoresIntoItsObject(call.TargetMethod)):
                        // _draft.WithTo(c.Email) where WithTo stores what it is passed into a field of its object: _draft holds it.
                        return true;
                    case IInvocationOperation invocation when IsCallOfMethodOfType(invocation, type, out var callee) && MayStoreIntoItsType(callee):
                        // A method of the type that may store what it is passed into a field (MethodSummary.FieldStores).
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a call of <paramref name="method"/> (of this compilation, on another object) may store what it is passed into
        /// that object's fields (the engine's receiver effect of <c>MethodSummary.FieldStores</c>): its body may store into a
        /// field of its type, a call it makes on one of those fields counting as a store without looking further. Memoised:
        /// the answer does not depend on who asks.
        /// </summary>
        private bool StoresIntoItsObject(IMethodSymbol method)
        {
            method = (IMethodSymbol)method.OriginalDefinition;
            if (_storesIntoItsObject.TryGetValue(method, out var known))
            {
                return known;
            }

            bool result = method.ContainingType is { } type && MayStoreIntoItsType(method) &&
                GetBodyOperation(method, CancellationToken.None) is { } body && MayStoreIntoFields(body, type.OriginalDefinition, nested: true);
            return _storesIntoItsObject.GetOrAdd(method, result);
        }

        private readonly ConcurrentDictionary<IMethodSymbol, bool> _storesIntoItsObject = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// Whether the call may store into what <paramref name="argument"/> refers to: one handed to a method of this compilation
        /// (its summary's parameter stores), or a <c>ref</c>/<c>out</c> argument of a library method that has something else
        /// to store. <c>string.IsNullOrEmpty(Name)</c> stores nothing into <c>Name</c>, <c>Interlocked.Increment(ref _count)</c>
        /// nothing new into <c>_count</c>, and a constructor nothing into its arguments (<c>new Uri(BaseUri, path)</c>).
        /// </summary>
        private static bool MayStoreIntoArgument(IArgumentOperation argument)
        {
            if (argument.Parent is not IInvocationOperation call)
            {
                return false; // a constructor's or an indexer's argument: the engine stores into none (new Uri(BaseUri, path))
            }

            if (call.TargetMethod.OriginalDefinition.DeclaringSyntaxReferences.Length > 0)
            {
                return true;
            }

            // A library call stores into its ref/out arguments what its receiver and arguments carry: nothing new when the
            // argument is all there is (Interlocked.Increment(ref _requests)).
            return argument.Parameter?.RefKind is not RefKind.None && (call.Instance is not null || call.Arguments.Length > 1);
        }

        /// <summary>
        /// Whether a call may store its arguments into its receiver as the engine's mutator rule sees it
        /// (<see cref="MethodFlowAnalysis"/>): an instance method of a library, not of <c>string</c>, that the library
        /// catalogue calls a mutator (<c>_items.Add(x)</c>, <c>_sb.Append(x)</c>), with something to store. <c>Email.Contains('@')</c>
        /// on a property of the type stores nothing.
        /// </summary>
        private bool IsLibraryMutation(IInvocationOperation invocation)
        {
            var target = invocation.TargetMethod;
            return invocation.Arguments.Length > 0 && !target.IsStatic && target.OriginalDefinition.DeclaringSyntaxReferences.Length == 0 &&
                target.ContainingType?.SpecialType != SpecialType.System_String && Library.Is(target, Flow.Library.Behaviour.Mutator);
        }

        /// <summary>Whether the chain <c>a.b[i].c</c> (<see cref="StorageChain"/>) starts at a field or property of <paramref name="type"/>.</summary>
        private static bool RootedInStorage(IOperation? operation, INamedTypeSymbol type)
        {
            return StorageChain(
                operation,
                type,
                static (member, type) => member.Instance is null or IInstanceReferenceOperation &&
                    SymbolEqualityComparer.Default.Equals(member.Member.ContainingType?.OriginalDefinition, type));
        }

        /// <summary>
        /// The field and property references along the chain a store into <paramref name="operation"/> reaches
        /// (<c>this.a.b[i] = v</c> stores into b and a), through conversions, array elements, calls that return their
        /// receiver (<c>_sb.Append(a).Append(b)</c>) and the elements of a deconstruction target.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static bool StorageChain<TState>(IOperation? operation, TState state, Func<IMemberReferenceOperation, TState, bool> visit)
        {
            // Visits each reference in order until visit says stop (returns true); no iterator is allocated (this runs for
            // every assignment, call and ref argument of every field writer).
            for (var current = operation; current is not null;)
            {
                switch (current)
                {
                    case IMemberReferenceOperation member:
                        if (member.Member is IFieldSymbol or IPropertySymbol && visit(member, state))
                        {
                            return true;
                        }

                        current = member.Instance;
                        break;
                    case IConversionOperation conversion:
                        current = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        current = parenthesized.Operand;
                        break;
                    case IArrayElementReferenceOperation element:
                        current = element.ArrayReference;
                        break;
                    case IInvocationOperation { Instance: { } receiver } call when SymbolWalk.ReturnsItsReceiver(call):
                        current = receiver;
                        break;
                    case IConditionalAccessInstanceOperation instance:
                        // _pending?.Add(x): the receiver is what the conditional access tests.
                        current = ConditionalReceiver(instance);
                        break;
                    case ITupleOperation tuple:
                        foreach (var element in tuple.Elements)
                        {
                            if (StorageChain(element, state, visit))
                            {
                                return true;
                            }
                        }

                        return false;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// What <paramref name="instance"/> stands for: the operation of the conditional access whose <c>WhenNotNull</c> part
        /// contains it (<c>_pending</c> in <c>_pending?.Add(x)</c>, <c>b</c> of <c>a</c> in <c>a?.b?.Add(x)</c>).
        /// </summary>
        private static IOperation? ConditionalReceiver(IConditionalAccessInstanceOperation instance)
        {
            IOperation child = instance;
            for (var parent = instance.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation conditional && conditional.WhenNotNull == child)
                {
                    return conditional.Operation;
                }
            }

            return null;
        }

        /// <summary>Whether <paramref name="root"/> passes arguments to another method of <paramref name="type"/> that may store them.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool CallsMethodOfType(IOperation root, INamedTypeSymbol type)
        {
            foreach (var operation in root.Descendants())
            {
                if (IsCallOfMethodOfType(operation, type, out var callee) && MayStoreIntoItsType(callee))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsCallOfMethodOfType(IOperation operation, INamedTypeSymbol type, out IMethodSymbol callee)
        {
            callee = null!;
            if (operation is IInvocationOperation { Arguments.Length: > 0 } invocation && IsInSource(invocation.TargetMethod) &&
                SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, type))
            {
                callee = (IMethodSymbol)invocation.TargetMethod.OriginalDefinition;
                return true;
            }

            return false;
        }

        /// <summary>
        /// Adds what the methods of <paramref name="type"/> that <paramref name="root"/> calls with arguments write, a few calls
        /// deep: a helper that stores what it is passed (<c>void Remember(string s) => _last = s;</c>) fills the field for its
        /// caller (MethodSummary.FieldStores).
        /// </summary>
        private void AddHelperWrites(IOperation root, INamedTypeSymbol type, HashSet<ISymbol> written, HashSet<IMethodSymbol> visited, int depth)
        {
            foreach (var operation in root.Descendants())
            {
                if (depth < 3 && IsCallOfMethodOfType(operation, type, out var callee) && MayStoreIntoItsType(callee) && visited.Add(callee) &&
                    GetBodyOperation(callee, CancellationToken.None) is { } body)
                {
                    written.UnionWith(WrittenMembers(body));
                    AddHelperWrites(body, type, written, visited, depth + 1);
                }
            }
        }

        /// <summary>
        /// Adds what the setters of the written properties of <paramref name="type"/> store (<c>Contact = c.Email</c> with
        /// <c>set => _contact = value;</c>), and what the helpers they call store.
        /// </summary>
        private void AddSetterWrites(INamedTypeSymbol type, HashSet<ISymbol> written, HashSet<IMethodSymbol> visited)
        {
            List<IMethodSymbol>? setters = null;
            foreach (var member in written)
            {
                if (member is IPropertySymbol { SetMethod: { } setter } property && BackingField(property) is null && IsInSource(setter) &&
                    SymbolEqualityComparer.Default.Equals(property.ContainingType?.OriginalDefinition, type) && MayStoreIntoItsType(setter))
                {
                    (setters ??= new List<IMethodSymbol>()).Add((IMethodSymbol)setter.OriginalDefinition);
                }
            }

            foreach (var setter in setters ?? Enumerable.Empty<IMethodSymbol>())
            {
                if (visited.Add(setter) && GetBodyOperation(setter, CancellationToken.None) is { } body)
                {
                    written.UnionWith(WrittenMembers(body));
                    AddHelperWrites(body, type, written, visited, 1);
                }
            }
        }

        /// <summary>
        /// The fields and properties <paramref name="root"/> stores into (or into an object they hold): assignment targets,
        /// receivers of calls, ref/out arguments, objects handed to a method of this compilation (which may fill them),
        /// along the whole member chain (<c>this.a.b = x</c> writes a and b).
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static HashSet<ISymbol> WrittenMembers(IOperation root)
        {
            var written = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var operation in root.Descendants())
            {
                var target = operation switch
                {
                    IAssignmentOperation assignment => assignment.Target,
                    IInvocationOperation invocation => invocation.Instance,
                    IArgumentOperation { Parameter.RefKind: not RefKind.None } argument => argument.Value,
                    // A collection or builder handed to a method of this compilation, which may fill it (MethodSummary.ParameterStores).
                    IArgumentOperation { Parent: IInvocationOperation call, Parameter.Type: { IsReferenceType: true, SpecialType: not SpecialType.System_String } } argument
                        when IsInSource(call.TargetMethod) => argument.Value,
                    _ => null,
                };
                if (target is not null)
                {
                    StorageChain(target, written, static (member, written) =>
                    {
                        written.Add(member.Member.OriginalDefinition);
                        return false;
                    });
                }
            }

            return written;
        }
    }
}
