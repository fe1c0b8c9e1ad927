using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Json;

namespace Residency.Analyzers.Sources
{
    /// <summary>What a platform source yields.</summary>
    internal enum SourceResult
    {
        /// <summary>The value is the data (a property, a field, what a method returns).</summary>
        Value,

        /// <summary>One <c>Claim</c>: its <c>Value</c> is the data, its <c>Type</c> is not.</summary>
        Claim,

        /// <summary>A collection of claims (every claim of the user).</summary>
        Claims,
    }

    /// <summary>A claim type and what it holds (sources.json <c>claimTypes</c>, residency.json <c>sources</c> with <c>claimType</c>).</summary>
    internal sealed class ClaimTypeEntry
    {
        public ClaimTypeEntry(string claimType, string name, string? category, bool personal)
        {
            ClaimType = claimType;
            Name = name;
            Category = category;
            Personal = personal;
        }

        /// <summary>The claim type as it appears in the token or principal (<c>email</c>, a <c>ClaimTypes</c> URI).</summary>
        public string ClaimType { get; }

        /// <summary>The short name the inventory shows (<c>claim email</c>).</summary>
        public string Name { get; }

        public string? Category { get; }

        /// <summary>False for token metadata and authorisation data (<c>role</c>, <c>scope</c>, <c>iss</c>, <c>exp</c>, …).</summary>
        public bool Personal { get; }
    }

    /// <summary>
    /// A member that is a source by its full name (sources.json <c>members</c>, residency.json <c>sources</c> with
    /// <c>member</c>): a property, field or method return value; <c>*</c> for every member of a type.
    /// </summary>
    internal sealed class MemberSource
    {
        public MemberSource(string typeName, string memberName, string? category, string? claimType, SourceResult result, string origin, string? path, int line, int column, string? header = null)
        {
            Header = header;
            TypeName = typeName;
            MemberName = memberName;
            Category = category;
            ClaimType = claimType;
            Result = result;
            Origin = origin;
            Path = path;
            Line = line;
            Column = column;
        }

        /// <summary>Full metadata type name (<c>Microsoft.AspNetCore.Identity.UserManager`1</c>).</summary>
        public string TypeName { get; }

        /// <summary>Member name, or <c>*</c>.</summary>
        public string MemberName { get; }

        public string? Category { get; }

        /// <summary>When the member returns a claim's value: the claim type (<c>Identity.Name</c> is the name claim).</summary>
        public string? ClaimType { get; }

        public SourceResult Result { get; }

        /// <summary>When the member reads a request header (<c>Headers.UserAgent</c>): its name, so that it is the same element as <c>Headers["User-Agent"]</c>.</summary>
        public string? Header { get; }

        /// <summary>Where the data comes from, as the inventory shows it (<c>UserManager.GetEmailAsync</c>, <c>residency.json</c>).</summary>
        public string Origin { get; }

        /// <summary>The residency.json that declared it, for user entries.</summary>
        public string? Path { get; }

        public int Line { get; }

        public int Column { get; }

        public bool IsUser => Path is not null;

        public string Text => TypeName + "." + MemberName;

        /// <summary>The special category of what it yields (a referenced library's exported source), if any.</summary>
        public string? SpecialCategory { get; init; }
    }

    /// <summary>A method that looks a claim up by a type it is given (<c>FindFirst</c>, <c>FindFirstValue</c>), or by a fixed type (<c>UserManager.GetUserId</c>).</summary>
    internal sealed class ClaimLookup
    {
        public ClaimLookup(string typeName, string methodName, SourceResult result, string? claimType)
        {
            TypeName = typeName;
            MethodName = methodName;
            Result = result;
            ClaimType = claimType;
        }

        public string TypeName { get; }

        public string MethodName { get; }

        public SourceResult Result { get; }

        /// <summary>The fixed claim type; null when the type is the method's first string argument.</summary>
        public string? ClaimType { get; }
    }

    /// <summary>
    /// A parameter of a library's interface method that is personal data in every implementation the application writes
    /// (<c>IEmailSender.SendEmailAsync</c>'s <c>email</c>): sources.json <c>callbackParameters</c>.
    /// </summary>
    internal sealed record CallbackParameter(string TypeName, string MethodName, string Parameter, string Category, string Origin);

