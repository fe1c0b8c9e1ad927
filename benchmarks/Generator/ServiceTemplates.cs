using System;
using System.Collections.Generic;

namespace Residency.Benchmarks.Generator
{
    /// <summary>
    /// Service files: read a model and hand its data through 2–4 helper calls (interpolation, StringBuilder, LINQ,
    /// object creation, async/await, reassigned locals, local functions, fields) to a client of the module. Some flows
    /// are clean on purpose (overwritten locals, aggregates, an <c>[Anonymizer]</c>), some are declared transfers.
    /// </summary>
    internal static class ServiceTemplates
    {
        private sealed class Context
        {
            public Context(SourceFile file, ModelInfo model, ClientInfo client, string service, Rng rng)
            {
                File = file;
                Model = model;
                Client = client;
                Service = service;
                Rng = rng;
            }

            public SourceFile File { get; }

            public ModelInfo Model { get; }

            public ClientInfo Client { get; }

            public string Service { get; }

            public Rng Rng { get; }

            public string E => Model.Name;

            public string V => char.ToLowerInvariant(Model.Name[0]) + Model.Name.Substring(1);

            public string S => Model.StatusType;
        }

        private delegate void Pattern(Context c);

        private static readonly Pattern[] Common =
        {
            Notify, Export, Summarize, Overwrite, Metrics, Anonymize, Pseudonymize, Serialize, LocalFunction,
            FieldAcrossMethods, Digest, Contact,
        };

        public static SourceFile Create(ModuleInfo module, FileSlot slot, Rng rng)
        {
            var model = slot.Model ?? throw new InvalidOperationException("service without model");
            var client = slot.Client ?? throw new InvalidOperationException("service without client");
            string service = model.Name + slot.ServiceVerb + "Service";
            var file = new SourceFile(
                $"src/{module.Area}/Services/{service}.cs",
                module.RootNamespace + ".Services",
                $"/// <summary>{slot.ServiceVerb} workflows for {model.Subject}s.</summary>\npublic sealed class {service}");
            file.Using(Fillers.Usings)
                .Using("System.Security.Cryptography", "System.Text.Json", "System.Threading", "System.Threading.Tasks", "Residency")
                .Using(module.RootNamespace + ".Clients", module.RootNamespace + ".Domain");

            file.Member($$"""
                private readonly {{client.Name}} _client;

                /// <summary>Creates the service.</summary>
                public {{service}}({{client.Name}} client)
                {
                    _client = client;
                }
                """);

            var c = new Context(file, model, client, service, rng);
            var patterns = new List<Pattern>();
            if (model.HasHealth && rng.Chance(0.7))
            {
                patterns.Add(Health);
            }

            if (client.Region == "US" && rng.Chance(0.4))
            {
                patterns.Add(DeclaredTransfer);
            }

            if (model.HasAddress && rng.Chance(0.6))
            {
                patterns.Add(Address);
            }

            foreach (var p in rng.Sample(Common, rng.Between(2, 4)))
            {
                patterns.Add(p);
            }

            foreach (var p in patterns)
            {
                p(c);
            }

            return file;
        }

        private static void Notify(Context c)
        {
            c.File.Member($$"""
                /// <summary>Sends a notice to the {{c.Model.Subject}}.</summary>
                public Task NotifyAsync({{c.E}} {{c.V}}, string topic, CancellationToken ct)
                {
                    var greeting = NotifyGreeting({{c.V}}.FirstName);
                    var body = NotifyBody(greeting, topic, {{c.V}});
                    return _client.SendAsync(body, ct);
                }

                private static string NotifyGreeting(string firstName) => $"Dear {firstName},";

                private static string NotifyBody(string greeting, string topic, {{c.E}} {{c.V}})
                {
                    var builder = new StringBuilder();
                    builder.AppendLine(greeting);
                    builder.Append("There is news about ").Append(topic).AppendLine(".");
                    builder.Append("We will reply to ").Append({{c.V}}.Email).AppendLine(".");
                    builder.Append("Reference: ").Append({{c.V}}.Id.ToString("N"));
                    return builder.ToString();
                }
                """);
        }

        private static void Export(Context c)
        {
            c.File.Member($$"""
                /// <summary>Exports the open records, one line each.</summary>
                public async Task<int> ExportAsync(IReadOnlyList<{{c.E}}> items, CancellationToken ct)
                {
                    var lines = items
                        .Where(x => x.Status != {{c.S}}.Closed)
                        .OrderBy(x => x.CreatedAt)
                        .Select(x => ExportLine(x))
                        .ToList();
                    foreach (var line in lines)
                    {
                        await _client.SendAsync(line, ct).ConfigureAwait(false);
                    }

                    return lines.Count;
                }

                private static string ExportLine({{c.E}} item)
                {
                    string name = item.LastName.ToUpperInvariant();
                    return string.Join(';', item.Id.ToString("N"), name, item.Email, item.Status.ToString());
                }
                """);
        }

