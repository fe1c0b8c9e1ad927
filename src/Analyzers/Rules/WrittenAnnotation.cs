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
        private const string RegionParameter = "region";
        private const string JustificationProperty = "Justification";
        private const string RecipientProperty = "Recipient";

        private WrittenAnnotation(string kind) => Kind = kind;

        /// <summary><c>DataSink</c> or <c>DataTransfer</c>.</summary>
        public string Kind { get; }

        /// <summary>The argument that gives the region: the first one, positional or named <c>region:</c>.</summary>
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
                ? FromSyntax(bindableKind, arguments, model, cancellationToken)
                : null;
        }

        private static string? KindOf(INamedTypeSymbol? attributeClass, WellKnownTypes types) =>
            WellKnownTypes.Is(attributeClass, types.DataSink) ? "DataSink" :
            WellKnownTypes.Is(attributeClass, types.DataTransfer) ? "DataTransfer" :
            null;

        private static WrittenAnnotation FromBound(string kind, AttributeData bound, IMethodSymbol constructor, AttributeArgumentListSyntax arguments)
        {
            var written = new WrittenAnnotation(kind) { RegionArgument = RegionArgumentOf(arguments) };
            if (written.RegionArgument is not null)
            {
                // The parameter named 'region'; in a copy of the attribute that names it otherwise, the first (the argument is then positional).
                var ordinal = -1;
                for (var i = 0; i < constructor.Parameters.Length; i++)
                {
                    if (constructor.Parameters[i].Name == RegionParameter)
                    {
                        ordinal = i;
                    }
                }

                if (ordinal < 0 && written.RegionArgument.NameColon is null)
                {
                    ordinal = 0;
                }

                if (ordinal >= 0 && ordinal < bound.ConstructorArguments.Length && bound.ConstructorArguments[ordinal].Kind != TypedConstantKind.Error)
                {
                    written.RegionKnown = true;
                    written.Region = bound.ConstructorArguments[ordinal].Value as string;
                }
            }

            written.JustificationArgument = NamedArgument(arguments, JustificationProperty);
            written.JustificationKnown = written.JustificationArgument is null;
            foreach (var named in bound.NamedArguments)
            {
                if (named.Key == JustificationProperty && named.Value.Kind != TypedConstantKind.Error)
                {
                    written.JustificationKnown = true;
                    written.Justification = named.Value.Value as string;
                }
                else if (named.Key == RecipientProperty)
                {
                    written.Recipient = named.Value.Value as string;
                }
            }

            return written;
        }

        private static WrittenAnnotation FromSyntax(string kind, AttributeArgumentListSyntax arguments, SemanticModel model, CancellationToken cancellationToken)
        {
            var written = new WrittenAnnotation(kind) { RegionArgument = RegionArgumentOf(arguments) };
            if (written.RegionArgument is not null)
            {
                var constant = model.GetConstantValue(written.RegionArgument.Expression, cancellationToken);
                written.RegionKnown = constant.HasValue;
                written.Region = constant.Value as string;
            }

            written.JustificationArgument = NamedArgument(arguments, JustificationProperty);
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

        /// <summary>The first argument when it is positional, or the one named <c>region:</c>.</summary>
        private static AttributeArgumentSyntax? RegionArgumentOf(AttributeArgumentListSyntax arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameColon?.Name.Identifier.ValueText == RegionParameter)
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