    /// <summary>
    /// The built-in catalogue of sources that need no annotation (Catalog/sources.json, embedded), merged with a
    /// project's residency.json <c>sources</c>. Data, not code: claim types, the members that are sources, how claims are
    /// looked up, request headers.
    /// </summary>
    internal sealed class SourceCatalog
    {
        private const string Resource = "Residency.Catalog.sources.json";

        private static readonly Lazy<SourceCatalog> BuiltInLazy = new(LoadBuiltIn, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly Dictionary<string, ClaimTypeEntry> _claimTypes;

        private SourceCatalog(
            Dictionary<string, ClaimTypeEntry> claimTypes,
            ImmutableArray<MemberSource> members,
            ImmutableArray<ClaimLookup> lookups,
            ImmutableArray<string> principalTypes,
            string? claimValueMember,
            ImmutableArray<string> claimFilters,
            ImmutableArray<string> headerDictionaries,
            ImmutableDictionary<string, string> headers,
            ImmutableArray<ConfigIssue> issues,
            ImmutableArray<string> ownResults,
            ImmutableArray<string> headerNameFields,
            ImmutableArray<string> fieldCollections,
            ImmutableArray<string> fieldCollectionNames,
            ImmutableDictionary<string, ImmutableArray<string>> requestHandlers)
        {
            RequestHandlers = requestHandlers;
            FieldCollectionNames = fieldCollectionNames;
            OwnResults = ownResults;
            FieldCollections = fieldCollections;
            HeaderNameFields = headerNameFields;
            _claimTypes = claimTypes;
            Members = members;
            Lookups = lookups;
            PrincipalTypes = principalTypes;
            ClaimValueMember = claimValueMember;
            ClaimFilters = claimFilters;
            HeaderDictionaries = headerDictionaries;
            Headers = headers;
            Issues = issues;
        }

        public static SourceCatalog BuiltIn => BuiltInLazy.Value;

        public ImmutableArray<MemberSource> Members { get; }

        public ImmutableArray<ClaimLookup> Lookups { get; }

        /// <summary>Types whose instances carry every claim of the user when passed whole (<c>ClaimsPrincipal</c>, <c>IIdentity</c>, …).</summary>
        public ImmutableArray<string> PrincipalTypes { get; }

        /// <summary><c>System.Security.Claims.Claim.Value</c>.</summary>
        public string? ClaimValueMember { get; }

        /// <summary>LINQ-style methods that pick claims by a predicate on their type (<c>First(c =&gt; c.Type == "email")</c>).</summary>
        public ImmutableArray<string> ClaimFilters { get; }

        /// <summary>
        /// Types whose methods return their own data, not their arguments (<c>UserManager&lt;T&gt;</c>: what
        /// <c>GetAccessFailedCountAsync(user)</c> returns does not carry the user): a call's result is what the catalogue
        /// says and the personal data of its return type.
        /// </summary>
        public ImmutableArray<string> OwnResults { get; }

        /// <summary>Types whose static fields hold header names (<c>HeaderNames.UserAgent</c> is static readonly, not const): a field stands for the header its name spells without dashes.</summary>
        public ImmutableArray<string> HeaderNameFields { get; }

        /// <summary>
        /// Collections of a request's form fields or query parameters (<c>IFormCollection</c>, <c>IQueryCollection</c>): their
        /// indexer read with a constant name that names personal data, as a member name does for RES006, is a source.
        /// </summary>
        public ImmutableArray<string> FieldCollections { get; }

        /// <summary>
        /// How request handlers are recognised and what binds their parameters (<c>requestHandlers</c>: route builders and
        /// their map methods, controllers, page models, binding attributes), by key; each value a list of names.
        /// </summary>
        public ImmutableDictionary<string, ImmutableArray<string>> RequestHandlers { get; }

        /// <summary>The names listed under <paramref name="key"/> of <see cref="RequestHandlers"/>, or none.</summary>
        public ImmutableArray<string> Handlers(string key) => RequestHandlers.TryGetValue(key, out var names) ? names : ImmutableArray<string>.Empty;

        /// <summary>
        /// The names by which code reaches a <see cref="FieldCollections"/> collection (<c>Request.Form</c>,
        /// <c>ReadFormAsync</c>, <c>Request.Query</c>, the implementing classes): the syntactic index makes a body that
        /// names one a candidate, as it does with <c>Headers</c>.
        /// </summary>
        public ImmutableArray<string> FieldCollectionNames { get; }

        /// <summary>Header collections whose indexer reads a request header by name.</summary>
        public ImmutableArray<string> HeaderDictionaries { get; }

        /// <summary>Header name (case-insensitive) → category.</summary>
        public ImmutableDictionary<string, string> Headers { get; }

        /// <summary>Problems in the built-in catalogue (tests pin it empty).</summary>
        public ImmutableArray<ConfigIssue> Issues { get; }

        /// <summary>sources.json <c>callbackParameters</c>: parameters of library interface methods the application implements.</summary>
        public ImmutableArray<CallbackParameter> CallbackParameters { get; private init; } = ImmutableArray<CallbackParameter>.Empty;

        public IEnumerable<ClaimTypeEntry> ClaimTypes => _claimTypes.Values;

        /// <summary>The entry for a claim type (case-insensitive, as <c>ClaimsPrincipal.FindFirst</c> compares), or null.</summary>
        public ClaimTypeEntry? FindClaimType(string claimType) => _claimTypes.TryGetValue(claimType, out var entry) ? entry : null;

        /// <summary>This catalogue with a project's residency.json sources: its claim types replace built-in ones, its members are added.</summary>
        public SourceCatalog WithUser(ResidencyJson user)
        {
            if (user.SourceMembers.IsEmpty && user.ClaimTypes.IsEmpty)
            {
                return this;
            }

            var claimTypes = new Dictionary<string, ClaimTypeEntry>(_claimTypes, StringComparer.OrdinalIgnoreCase);
            foreach (var entry in user.ClaimTypes)
            {
                claimTypes[entry.ClaimType] = entry;
            }

            return new SourceCatalog(claimTypes, Members.AddRange(user.SourceMembers), Lookups, PrincipalTypes, ClaimValueMember, ClaimFilters, HeaderDictionaries, Headers, Issues, OwnResults, HeaderNameFields, FieldCollections, FieldCollectionNames, RequestHandlers)
            {
                CallbackParameters = CallbackParameters,
            };
        }

        /// <summary>This catalogue with the sources referenced projects exported (docs/cross-project.md): their members are added.</summary>
        public SourceCatalog WithImported(ImmutableArray<Residency.Facts.ExportedSource> sources)
        {
            if (sources.IsDefaultOrEmpty)
            {
                return this;
            }

            var members = ImmutableArray.CreateBuilder<MemberSource>(sources.Length);
            foreach (var source in sources)
            {
                members.Add(new MemberSource(source.Type, source.Member, source.Category, claimType: null, SourceResult.Value, source.Origin, path: null, line: 0, column: 0)
                {
                    SpecialCategory = source.SpecialCategory,
                });
            }

            return new SourceCatalog(_claimTypes, Members.AddRange(members), Lookups, PrincipalTypes, ClaimValueMember, ClaimFilters, HeaderDictionaries, Headers, Issues, OwnResults, HeaderNameFields, FieldCollections, FieldCollectionNames, RequestHandlers)
            {
                CallbackParameters = CallbackParameters,
            };
        }

        private static SourceCatalog LoadBuiltIn()
        {
            string? text = null;
            try
            {
                using var stream = typeof(SourceCatalog).Assembly.GetManifestResourceStream(Resource);
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

            return Parse(text ?? "{}", "sources.json");
        }

        /// <summary>Parses a catalogue in the sources.json format; never throws (problems are <see cref="Issues"/>).</summary>
        internal static SourceCatalog Parse(string text, string path)
        {
            var issues = ImmutableArray.CreateBuilder<ConfigIssue>();
            var claimTypes = new Dictionary<string, ClaimTypeEntry>(StringComparer.OrdinalIgnoreCase);
            var members = ImmutableArray.CreateBuilder<MemberSource>();
            var lookups = ImmutableArray.CreateBuilder<ClaimLookup>();
            var headers = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
            var root = JsonParser.TryParse(text, out var error);
            if (root is null || !root.IsObject)
            {
                issues.Add(new ConfigIssue(path, error?.Line ?? 1, error?.Column ?? 1, $"{path} is not a JSON object: {error?.Message}"));
                return new SourceCatalog(claimTypes, members.ToImmutable(), lookups.ToImmutable(), ImmutableArray<string>.Empty, null, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, headers.ToImmutable(), issues.ToImmutable(), ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableDictionary<string, ImmutableArray<string>>.Empty);
            }

            void Issue(JsonNode node, string message) => issues.Add(new ConfigIssue(path, node.Line, node.Column, $"{path}: {message}"));

            foreach (var item in Items(root.Get("claimTypes")))
            {
                var entry = ReadClaimType(item, Issue);
                if (entry is not null)
                {
                    claimTypes[entry.ClaimType] = entry;
                }
            }

            foreach (var item in Items(root.Get("members")))
            {
                var member = ReadMember(item, path: null, isUser: false, Issue);
                if (member is not null)
                {
                    members.Add(member);
                }
            }

            foreach (var item in Items(root.Get("claimLookups")))
            {
                var method = item.GetString("method");
                var (typeName, methodName) = Split(method);
                if (typeName is null || methodName is null || ParseResult(item.GetString("result")) is not { } result)
                {
                    Issue(item, $"claim lookup '{method}' needs 'method' (Type.Method) and 'result' (value, claim, claims)");
                    continue;
                }

                lookups.Add(new ClaimLookup(typeName, methodName, result, item.GetString("claimType")));
            }

            foreach (var item in Items(root.Get("headers")))
            {
                if (item.GetString("header") is { Length: > 0 } header && item.GetString("category") is { Length: > 0 } category)
                {
                    headers[header] = category;
                }
                else
                {
                    Issue(item, "a header entry needs 'header' and 'category'");
                }
            }

            var callbacks = ImmutableArray.CreateBuilder<CallbackParameter>();
            foreach (var item in Items(root.Get("callbackParameters")))
            {
                if (item.Get("$comment") is not null)
                {
                    continue;
                }

                var (typeName, methodName) = Split(item.GetString("member"));
                if (typeName is null || methodName is null || item.GetString("parameter") is not { Length: > 0 } parameter || item.GetString("category") is not { Length: > 0 } category)
                {
                    Issue(item, "a callback parameter needs 'member' (Interface.Method), 'parameter' and 'category'");
                    continue;
                }

                callbacks.Add(new CallbackParameter(typeName, methodName, parameter, category, item.GetString("origin") ?? typeName + "." + methodName));
            }

            return new SourceCatalog(
                claimTypes,
                members.ToImmutable(),
                lookups.ToImmutable(),
                Strings(root.Get("principalTypes")),
                root.GetString("claimValueMember"),
                Strings(root.Get("claimFilters")),
                Strings(root.Get("headerDictionaries")),
                headers.ToImmutable(),
                issues.ToImmutable(),
                Strings(root.Get("ownResults")),
                Strings(root.Get("headerNameFields")),
                Strings(root.Get("fieldCollections")),
                Strings(root.Get("fieldCollectionNames")),
                Sections(root.Get("requestHandlers")))
            {
                CallbackParameters = callbacks.ToImmutable(),
            };
        }

        /// <summary>
        /// Reads residency.json <c>sources</c>: <c>{ "member": "Contoso.Auth.ICurrentUser.Email", "category": "contact.email" }</c>
        /// and <c>{ "claimType": "employee_no", "category": "unique_id" }</c> (or <c>"personal": false</c>).
        /// </summary>
        internal static void ReadUserSources(JsonNode? node, string path, Action<JsonNode, string> issue, out ImmutableArray<MemberSource> members, out ImmutableArray<ClaimTypeEntry> claimTypes)
        {
            var memberBuilder = ImmutableArray.CreateBuilder<MemberSource>();
            var claimBuilder = ImmutableArray.CreateBuilder<ClaimTypeEntry>();
            members = ImmutableArray<MemberSource>.Empty;
            claimTypes = ImmutableArray<ClaimTypeEntry>.Empty;
            if (node is null)
            {
                return;
            }

            if (!node.IsArray)
            {
                issue(node, "'sources' must be an array of { \"member\": …, \"category\": … } or { \"claimType\": …, \"category\": … }");
                return;
            }

            foreach (var item in node.Items)
            {
                if (!item.IsObject)
                {
                    issue(item, "a source must be an object with 'member' or 'claimType', and 'category'");
                    continue;
                }

                foreach (var property in item.Members)
                {
                    if (property.Key is not ("member" or "claimType" or "category" or "personal" or "note"))
                    {
                        issue(property.Value, $"source: unknown property '{property.Key}' (expected member or claimType, category, personal, note)");
                    }
                }

                bool hasMember = item.Get("member") is not null, hasClaim = item.Get("claimType") is not null;
                if (hasMember == hasClaim)
                {
                    issue(item, "a source needs exactly one of 'member' (a full member name) and 'claimType'");
                    continue;
                }

                if (hasMember)
                {
                    var member = ReadMember(item, path, isUser: true, issue);
                    if (member is not null)
                    {
                        memberBuilder.Add(member);
                    }
                }
                else
                {
                    var entry = ReadClaimType(item, issue);
                    if (entry is not null)
                    {
                        claimBuilder.Add(entry);
                    }
                }
            }

            members = memberBuilder.ToImmutable();
            claimTypes = claimBuilder.ToImmutable();
        }

        private static ClaimTypeEntry? ReadClaimType(JsonNode item, Action<JsonNode, string> issue)
        {
            var claimType = item.GetString("claimType");
            if (string.IsNullOrWhiteSpace(claimType))
            {
                issue(item.Get("claimType") ?? item, "'claimType' must be a non-empty string");
                return null;
            }

            var personal = item.GetBool("personal") ?? true;
            var category = item.GetString("category");
            if (personal && string.IsNullOrWhiteSpace(category))
            {
                issue(item.Get("category") ?? item, $"claim type '{claimType}' needs a 'category' (a fideslang key such as contact.email), or \"personal\": false");
                return null;
            }

            return new ClaimTypeEntry(claimType!, item.GetString("name") ?? claimType!, personal ? category : null, personal);
        }

        private static MemberSource? ReadMember(JsonNode item, string? path, bool isUser, Action<JsonNode, string> issue)
        {
            var text = item.GetString("member");
            var (typeName, memberName) = Split(text);
            if (typeName is null || memberName is null || !IsMemberName(text!))
            {
                issue(item.Get("member") ?? item, $"source member '{text}' must be a full type name + '.' + member name (or '.*' for every member)");
                return null;
            }

            var result = ParseResult(item.GetString("result")) ?? SourceResult.Value;
            var claimType = isUser ? null : item.GetString("claimType");
            var header = isUser ? null : item.GetString("header");
            var category = item.GetString("category");
            if (result == SourceResult.Value && claimType is null && header is null && string.IsNullOrWhiteSpace(category))
            {
                issue(item.Get("category") ?? item, $"source '{text}' needs a 'category' (a fideslang key such as contact.email)");
                return null;
            }

            var origin = isUser ? "residency.json" : item.GetString("origin") ?? text!;
            return new MemberSource(typeName, memberName, category, claimType, result, origin, path, item.Line, item.Column, header);
        }

        private static (string? Type, string? Member) Split(string? text)
        {
            int dot = text?.LastIndexOf('.') ?? -1;
            return text is null || dot <= 0 || dot == text.Length - 1 ? (null, null) : (text.Substring(0, dot), text.Substring(dot + 1));
        }

        /// <summary>Dotted identifiers, an optional generic arity and nested types, then '.' and a member name or '*'.</summary>
        private static bool IsMemberName(string text)
        {
            foreach (var c in text)
            {
                if (!(char.IsLetterOrDigit(c) || c is '_' or '.' or '`' or '+' or '*'))
                {
                    return false;
                }
            }

            return !text.Contains("..") && (text.IndexOf('*') < 0 || text.EndsWith(".*", StringComparison.Ordinal));
        }

        private static SourceResult? ParseResult(string? text) => text switch
        {
            null or "value" => SourceResult.Value,
            "claim" => SourceResult.Claim,
            "claims" => SourceResult.Claims,
            _ => null,
        };

        private static IEnumerable<JsonNode> Items(JsonNode? node) => node is { IsArray: true } ? node.Items : Array.Empty<JsonNode>();

        /// <summary>An object of string lists (<c>"requestHandlers"</c>), by key; <c>$comment</c> and other non-lists skipped.</summary>
        private static ImmutableDictionary<string, ImmutableArray<string>> Sections(JsonNode? node)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
            if (node is { IsObject: true })
            {
                foreach (var member in node.Members)
                {
                    if (member.Value.IsArray)
                    {
                        builder[member.Key] = Strings(member.Value);
                    }
                }
            }

            return builder.ToImmutable();
        }

        private static ImmutableArray<string> Strings(JsonNode? node) => JsonRead.Strings(node);
    }
}