        private static void Summarize(Context c)
        {
            string record = c.Service.Replace("Service", "Prompt", StringComparison.Ordinal);
            c.File.Member($$"""
                /// <summary>Asks the assistant for a summary of the account.</summary>
                public async Task<string> SummarizeAsync({{c.E}} {{c.V}}, CancellationToken ct)
                {
                    var request = new {{record}}({{c.V}}.FullName, {{c.V}}.Email, {{c.V}}.Status);
                    var prompt = await SummarizePromptAsync(request, ct).ConfigureAwait(false);
                    return await _client.AskAsync(prompt, ct).ConfigureAwait(false);
                }

                private static async Task<string> SummarizePromptAsync({{record}} request, CancellationToken ct)
                {
                    await Task.Yield();
                    ct.ThrowIfCancellationRequested();
                    return SummarizeFormat(request);
                }

                private static string SummarizeFormat({{record}} request) =>
                    $"Summarise the account of {request.Name} <{request.Email}> (status {request.Status}) in three sentences.";
                """);
            c.File.After($$"""
                /// <summary>What the summary prompt is built from.</summary>
                public sealed record {{record}}(string Name, string Email, {{c.S}} Status);
                """);
        }

        private static void Overwrite(Context c)
        {
            c.File.Member($$"""
                /// <summary>Records that the account was looked at; the log key is not personal.</summary>
                public Task TouchAsync({{c.E}} {{c.V}}, CancellationToken ct)
                {
                    var key = {{c.V}}.Email.Trim();
                    key = $"{{c.V}}:{{{c.V}}.Id:N}";
                    var payload = key + ":" + {{c.V}}.Status;
                    return _client.SendAsync(payload, ct);
                }
                """);
        }

        private static void Metrics(Context c)
        {
            c.File.Member($$"""
                /// <summary>Sends aggregate figures only.</summary>
                public Task ReportAsync(IReadOnlyCollection<{{c.E}}> items, CancellationToken ct)
                {
                    int active = items.Count(x => x.Status == {{c.S}}.Active);
                    int withMail = items.Count(x => x.Email.Length > 0);
                    double share = items.Count == 0 ? 0 : active / (double)items.Count;
                    var payload = string.Create(CultureInfo.InvariantCulture, $"total={items.Count};active={active};mail={withMail};share={share:0.00}");
                    return _client.SendAsync(payload, ct);
                }
                """);
        }

        private static void Anonymize(Context c)
        {
            c.File.Member($$"""
                /// <summary>Tracks a sign-up under an anonymous fingerprint.</summary>
                public Task TrackSignupAsync({{c.E}} {{c.V}}, CancellationToken ct)
                {
                    var fingerprint = Fingerprint({{c.V}}.Email);
                    return _client.PublishAsync(new { fingerprint, status = {{c.V}}.Status.ToString(), day = {{c.V}}.CreatedAt.Date }, ct);
                }

                [Anonymizer]
                private static string Fingerprint(string value)
                {
                    byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(value.Trim().ToLowerInvariant()));
                    return Convert.ToHexString(hash, 0, 4);
                }
                """);
        }

        private static void Pseudonymize(Context c)
        {
            c.File.Member($$"""
                private static readonly byte[] PseudonymKey = Encoding.UTF8.GetBytes("{{c.Service}}-{{c.Rng.Between(1000, 9999)}}");

                /// <summary>Shares the record under a pseudonym (still personal data).</summary>
                public Task SharePseudonymousAsync({{c.E}} {{c.V}}, CancellationToken ct)
                {
                    var document = new
                    {
                        subject = Pseudonym({{c.V}}.Email),
                        created = {{c.V}}.CreatedAt,
                        status = {{c.V}}.Status.ToString(),
                    };
                    return _client.PublishAsync(document, ct);
                }

                [Pseudonymizer]
                private static string Pseudonym(string value) =>
                    Convert.ToHexString(HMACSHA256.HashData(PseudonymKey, Encoding.UTF8.GetBytes(value)));
                """);
        }

        private static void Serialize(Context c)
        {
            c.File.Member($$"""
                private static readonly JsonSerializerOptions JsonOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web);

                /// <summary>Mirrors the whole record to the remote system.</summary>
                public Task MirrorAsync({{c.E}} {{c.V}}, CancellationToken ct)
                {
                    string json = JsonSerializer.Serialize({{c.V}}, JsonOptions);
                    return _client.SendAsync(json, ct);
                }
                """);
        }

        private static void LocalFunction(Context c)
        {
            c.File.Member($$"""
                /// <summary>Sends a reminder, formal or not.</summary>
                public Task RemindAsync({{c.E}} {{c.V}}, bool formal, CancellationToken ct)
                {
                    string Salutation() => formal ? $"Dear {{{c.V}}.FirstName} {{{c.V}}.LastName}" : $"Hi {{{c.V}}.FirstName}";
                    var text = Salutation() + ", your {{c.Model.Subject}} account needs attention.";
                    if ({{c.V}}.Status == {{c.S}}.Suspended)
                    {
                        text += " It is currently suspended.";
                    }

                    return _client.SendAsync(text, ct);
                }
                """);
        }

