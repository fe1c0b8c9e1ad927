using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>A helper's URL read at one of its calls: its parameters bound to the values that call passes.</summary>
    internal sealed partial class EndpointResolver
    {
        [ThreadStatic]
        private static Dictionary<IParameterSymbol, List<EndpointValue>>? t_arguments;

        /// <summary>
        /// <paramref name="evaluate"/>, with the parameters in <paramref name="arguments"/> (original definitions) taking the
        /// values given there instead of none: a helper's URL (<c>$"{baseUrl}/contacts"</c>) read at one call of the helper
        /// (Sinks/ParameterUrl). Nested calls see only their own parameters.
        /// </summary>
        internal T WithArguments<T>(Dictionary<IParameterSymbol, List<EndpointValue>> arguments, Func<T> evaluate)
        {
            var outer = t_arguments;
            t_arguments = arguments;
            try
            {
                return evaluate();
            }
            finally
            {
                t_arguments = outer;
            }
        }

        /// <summary>The values a call binds to <paramref name="parameter"/> while its helper's URL is read (<see cref="WithArguments"/>), if any.</summary>
        private static bool TryGetArgument(IParameterSymbol parameter, out List<EndpointValue> values)
        {
            if (t_arguments is not null && t_arguments.TryGetValue(parameter.OriginalDefinition, out var given))
            {
                values = given;
                return true;
            }

            values = null!;
            return false;
        }
    }
}
