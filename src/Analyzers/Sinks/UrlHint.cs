using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// What is known of a destination that could not be resolved, for the inventory and RES003: the configuration key
    /// (with no value in appsettings*.json or residency.json), the parameter, variable or member the URL comes from, or
    /// the expression itself (shortened). Read from the operation tree, no binding.
    /// </summary>
    internal static class UrlHint
    {
        private const int MaxLength = 60;

        public static string? Describe(IOperation? operation, EndpointResolver resolver)
        {
            if (operation is null)
            {
                return null;
            }

            var stripped = EndpointResolver.Strip(operation);
            switch (stripped)
            {
                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer
                    when resolver.IsConfiguration(indexer.Instance?.Type) && indexer.Arguments[0].Value.ConstantValue.Value is string key:
                    return $"configuration key {key}";
                case IInvocationOperation { TargetMethod.Name: "GetValue" or "GetConnectionString" } call:
                {
                    var key = call.Arguments.Select(a => a.Value.ConstantValue.Value).OfType<string>().FirstOrDefault();
                    if (key is not null)
                    {
                        return call.TargetMethod.Name == "GetConnectionString" ? $"configuration key ConnectionStrings:{key}" : $"configuration key {key}";
                    }

                    break;
                }

                case IParameterReferenceOperation parameter:
                    return $"parameter '{parameter.Parameter.Name}'";
                case ILocalReferenceOperation local:
                    return $"local '{local.Local.Name}'";
                case IFieldReferenceOperation field:
                    return $"field '{field.Field.ContainingType?.Name}.{field.Field.Name}'";
                case IPropertyReferenceOperation property:
                    return $"property '{property.Property.ContainingType?.Name}.{property.Property.Name}'";
                case IObjectCreationOperation { Arguments.Length: > 0 } creation:
                    return Describe(creation.Arguments[0].Value, resolver) ?? Expression(stripped);
            }

            return Expression(stripped);
        }

        public static string Shorten(string text) => text.Length <= MaxLength ? text : text.Substring(0, MaxLength - 1) + "…";

        private static string Expression(IOperation operation)
        {
            var text = string.Join(" ", operation.Syntax.ToString().Split(new[] { '\r', '\n', '\t', ' ' }, System.StringSplitOptions.RemoveEmptyEntries));
            return "expression " + Shorten(text);
        }
    }
}
