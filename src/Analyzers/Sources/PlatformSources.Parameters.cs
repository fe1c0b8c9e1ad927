using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Flow;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Sources
{
    /// <summary>
    /// What model binding fills from the request: a simple-typed parameter of a request handler whose name names personal
    /// data — <c>app.MapGet("/orders", (string email, …) =&gt; …)</c>, a controller's <c>Lookup(string email)</c>, a page's
    /// <c>OnGet(string phone)</c> — is the query parameter, route value, form field or header of that name, as
    /// <c>Request.Query["email"]</c> is (<c>sources.json</c>, "requestHandlers"). The same element as the collection read:
    /// the record lists <c>query parameter email</c> once, however the code receives it. A parameter that model binding
    /// fills from the request body (<c>(SignupRequest request) =&gt; …</c>, a FastEndpoints endpoint's
    /// <c>HandleAsync(SignupRequest req, CancellationToken ct)</c>) holds its type's personal members (<see cref="BoundMemberFacts"/>).
    /// </summary>
    internal sealed partial class PlatformSources
    {
        private readonly Lazy<Handlers> _handlers;

        private sealed class Handlers
        {
            public ImmutableArray<INamedTypeSymbol> RouteBuilders;
            public ImmutableArray<INamedTypeSymbol> RouteBuilderInterfaces;
            public ImmutableHashSet<string> MapMethods = ImmutableHashSet<string>.Empty;
            public ImmutableArray<INamedTypeSymbol> Controllers;
            public ImmutableArray<INamedTypeSymbol> NonActions;
            public ImmutableArray<INamedTypeSymbol> PageModels;
            public ImmutableArray<INamedTypeSymbol> Endpoints;
            public ImmutableArray<INamedTypeSymbol> Hubs;
            public ImmutableHashSet<string> EndpointMethods = ImmutableHashSet<string>.Empty;
            public ImmutableArray<INamedTypeSymbol> ServiceBaseAttributes;
            public ImmutableArray<INamedTypeSymbol> BodyReaders;
            public ImmutableHashSet<string> BodyReaderMethods = ImmutableHashSet<string>.Empty;
            public ImmutableArray<INamedTypeSymbol> MessageContexts;
            public ImmutableHashSet<string> MessageMembers = ImmutableHashSet<string>.Empty;
            public ImmutableArray<INamedTypeSymbol> NotBound;
            public ImmutableArray<INamedTypeSymbol> FromBody;
            public ImmutableArray<(INamedTypeSymbol Attribute, string Kind)> Binders;
            public INamedTypeSymbol? RouteValues;

            public bool Any => !RouteBuilders.IsEmpty || !Controllers.IsEmpty || !PageModels.IsEmpty || !Endpoints.IsEmpty || !ServiceBaseAttributes.IsEmpty || !Hubs.IsEmpty;
        }

        private const string Query = "query parameter";
        private const string Route = "route value";
        private const string Form = "form field";
        private const string Header = "header";
        private const string HubArgument = "hub argument";
        private const string RequestBody = "request body";

        private Handlers ResolveHandlers()
        {
            var binders = ImmutableArray.CreateBuilder<(INamedTypeSymbol, string)>();
            foreach (var (key, kind) in new[] { ("fromQuery", Query), ("fromRoute", Route), ("fromForm", Form), ("fromHeader", Header) })
            {
                foreach (var attribute in Resolve(_catalog.Handlers(key)))
                {
                    binders.Add((attribute, kind));
                }
            }

            var routeValues = Resolve(_catalog.Handlers("routeValues"));
            return new Handlers
            {
                RouteBuilders = Resolve(_catalog.Handlers("routeBuilders")),
                RouteBuilderInterfaces = Resolve(_catalog.Handlers("routeBuilderInterfaces")),
                MapMethods = ImmutableHashSet.CreateRange(StringComparer.Ordinal, _catalog.Handlers("mapMethods")),
                Controllers = Resolve(_catalog.Handlers("controllers")),
                NonActions = Resolve(_catalog.Handlers("nonActions")),
                PageModels = Resolve(_catalog.Handlers("pageModels")),
                Endpoints = Resolve(_catalog.Handlers("endpoints")),
                Hubs = Resolve(_catalog.Handlers("hubs")),
                EndpointMethods = ImmutableHashSet.CreateRange(StringComparer.Ordinal, _catalog.Handlers("endpointMethods")),
                ServiceBaseAttributes = Resolve(_catalog.Handlers("serviceBaseAttributes")),
                BodyReaders = Resolve(_catalog.Handlers("bodyReaders")),
                BodyReaderMethods = ImmutableHashSet.CreateRange(StringComparer.Ordinal, _catalog.Handlers("bodyReaderMethods")),
                MessageContexts = Resolve(_catalog.Handlers("messageContexts")),
                MessageMembers = ImmutableHashSet.CreateRange(StringComparer.Ordinal, _catalog.Handlers("messageMembers")),
                NotBound = Resolve(_catalog.Handlers("notBound")),
                FromBody = Resolve(_catalog.Handlers("fromBody")),
                Binders = binders.ToImmutable(),
                RouteValues = routeValues.IsEmpty ? null : routeValues[0],
            };
        }

        /// <summary>For the syntactic pre-filter: the map methods whose lambdas may be handlers, when the compilation has a route builder.</summary>
        private ImmutableHashSet<string> HandlerCallNames => _handlers.Value.RouteBuilders.IsEmpty ? ImmutableHashSet<string>.Empty : _handlers.Value.MapMethods;

        /// <summary>The element model binding gives <paramref name="parameter"/> from the request, or null (through <see cref="MemberElement"/>).</summary>
        private DataElement? BoundElement(IParameterSymbol parameter)
        {
            var handlers = _handlers.Value;
            if (!handlers.Any || parameter.ContainingSymbol is not IMethodSymbol method || !IsSimple(parameter.Type))
            {
                return null;
            }

            string? kind = null;
            var name = parameter.Name;
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass is not { } type)
                {
                    continue;
                }

                if (Contains(handlers.NotBound, type.OriginalDefinition) || Contains(handlers.FromBody, type.OriginalDefinition))
                {
                    return null; // a service; a value read from the body is not a named field
                }

                foreach (var (binder, binderKind) in handlers.Binders)
                {
                    if (SymbolEqualityComparer.Default.Equals(binder, type.OriginalDefinition))
                    {
                        kind = binderKind;
                        foreach (var argument in attribute.NamedArguments)
                        {
                            if (argument.Key == "Name" && argument.Value.Value is string { Length: > 0 } bound)
                            {
                                name = bound;
                            }
                        }
                    }
                }
            }

            // Cheap first: a name that names nothing personal is no source, whoever binds it.
            if (kind != Header && NameHeuristics.ClassifyName(name) is null)
            {
                return null;
            }

            if (!IsHandler(method, out var template))
            {
                return null;
            }

            // A SignalR hub's argument: what the client sent, neither a query parameter nor a route value.
            if (kind is null && IsHubMethod(method, handlers))
            {
                return HubElement(name);
            }

            kind ??= template is not null && NamesRouteValue(template, name) ? Route : Query;
            return kind switch
            {
                Query => FieldElement(query: true, name),
                Form => FieldElement(query: false, name),
                Header => HeaderElement(name, parameter),
                _ => RouteElement(name, parameter),
            };
        }

        /// <summary>
        /// What a handler's parameter that model binding fills from the request body holds (<c>app.MapPost("/signup",
        /// (SignupRequest request) =&gt; …)</c>, a controller's <c>Create([FromBody] OrderDto order)</c>): each settable
        /// property of its type whose name names personal data, as a source held in that member. Empty for anything else.
        /// Memoised per parameter.
        /// </summary>
        public ImmutableHashSet<TaintFact> BoundMemberFacts(IParameterSymbol parameter) =>
            !_handlers.Value.Any || !MayBeBody(parameter.Type) ? Taint.Empty : _bodyFacts.GetOrAdd(parameter, ComputeBoundMemberFacts);

        /// <summary>
        /// What a call that reads the request's body returns (<c>await context.Request.ReadFromJsonAsync&lt;SignupRequest&gt;()</c>,
        /// an Azure Functions <c>req.ReadFromJsonAsync&lt;SignupRequest&gt;()</c>): the body's personal members, as a bound body
        /// parameter holds them. Empty for any other call. Memoised per body type.
        /// </summary>
        private ImmutableHashSet<TaintFact> ReadBodyFacts(IMethodSymbol target)
        {
            var handlers = _handlers.Value;
            if (handlers.BodyReaders.IsEmpty || target.TypeArguments.Length != 1 || !handlers.BodyReaderMethods.Contains(target.Name) ||
                target.ContainingType is not { } reader || !Contains(handlers.BodyReaders, reader.OriginalDefinition) ||
                target.TypeArguments[0] is not INamedTypeSymbol type || !MayBeBody(type))
            {
                return Taint.Empty;
            }

            return _readBodies.GetOrAdd(type, body => BodyFacts(body, depth: 0, _bodyElements, RequestBody));
        }

        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableHashSet<TaintFact>> _readBodies = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// Whether a value of <paramref name="type"/> may be a request body: a class or struct the application declares. Asked
        /// before the memo, so that the parameters of every other method (the symbol walk asks for all) leave no entry.
        /// </summary>
        private static bool MayBeBody(ITypeSymbol type) =>
            type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, IsAbstract: false, DeclaringSyntaxReferences.Length: > 0 } named && !IsSimple(named);

        /// <summary>Whether <paramref name="parameter"/> is a request body bound to a handler (for the syntactic pre-filter's symbol walk).</summary>
        public bool IsBoundBody(IParameterSymbol parameter) => !BoundMemberFacts(parameter).IsEmpty;

        private readonly ConcurrentDictionary<IParameterSymbol, ImmutableHashSet<TaintFact>> _bodyFacts = new(SymbolEqualityComparer.Default);

        private ImmutableHashSet<TaintFact> ComputeBoundMemberFacts(IParameterSymbol parameter)
        {
            var handlers = _handlers.Value;
            if (parameter.Type is not INamedTypeSymbol type || parameter.ContainingSymbol is not IMethodSymbol method)
            {
                return Taint.Empty; // MayBeBody has checked the type
            }

            var fromBody = false;
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass is not { } attributeType)
                {
                    continue;
                }

                if (Contains(handlers.NotBound, attributeType.OriginalDefinition))
                {
                    return Taint.Empty;
                }

                fromBody |= Contains(handlers.FromBody, attributeType.OriginalDefinition);
            }

            // Without an attribute, a type that only a container can make (its constructors take dependencies) is a service.
            if (!fromBody && !type.IsRecord && !HasParameterlessConstructor(type))
            {
                return Taint.Empty;
            }

            if (!IsHandler(method, out _))
            {
                return Taint.Empty;
            }

            return BodyFacts(type, depth: 0, _bodyElements, RequestBody);
        }

        /// <summary>
        /// Whether the classifier gives a member an element of its own (an annotation, a personal type's member): a request
        /// body's member so classified is not inferred from its name again. Set once, before the analysis, by the context.
        /// </summary>
        public Func<IPropertySymbol, bool>? Classified { get; set; }

        /// <summary>Nesting of a request body's objects followed (<c>request.Address.Street</c>): the body, and two levels below it.</summary>
        private const int MaxBodyDepth = 2;

        /// <summary>
        /// The personal members of a request body's type, each held in its member: a settable property whose name names
        /// personal data, and — up to <see cref="MaxBodyDepth"/> levels — those of a settable property whose type is another
        /// object the application declares (an address, a contact).
        /// </summary>
        private ImmutableHashSet<TaintFact> BodyFacts(INamedTypeSymbol type, int depth, ConcurrentDictionary<ISymbol, DataElement> elements, string origin)
        {
            var facts = Taint.Empty;
            foreach (var member in type.GetMembers())
            {
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, SetMethod: not null } property ||
                    Classified?.Invoke(property) == true)
                {
                    // A member the classifier knows (an annotated Customer.Email) is read as that element: a second,
                    // "request body" element of the same member would list it twice.
                    continue;
                }

                if (NameHeuristics.ClassifyName(property.Name, type.Name) is { } inferred)
                {
                    var element = elements.GetOrAdd(property, p => new DataElement(
                        p, inferred.SpecialCategory is null ? inferred.Category : null, ElementOrigin.Platform, origin, inferred.SpecialCategory));
                    facts = Taint.Union(facts, Taint.InMember(Taint.Empty.Add(TaintFact.Source(element)), property));
                }
                else if (depth < MaxBodyDepth && BodyObjectType(ElementOf(property.Type) ?? property.Type) is { } nested &&
                    !SymbolEqualityComparer.Default.Equals(nested, type))
                {
                    // An object the application declares (request.Address.Street), or a collection of them
                    // (request.Guests[0].Email, foreach (var guest in request.Guests)): the collection holds what its
                    // elements hold, as a collection of annotated objects does.
                    facts = Taint.Union(facts, Taint.InMember(BodyFacts(nested, depth + 1, elements, origin), property));
                }
            }

            return facts;
        }

        /// <summary><paramref name="type"/> when it is an object type the application declares (a request body's nested object); else null.</summary>
        private static INamedTypeSymbol? BodyObjectType(ITypeSymbol type) =>
            type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named && named.DeclaringSyntaxReferences.Length > 0 && !IsSimple(named)
                ? named
                : null;

        /// <summary>The element type of an array or of a generic collection (<c>List&lt;Guest&gt;</c>, <c>IReadOnlyList&lt;Guest&gt;</c>); null for anything else.</summary>
        private static ITypeSymbol? ElementOf(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType;
            }

            if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named || named.DeclaringSyntaxReferences.Length > 0)
            {
                return null;
            }

            if (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return named.TypeArguments[0];
            }

            foreach (var implemented in named.AllInterfaces)
            {
                if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                {
                    return implemented.TypeArguments[0];
                }
            }

            return null;
        }

        private readonly ConcurrentDictionary<ISymbol, DataElement> _bodyElements = new(SymbolEqualityComparer.Default);

        private static bool HasParameterlessConstructor(INamedTypeSymbol type)
        {
            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.Parameters.IsEmpty && constructor.DeclaredAccessibility == Accessibility.Public)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsHubMethod(IMethodSymbol method, Handlers handlers) =>
            !handlers.Hubs.IsEmpty && method.ContainingType is { } type && EndpointTypes.DerivesFrom(type, handlers.Hubs);

        /// <summary>A SignalR hub method's simple-typed argument (<c>SendMessage(string email, …)</c>): one element per name, <c>hub argument email</c>.</summary>
        private DataElement? HubElement(string name)
        {
            name = name.ToLowerInvariant();
            return _fieldElements.GetOrAdd("hub:" + name, id =>
            {
                if (NameHeuristics.ClassifyName(name) is not { } inferred)
                {
                    return null;
                }

                // The hub base type, so the element does not depend on which hub a thread met first.
                var label = HubArgument + " " + name;
                return new DataElement(_handlers.Value.Hubs[0], id, label, HubArgument, inferred.Category, ElementOrigin.Platform, label, inferred.SpecialCategory);
            });
        }

        private DataElement? RouteElement(string name, IParameterSymbol parameter)
        {
            name = name.ToLowerInvariant();
            return _fieldElements.GetOrAdd("route:" + name, id =>
            {
                if (NameHeuristics.ClassifyName(name) is not { } inferred)
                {
                    return null;
                }

                // The route values' own indexer when the compilation has it, so the element does not depend on which
                // handler a thread met first.
                ISymbol symbol = _handlers.Value.RouteValues is { } values ? OwnIndexer(values) : parameter;
                var label = Route + " " + name;
                return new DataElement(symbol, id, label, Route, inferred.Category, ElementOrigin.Platform, label, inferred.SpecialCategory);
            });
        }

        /// <summary>
        /// Whether <paramref name="method"/> handles requests: a lambda given to a route builder's map method (with the
        /// route template it was given), a public instance method of a controller that is not a non-action (with the
        /// templates of its and its type's attributes), or an <c>On…</c> method of a page model.
        /// </summary>
        private bool IsHandler(IMethodSymbol method, out string? template)
        {
            // Memoised per method: each parameter of a handler asks (a lambda's costs a symbol look-up of its map call).
            var (isHandler, known) = _handlerOf.GetOrAdd(method, m => (ComputeIsHandler(m, _handlers.Value, out var t), t));
            template = known;
            return isHandler;
        }

        private readonly ConcurrentDictionary<IMethodSymbol, (bool IsHandler, string? Template)> _handlerOf = new(SymbolEqualityComparer.Default);

        private bool ComputeIsHandler(IMethodSymbol method, Handlers handlers, out string? template)
        {
            template = null;
            if (method.MethodKind == MethodKind.AnonymousFunction)
            {
                return !handlers.RouteBuilders.IsEmpty && IsMapHandler(method, handlers, out template);
            }

            // A method given to a map method by name (app.MapPost("/todos", CreateTodo)): a local function of the top-level
            // statements, a static method of an endpoints class, whatever its accessibility.
            if (method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction && !handlers.RouteBuilders.IsEmpty &&
                _mapGroups.Value.TryGetValue(method.OriginalDefinition, out template))
            {
                return true;
            }

            if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public || method.ContainingType is not { } type)
            {
                return false;
            }

            if (!handlers.Controllers.IsEmpty && EndpointTypes.DerivesFrom(type, handlers.Controllers))
            {
                if (EndpointTypes.Carries(method, handlers.NonActions))
                {
                    return false;
                }

                template = Templates(method.GetAttributes()) + Templates(type.GetAttributes());
                return true;
            }

            // A SignalR hub's method, which its clients call (not an override such as OnConnectedAsync).
            if (!method.IsOverride && IsHubMethod(method, handlers))
            {
                return true;
            }

            // An endpoint class's handler (FastEndpoints' HandleAsync(SignupRequest req, CancellationToken ct)): its request is
            // bound from the request, as a controller action's is.
            if (!handlers.Endpoints.IsEmpty && method.IsOverride && handlers.EndpointMethods.Contains(method.Name) && EndpointTypes.DerivesFrom(type, handlers.Endpoints))
            {
                return true;
            }

            // A gRPC service's method: an override of the base Grpc.Tools generates ([BindServiceMethod]), whose request is the client's message.
            if (!handlers.ServiceBaseAttributes.IsEmpty && method.IsOverride && method.OverriddenMethod?.ContainingType is { } serviceBase && EndpointTypes.Carries(serviceBase, handlers.ServiceBaseAttributes))
            {
                return true;
            }

            return !handlers.PageModels.IsEmpty && method.Name.StartsWith("On", StringComparison.Ordinal) && EndpointTypes.DerivesFrom(type, handlers.PageModels);
        }

        /// <summary>The string arguments of attributes (<c>[HttpGet("{email}")]</c>, <c>[Route("users/{id}")]</c>), joined.</summary>
        private static string Templates(ImmutableArray<AttributeData> attributes)
        {
            var text = "";
            foreach (var attribute in attributes)
            {
                foreach (var argument in attribute.ConstructorArguments)
                {
                    if (argument.Kind == TypedConstantKind.Primitive && argument.Value is string value)
                    {
                        text += value + " ";
                    }
                }
            }

            return text;
        }

        /// <summary>Whether a route template has the parameter <paramref name="name"/> (<c>{email}</c>, <c>{email:regex(…)}</c>, <c>{email?}</c>, <c>{*email}</c>).</summary>
        private static bool NamesRouteValue(string template, string name)
        {
            for (int start = template.IndexOf('{'); start >= 0; start = template.IndexOf('{', start + 1))
            {
                int at = start + 1;
                while (at < template.Length && template[at] == '*')
                {
                    at++;
                }

                if (string.Compare(template, at, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0 &&
                    at + name.Length < template.Length && template[at + name.Length] is '}' or ':' or '?' or '=')
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A value model binding reads from text: a string or character, a number, a date or time, a Guid (or an array or nullable of one).</summary>
        private static bool IsSimple(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol array)
            {
                type = array.ElementType;
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Char:
                case SpecialType.System_Int16:
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt16:
                case SpecialType.System_UInt32:
                case SpecialType.System_UInt64:
                case SpecialType.System_Decimal:
                case SpecialType.System_Double:
                case SpecialType.System_Single:
                case SpecialType.System_DateTime:
                    return true;
            }

            return type is INamedTypeSymbol { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true }, Name: "Guid" or "DateOnly" or "TimeOnly" or "DateTimeOffset" };
        }
    }
}
