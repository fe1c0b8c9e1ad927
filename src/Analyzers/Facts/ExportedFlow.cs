using System.Collections.Generic;
using Residency.Analyzers.Json;

namespace Residency.Facts
{
    /// <summary>
    /// What a library's public method does with an argument: the argument (or one member of it) reaches a sink inside the
    /// library. A library build writes one per such parameter and sink in its facts file (<c>exports</c>); its inventory
    /// task copies them to <c>residency.exports.json</c>, which the projects that reference it read, so that a call into the
    /// library is judged where the data is read (docs/cross-project.md).
    /// </summary>
    internal sealed record ExportedFlow
    {
        /// <summary>The method, as a documentation comment id (<c>M:Contoso.Mail.Mailer.Send(System.String)</c>).</summary>
        public string Method { get; init; } = "";

        /// <summary>The interface members and overridden methods it implements, by documentation comment id: a call through them runs it.</summary>
        public IReadOnlyList<string> Implements { get; init; } = new string[0];

        /// <summary>
        /// <see cref="Parameter"/> of what the object the method runs on holds (<c>Notify() =&gt; Push(_to)</c>): at a call,
        /// what the caller's receiver holds in <see cref="Member"/> (a member the calling project can see), or in any member.
        /// </summary>
        public const int ReceiverParameter = -2;

        /// <summary>The parameter's ordinal; -1 for an open read (<see cref="OpenMember"/>); <see cref="ReceiverParameter"/> for the receiver.</summary>
        public int Parameter { get; init; }

        /// <summary>
        /// For an open read: the interface or abstract member of the library, by documentation comment id, whose value
        /// <see cref="Method"/> reads and hands on to the sink (<c>P:Shop.Application.IUser.Id</c>). The library does not
        /// implement it; a project that does (the web project, from the request's claims) makes the flow its own, at its
        /// implementation (docs/cross-project.md).
        /// </summary>
        public string? OpenMember { get; init; }

        /// <summary>The member of the argument that reaches the sink, by documentation comment id; null: the argument itself.</summary>
        public string? Member { get; init; }

        /// <summary>True when only a member of the argument reaches the sink (<see cref="Member"/>, or an unnamed one when null).</summary>
        public bool ViaMember { get; init; }

        /// <summary>The sink, as the library's analyzers resolved it.</summary>
        public SinkInfo Sink { get; init; } = new();

        /// <summary><c>Send → UsCrm.Push</c>, as steps from the method to the sink.</summary>
        public IReadOnlyList<string> Path { get; init; } = new string[0];

        /// <summary>The methods that hand the argument on to the sink, by documentation comment id, the method itself first.</summary>
        public IReadOnlyList<string> Through { get; init; } = new string[0];

        /// <summary>For an unclassified recipient inside the library: the assembly that declares it.</summary>
        public string? RecipientAssembly { get; init; }

        /// <summary>
        /// For an unclassified recipient inside the library: the method, by documentation comment id. A project that also
        /// references the library implementing it follows the call into that library's exports (docs/cross-project.md).
        /// </summary>
        public string? RecipientMethod { get; init; }

        /// <summary>The EU alternative's region name (AWS-style clients), as the sink carried it.</summary>
        public string? SinkRegionName { get; init; }

        /// <summary>How to declare the sink when its region is unknown (the RES003 advice).</summary>
        public string? Hint { get; init; }

        public static void Write(JsonWriter w, ExportedFlow f)
        {
            w.StartObject();
            w.Property("method", f.Method);
            FactJsonWriter.Strings(w, "implements", f.Implements);
            w.Name("parameter");
            w.Value(f.Parameter);
            w.Property("member", f.Member);
            w.Property("viaMember", f.ViaMember);
            w.Property("openMember", f.OpenMember);
            w.Name("sink");
            FactJsonWriter.Sink(w, f.Sink);
            w.Property("recipientAssembly", f.RecipientAssembly);
            w.Property("recipientMethod", f.RecipientMethod);
            w.Property("sinkRegionName", f.SinkRegionName);
            w.Property("hint", f.Hint);
            FactJsonWriter.Strings(w, "path", f.Path);
            FactJsonWriter.Strings(w, "through", f.Through);
            w.EndObject();
        }

        /// <summary>One exported flow; null when <paramref name="node"/> is not one (no method, no sink).</summary>
        public static ExportedFlow? Read(JsonNode node)
        {
            var method = JsonRead.Str(node, "method");
            var sink = FactJsonReader.Sink(JsonRead.Obj(node, "sink"));
            if (method is null || sink is null)
            {
                return null;
            }

            return new ExportedFlow
            {
                Method = method,
                Implements = JsonRead.Strings(node, "implements"),
                Parameter = JsonRead.Int(node, "parameter") ?? 0,
                Member = JsonRead.Str(node, "member"),
                ViaMember = JsonRead.Bool(node, "viaMember"),
                OpenMember = JsonRead.Str(node, "openMember"),
                Sink = sink,
                RecipientAssembly = JsonRead.Str(node, "recipientAssembly"),
                RecipientMethod = JsonRead.Str(node, "recipientMethod"),
                SinkRegionName = JsonRead.Str(node, "sinkRegionName"),
                Hint = JsonRead.Str(node, "hint"),
                Path = JsonRead.Strings(node, "path"),
                Through = JsonRead.Strings(node, "through"),
            };
        }
    }
}
