using System;

namespace Residency.Benchmarks.Generator
{
    /// <summary>
    /// Client files: every client exposes <c>SendAsync(string, CancellationToken)</c>,
    /// <c>AskAsync(string, CancellationToken)</c> returning a string, and <c>PublishAsync(object, CancellationToken)</c>,
    /// so any service can use any client. Where the data goes differs per <see cref="ClientTemplate"/>.
    /// </summary>
    internal static class ClientTemplates
    {
        public static SourceFile Create(ModuleInfo module, ClientInfo c, Rng rng)
        {
            string ns = module.RootNamespace + ".Clients";
            string classSink = c.Template == ClientTemplate.AnalyticsUs
                ? $"[DataSink(\"US\", Recipient = \"{c.Recipient}\", Purpose = \"product analytics\")]\n"
                : string.Empty;
            var file = new SourceFile(
                $"src/{module.Area}/Clients/{c.Name}.cs",
                ns,
                $"/// <summary>Talks to {c.Recipient} for the {module.Area.ToLowerInvariant()} module.</summary>\n{classSink}public sealed class {c.Name}");
            file.Using(Fillers.Usings)
                .Using("System.Net.Http", "System.Net.Http.Json", "System.Threading", "System.Threading.Tasks", "Residency");

            file.Member($$"""
                private readonly HttpClient _http;
                private int _requests;

                /// <summary>Creates the client over a configured <see cref="HttpClient"/>.</summary>
                public {{c.Name}}(HttpClient http)
                {
                    _http = http;
                }

                /// <summary>Number of requests sent by this instance.</summary>
                public int Requests => _requests;
                """);

            switch (c.Template)
            {
                case ClientTemplate.OpenAiUs:
                    Llm(file, "https://api.openai.com/v1", rng, "gpt-4o-mini");
                    break;
                case ClientTemplate.OpenAiEu:
                    Llm(file, "https://eu.api.openai.com/v1", rng, "gpt-4o-mini");
                    break;
                case ClientTemplate.MistralEu:
                    Llm(file, "https://api.eu.mistral.ai/v1", rng, "mistral-small-latest");
                    break;
                case ClientTemplate.OrderingInternal:
                    Ordering(file);
                    break;
                case ClientTemplate.CrmUs:
                    AnnotatedSink(file, c, "US", "customer relationship management", "https://crm.example.com/api/v2/");
                    break;
                case ClientTemplate.MailDe:
                    AnnotatedSink(file, c, "DE", "transactional e-mail", "https://mail.example.de/v1/");
                    break;
                case ClientTemplate.SupportIe:
                    AnnotatedSink(file, c, "IE", "support tickets", "https://support.example.ie/api/");
                    break;
                case ClientTemplate.AnalyticsUs:
                    Analytics(file);
                    break;
                default:
                    throw new InvalidOperationException();
            }

            file.Member("""
                private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
                {
                    if (!response.IsSuccessStatusCode)
                    {
                        string detail = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                        throw new HttpRequestException($"Request failed with {(int)response.StatusCode}: {detail}");
                    }
                }
                """);
            return file;
        }

        private static void Llm(SourceFile file, string baseUrl, Rng rng, string model)
        {
            double temperature = rng.Between(0, 10) / 10.0;
            file.Member($$"""
                private const string CompletionsUrl = "{{baseUrl}}/chat/completions";
                private const string Model = "{{model}}";
                """);
            file.Member($$"""
                /// <summary>Sends a prompt and returns the raw completion.</summary>
                public async Task<string> AskAsync(string prompt, CancellationToken ct)
                {
                    Interlocked.Increment(ref _requests);
                    var body = new
                    {
                        model = Model,
                        temperature = {{temperature.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}},
                        messages = new[] { new { role = "user", content = prompt } },
                    };
                    using var response = await _http.PostAsJsonAsync(CompletionsUrl, body, ct).ConfigureAwait(false);
                    await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
                    return await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                }
                """);
            file.Member($$"""
                /// <summary>Sends text for moderation.</summary>
                public async Task SendAsync(string payload, CancellationToken ct)
                {
                    Interlocked.Increment(ref _requests);
                    using var response = await _http.PostAsJsonAsync("{{baseUrl}}/moderations", new { input = payload }, ct).ConfigureAwait(false);
                    await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
                }
                """);
            file.Member($$"""
                /// <summary>Uploads a document for retrieval.</summary>
                public async Task PublishAsync(object document, CancellationToken ct)
                {
                    Interlocked.Increment(ref _requests);
                    using var response = await _http.PostAsJsonAsync(new Uri("{{baseUrl}}/files"), document, ct).ConfigureAwait(false);
                    await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
                }
                """);
            file.Member($$"""
                /// <summary>Embeds a batch of texts.</summary>
                public async Task<string> EmbedAsync(IReadOnlyList<string> inputs, CancellationToken ct)
                {
                    Interlocked.Increment(ref _requests);
                    using var response = await _http.PostAsJsonAsync("{{baseUrl}}/embeddings", new { model = "text-embedding-3-small", input = inputs }, ct).ConfigureAwait(false);
                    await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
                    return await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                }
                """);
        }

