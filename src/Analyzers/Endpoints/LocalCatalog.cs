using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>
    /// What keeps data in the process: the built-in <c>local.json</c> (the BCL, <c>Microsoft.Extensions.*</c> configuration,
    /// DI, options, logging, ASP.NET Core's pipeline, serialisers), the namespaces of the catalogued SDKs (their request
    /// and message types: what leaves goes through the SDK's client, which is a sink), and the project's residency.json
    /// <c>local</c> entries. A method none of these covers, and that is not a sink, is an unclassified recipient when
    /// personal data is handed to it (docs/endpoints.md, "Code that keeps data local").
    /// </summary>
    internal sealed class LocalCatalog
    {
        public const string Resource = "Residency.Catalog.local.json";

        private static readonly Lazy<ResidencyJson> BuiltInLazy = new(LoadBuiltIn, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly ImmutableArray<LocalEntry> _user;
        private readonly ImmutableArray<LocalEntry> _local;
        private readonly ImmutableArray<LocalEntry> _notLocal;

        private LocalCatalog(ImmutableArray<LocalEntry> user, ImmutableArray<LocalEntry> local, ImmutableArray<LocalEntry> notLocal)
        {
            _user = user;
            _local = local;
            _notLocal = notLocal;
        }

        /// <summary>The built-in local.json as read (its <see cref="ResidencyJson.Issues"/> are checked by the catalogue tests).</summary>
        public static ResidencyJson BuiltIn => BuiltInLazy.Value;

        /// <summary>The catalogue of one project: built-in entries, SDK namespaces, the project's residency.json <c>local</c>.</summary>
        public static LocalCatalog For(ProjectEndpoints endpoints)
        {
            var local = BuiltIn.Local.ToBuilder();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sdk in endpoints.Catalog.Sdks)
            {
                // An abstraction that is a client only with a registration (IDistributedCache) keeps its namespace's standing:
                // without the registration it is not a sink, and must not become local for being listed.
                foreach (var type in sdk.ActivatedBy.IsEmpty ? sdk.Types : ImmutableArray<string>.Empty)
                {
                    int dot = type.LastIndexOf('.');
                    if (dot > 0 && seen.Add(type.Substring(0, dot)))
                    {
                        local.Add(new LocalEntry(type.Substring(0, dot), 0));
                    }
                }

                foreach (var ns in sdk.SinkNamespaces)
                {
                    if (seen.Add(ns))
                    {
                        local.Add(new LocalEntry(ns, 0));
                    }
                }

                // The request and model types of each service of a multi-service SDK (Amazon.S3.Model's PutObjectRequest,
                // MetadataCollection): built in the process, sent by the service's client. Not the whole service namespace:
                // Amazon.S3.Transfer's TransferUtility uploads through a client it wraps and stays unclassified.
                if (sdk.Region is { ServiceHosts.IsEmpty: false } region)
                {
                    foreach (var service in region.ServiceHosts.Keys)
                    {
                        if (seen.Add(service + ".Model"))
                        {
                            local.Add(new LocalEntry(service + ".Model", 0));
                        }
                    }
                }
            }

            return new LocalCatalog(endpoints.User.Local, local.ToImmutable(), BuiltIn.NotLocal);
        }

        /// <summary>Whether one of the project's own residency.json <c>local</c> entries covers <paramref name="qualifiedMethod"/>.</summary>
        public bool IsLocalByProject(string qualifiedMethod)
        {
            foreach (var entry in _user)
            {
                if (entry.Covers(qualifiedMethod))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether <paramref name="qualifiedMethod"/> (<c>Namespace.Type+Nested.Method</c>) keeps data in the process: a
        /// residency.json <c>local</c> entry covers it, or the longest built-in entry that covers it is a <c>local</c> one.
        /// </summary>
        public bool IsLocal(string qualifiedMethod)
        {
            if (IsLocalByProject(qualifiedMethod))
            {
                return true;
            }

            var local = Longest(_local, qualifiedMethod);
            return local > 0 && local > Longest(_notLocal, qualifiedMethod);
        }

        /// <summary>
        /// Whether every method under <paramref name="prefix"/> (a namespace, or a type's metadata name
        /// <c>Namespace.Type+Nested</c>) is local: a project entry covers it, or a local entry does and no <c>notLocal</c>
        /// entry covers it more closely or carves out anything inside it.
        /// </summary>
        public bool IsWhollyLocal(string prefix)
        {
            foreach (var entry in _user)
            {
                if (entry.Covers(prefix))
                {
                    return true;
                }
            }

            var local = Longest(_local, prefix);
            if (local == 0 || local <= Longest(_notLocal, prefix))
            {
                return false;
            }

            foreach (var entry in _notLocal)
            {
                if (entry.Name.Length > prefix.Length && entry.Name.StartsWith(prefix, StringComparison.Ordinal) && entry.Name[prefix.Length] is '.' or '+' or '`')
                {
                    return false; // an exception inside it (System.Net.Mail.SmtpClient inside System)
                }
            }

            return true;
        }

        private static int Longest(ImmutableArray<LocalEntry> entries, string qualifiedMethod)
        {
            var longest = 0;
            foreach (var entry in entries)
            {
                if (entry.Name.Length > longest && entry.Covers(qualifiedMethod))
                {
                    longest = entry.Name.Length;
                }
            }

            return longest;
        }

        private static ResidencyJson LoadBuiltIn()
        {
            string? text = null;
            try
            {
                using var stream = typeof(LocalCatalog).Assembly.GetManifestResourceStream(Resource);
                if (stream is not null)
                {
                    using var reader = new StreamReader(stream);
                    text = reader.ReadToEnd();
                }
            }
            catch (IOException)
            {
                text = null;
            }

            return CatalogReader.Read(text ?? "{}", "local.json", isUser: false);
        }
    }
}
