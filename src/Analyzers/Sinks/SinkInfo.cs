using Microsoft.CodeAnalysis;
using Residency.Analyzers.Regions;

namespace Residency.Analyzers.Sinks
{
    /// <summary>How a sink was recognised.</summary>
    internal enum SinkKind
    {
        /// <summary>A <c>[DataSink]</c> annotation (method, parameter, type, field or property).</summary>
        Annotation,

        /// <summary>An HTTP call whose request URI was resolved.</summary>
        Http,

        /// <summary>A catalogued SDK client.</summary>
        Sdk,

        /// <summary>A sink method declared in residency.json.</summary>
        Configured,

        /// <summary>
        /// Not a sink: a method of a referenced assembly that receives personal data and is neither a known sink nor known
        /// to keep data in the process (Flow/Calls/UnclassifiedCalls). Its region is unknown; it is never judged as a flow.
        /// </summary>
        Unclassified,
    }

    /// <summary>
    /// A place where data leaves the process, with its resolved region. These facts are shared by the analyzers,
    /// the code fixes and the inventory.
    /// </summary>
    internal sealed class SinkInfo
    {
        public SinkInfo(SinkKind kind, string display, Region region, string? recipient, string? host, string? purpose, string resolvedBy, bool isInternal = false, Location? location = null, string? euAlternative = null, string? hint = null, string? target = null)
        {
            Hint = hint;
            Target = target;
            Kind = kind;
            Display = display;
            Region = region;
            Recipient = recipient;
            Host = host;
            Purpose = purpose;
            ResolvedBy = resolvedBy;
            IsInternal = isInternal;
            Location = location;
            EuAlternative = euAlternative;
        }

        public SinkKind Kind { get; }

        /// <summary><c>UsCrm.Send</c>, <c>HTTP POST api.openai.com</c>.</summary>
        public string Display { get; }

        public Region Region { get; }

        public string? Recipient { get; }

        public string? Host { get; }

        public string? Purpose { get; }

        /// <summary>How the region was determined: <c>[DataSink] on UsCrm.Send</c>, <c>host catalogue: api.openai.com</c>.</summary>
        public string ResolvedBy { get; }

        /// <summary>The application's own infrastructure (loopback, cluster-internal names): not a transfer.</summary>
        public bool IsInternal { get; }

        /// <summary>The declaration of the sink (attribute or endpoint literal), for additional locations.</summary>
        public Location? Location { get; }

        /// <summary>For an unclassified recipient: the assembly that declares the method (a package or another project).</summary>
        public string? RecipientAssembly { get; init; }

        /// <summary>For an unclassified recipient: the method itself (a referenced project's exports may say where it sends).</summary>
        public IMethodSymbol? RecipientMethod { get; init; }

        /// <summary>
        /// For a host named from the region a client was given (an AWS service's host, from <c>RegionEndpoint.USEast1</c>
        /// or <c>AWS:Region</c>): that region's name. The EU alternative is then a region to give the client, not a URL to
        /// write, so the endpoint fix is not offered.
        /// </summary>
        public string? RegionName { get; init; }

        /// <summary>The catalogue's EU alternative host, when one exists (used by the code fix).</summary>
        public string? EuAlternative { get; }

        /// <summary>
        /// For a sink whose region is unknown: how to declare it (the exact residency.json <c>hosts</c> entry for its host,
        /// or where to put a <c>[DataSink]</c>). Shown in the RES003 message.
        /// </summary>
        public string? Hint { get; }

        /// <summary>
        /// What is known of an unresolved destination: the configuration key without a value, the parameter, variable or
        /// expression the URL comes from (<c>configuration key Crm:BaseUrl</c>, <c>parameter 'url'</c>). Part of the display.
        /// </summary>
        public string? Target { get; }

        /// <summary>
        /// For an unknown destination that is a parameter of the method making the call (a helper that sends to the URL it is
        /// given): how each call of that method resolves it (<see cref="Sinks.ParameterUrl.At"/>).
        /// </summary>
        public ParameterUrl? UrlParameter { get; private init; }

        /// <summary>This sink declared at <paramref name="location"/> (a tool's result: the chat call that offers the tool).</summary>
        public SinkInfo WithLocation(Location location) => Copy(location, RegionName, UrlParameter);

        /// <summary>This sink, its host named from the region <paramref name="regionName"/> a client was given.</summary>
        public SinkInfo NamedFromRegion(string regionName) => Copy(Location, regionName, UrlParameter);

        /// <summary>This unknown sink, its URL the parameter <paramref name="url"/> stands for.</summary>
        public SinkInfo WithUrlParameter(ParameterUrl url) => Copy(Location, RegionName, url);

        private SinkInfo Copy(Location? location, string? regionName, ParameterUrl? url) =>
            new(Kind, Display, Region, Recipient, Host, Purpose, ResolvedBy, IsInternal, location, EuAlternative, Hint, Target) { RecipientAssembly = RecipientAssembly, RecipientMethod = RecipientMethod, RegionName = regionName, UrlParameter = url };

        /// <summary>The RES003 advice: <see cref="Hint"/>, else where a <c>[DataSink]</c> goes.</summary>
        public string DeclareAdvice => Hint ?? Kind switch
        {
            SinkKind.Annotation => "give the region in its [DataSink] annotation",
            SinkKind.Configured => "give the region in its residency.json \"sinks\" entry",
            _ => "put [DataSink(\"<region>\", Recipient = \"<recipient>\")] on the called method, or on the field or property holding the client, or list the method under \"sinks\" in residency.json",
        };

        /// <summary>A stable identity for the inventory: kind, display and region.</summary>
        public string Id => _id ??= $"{Kind.ToString().ToLowerInvariant()}:{Display}:{Region.Code}"; // asked for every flow into the sink: built once

        private string? _id;

        /// <summary><c>UsCrm.Send (recipient Acme CRM)</c>.</summary>
        public string Describe() => Recipient is null ? Display : $"{Display} (recipient {Recipient})";

        public string KindName => NameOf(Kind);

        /// <summary>The kind <see cref="KindName"/> names (a referenced project's exports name their sinks' kinds so).</summary>
        public static SinkKind KindOf(string? name)
        {
            foreach (var kind in NamedKinds)
            {
                if (name == NameOf(kind))
                {
                    return kind;
                }
            }

            return SinkKind.Configured;
        }

        private static readonly SinkKind[] NamedKinds = { SinkKind.Annotation, SinkKind.Http, SinkKind.Sdk, SinkKind.Unclassified };

        private static string NameOf(SinkKind kind) => kind switch
        {
            SinkKind.Annotation => "annotation",
            SinkKind.Http => "http",
            SinkKind.Sdk => "sdk",
            SinkKind.Unclassified => "unclassified",
            _ => "configured",
        };
    }
}
