using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// One piece of what a value may carry: a personal-data element (a source), or — while a method's summary is
    /// computed — "whatever the caller passed as parameter N".
    /// </summary>
    internal sealed class TaintFact : IEquatable<TaintFact>
    {
        private TaintFact(DataElement? element, int parameter, bool whole, bool pseudonymised, bool viaMember, MemberPath? member = null, MemberPath? stored = null)
        {
            Element = element;
            Parameter = parameter;
            Whole = whole;
            Pseudonymised = pseudonymised;
            ViaMember = viaMember;
            Member = member;
            Stored = stored;
        }

        /// <summary>
        /// For a parameter or receiver fact stored into a member of an object built here (<c>new Entity { UserId = userId }</c>):
        /// the member path, outermost first, as <see cref="Member"/> is for a source. Reading that member gives the fact back;
        /// reading another member (<c>e.Country</c>) does not. At a call, the argument's facts are stored along the same path.
        /// </summary>
        public MemberPath? Stored { get; }

        /// <summary>
        /// For a source fact stored into a member of an object built here (<c>new { c.Email }</c>, <c>dto.Text = c.Email</c>):
        /// the member path, outermost first. Reading that member gives the fact back; reading another member does not.
        /// </summary>
        public MemberPath? Member { get; }

        /// <summary>The personal-data element, for a source fact.</summary>
        public DataElement? Element { get; }

        /// <summary>The parameter ordinal, for a parameter fact; -1 for a source.</summary>
        public int Parameter { get; }

        public bool IsSource => Element is not null;

        /// <summary>
        /// The fact comes from the static type of a whole object (a <c>Customer</c> carries its personal members): it
        /// is dropped when a member of the object is read, since that member's own classification then decides.
        /// </summary>
        public bool Whole { get; }

        /// <summary>The data went through a <c>[Pseudonymizer]</c>: still personal data (Recital 26).</summary>
        public bool Pseudonymised { get; }

        /// <summary>For a parameter fact: only what a member of the argument carries (its type-derived facts are dropped).</summary>
        public bool ViaMember { get; }

        public static TaintFact Source(DataElement element, bool whole = false) => new(element, -1, whole, false, false);

        public static TaintFact ForParameter(int ordinal, bool viaMember = false) => new(null, ordinal, false, false, viaMember);

        /// <summary>
        /// The pseudo-parameter ordinal of the receiver (<c>this</c>) of an instance method: out of the range of every
        /// argument list, so that only the callers that bind it on purpose (parameter sinks, returns) see it.
        /// </summary>
        public const int Receiver = int.MaxValue;

        /// <summary>
        /// "Whatever the caller's receiver holds in <paramref name="member"/>": what a read of a field or auto-property of
        /// <c>this</c> carries while an instance method's summary is computed.
        /// </summary>
        public static TaintFact ForReceiverMember(ISymbol member) => new(null, Receiver, false, false, true, MemberPath.Push(member, null));

        /// <summary>
        /// The pseudo-parameter ordinal of an open read (<see cref="ForOpenRead"/>): out of the range of every argument list
        /// and apart from <see cref="Receiver"/>, so that no call binds it.
        /// </summary>
        public const int OpenRead = int.MaxValue - 1;

        /// <summary>
        /// "Whatever the implementations of <paramref name="member"/> return": what a read of an open member carries in a
        /// library that exports its summaries (<see cref="FlowEngine.IsOpenMember"/>). An interface member of the library
        /// that another project implements (<c>IUser.Id</c>, from the request's claims in the web project): the projects
        /// that implement it learn from the library's exports where its value goes (docs/cross-project.md). No call binds
        /// it: it passes through calls and returns unchanged, and reaching a sink it becomes a parameter flow of this ordinal.
        /// </summary>
        public static TaintFact ForOpenRead(ISymbol member) => new(null, OpenRead, false, false, true, MemberPath.Push(member, null));

        /// <summary>Whether this is an open read (<see cref="ForOpenRead"/>).</summary>
        public bool IsOpenRead => !IsSource && Parameter == OpenRead;

        /// <summary>"Whatever the caller's receiver holds": what <c>this</c> carries while an instance method's summary is computed.</summary>
        public static readonly TaintFact ReceiverItself = new(null, Receiver, false, false, false);

        /// <summary>
        /// "Whatever the caller's argument <paramref name="ordinal"/> holds in <paramref name="member"/>": what a read of a
        /// member of a parameter carries while a method's summary is computed (<c>Track(Customer c) => Send(c.Email)</c>).
        /// At the call, only what the argument holds in that member goes (<c>Track(new Customer { Email = r.Mail, Name =
        /// r.Full })</c> sends <c>r.Mail</c>, not <c>r.Full</c>).
        /// </summary>
        public static TaintFact ForParameterMember(int ordinal, ISymbol member) => new(null, ordinal, false, false, true, MemberPath.Push(member, null));

        /// <summary>For a parameter or receiver fact: the member of the argument or receiver it was read from (null: any member).</summary>
        public ISymbol? ReadMember => IsSource ? null : Member?.Head;

        public TaintFact AsPseudonymised() => IsSource && !Pseudonymised ? new TaintFact(Element, Parameter, Whole, true, ViaMember, Member) : this;

        /// <summary>This source fact with another element (a claim whose type became known), the rest kept.</summary>
        public TaintFact WithElement(DataElement element) => IsSource ? new TaintFact(element, Parameter, Whole, Pseudonymised, ViaMember, Member) : this;

        /// <summary>This fact, stored into <paramref name="member"/> of an object.</summary>
        public TaintFact InMember(ISymbol member) =>
            IsSource
                ? new TaintFact(Element, Parameter, Whole, Pseudonymised, ViaMember, MemberPath.Push(member, Member))
                : new TaintFact(null, Parameter, Whole, Pseudonymised, ViaMember, Member, MemberPath.Push(member, Stored));

        /// <summary>
        /// What this fact becomes when <paramref name="member"/> of the value is read (null: an unknown member); null when it
        /// is dropped.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public TaintFact? OnMemberRead(ISymbol? member = null)
        {
            if (IsSource)
            {
                if (Member is not null)
                {
                    // Stored into a known member: only that member gives it back (an unknown member may be it).
                    return member is null || SymbolEqualityComparer.Default.Equals(Member.Head, MemberPath.Normalise(member))
                        ? new TaintFact(Element, Parameter, Whole, Pseudonymised, ViaMember, Member.Tail)
                        : null;
                }

                return Whole ? null : this;
            }

            if (Stored is not null)
            {
                // Stored into a known member of an object built here: only that member gives it back.
                return member is null || SymbolEqualityComparer.Default.Equals(Stored.Head, MemberPath.Normalise(member))
                    ? new TaintFact(null, Parameter, Whole, Pseudonymised, ViaMember, Member, Stored.Tail)
                    : null;
            }

            if (Parameter == Receiver && !ViaMember && member is not null)
            {
                return ForReceiverMember(member); // this.Subject: what the caller's receiver holds in Subject
            }

            if (!ViaMember && member is not null && !IsPolymorphic(member))
            {
                return ForParameterMember(Parameter, member); // c.Email: what the caller's argument holds in Email
            }

            return ViaMember ? this : new TaintFact(null, Parameter, false, false, true);
        }

        /// <summary>
        /// A member another one may stand for: an interface member, or a virtual, abstract or overriding one. The caller may
        /// have stored into the implementation or the override, so a read of it keeps whatever the argument holds in any member.
        /// </summary>
        private static bool IsPolymorphic(ISymbol member) =>
            member.IsVirtual || member.IsAbstract || member.IsOverride || member.ContainingType?.TypeKind == TypeKind.Interface;

        /// <summary>Whether <see cref="OnMemberRead"/> returns this fact itself, whatever the member.</summary>
        public bool OnMemberReadIsIdentity() => IsSource ? !Whole && Member is null : ViaMember && Stored is null;

        public bool Equals(TaintFact? other) =>
            other is not null && ReferenceEquals(Element, other.Element) && Parameter == other.Parameter &&
            Whole == other.Whole && Pseudonymised == other.Pseudonymised && ViaMember == other.ViaMember &&
            Equals(Member, other.Member) && Equals(Stored, other.Stored);

        public override bool Equals(object? obj) => Equals(obj as TaintFact);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = Element?.GetHashCode() ?? 17;
                hash = (hash * 31) + Parameter;
                hash = (hash * 31) + (Whole ? 1 : 0) + (Pseudonymised ? 2 : 0) + (ViaMember ? 4 : 0);
                hash = (hash * 31) + (Member?.GetHashCode() ?? 0);
                hash = (hash * 31) + (Stored?.GetHashCode() ?? 0);
                return hash;
            }
        }
    }

    /// <summary>
    /// The members a fact was stored through, outermost first (<c>new { Inner = new { c.Name } }</c>: Inner, Name). At most
    /// <see cref="MaxLength"/> long: deeper paths lose their innermost members (then any member read below gives the fact).
    /// </summary>
    internal sealed class MemberPath : IEquatable<MemberPath>
    {
        public const int MaxLength = 3;

        private MemberPath(ISymbol head, MemberPath? tail, int length)
        {
            Head = head;
            Tail = tail;
            Length = length;
        }

        public ISymbol Head { get; }

        public MemberPath? Tail { get; }

        public int Length { get; }

        /// <summary>The symbol a member is tracked by: its original definition; for a named tuple element, its ItemN field.</summary>
        public static ISymbol Normalise(ISymbol member) =>
            member is IFieldSymbol { CorrespondingTupleField: { } itemField } ? itemField.OriginalDefinition : member.OriginalDefinition;

        public static MemberPath Push(ISymbol member, MemberPath? path) =>
            new(member, Truncate(path, MaxLength - 1), 1 + Math.Min(path?.Length ?? 0, MaxLength - 1));

        private static MemberPath? Truncate(MemberPath? path, int length) =>
            path is null || length <= 0 ? null : path.Length <= length ? path : new MemberPath(path.Head, Truncate(path.Tail, length - 1), length);

        public bool Equals(MemberPath? other) =>
            other is not null && Length == other.Length && SymbolEqualityComparer.Default.Equals(Head, other.Head) && Equals(Tail, other.Tail);

        public override bool Equals(object? obj) => Equals(obj as MemberPath);

        public override int GetHashCode() => unchecked((SymbolEqualityComparer.Default.GetHashCode(Head) * 31) + (Tail?.GetHashCode() ?? 0));
    }

    /// <summary>Helpers over immutable sets of facts.</summary>
    internal static class Taint
    {
        public static readonly ImmutableHashSet<TaintFact> Empty = ImmutableHashSet<TaintFact>.Empty;

        /// <summary><paramref name="facts"/> without those <paramref name="drop"/> selects (the same set when it selects none).</summary>
        public static ImmutableHashSet<TaintFact> Without(ImmutableHashSet<TaintFact> facts, Func<TaintFact, bool> drop)
        {
            var result = facts;
            foreach (var fact in facts)
            {
                if (drop(fact))
                {
                    result = result.Remove(fact);
                }
            }

            return result;
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static ImmutableHashSet<TaintFact> Union(ImmutableHashSet<TaintFact> a, ImmutableHashSet<TaintFact> b)
        {
            if (a.IsEmpty)
            {
                return b;
            }

            if (b.IsEmpty || ReferenceEquals(a, b))
            {
                return a;
            }

            return a.Count >= b.Count ? a.Union(b) : b.Union(a);
        }

        /// <summary>The facts of a value stored into <paramref name="member"/> of an object.</summary>
        public static ImmutableHashSet<TaintFact> InMember(ImmutableHashSet<TaintFact> facts, ISymbol member)
        {
            if (facts.IsEmpty || member is IPropertySymbol { IsIndexer: true })
            {
                return facts; // an element of a collection: any element read may be it
            }

            // Type-derived facts need not be stored: reading a member of a concrete type derives them again from its
            // static type. Kept only where the member's type hides them (object, interfaces, type parameters).
            var memberType = member switch
            {
                IPropertySymbol property => property.Type,
                IFieldSymbol field => field.Type,
                _ => null,
            };
            var keepWhole = memberType is null || memberType.SpecialType == SpecialType.System_Object ||
                memberType.TypeKind is TypeKind.Interface or TypeKind.TypeParameter or TypeKind.Dynamic;
            member = MemberPath.Normalise(member);
            var builder = Empty.ToBuilder();
            foreach (var fact in facts)
            {
                if (fact.Whole && !keepWhole)
                {
                    continue;
                }

                builder.Add(fact.InMember(member));
            }

            return builder.ToImmutable();
        }

        /// <summary>
        /// The facts of a value stored along <paramref name="path"/> (outermost first) of an object: what a caller's argument
        /// becomes where a callee stored its parameter (<see cref="TaintFact.Stored"/>).
        /// </summary>
        public static ImmutableHashSet<TaintFact> InPath(ImmutableHashSet<TaintFact> facts, MemberPath? path) =>
            path is null || facts.IsEmpty ? facts : InMember(InPath(facts, path.Tail), path.Head);

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static ImmutableHashSet<TaintFact> OnMemberRead(ImmutableHashSet<TaintFact> facts, ISymbol? member = null)
        {
            if (facts.IsEmpty)
            {
                return facts;
            }

            var unchanged = true;
            foreach (var fact in facts)
            {
                if (!fact.OnMemberReadIsIdentity())
                {
                    unchanged = false;
                    break;
                }
            }

            if (unchanged)
            {
                return facts; // plain source facts: a member read keeps them, no allocation
            }

            var builder = Empty.ToBuilder();
            foreach (var fact in facts)
            {
                var read = fact.OnMemberRead(member);
                if (read is not null)
                {
                    builder.Add(read);
                }
            }

            return builder.ToImmutable();
        }

        public static ImmutableHashSet<TaintFact> Pseudonymise(ImmutableHashSet<TaintFact> facts)
        {
            var builder = Empty.ToBuilder();
            foreach (var fact in facts)
            {
                builder.Add(fact.AsPseudonymised());
            }

            return builder.ToImmutable();
        }

        public static ImmutableHashSet<TaintFact> FromElements(IEnumerable<DataElement> elements, bool whole)
        {
            var builder = Empty.ToBuilder();
            foreach (var element in elements)
            {
                builder.Add(TaintFact.Source(element, whole));
            }

            return builder.ToImmutable();
        }

        public static bool HasSources(ImmutableHashSet<TaintFact> facts)
        {
            foreach (var fact in facts)
            {
                if (fact.IsSource)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
