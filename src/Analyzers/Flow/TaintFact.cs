using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// One piece of what a value may carry: a personal-data element (a source), or — while a method's summary is
    /// computed — "whatever the caller passed as parameter N".
    /// </summary>
    internal sealed class TaintFact : IEquatable<TaintFact>
    {
        private TaintFact(DataElement? element, int parameter, bool whole, bool pseudonymised, bool viaMember)
        {
            Element = element;
            Parameter = parameter;
            Whole = whole;
            Pseudonymised = pseudonymised;
            ViaMember = viaMember;
        }

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

        public TaintFact AsPseudonymised() => IsSource && !Pseudonymised ? new TaintFact(Element, Parameter, Whole, true, ViaMember) : this;

        /// <summary>What this fact becomes when a member of the value is read; null when it is dropped.</summary>
        public TaintFact? OnMemberRead()
        {
            if (IsSource)
            {
                return Whole ? null : this;
            }

            return ViaMember ? this : new TaintFact(null, Parameter, false, false, true);
        }

        public bool Equals(TaintFact? other) =>
            other is not null && ReferenceEquals(Element, other.Element) && Parameter == other.Parameter &&
            Whole == other.Whole && Pseudonymised == other.Pseudonymised && ViaMember == other.ViaMember;

        public override bool Equals(object? obj) => Equals(obj as TaintFact);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = Element?.GetHashCode() ?? 17;
                hash = (hash * 31) + Parameter;
                hash = (hash * 31) + (Whole ? 1 : 0) + (Pseudonymised ? 2 : 0) + (ViaMember ? 4 : 0);
                return hash;
            }
        }
    }

    /// <summary>Helpers over immutable sets of facts.</summary>
    internal static class Taint
    {
        public static readonly ImmutableHashSet<TaintFact> Empty = ImmutableHashSet<TaintFact>.Empty;

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

        public static ImmutableHashSet<TaintFact> OnMemberRead(ImmutableHashSet<TaintFact> facts)
        {
            if (facts.IsEmpty)
            {
                return facts;
            }

            var builder = Empty.ToBuilder();
            foreach (var fact in facts)
            {
                var read = fact.OnMemberRead();
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
