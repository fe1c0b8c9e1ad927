using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Regions;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// What an Entity Framework Core context and an ADO.NET connection have in common (docs/endpoints.md, "Databases"): the
    /// sinks a provider's connection string makes, and the connection strings a .NET Aspire registration reads.
    /// </summary>
    internal static class DatabaseServers
    {
        /// <summary>
        /// Adds the sinks of one database to <paramref name="infos"/>: one in the process (SQLite, the in-memory provider), or one
        /// per server its connection string <paramref name="value"/> names (none when the string was not seen).
        /// </summary>
        public static void Add(List<SinkInfo> infos, EndpointSinks sinks, DatabaseProvider provider, EndpointValue? value, string holder)
        {
            var recipient = $"database ({provider.Database})";
            if (provider.InProcess)
            {
                infos.Add(new SinkInfo(SinkKind.Sdk, holder, Region.Unknown, recipient, null, null, $"{provider.Database} database of {holder} (in the process)", isInternal: true));
                return;
            }

            if (value is null)
            {
                return;
            }

            var hosts = provider.ValueFormat is { } format ? HostsIn(value, format) : UrlText.DatabaseHosts(value.Text, value.Complete, provider.HostKeys, provider.SqlServer);
            foreach (var host in hosts)
            {
                infos.Add(sinks.ForHost(SinkKind.Sdk, holder, host, false, $"{provider.Database} connection string of {holder} ← {value.ResolvedBy}", value.Location, recipient));
            }
        }

        /// <summary>The hosts of a connection string read in an SDK catalogue value format (Redis, MongoDB).</summary>
        private static List<string> HostsIn(EndpointValue value, string format)
        {
            var targets = new List<EndpointTarget>();
            EndpointTarget.AddFrom(targets, new[] { value }, format, null, null);
            var hosts = new List<string>();
            foreach (var target in targets)
            {
                if (target.Host is { } host && !hosts.Contains(host))
                {
                    hosts.Add(host);
                }
            }

            return hosts;
        }

        /// <summary>A database's sink as one call names it (<c>Crm.SaveChangesAsync crm.….rds.amazonaws.com</c>).</summary>
        public static SinkInfo Named(SinkInfo sink, string display) =>
            new(sink.Kind, sink.Host is null ? display : $"{display} {sink.Host}", sink.Region, sink.Recipient, sink.Host, sink.Purpose, sink.ResolvedBy, sink.IsInternal, sink.Location, sink.EuAlternative, sink.Hint);

        /// <summary>
        /// Each call of a .NET Aspire registration with the connection strings its connection name reads: <c>ConnectionStrings:{name}</c>,
        /// else <c>{section}:{name}:ConnectionString</c>, else <c>{section}:ConnectionString</c>.
        /// </summary>
        public static IEnumerable<(IInvocationOperation Call, EndpointValue Value)> AspireConnectionStrings(EndpointResolver resolver, DatabaseRegistration registration)
        {
            foreach (var call in resolver.Index.InvocationsOf(registration.Method))
            {
                var name = call.Arguments.FirstOrDefault(a => EndpointResolver.IsWritten(a) && a.Parameter is { Ordinal: > 0, Type.SpecialType: SpecialType.System_String });
                if (name is null)
                {
                    continue;
                }

                foreach (var text in resolver.Strings(name.Value).Where(v => v.Complete))
                {
                    var values = resolver.ConfigLookup("ConnectionStrings:" + text.Text);
                    if (values.Count == 0)
                    {
                        values = resolver.ConfigLookup(registration.Section + ":" + text.Text + ":ConnectionString");
                    }

                    if (values.Count == 0)
                    {
                        values = resolver.ConfigLookup(registration.Section + ":ConnectionString");
                    }

                    foreach (var value in values)
                    {
                        yield return (call, value.With(value.Text, value.Complete, $"{call.TargetMethod.Name}(\"{text.Text}\") ← {value.ResolvedBy}"));
                    }
                }
            }
        }
    }
}