        private static void Ordering(SourceFile file)
        {
            file.Member("""
                private const string BaseUrl = "http://ordering-api/api/v1";
                """);
            file.Member("""
                /// <summary>Looks up the orders of a buyer.</summary>
                public async Task<string> AskAsync(string prompt, CancellationToken ct)
                {
                    Interlocked.Increment(ref _requests);
                    return await _http.GetStringAsync($"{BaseUrl}/orders?buyer={Uri.EscapeDataString(prompt)}", ct).ConfigureAwait(false);
                }
                """);
            file.Member("""
                /// <summary>Posts a note to the ordering service.</summary>
                public async Task SendAsync(string payload, CancellationToken ct)
                {
                    Interlocked.Increment(ref _requests);
                    using var response = await _http.PostAsJsonAsync(BaseUrl + "/notes", new { text = payload }, ct).ConfigureAwait(false);
                    await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
                }
                """);
            file.Member("""
                /// <summary>Replaces the buyer document.</summary>
                public async Task PublishAsync(object document, CancellationToken ct)
                {
                    Interlocked.Increment(ref _requests);
                    using var response = await _http.PutAsJsonAsync("http://ordering-api/api/v1/buyers", document, ct).ConfigureAwait(false);
                    await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
                }
                """);
        }

        private static void AnnotatedSink(SourceFile file, ClientInfo c, string region, string purpose, string baseUrl)
        {
            string sink = $"[DataSink(\"{region}\", Recipient = \"{c.Recipient}\", Purpose = \"{purpose}\")]";
            file.Member($$"""
                private static readonly Uri BaseUri = new Uri("{{baseUrl}}");
                """);
            file.Member($$"""
                /// <summary>Creates or updates a record at {{c.Recipient}}</summary>
                {{sink}}
                public async Task SendAsync(string payload, CancellationToken ct)
                {
                    Interlocked.Increment(ref _requests);
                    using var content = new StringContent(payload, Encoding.UTF8, "text/plain");
                    using var response = await _http.PostAsync(new Uri(BaseUri, "records"), content, ct).ConfigureAwait(false);
                    await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
                }
                """);
            file.Member($$"""
                /// <summary>Runs a search at {{c.Recipient}}</summary>
                {{sink}}
                public async Task<string> AskAsync(string prompt, CancellationToken ct)
                {
                    Interlocked.Increment(ref _requests);
                    using var response = await _http.PostAsJsonAsync(new Uri(BaseUri, "search"), new { query = prompt }, ct).ConfigureAwait(false);
                    await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
                    return await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                }
                """);
            file.Member($$"""
                /// <summary>Uploads a document to {{c.Recipient}}</summary>
                public async Task PublishAsync([DataSink("{{region}}", Recipient = "{{c.Recipient}}")] object document, CancellationToken ct)
                {
                    Interlocked.Increment(ref _requests);
                    using var response = await _http.PostAsJsonAsync(new Uri(BaseUri, "documents"), document, ct).ConfigureAwait(false);
                    await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
                }
                """);
            file.Member("""
                /// <summary>Health probe; sends no data.</summary>
                public async Task<bool> PingAsync(CancellationToken ct)
                {
                    using var response = await _http.GetAsync(new Uri(BaseUri, "health"), ct).ConfigureAwait(false);
                    return response.IsSuccessStatusCode;
                }
                """);
        }

        private static void Analytics(SourceFile file)
        {
            file.Member("""
                private const string TrackUrl = "https://analytics.example.com/v1/track";
                """);
            file.Member("""
                /// <summary>Tracks an event.</summary>
                public async Task SendAsync(string payload, CancellationToken ct)
                {
                    Interlocked.Increment(ref _requests);
                    using var response = await _http.PostAsJsonAsync(TrackUrl, new { @event = payload, at = DateTimeOffset.UtcNow }, ct).ConfigureAwait(false);
                    await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
                }
                """);
            file.Member("""
                /// <summary>Asks the analytics backend for a segment.</summary>
                public async Task<string> AskAsync(string prompt, CancellationToken ct)
                {
                    Interlocked.Increment(ref _requests);
                    return await _http.GetStringAsync(TrackUrl + "/segments?q=" + Uri.EscapeDataString(prompt), ct).ConfigureAwait(false);
                }
                """);
            file.Member("""
                /// <summary>Sends a batch of properties.</summary>
                public async Task PublishAsync(object document, CancellationToken ct)
                {
                    Interlocked.Increment(ref _requests);
                    using var response = await _http.PostAsJsonAsync(TrackUrl + "/batch", document, ct).ConfigureAwait(false);
                    await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
                }
                """);
        }
    }
}
