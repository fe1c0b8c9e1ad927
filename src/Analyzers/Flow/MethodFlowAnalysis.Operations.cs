using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Flow.States;

namespace Residency.Analyzers.Flow
{
    /// <summary>Transfer functions: what each kind of operation carries, and its effects on the state.</summary>
    internal sealed partial class MethodFlowAnalysis
    {
        /// <summary>Evaluates an operation: what its value may carry. Records sinks and stores as side effects.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private ImmutableHashSet<TaintFact> Evaluate(IOperation? operation)
        {
            if (operation is null)
            {
                return Taint.Empty;
            }

            // Deeply nested expressions and call chains: stop cleanly (caught in FlowEngine) rather than overflow the stack.
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            var facts = EvaluateCore(operation);

            // Booleans carry no personal data (comparisons, predicates, null checks).
            if (operation.Type?.SpecialType == SpecialType.System_Boolean)
            {
                return Taint.Empty;
            }

            return facts;
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private ImmutableHashSet<TaintFact> EvaluateCore(IOperation operation)
        {
            switch (operation)
            {
                case ILiteralOperation:
                case IDefaultValueOperation:
                case ITypeOfOperation:
                case ISizeOfOperation:
                case INameOfOperation:
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                    return Taint.Empty;

                case ICaughtExceptionOperation:
                    // catch (E e): e carries what the exceptions thrown in this method carry.
                    return Get(TaintState.Thrown);

                case IFlowAnonymousFunctionOperation lambda:
                    // A lambda stored in a delegate (Action a = () => …): its body runs with what it captures here; the
                    // delegate carries what the lambda returns, so a later a() returns it.
                    return AnalyzeLambda(lambda, Taint.Empty);

                case IInstanceReferenceOperation instance:
                    // this (return this; Helper(this)): what the caller's receiver holds, bound at each call.
                    return instance.ReferenceKind == InstanceReferenceKind.ContainingTypeInstance && HasReceiver
                        ? _thisFacts ??= WholeFacts(instance.Type).Add(TaintFact.ReceiverItself)
                        : WholeFacts(instance.Type);

                case ILocalReferenceOperation local:
                    return Taint.Union(Get(local.Local), WholeFacts(local.Type));

                case IParameterReferenceOperation parameter:
                    return Taint.Union(Get(parameter.Parameter), WholeFacts(parameter.Type));

                case IFlowCaptureOperation capture:
                    if (capture.Value is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation)
                    {
                        _captureTargets[capture.Id] = capture.Value;
                    }

                    Set(capture.Id, Evaluate(capture.Value));
                    return Taint.Empty;

                case IFlowCaptureReferenceOperation captureReference:
                    return Get(captureReference.Id);

                case ISimpleAssignmentOperation assignment:
                {
                    if (assignment.Target is ILocalReferenceOperation { Local: var delegateLocal } && AsLambda(assignment.Value) is { } stored)
                    {
                        (_delegateLambdas ??= new Dictionary<ILocalSymbol, IOperation>(SymbolEqualityComparer.Default))[delegateLocal] = stored;
                    }

                    var value = Evaluate(assignment.Value);
                    Assign(assignment.Target, value, strong: true);
                    return value;
                }

                case ICompoundAssignmentOperation compound:
                {
                    var value = Taint.Union(Evaluate(compound.Target), Evaluate(compound.Value));
                    Assign(compound.Target, value, strong: true);
                    return value;
                }

                case ICoalesceAssignmentOperation coalesceAssignment:
                {
                    var value = Taint.Union(Evaluate(coalesceAssignment.Target), Evaluate(coalesceAssignment.Value));
                    Assign(coalesceAssignment.Target, value, strong: true);
                    return value;
                }

                case IDeconstructionAssignmentOperation deconstruction:
                {
                    var targetTuple = deconstruction.Target is IDeclarationExpressionOperation { Expression: var declared } ? declared : deconstruction.Target;
                    var source = deconstruction.Value;
                    while (source is IConversionOperation { Operand: var operand })
                    {
                        source = operand;
                    }

                    if (targetTuple is ITupleOperation targets && source.Type is INamedTypeSymbol { IsTupleType: true } valueType && valueType.TupleElements.Length == targets.Elements.Length)
                    {
                        // var (a, b) = (x, y) or = F(): element by element (a tuple's elements are tracked as its ItemN members).
                        var tupleValue = Evaluate(source);
                        for (int i = 0; i < targets.Elements.Length; i++)
                        {
                            Assign(targets.Elements[i], Taint.OnMemberRead(tupleValue, valueType.TupleElements[i]), strong: true);
                        }

                        return tupleValue;
                    }

                    var value = Evaluate(deconstruction.Value);
                    Assign(deconstruction.Target, value, strong: true);
                    return value;
                }

                case ITupleOperation tuple when tuple.Type is INamedTypeSymbol { IsTupleType: true } tupleType && tupleType.TupleElements.Length == tuple.Elements.Length:
                {
                    // (c.Email, c.Id): each element is tracked as the tuple's ItemN member.
                    var facts = Taint.Empty;
                    for (int i = 0; i < tuple.Elements.Length; i++)
                    {
                        facts = Taint.Union(facts, Taint.InMember(Evaluate(tuple.Elements[i]), tupleType.TupleElements[i]));
                    }

                    return facts;
                }

                case IIncrementOrDecrementOperation increment:
                    return Evaluate(increment.Target);

                case IPropertyReferenceOperation property:
                    return ReadProperty(property);

                case IFieldReferenceOperation field:
                    return ReadField(field);

                case IArrayElementReferenceOperation element:
                {
                    foreach (var index in element.Indices)
                    {
                        Evaluate(index);
                    }

                    return Evaluate(element.ArrayReference);
                }

                case IInvocationOperation invocation:
                    return Invoke(invocation);

                case IObjectCreationOperation creation:
                    return Create(creation);

                case IAnonymousObjectCreationOperation anonymous:
                {
                    var facts = Taint.Empty;
                    foreach (var initializer in anonymous.Initializers)
                    {
                        facts = Taint.Union(facts, initializer is IAssignmentOperation { Target: IPropertyReferenceOperation member } a
                            ? Taint.InMember(Evaluate(a.Value), member.Property)
                            : Evaluate(initializer));
                    }

                    // new { tenantId, profile }: a member holding a whole personal object is stored without its type-derived
                    // facts (a read of the member derives them again); the object itself carries them, as any object
                    // built here carries what its members' types carry.
                    return Taint.Union(facts, WholeFacts(anonymous.Type));
                }

                case IObjectOrCollectionInitializerOperation initializer:
                    return Initializers(initializer);

                case IMemberInitializerOperation memberInitializer:
                    return Initializers(memberInitializer.Initializer);

                case IArrayCreationOperation array:
                {
                    foreach (var size in array.DimensionSizes)
                    {
                        Evaluate(size);
                    }

                    return Evaluate(array.Initializer);
                }

                case IArrayInitializerOperation arrayInitializer:
                    return UnionOf(arrayInitializer.ElementValues);

                case IBinaryOperation binary:
                {
                    // In an expression tree, what a comparison is given from outside it is the tree consumer's to read
                    // (c => c.Email == customer.Email: a query parameter).
                    var left = Evaluate(binary.LeftOperand);
                    var right = Evaluate(binary.RightOperand);
                    HandToTreeConsumer(binary.LeftOperand, left);
                    HandToTreeConsumer(binary.RightOperand, right);
                    return Taint.Union(left, right);
                }

                case IUnaryOperation unary:
                    return Evaluate(unary.Operand);

                case IConversionOperation conversion:
                    return Evaluate(conversion.Operand);

                case IParenthesizedOperation parenthesized:
                    return Evaluate(parenthesized.Operand);

                case IAwaitOperation awaitOperation:
                    return Evaluate(awaitOperation.Operation);

                case IConditionalOperation conditional:
                    Evaluate(conditional.Condition);
                    return Taint.Union(Evaluate(conditional.WhenTrue), Evaluate(conditional.WhenFalse));

                case ICoalesceOperation coalesce:
                    return Taint.Union(Evaluate(coalesce.Value), Evaluate(coalesce.WhenNull));

                case IConditionalAccessOperation conditionalAccess:
                    Evaluate(conditionalAccess.Operation);
                    return Evaluate(conditionalAccess.WhenNotNull);

                case IInterpolatedStringOperation interpolated:
                    return UnionOf(interpolated.Parts);

                case IInterpolationOperation interpolation:
                    Evaluate(interpolation.Alignment);
                    Evaluate(interpolation.FormatString);
                    return Evaluate(interpolation.Expression);

                case IArgumentOperation argument:
                    return Evaluate(argument.Value);

                case IReturnOperation returnOperation:
                {
                    var value = Evaluate(returnOperation.ReturnedValue);
                    _returns = Taint.Union(_returns, value);
                    return value;
                }

                case IDelegateCreationOperation delegateCreation:
                    return Evaluate(delegateCreation.Target);

                case IAnonymousFunctionOperation:
                    return Taint.Empty;

                case IIsTypeOperation:
                case IIsPatternOperation:
                case IIsNullOperation:
                    foreach (var child in operation.ChildOperations)
                    {
                        Evaluate(child);
                    }

                    return Taint.Empty;

                case IThrowOperation throwOperation:
                    AddTo(TaintState.Thrown, Evaluate(throwOperation.Exception));
                    return Taint.Empty;

                default:
                    // Anything else (tuples, switch expressions, with-expressions, ranges, …): what its parts carry.
                    return UnionOf(operation.ChildOperations);
            }
        }

        private ImmutableHashSet<TaintFact> UnionOf(IEnumerable<IOperation> operations)
        {
            var facts = Taint.Empty;
            foreach (var child in operations)
            {
                facts = Taint.Union(facts, Evaluate(child));
            }

            return facts;
        }

        private ImmutableHashSet<TaintFact> WholeFacts(ITypeSymbol? type) => _engine.WholeFacts(type);
    }
}
