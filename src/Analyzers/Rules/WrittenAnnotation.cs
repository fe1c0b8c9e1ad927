using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Rules
{
    /// <summary>
    /// What a <c>[DataSink]</c> or <c>[DataTransfer]</c> written in source says (its region, justification and recipient), with
    /// the arguments that say it, for RES004. Read from the attribute the compiler bound on its symbol
    /// (<see cref="AppliedAttributes"/>); the syntax is bound only when that cannot be found.
    /// </summary>
    internal sealed class WrittenAnnotation
    {
        private const string JustificationProperty = "Justification";
        private const string RecipientProperty = "Recipient";

        private WrittenAnnotation(string kind) => Kind = kind;

        /// <summary><c>DataSink</c> or <c>DataTransfer</c>.</summary>
        public string Kind { get; }

        /// <summary>The argument that gives the region (the constructor's first parameter), positional or named.</summary>
        public AttributeArgumentSyntax? RegionArgument { get; private set; }

        /// <summary>Whether the region's value is a constant (it is not in code that does not compile).</summary>
        public bool RegionKnown { get; private set; }

        public string? Region { get; private set; }

        public AttributeArgumentSyntax? JustificationArgument { get; private set; }

        /// <summary>False when a justification is written but its value is not a constant: it cannot be judged.</summary>
        public bool JustificationKnown { get; private set; } = true;

        public string? Justification { get; private set; }

        public string? Recipient { get; private set; }

        /// <summary>What <paramref name="attribute"/> says, or null when it is neither of the two annotations.</summary>
        public static WrittenAnnotation? Read(AttributeSyntax attribute, AttributeArgumentListSyntax arguments, SemanticModel model, WellKnownTypes types, CancellationToken cancellationToken)
        {
            var bound = AppliedAttributes.Of(attribute, model, cancellationToken);
            if (bound is { AttributeClass: { TypeKind: not TypeKind.Error } attributeClass, AttributeConstructor: { } constructor })
            {
                return KindOf(attributeClass, types) is { } kind ? FromBound(kind, bound, constructor, arguments) : null;
            }

            return model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol bindable && KindOf(bindable.ContainingType, types) is { } bindableKind
                ? FromSyntax(bindableKind, bindable, arguments, model, cancellationToken)
                : null;
        }

        private static string? KindOf(INamedTypeSymbol? attributeClass, WellKnownTypes types) =>
            WellKnownTypes.Is(attributeClass, types.DataSink) ? "DataSink" :
            WellKnownTypes.Is(attributeClass, types.DataTransfer) ? "DataTransfer" :
            null;

        /// <summary>The values as the sink providers and the transfer declarations read them: the region is the first constructor argument.</summary>
        private static WrittenAnnotation FromBound(string kind, AttributeData bound, IMethodSymbol constructor, AttributeArgumentListSyntax arguments)
        {
            var written = new WrittenAnnotation(kind)
            {
                RegionArgument = RegionArgumentOf(arguments, constructor),
                JustificationArgument = NamedArgument(arguments, JustificationProperty),
                Recipient = PersonalDataClassifier.NamedString(bound, RecipientProperty),
            };
            if (written.RegionArgument is not null && bound.ConstructorArguments.Length > 0 && bound.ConstructorArguments[0].Kind != TypedConstantKind.Error)
            {
                written.RegionKnown = true;
                written.Region = PersonalDataClassifier.FirstStringArgument(bound);
            }

            // A justification that is written but did not bind to a constant cannot be judged.
            written.JustificationKnown = written.JustificationArgument is null ||
                bound.NamedArguments.Any(named => named.Key == JustificationProperty && named.Value.Kind != TypedConstantKind.Error);
            written.Justification = PersonalDataClassifier.NamedString(bound, JustificationProperty);
            return written;
        }

        private static WrittenAnnotation FromSyntax(string kind, IMethodSymbol constructor, AttributeArgumentListSyntax arguments, SemanticModel model, CancellationToken cancellationToken)
        {
            var written = new WrittenAnnotation(kind)
            {
                RegionArgument = RegionArgumentOf(arguments, constructor),
                JustificationArgument = NamedArgument(arguments, JustificationProperty),
            };
            if (written.RegionArgument is not null)
            {
                var constant = model.GetConstantValue(written.RegionArgument.Expression, cancellationToken);
                written.RegionKnown = constant.HasValue;
                written.Region = constant.Value as string;
            }

            if (written.JustificationArgument is not null)
            {
                var constant = model.GetConstantValue(written.JustificationArgument.Expression, cancellationToken);
                written.JustificationKnown = constant.HasValue;
                written.Justification = constant.Value as string;
            }

            if (NamedArgument(arguments, RecipientProperty) is { } recipient)
            {
                written.Recipient = model.GetConstantValue(recipient.Expression, cancellationToken).Value as string;
            }

            return written;
        }

        /// <summary>The argument for the constructor's first parameter (the region): named after it, or the first when that is positional.</summary>
        private static AttributeArgumentSyntax? RegionArgumentOf(AttributeArgumentListSyntax arguments, IMethodSymbol constructor)
        {
            if (constructor.Parameters.IsEmpty)
            {
                return null;
            }

            var name = constructor.Parameters[0].Name;
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameColon?.Name.Identifier.ValueText == name)
                {
                    return argument;
                }
            }

            var first = arguments.Arguments[0];
            return first.NameEquals is null && first.NameColon is null ? first : null;
        }

        private static AttributeArgumentSyntax? NamedArgument(AttributeArgumentListSyntax arguments, string property)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == property)
                {
                    return argument;
                }
            }

            return null;
        }
    }
}
