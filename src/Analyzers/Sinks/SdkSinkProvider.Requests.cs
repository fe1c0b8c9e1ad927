using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// A call that names its own URL (sdks.json <c>endpoint.requestUrl</c>; docs/endpoints.md, "RestSharp"): RestSharp's
    /// <c>client.ExecuteAsync(new RestRequest("https://…"))</c> goes to that URL's host whatever the client's base URL.
    /// </summary>
    internal sealed partial class SdkSinkProvider
    {
        private const int MaxRequestSteps = 8;

        /// <summary>
        /// The targets of a call of an entry with a <c>requestUrl</c>: the hosts of the absolute URLs the call names (an
        /// argument named by the entry's parameters, or a request object made with one), with the client's
        /// <paramref name="clientTargets"/> as well when some URL the call may use is relative or not seen (RestSharp joins a
        /// relative resource to the client's base URL). A call that names no absolute URL keeps the client's targets.
        /// </summary>
        private List<EndpointTarget> WithRequestUrl(IInvocationOperation invocation, SdkEntry entry, SdkRequestUrl requestUrl, List<EndpointTarget> clientTargets)
        {
            var absolute = new List<EndpointTarget>();
            var relative = false;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter || !EndpointResolver.IsWritten(argument))
                {
                    continue;
                }

                if (requestUrl.Parameters.Contains(parameter.Name) && _resolver.Types.IsUrlText(parameter.Type))
                {
                    relative |= AddUrls(absolute, _resolver.Strings(argument.Value), $"{invocation.TargetMethod.Name}({parameter.Name})");
                }
                else if (IsRequest(parameter.Type, requestUrl))
                {
                    relative |= AddRequestUrls(absolute, argument.Value, requestUrl);
                }
            }

            if (absolute.Count == 0)
            {
                return clientTargets;
            }

            if (relative)
            {
                absolute.AddRange(clientTargets);
            }

            return absolute;
        }

        /// <summary>
        /// The targets of request URL <paramref name="values"/> a call is given: the absolute ones' hosts, with
        /// <paramref name="clientTargets"/> when one is relative or none is known (as <see cref="WithRequestUrl"/>).
        /// </summary>
        private static List<EndpointTarget> WithRequestUrls(List<EndpointValue> values, string via, List<EndpointTarget> clientTargets)
        {
            var absolute = new List<EndpointTarget>();
            if (AddUrls(absolute, values, via))
            {
                absolute.AddRange(clientTargets);
            }

            return absolute;
        }

        /// <summary>
        /// A call's request URL as written: an argument the entry's <c>requestUrl</c> names (<c>DownloadString(address)</c>), or
        /// that of the one request object the call is given (<c>new RestRequest(url)</c>, through its fluent calls and locals).
        /// </summary>
        private (IOperation Value, string Via)? RequestUrlValue(IInvocationOperation invocation, SdkRequestUrl requestUrl)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter || !EndpointResolver.IsWritten(argument))
                {
                    continue;
                }

                if (requestUrl.Parameters.Contains(parameter.Name) && _resolver.Types.IsUrlText(parameter.Type))
                {
                    return (argument.Value, $"{invocation.TargetMethod.Name}({parameter.Name})");
                }

                if (IsRequest(parameter.Type, requestUrl) && RequestCreations(argument.Value, requestUrl, 0).ToList() is { Count: 1 } creations)
                {
                    foreach (var made in creations[0].Arguments)
                    {
                        if (made.Parameter is { } urlParameter && EndpointResolver.IsWritten(made) && requestUrl.Parameters.Contains(urlParameter.Name) && _resolver.Types.IsUrlText(urlParameter.Type))
                        {
                            return (made.Value, $"{creations[0].Type?.Name}({urlParameter.Name})");
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The absolute URLs of a request object, read where it is made (through the fluent calls that return it:
        /// <c>new RestRequest("https://…").AddJsonBody(body)</c>, a local, a field): its constructor arguments named by the
        /// entry's parameters and the properties assigned to it. True when one of its URLs is relative, or a creation names none
        /// (a request for the client's base URL), or none is seen.
        /// </summary>
        private bool AddRequestUrls(List<EndpointTarget> absolute, IOperation request, SdkRequestUrl requestUrl)
        {
            var relative = false;
            var withoutUrl = 0;
            var seen = 0;
            foreach (var creation in RequestCreations(request, requestUrl, 0))
            {
                seen++;
                var values = 0;
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter is { } parameter && EndpointResolver.IsWritten(argument) && requestUrl.Parameters.Contains(parameter.Name) && _resolver.Types.IsUrlText(parameter.Type))
                    {
                        var strings = _resolver.Strings(argument.Value);
                        values += strings.Count;
                        relative |= AddUrls(absolute, strings, $"{creation.Type?.Name}({parameter.Name})");
                    }
                }

                foreach (var property in requestUrl.Properties)
                {
                    foreach (var value in _resolver.PropertyValues(creation, property))
                    {
                        var strings = _resolver.Strings(value);
                        values += strings.Count;
                        relative |= AddUrls(absolute, strings, $"{creation.Type?.Name}.{property}");
                    }
                }

                withoutUrl += values == 0 ? 1 : 0;
            }

            // var request = new RestRequest(); request.Resource = "https://…": the assignments on the local or field that holds it
            // (the initializer's again too, which Distinct removes).
            var assigned = 0;
            foreach (var property in requestUrl.Properties)
            {
                foreach (var value in _resolver.PropertyValues(request, property))
                {
                    var strings = _resolver.Strings(value);
                    assigned += strings.Count;
                    relative |= AddUrls(absolute, strings, $"{request.Type?.Name}.{property}");
                }
            }

            return relative || seen == 0 || (withoutUrl > 0 && assigned == 0);
        }

        /// <summary>Where a request object is made, through locals, fields and fluent calls that return their receiver (instance or extension).</summary>
        private IEnumerable<IObjectCreationOperation> RequestCreations(IOperation request, SdkRequestUrl requestUrl, int steps)
        {
            if (steps > MaxRequestSteps)
            {
                yield break;
            }

            foreach (var made in _resolver.MadeBy(request))
            {
                switch (made)
                {
                    case IObjectCreationOperation creation when IsRequest(creation.Type, requestUrl):
                        yield return creation;
                        break;
                    case IInvocationOperation call when EndpointResolver.FluentReceiver(call) is { } receiver:
                        // new RestRequest(url).AddJsonBody(body).AddQueryParameter(…): each returns the request it is given.
                        foreach (var inner in RequestCreations(receiver, requestUrl, steps + 1))
                        {
                            yield return inner;
                        }

                        break;
                }
            }
        }

        /// <summary>Adds the targets of the absolute URLs among <paramref name="values"/>; true when one is relative or none was found.</summary>
        private static bool AddUrls(List<EndpointTarget> absolute, List<EndpointValue> values, string via)
        {
            var relative = values.Count == 0;
            foreach (var value in values)
            {
                if (UrlText.Parse(value.Text, value.Complete).IsAbsolute)
                {
                    EndpointTarget.AddFrom(absolute, new[] { value }, "url", null, via);
                }
                else
                {
                    relative = true;
                }
            }

            return relative;
        }

        private bool IsRequest(ITypeSymbol? type, SdkRequestUrl requestUrl) => requestUrl.Types.Any(name => _resolver.Types.DerivesFrom(type, name));
    }
}
