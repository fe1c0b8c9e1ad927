using System;
using System.Collections.Immutable;
using Residency.Analyzers.Json;
using Residency.Analyzers.Regions;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>A problem in a configuration file (residency.json, appsettings*.json, the catalogue): RES004 with file and line.</summary>
    internal sealed class ConfigIssue
    {
        public ConfigIssue(string path, int line, int column, string message)
        {
            Path = path;
            Line = line;
            Column = column;
            Message = message;
        }

        public string Path { get; }

        /// <summary>1-based line (0 when unknown).</summary>
        public int Line { get; }

        /// <summary>1-based column (0 when unknown).</summary>
        public int Column { get; }

        public string Message { get; }

        public override string ToString() => $"{Path}({Line},{Column}): {Message}";
    }

    /// <summary>One host entry of the catalogue (hosts.json or residency.json <c>hosts</c>).</summary>
    internal sealed class HostEntry
    {
        public HostEntry(HostPattern pattern, string regionText, string? recipient, string? service, string? euAlternative, string? note, bool isUser, int order, JsonNode? node, string? purpose = null)
        {
            Purpose = purpose;
            Pattern = pattern;
            RegionText = regionText;
            Recipient = recipient;
            Service = service;
            EuAlternative = euAlternative;
            Note = note;
            IsUser = isUser;
            Order = order;
            Node = node;
        }

        public HostPattern Pattern { get; }

        /// <summary>A region code or <c>{name}</c> naming a map capture.</summary>
        public string RegionText { get; }

        public string? Recipient { get; }

        public string? Service { get; }

        public string? EuAlternative { get; }

        public string? Note { get; }

        /// <summary>Why the application sends data to this host (residency.json), shown as the purpose in the record.</summary>
        public string? Purpose { get; }

        public bool IsUser { get; }

        public int Order { get; }

        public JsonNode? Node { get; }

        /// <summary>
        /// Several services share the host (Service Bus and Event Hubs namespaces, <c>{namespace}.servicebus.windows.net</c>):
        /// a call on a catalogued SDK client takes its recipient from the SDK entry; <see cref="Recipient"/> names the others.
        /// </summary>
        public bool RecipientFromSdk { get; init; }
    }

    /// <summary>What the catalogue says about one host.</summary>
    internal sealed class HostResolution
    {
        public HostResolution(string host, Region region, string? recipient, string? service, string? euAlternative, HostEntry entry)
        {
            Host = host;
            Region = region;
            Recipient = recipient;
            Service = service;
            EuAlternative = euAlternative;
            Entry = entry;
        }

        public string Host { get; }

        public Region Region { get; }

        public string? Recipient { get; }

        public string? Service { get; }

        public string? EuAlternative { get; }

        public HostEntry Entry { get; }

        /// <summary><c>host catalogue: api.openai.com (OpenAI API)</c> or <c>residency.json: …</c>.</summary>
        public string Describe() =>
            $"{(Entry.IsUser ? "residency.json hosts" : "host catalogue")}: {Entry.Pattern.Text}{(Service is null ? string.Empty : $" ({Service})")}";
    }

    /// <summary>A pair (options type, property) that sets an SDK's endpoint or region.</summary>
    internal sealed class OptionsProperty
    {
        public OptionsProperty(string type, string property)
        {
            Type = type;
            Property = property;
        }

        public string Type { get; }

        public string Property { get; }
    }

    /// <summary>How an SDK's endpoint is set (sdks.json <c>endpoint</c>).</summary>
    internal sealed class SdkEndpoint
    {
        public ImmutableArray<OptionsProperty> Options { get; set; } = ImmutableArray<OptionsProperty>.Empty;

        public ImmutableArray<string> ConstructorParameters { get; set; } = ImmutableArray<string>.Empty;

        /// <summary>
        /// Types of the objects a client is given whose own constructors take the endpoint (Elasticsearch's
        /// <c>new ElasticsearchClient(new ElasticsearchClientSettings(new Uri(…)))</c>, and the node pool such settings may be
        /// given in turn): where one is made, its arguments named by <see cref="ConstructorParameters"/> are read, and an
        /// argument of one of these types is followed to where it is made the same way.
        /// </summary>
        public ImmutableArray<string> SettingsTypes { get; set; } = ImmutableArray<string>.Empty;

        public ImmutableArray<string> Properties { get; set; } = ImmutableArray<string>.Empty;

        /// <summary>
        /// Methods that connect a client to its host, the argument of a constructorParameters name: called on the client
        /// (MailKit's <c>ConnectAsync(host, port, …)</c>), or static methods of a client type that return the connected client
        /// (StackExchange.Redis's <c>ConnectionMultiplexer.Connect(configuration)</c>), followed like a constructor.
        /// </summary>
        public ImmutableArray<string> ConnectMethods { get; set; } = ImmutableArray<string>.Empty;

        public ImmutableArray<string> ConfigKeys { get; set; } = ImmutableArray<string>.Empty;

        /// <summary>
        /// Static methods of an options type that make the options from a string (StackExchange.Redis's
        /// <c>ConfigurationOptions.Parse(configuration)</c>, MongoDB's <c>MongoClientSettings.FromConnectionString(text)</c>):
        /// an options object made by one of them is that string, read in the entry's valueFormat. <c>Parse</c> unless the
        /// entry says otherwise.
        /// </summary>
        public ImmutableArray<string> ParseMethods { get; set; } = DefaultParseMethods;

        public static readonly ImmutableArray<string> DefaultParseMethods = ImmutableArray.Create("Parse");

        /// <summary>
        /// DI registration methods (<c>Type.Method</c>, Microsoft.Extensions.Azure's <c>AddBlobServiceClient</c>) whose
        /// constructorParameters-named arguments, or configuration-section argument, give an injected client's endpoint; a
        /// registration may name its own parameters, read its value as a region (a host template) or fix the host.
        /// </summary>
        public ImmutableArray<SdkRegistration> Registrations { get; set; } = ImmutableArray<SdkRegistration>.Empty;

        /// <summary>
        /// DI registrations that take a connection <em>name</em> (.NET Aspire's <c>builder.AddAzureBlobServiceClient("blobs")</c>):
        /// the endpoint is configuration <c>ConnectionStrings:{name}</c>, else the settings section's
        /// <c>{section}:{name}:{parameter}</c>, else <c>{section}:{parameter}</c>, for each constructorParameters name.
        /// </summary>
        public ImmutableArray<ConnectionNameRegistration> ConnectionNames { get; set; } = ImmutableArray<ConnectionNameRegistration>.Empty;

        public string ValueFormat { get; set; } = "url";

        public string? ConnectionStringKey { get; set; }

        /// <summary>
        /// Constructor parameters that take an <c>HttpClient</c> whose <c>BaseAddress</c> is the endpoint (RestSharp's
        /// <c>new RestClient(httpClient)</c>), followed like any HttpClient: its own <c>BaseAddress</c>, a named or typed
        /// client's registration.
        /// </summary>
        public ImmutableArray<string> HttpClientParameters { get; set; } = ImmutableArray<string>.Empty;

        /// <summary>
        /// Constructor parameters that take a delegate configuring the client's options (RestSharp's
        /// <c>new RestClient(o =&gt; o.BaseUrl = new Uri(…))</c>): the options properties assigned to its parameter in its body.
        /// </summary>
        public ImmutableArray<string> ConfigureParameters { get; set; } = ImmutableArray<string>.Empty;

        /// <summary>
        /// Parameters of the entry's child factories that name the endpoint themselves, in place of the parent's (RabbitMQ's
        /// <c>factory.CreateConnectionAsync(hostnames)</c> or <c>(endpoints)</c>): a string, a settings object, or a list of them.
        /// </summary>
        public ImmutableArray<string> ChildFactoryParameters { get; set; } = ImmutableArray<string>.Empty;

        /// <summary>Where a call itself may name an absolute URL that replaces the client's base URL (sdks.json <c>endpoint.requestUrl</c>).</summary>
        public SdkRequestUrl? RequestUrl { get; set; }
    }

    /// <summary>
    /// A call's own URL (sdks.json <c>endpoint.requestUrl</c>): a string or <c>Uri</c> argument named by <see cref="Parameters"/>
    /// (RestSharp's <c>client.PostJsonAsync("https://…", body)</c>), or a request object of one of <see cref="Types"/> the call
    /// is given, read where it is made: its constructor arguments named by <see cref="Parameters"/> and the
    /// <see cref="Properties"/> assigned to it (<c>new RestRequest("https://…")</c>, <c>request.Resource = …</c>). An absolute
    /// URL is where the call goes, whatever the client's base URL; a relative one is resolved against the client's.
    /// </summary>
    internal sealed class SdkRequestUrl
    {
        public SdkRequestUrl(ImmutableArray<string> parameters, ImmutableArray<string> types, ImmutableArray<string> properties)
        {
            Parameters = parameters;
            Types = types;
            Properties = properties;
        }

        public ImmutableArray<string> Parameters { get; }

        public ImmutableArray<string> Types { get; }

        public ImmutableArray<string> Properties { get; }
    }

    /// <summary>
    /// A registration method of an SDK entry (sdks.json <c>endpoint.registrations</c>): a <c>Type.Method</c> string, or an
    /// object for a registration read otherwise than the entry's constructors: its own <c>parameters</c>, a <c>hostTemplate</c>
    /// (the value names a region: MassTransit's Amazon SQS <c>cfg.Host("eu-west-1")</c> is <c>sqs.eu-west-1.amazonaws.com</c>),
    /// or a fixed <c>host</c> (MassTransit's <c>UsingInMemory</c>: the messages stay in the process).
    /// </summary>
    internal sealed class SdkRegistration
    {
        public SdkRegistration(string method, ImmutableArray<string> parameters = default, string? hostTemplate = null, string? host = null, string? note = null)
        {
            Method = method;
            Parameters = parameters.IsDefault ? ImmutableArray<string>.Empty : parameters;
            HostTemplate = hostTemplate;
            Host = host;
            Note = note;
        }

        /// <summary>Full type name + '.' + method: <c>Microsoft.Extensions.Azure.BlobClientBuilderExtensions.AddBlobServiceClient</c>.</summary>
        public string Method { get; }

        /// <summary>The parameters whose arguments give the endpoint; empty: the entry's constructorParameters.</summary>
        public ImmutableArray<string> Parameters { get; }

        /// <summary>A host with <c>{region}</c>: the value read is a region name, and the host is this template with it.</summary>
        public string? HostTemplate { get; }

        /// <summary>The host every call of the registration implies (no argument is read).</summary>
        public string? Host { get; }

        /// <summary>Why (shown in how the sink was resolved, for a fixed host).</summary>
        public string? Note { get; }
    }

    /// <summary>A registration method that takes a connection name, and the configuration section of its settings (sdks.json <c>endpoint.connectionNames</c>).</summary>
    internal sealed class ConnectionNameRegistration
    {
        public ConnectionNameRegistration(string method, string section)
        {
            Method = method;
            Section = section;
        }

        /// <summary>Full type name + '.' + method: <c>Microsoft.Extensions.Hosting.AspireBlobStorageExtensions.AddAzureBlobServiceClient</c>.</summary>
        public string Method { get; }

        /// <summary>The settings section (<c>Aspire:Azure:Storage:Blobs</c>).</summary>
        public string Section { get; }
    }

    /// <summary>How an SDK's region is selected when it is not a host (sdks.json <c>region</c>).</summary>
    internal sealed class SdkRegion
    {
        public string? ParameterType { get; set; }

        public string? StaticMembersMap { get; set; }

        public string? GetBySystemNameMap { get; set; }

        public OptionsProperty? Options { get; set; }

        public ImmutableArray<string> ConstructorParameters { get; set; } = ImmutableArray<string>.Empty;

        public ImmutableArray<string> Properties { get; set; } = ImmutableArray<string>.Empty;

        public ImmutableArray<string> StaticMethods { get; set; } = ImmutableArray<string>.Empty;

        public ImmutableArray<string> EdgeConstructorParameters { get; set; } = ImmutableArray<string>.Empty;

        public ImmutableArray<string> EdgeProperties { get; set; } = ImmutableArray<string>.Empty;

        public ImmutableArray<string> EdgeStaticMethods { get; set; } = ImmutableArray<string>.Empty;

        public ImmutableArray<string> ConfigKeys { get; set; } = ImmutableArray<string>.Empty;

        public string? Map { get; set; }

        public string? HostTemplate { get; set; }

        public string? HostTemplateWithoutEdge { get; set; }

        public ImmutableDictionary<string, string> HostOverrides { get; set; } = ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The regional host of each service of a multi-service SDK, by the namespace of the client's type
        /// (<c>Amazon.S3</c> → <c>s3.{region}.amazonaws.com</c>): a client given a region (not a host) sends to that host.
        /// </summary>
        public ImmutableDictionary<string, string> ServiceHosts { get; set; } = ImmutableDictionary<string, string>.Empty;

        public string? EnabledByParameter { get; set; }
    }

    /// <summary>One SDK entry of the catalogue (sdks.json or residency.json <c>sdks</c>).</summary>
    internal sealed class SdkEntry
    {
        public string? Package { get; set; }

        public ImmutableArray<string> Types { get; set; } = ImmutableArray<string>.Empty;

        public bool MatchDerived { get; set; }

        public string? Service { get; set; }

        public string? Recipient { get; set; }

        public string? DefaultHost { get; set; }

        public string? DefaultRegionText { get; set; }

        public SdkEndpoint Endpoint { get; set; } = new SdkEndpoint();

        public SdkRegion? Region { get; set; }

        public string? ResidencyMethodType { get; set; }

        public string? ResidencyMethod { get; set; }

        public ImmutableDictionary<string, string> ResidencyHosts { get; set; } = ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

        public ImmutableArray<string> ChildFactories { get; set; } = ImmutableArray<string>.Empty;

        public ImmutableArray<string> ChildMembers { get; set; } = ImmutableArray<string>.Empty;

        public ImmutableArray<string> SinkNamespaces { get; set; } = ImmutableArray<string>.Empty;

        /// <summary>
        /// Namespaces (with their sub-namespaces) of the services a client hands out (<c>client.Messages</c>,
        /// <c>client.Beta.Messages</c> of the Anthropic SDK): every type there, in the assembly of one of the entry's types,
        /// is a client of the entry, and a property of a client that returns one is a child client.
        /// </summary>
        public ImmutableArray<string> ServiceNamespaces { get; set; } = ImmutableArray<string>.Empty;

        /// <summary>
        /// Methods (<c>Type.Method</c>) of which one must be called in the compilation for the entry's types to be clients: an
        /// abstraction whose implementation a registration chooses (<c>IDistributedCache</c> is Redis only with
        /// <c>AddStackExchangeRedisCache</c>). Empty: always.
        /// </summary>
        public ImmutableArray<string> ActivatedBy { get; set; } = ImmutableArray<string>.Empty;

        /// <summary>Methods of the client that send no data (connecting, authenticating).</summary>
        public ImmutableHashSet<string> NotSinks { get; set; } = ImmutableHashSet<string>.Empty;

        public bool IsUser { get; set; }

        public JsonNode? Node { get; set; }

        /// <summary>Whether <paramref name="methodName"/> is a child factory (<c>Get*Client</c>).</summary>
        public bool IsChildFactory(string methodName)
        {
            foreach (var pattern in ChildFactories)
            {
                if (WildcardMatch(pattern, methodName))
                {
                    return true;
                }
            }

            return false;
        }

        internal static bool WildcardMatch(string pattern, string text)
        {
            int star = pattern.IndexOf('*');
            if (star < 0)
            {
                return string.Equals(pattern, text, StringComparison.Ordinal);
            }

            var prefix = pattern.Substring(0, star);
            var suffix = pattern.Substring(star + 1);
            return text.Length >= prefix.Length + suffix.Length && text.StartsWith(prefix, StringComparison.Ordinal) && text.EndsWith(suffix, StringComparison.Ordinal);
        }
    }

    /// <summary>A sink method declared in residency.json <c>sinks</c>.</summary>
    internal sealed class ConfiguredSink
    {
        public ConfiguredSink(string typeName, string methodName, Region region, string regionText, string? recipient, string? purpose, int line)
        {
            TypeName = typeName;
            MethodName = methodName;
            Region = region;
            RegionText = regionText;
            Recipient = recipient;
            Purpose = purpose;
            Line = line;
        }

        /// <summary>Full metadata type name (<c>Contoso.Legacy.Mailer</c>).</summary>
        public string TypeName { get; }

        /// <summary>Method name, or <c>*</c> for every method.</summary>
        public string MethodName { get; }

        public Region Region { get; }

        public string RegionText { get; }

        public string? Recipient { get; }

        public string? Purpose { get; }

        public int Line { get; }
    }

    /// <summary>A configuration value (appsettings*.json or residency.json configKeys) with where it was written.</summary>
    internal sealed class ConfigValue
    {
        public ConfigValue(string key, string value, string path, int line, int column)
        {
            Key = key;
            Value = value;
            Path = path;
            Line = line;
            Column = column;
        }

        public string Key { get; }

        public string Value { get; }

        public string Path { get; }

        public int Line { get; }

        public int Column { get; }

        public string FileName => System.IO.Path.GetFileName(Path);
    }

    /// <summary>A <c>local</c> (or <c>notLocal</c>) entry of local.json or residency.json: a namespace, type or method name.</summary>
    internal sealed class LocalEntry
    {
        private static readonly System.Text.RegularExpressions.Regex NamePattern = new(
            @"^[A-Za-z_][A-Za-z0-9_]*(?:`[0-9]+)?(?:[.+][A-Za-z_][A-Za-z0-9_]*(?:`[0-9]+)?)*(?:\.\.ctor)?$",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        public LocalEntry(string name, int line)
        {
            Name = name;
            Line = line;
        }

        /// <summary><c>System</c>, <c>Contoso.Vendor.Formatter</c>, <c>Contoso.Vendor.CrmSdk.Normalise</c>.</summary>
        public string Name { get; }

        /// <summary>1-based line in its file.</summary>
        public int Line { get; }

        public static bool IsValidName(string? name) => name is not null && NamePattern.IsMatch(name);

        /// <summary>
        /// Whether this entry covers <paramref name="qualifiedMethod"/> (<c>Namespace.Type+Nested.Method</c>): equal to it,
        /// or a prefix of it ending at a '.', '+' or '`' boundary.
        /// </summary>
        public bool Covers(string qualifiedMethod) =>
            qualifiedMethod.StartsWith(Name, StringComparison.Ordinal) &&
            (qualifiedMethod.Length == Name.Length || qualifiedMethod[Name.Length] is '.' or '+' or '`');
    }
}
