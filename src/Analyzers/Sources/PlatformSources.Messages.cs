using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Flow;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Sources
{
    /// <summary>
    /// A message a consumer received (MassTransit's <c>IConsumer&lt;CustomerRegistered&gt;.Consume(ConsumeContext&lt;CustomerRegistered&gt;
    /// context)</c>, read as <c>context.Message</c>): it arrived from a broker, sent by whichever service published it, so its
    /// members that name personal data are sources, as a request body's are (sources.json, "messageContexts").
    /// </summary>
    internal sealed partial class PlatformSources
    {
        private const string ReceivedMessage = "received message";

        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableHashSet<TaintFact>> _messages = new(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<ISymbol, DataElement> _messageElements = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// What reading <paramref name="property"/> gives when it is a message context's message (<c>context.Message</c>):
        /// the message's personal members. Empty for any other read. Memoised per message type.
        /// </summary>
        private ImmutableHashSet<TaintFact> MessageFacts(IPropertyReferenceOperation property)
        {
            var handlers = _handlers.Value;
            var read = property.Property;
            if (handlers.MessageContexts.IsEmpty || !handlers.MessageMembers.Contains(read.Name) || read.IsStatic ||
                read.ContainingType is not { } context || !Contains(handlers.MessageContexts, context.OriginalDefinition) ||
                read.Type is not INamedTypeSymbol message || !MayBeBody(message))
            {
                return Taint.Empty;
            }

            return _messages.GetOrAdd(message, type => BodyFacts(type, depth: 0, _messageElements, ReceivedMessage));
        }
    }
}
