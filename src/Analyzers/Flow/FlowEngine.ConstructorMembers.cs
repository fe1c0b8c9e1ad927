using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Residency.Analyzers.Flow.Library;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// Constructors whose arguments are tracked per member. A positional record: <c>new Envelope(r.Mail, r.Full)</c> of
    /// <c>record Envelope(string To, string Subject)</c> holds <c>r.Mail</c> in <c>To</c> and <c>r.Full</c> in
    /// <c>Subject</c>, so that <c>Send(e.To)</c> sends only <c>r.Mail</c>. A constructor that only assigns its parameters
    /// to members of its type (<c>public Notice(string to, string subject) { To = to; Subject = subject; }</c>), or a primary
    /// constructor whose parameters only initialise members, holds each argument in its member the same way
    /// (docs/flow-semantics.md, "What does not flow").
    /// </summary>
    internal sealed partial class FlowEngine
    {
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<ISymbol?>> _parameterMembers = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// The member that holds each parameter's argument (null where none does), for a record's primary constructor whose
        /// parameters do nothing but initialise their properties, for a class or struct's primary constructor (each
        /// parameter whose only use is a member's initializer), and for a constructor whose body does nothing but assign
        /// parameters to fields and auto-properties of its type. Default for any other constructor: for a record whose
        /// declarations use a parameter anywhere else (an initializer <c>Upper { get; } = To.ToUpper()</c>, a base record's
        /// arguments), a constructor that calls another (<c>: base(to)</c>), computes, calls or assigns anything but a
        /// parameter, where an argument may end up in another member too: its arguments then stay on the whole object.
        /// Memoised per constructor.
        /// </summary>
        internal ImmutableArray<ISymbol?> ParameterMembers(IMethodSymbol constructor)
        {
            constructor = constructor.OriginalDefinition;
            return _parameterMembers.TryGetValue(constructor, out var known) ? known : _parameterMembers.GetOrAdd(constructor, c => ComputeParameterMembers(c, Library));
        }

        private static ImmutableArray<ISymbol?> ComputeParameterMembers(IMethodSymbol constructor, LibraryBehaviour library)
        {
            if (constructor.MethodKind != MethodKind.Constructor || constructor.Parameters.IsEmpty || constructor.DeclaringSyntaxReferences.Length != 1)
            {
                return default;
            }

            return constructor.DeclaringSyntaxReferences[0].GetSyntax() switch
            {
                RecordDeclarationSyntax { ParameterList: not null } => ComputePositional(constructor),
                TypeDeclarationSyntax { ParameterList: not null } declaration => InitializedMembers(constructor, declaration, library),
                ConstructorDeclarationSyntax declaration => AssignedMembers(constructor, declaration, library),
                _ => default,
            };
        }

        /// <summary>
        /// For <c>{ To = to; this.Subject = subject; }</c>: the field or auto-property of the constructor's own type each
        /// parameter is assigned to. Default unless every statement is such an assignment of a parameter, no parameter is
        /// assigned twice, and the constructor calls no other (<c>: base(…)</c>, <c>: this(…)</c>). A member that another
        /// member may copy into a member of the object holds nothing here (below).
        /// </summary>
        private static ImmutableArray<ISymbol?> AssignedMembers(IMethodSymbol constructor, ConstructorDeclarationSyntax declaration, LibraryBehaviour library)
        {
            if (declaration.Initializer is { ArgumentList.Arguments.Count: > 0 } || constructor.ContainingType is not { } type)
            {
                return default;
            }

            var statements = new List<ExpressionSyntax>();
            if (declaration.ExpressionBody is { } arrow)
            {
                statements.Add(arrow.Expression);
            }
            else if (declaration.Body is { } body)
            {
                foreach (var statement in body.Statements)
                {
                    if (statement is not ExpressionStatementSyntax expression)
                    {
                        return default;
                    }

                    statements.Add(expression.Expression);
                }
            }

            var members = new ISymbol?[constructor.Parameters.Length];
            foreach (var statement in statements)
            {
                if (statement is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Right: IdentifierNameSyntax value } assignment ||
                    MemberName(assignment.Left, constructor) is not { } name || Parameter(constructor, value.Identifier.ValueText) is not { } parameter ||
                    members[parameter.Ordinal] is not null || HeldBy(type, name) is not { } member)
                {
                    return default;
                }

                members[parameter.Ordinal] = member;
            }

            for (int i = 0; i < members.Length; i++)
            {
                if (members[i] is { } member && MovedElsewhere(type, member, library))
                {
                    members[i] = null; // another member may copy it into a third (Cache() => _cache = _to): the argument stays on the whole object
                }
            }

            return ImmutableArray.Create(members);
        }

        /// <summary>
        /// For a class or struct's primary constructor (<c>class Placed(string email) { public string Email { get; } = email; }</c>):
        /// the field or auto-property each parameter initialises, where that initializer is the parameter's only use. A
        /// parameter used anywhere else (captured by a method, <c>email.ToUpper()</c> in an initializer) holds nothing
        /// here; a base type's arguments (<c>: Base(email)</c>) keep every argument on the whole object.
        /// </summary>
        private static ImmutableArray<ISymbol?> InitializedMembers(IMethodSymbol constructor, TypeDeclarationSyntax declaration, LibraryBehaviour library)
        {
            if (constructor.ContainingType is not { DeclaringSyntaxReferences.Length: 1 } type || PassesArgumentsToItsBase(declaration))
            {
                return default;
            }

            var uses = new Dictionary<string, List<SyntaxToken>>();
            foreach (var parameter in constructor.Parameters)
            {
                uses[parameter.Name] = new List<SyntaxToken>();
            }

            foreach (var member in declaration.Members)
            {
                foreach (var token in member.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && uses.TryGetValue(token.ValueText, out var list))
                    {
                        list.Add(token);
                    }
                }
            }

            var members = new ISymbol?[constructor.Parameters.Length];
            foreach (var parameter in constructor.Parameters)
            {
                // The parameter's one use is the whole value of a member's initializer: `Email { get; } = email;`, `_email = email`.
                if (uses[parameter.Name] is not { Count: 1 } one || one[0].Parent is not IdentifierNameSyntax { Parent: EqualsValueClauseSyntax initializer } ||
                    InitializedName(initializer) is not { } name || HeldBy(type, name) is not { } held || MovedElsewhere(type, held, library))
                {
                    continue;
                }

                members[parameter.Ordinal] = held;
            }

            return ImmutableArray.Create(members);
        }

        private static string? InitializedName(EqualsValueClauseSyntax initializer) => initializer.Parent switch
        {
            PropertyDeclarationSyntax property => property.Identifier.ValueText,
            VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } variable => variable.Identifier.ValueText,
            _ => null,
        };

        /// <summary>
        /// The name of the member an assignment writes: <c>To</c>, <c>this.to</c>; null for a bare name that is one of
        /// the constructor's parameters (<c>to = to</c> writes the parameter, not a member).
        /// </summary>
        private static string? MemberName(ExpressionSyntax left, IMethodSymbol constructor) => left switch
        {
            IdentifierNameSyntax name when Parameter(constructor, name.Identifier.ValueText) is null => name.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
            _ => null,
        };

        private static IParameterSymbol? Parameter(IMethodSymbol constructor, string name)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (parameter.Name == name)
                {
                    return parameter;
                }
            }

            return null;
        }

        /// <summary>An instance field or auto-property of <paramref name="type"/> itself named <paramref name="name"/>: storage that does nothing else with what it is given.</summary>
        private static ISymbol? HeldBy(INamedTypeSymbol type, string name)
        {
            foreach (var member in type.GetMembers(name))
            {
                switch (member)
                {
                    case IFieldSymbol { IsStatic: false, IsConst: false } field:
                        return field;
                    case IPropertySymbol { IsStatic: false, IsIndexer: false } property when IsAutoProperty(property):
                        return property;
                }
            }

            return null;
        }

        /// <summary>
        /// A property whose accessors have no body (<c>{ get; }</c>, <c>{ get; init; }</c>): what is assigned is what is read.
        /// Not <see cref="BackingField"/>'s test, which a property with a <c>field</c>-keyword body (<c>set =&gt; field =
        /// value.Trim()</c>) passes too.
        /// </summary>
        private static bool IsAutoProperty(IPropertySymbol property)
        {
            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors })
                {
                    return false;
                }

                foreach (var accessor in accessors.Accessors)
                {
                    if (accessor.Body is not null || accessor.ExpressionBody is not null)
                    {
                        return false;
                    }
                }
            }

            return property.DeclaringSyntaxReferences.Length > 0;
        }

        /// <summary>
        /// Whether a member of the type other than its constructors and the member's own declaration names
        /// <paramref name="member"/> and may store what it reads into a member of the object (<c>Cache() =&gt; _cache =
        /// _to;</c>, <c>_all.Add(_to)</c>, an own method that does, a <c>ref</c> argument). A read by a member that stores
        /// nothing (<c>public string To =&gt; _to;</c>, <c>Send() =&gt; _crm.Send(_to)</c>) is followed at the caller through
        /// that member's summary, which names the field it reads; a copy into another field would not be: a field's
        /// writers are analysed without the object's arguments.
        /// </summary>
        private static bool MovedElsewhere(INamedTypeSymbol type, ISymbol member, LibraryBehaviour library)
        {
            var writers = new Dictionary<string, bool>();
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not TypeDeclarationSyntax declaration)
                {
                    return true;
                }

                foreach (var other in declaration.Members)
                {
                    if (other is not ConstructorDeclarationSyntax && !Declares(other, member) && Mentions(other, name => name == member.Name) &&
                        MayStoreState(other, type, library, writers))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Whether <paramref name="declaration"/> may write a member of the object or a static field: an assignment to
        /// anything but its own locals and parameters, a <c>ref</c> or <c>out</c> argument, a call of a mutator or a copy
        /// (library.json's names: <c>Add</c>, <c>CopyTo</c>, …) on anything but its own locals, or a call of an own or
        /// base type's method that may (<c>Remember(_to)</c>, <c>this.</c> or <c>base.Remember(_to)</c>: by name, every
        /// overload; memoised in <paramref name="writers"/>, a cycle counts as writing).
        /// <c>_sent++</c> writes a member but copies nothing into it.
        /// </summary>
        private static bool MayStoreState(MemberDeclarationSyntax declaration, INamedTypeSymbol type, LibraryBehaviour library, Dictionary<string, bool> writers)
        {
            var locals = new HashSet<string>();
            foreach (var node in declaration.DescendantNodes())
            {
                switch (node)
                {
                    case ParameterSyntax parameter: locals.Add(parameter.Identifier.ValueText); break;
                    case VariableDeclaratorSyntax variable when variable.Parent?.Parent is not FieldDeclarationSyntax: locals.Add(variable.Identifier.ValueText); break;
                    case SingleVariableDesignationSyntax designation: locals.Add(designation.Identifier.ValueText); break;
                    case ForEachStatementSyntax loop: locals.Add(loop.Identifier.ValueText); break;
                }
            }

            locals.Add("_"); // a discard
            if (declaration is PropertyDeclarationSyntax or IndexerDeclarationSyntax or EventDeclarationSyntax)
            {
                locals.Add("value");
            }

            bool IsLocal(ExpressionSyntax expression) =>
                expression is DeclarationExpressionSyntax || (expression is IdentifierNameSyntax name && locals.Contains(name.Identifier.ValueText));

            foreach (var node in declaration.DescendantNodes())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment when !IsLocal(assignment.Left) && assignment.Parent is not InitializerExpressionSyntax:
                    case ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument when !IsLocal(argument.Expression):
                    case InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax { Name: var bound } } when library.MayStoreByName(bound.Identifier.ValueText):
                        return true;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver, Name: var called } } when receiver is ThisExpressionSyntax or BaseExpressionSyntax:
                        if (OwnMethodMayStore(called.Identifier.ValueText, type, library, writers))
                        {
                            return true;
                        }

                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver, Name: var called } } when !IsLocal(receiver) && library.MayStoreByName(called.Identifier.ValueText):
                        return true;
                    case InvocationExpressionSyntax { Expression: SimpleNameSyntax called } when OwnMethodMayStore(called.Identifier.ValueText, type, library, writers):
                        return true;
                }
            }

            return false;
        }

        private static bool OwnMethodMayStore(string name, INamedTypeSymbol type, LibraryBehaviour library, Dictionary<string, bool> writers)
        {
            if (writers.TryGetValue(name, out var known))
            {
                return known;
            }

            writers[name] = true; // a cycle (a method calling itself) counts as writing
            bool writes = false;
            for (var owner = type; owner is not null && !writes; owner = owner.BaseType)
            {
                foreach (var symbol in owner.GetMembers(name))
                {
                    // A base type's method from metadata: by its name, as the library's own methods are.
                    writes |= symbol.DeclaringSyntaxReferences.IsEmpty && library.MayStoreByName(name);
                    foreach (var reference in symbol.DeclaringSyntaxReferences)
                    {
                        writes |= reference.GetSyntax() is not MemberDeclarationSyntax method || MayStoreState(method, type, library, writers);
                    }
                }
            }

            writers[name] = writes;
            return writes;
        }

        private static bool Declares(MemberDeclarationSyntax declaration, ISymbol member)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                if (syntax == declaration || syntax.Parent?.Parent == declaration)
                {
                    return true; // a property's declaration; a field's variable, under its declaration
                }
            }

            return false;
        }

        private static ImmutableArray<ISymbol?> ComputePositional(IMethodSymbol constructor)
        {
            if (constructor.ContainingType is not { IsRecord: true } type)
            {
                return default;
            }

            var names = new HashSet<string>();
            foreach (var parameter in constructor.Parameters)
            {
                names.Add(parameter.Name);
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not TypeDeclarationSyntax declaration || UsesAParameter(declaration, names))
                {
                    return default;
                }
            }

            var properties = ImmutableArray.CreateBuilder<ISymbol?>(constructor.Parameters.Length);
            foreach (var parameter in constructor.Parameters)
            {
                IPropertySymbol? property = null;
                foreach (var member in type.GetMembers(parameter.Name))
                {
                    if (member is IPropertySymbol candidate && SymbolEqualityComparer.Default.Equals(PersonalDataClassifier.PositionalParameter(candidate), parameter))
                    {
                        property = candidate;
                    }
                }

                properties.Add(property);
            }

            return properties.MoveToImmutable();
        }

        /// <summary>Whether a parameter name is written anywhere in the declaration but its parameter list: in a member, or in the arguments of a base record.</summary>
        private static bool UsesAParameter(TypeDeclarationSyntax declaration, HashSet<string> names)
        {
            if (PassesArgumentsToItsBase(declaration))
            {
                return true;
            }

            foreach (var member in declaration.Members)
            {
                if (Mentions(member, names.Contains))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a primary constructor passes arguments to the base type: <c>record Derived(string To) : Base(To)</c>.</summary>
        private static bool PassesArgumentsToItsBase(TypeDeclarationSyntax declaration)
        {
            foreach (var type in declaration.BaseList?.Types ?? default)
            {
                if (type is PrimaryConstructorBaseTypeSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether an identifier under <paramref name="node"/> is one of <paramref name="names"/>.</summary>
        private static bool Mentions(SyntaxNode node, System.Func<string, bool> names)
        {
            foreach (var token in node.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && names(token.ValueText))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