        private static void FieldAcrossMethods(Context c)
        {
            c.File.Member($$"""
                private readonly List<string> _pendingContacts = new List<string>();

                /// <summary>Queues the contact address for the next flush.</summary>
                public void Queue({{c.E}} {{c.V}})
                {
                    if ({{c.V}}.IsActive)
                    {
                        _pendingContacts.Add({{c.V}}.Email);
                    }
                }

                /// <summary>Sends the queued addresses in one call.</summary>
                public async Task FlushAsync(CancellationToken ct)
                {
                    if (_pendingContacts.Count == 0)
                    {
                        return;
                    }

                    var batch = string.Join(',', _pendingContacts);
                    _pendingContacts.Clear();
                    await _client.SendAsync(batch, ct).ConfigureAwait(false);
                }
                """);
        }

        private static void Digest(Context c)
        {
            c.File.Member($$"""
                /// <summary>Builds a digest of recent records and asks the assistant to prioritise it.</summary>
                public async Task<string> PrioritiseAsync(IEnumerable<{{c.E}}> items, DateTimeOffset since, CancellationToken ct)
                {
                    var recent = items.Where(x => x.CreatedAt >= since).ToArray();
                    var digest = DigestBuild(recent);
                    string prompt = string.Format(CultureInfo.InvariantCulture, "Prioritise these {0} records:\n{1}", recent.Length, digest);
                    return await _client.AskAsync(prompt, ct).ConfigureAwait(false);
                }

                private static string DigestBuild(IReadOnlyList<{{c.E}}> items)
                {
                    var builder = new StringBuilder();
                    for (int i = 0; i < items.Count; i++)
                    {
                        builder.Append(i + 1).Append(". ").AppendLine(DigestLine(items[i]));
                    }

                    return builder.ToString();
                }

                private static string DigestLine({{c.E}} item) => $"{item.FullName} ({item.Status}, since {item.CreatedAt:yyyy-MM-dd})";
                """);
        }

        private static void Contact(Context c)
        {
            string phone = c.Model.HasPhone ? $"{c.V}.Phone ?? {c.V}.Email" : $"{c.V}.Email";
            c.File.Member($$"""
                /// <summary>Asks the remote system to call back.</summary>
                public async Task<bool> RequestCallbackAsync({{c.E}} {{c.V}}, string reason, CancellationToken ct)
                {
                    if (!{{c.V}}.IsActive)
                    {
                        return false;
                    }

                    var channel = {{phone}};
                    var request = new CallbackRequest(channel, reason, DateTimeOffset.UtcNow.AddHours(1));
                    await _client.PublishAsync(request, ct).ConfigureAwait(false);
                    return true;
                }

                /// <summary>A call-back request.</summary>
                public sealed record CallbackRequest(string Channel, string Reason, DateTimeOffset NotBefore);
                """);
        }

        private static void Health(Context c)
        {
            c.File.Member($$"""
                /// <summary>Asks the assistant for follow-up suggestions.</summary>
                public Task<string> SuggestFollowUpAsync({{c.E}} {{c.V}}, CancellationToken ct)
                {
                    var notes = {{c.V}}.Diagnosis ?? "no diagnosis recorded";
                    var allergies = {{c.V}}.Allergies.Count == 0 ? "none" : string.Join(", ", {{c.V}}.Allergies);
                    var prompt = FollowUpPrompt({{c.V}}.FirstName, notes, allergies);
                    return _client.AskAsync(prompt, ct);
                }

                private static string FollowUpPrompt(string firstName, string notes, string allergies) =>
                    $"Suggest follow-up steps for {firstName}. Notes: {notes}. Allergies: {allergies}.";
                """);
        }

        private static void DeclaredTransfer(Context c)
        {
            c.File.Member($$"""
                /// <summary>Drafts a reply to a question; the transfer basis is declared.</summary>
                [DataTransfer("US", TransferMechanism.StandardContractualClauses, Recipient = "{{c.Client.Recipient}}", Justification = "SCCs signed 2025-0{{c.Rng.Between(1, 9)}}-15, DPA ref. {{c.Rng.Between(10, 99)}}")]
                public async Task<string> DraftReplyAsync({{c.E}} {{c.V}}, string question, CancellationToken ct)
                {
                    var context = $"Customer: {{{c.V}}.FullName}\nQuestion: {question}";
                    var answer = await _client.AskAsync(context, ct).ConfigureAwait(false);
                    return answer.Trim();
                }
                """);
        }

        private static void Address(Context c)
        {
            c.File.Member($$"""
                /// <summary>Sends a shipping label.</summary>
                public Task SendLabelAsync({{c.E}} {{c.V}}, CancellationToken ct)
                {
                    var lines = new List<string> { {{c.V}}.FullName, {{c.V}}.Street };
                    lines.Add($"{{{c.V}}.PostalCode} {{{c.V}}.City}");
                    lines.Add({{c.V}}.Country.ToUpperInvariant());
                    return _client.PublishAsync(new { lines = lines.ToArray(), reference = {{c.V}}.Id }, ct);
                }
                """);
        }
    }
}
