using System;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// The real assemblies of the AI and e-mail packages (Microsoft.Extensions.AI, Microsoft.Extensions.AI.OpenAI,
    /// OllamaSharp, Microsoft.SemanticKernel, Microsoft.Agents.AI, MailKit and what their APIs expose), for tests that compile against the
    /// packages' own types. The test project references the packages (central versions in Directory.Packages.props), so
    /// NuGet restores them once with the project and copies them next to the tests; nothing is downloaded per test.
    /// Their net10.0 builds are compiled against the .NET 10 reference assemblies (Basic.Reference.Assemblies.Net100).
    /// </summary>
    internal static class PackageReferences
    {
        private static readonly string[] AssemblyNames =
        {
            "Microsoft.Extensions.AI",
            "Microsoft.Extensions.AI.Abstractions",
            "Microsoft.Extensions.AI.OpenAI",
            "OpenAI",
            "System.ClientModel",
            "System.Memory.Data",
            "Azure.AI.OpenAI",
            "Azure.Core",
            "OllamaSharp",
            "Microsoft.SemanticKernel.Abstractions",
            "Microsoft.SemanticKernel.Core",
            "Microsoft.SemanticKernel.Connectors.OpenAI",
            "Microsoft.SemanticKernel.Connectors.AzureOpenAI",
            "Microsoft.Extensions.VectorData.Abstractions",
            "Microsoft.Agents.AI",
            "Microsoft.Agents.AI.Abstractions",
            "MailKit",
            "MimeKit",
            "Microsoft.Extensions.DependencyInjection.Abstractions",
            "Microsoft.Extensions.Logging.Abstractions",
            "Microsoft.Extensions.Configuration.Abstractions",
            "Microsoft.Extensions.Primitives",
            "Microsoft.Extensions.Caching.Abstractions",
            "Microsoft.Extensions.Options",
            "Microsoft.Extensions.Hosting.Abstractions",
            "Microsoft.Extensions.FileProviders.Abstractions",
            "Microsoft.Extensions.Diagnostics.Abstractions",
        };

        /// <summary>.NET 10 reference assemblies, the Residency annotations and the packages' assemblies.</summary>
        public static readonly ImmutableArray<MetadataReference> All = Build();

        private static readonly string[] RefitAssemblyNames = { "Refit", "Refit.HttpClientFactory", "Microsoft.Extensions.Http" };

        /// <summary><see cref="All"/> and Refit's assemblies (Refit, Refit.HttpClientFactory and what AddRefitClient exposes), for RefitSinkTests only.</summary>
        public static ImmutableArray<MetadataReference> Refit => s_refit.Value;

        private static readonly Lazy<ImmutableArray<MetadataReference>> s_refit = new(() => All.AddRange(Array.ConvertAll(RefitAssemblyNames, name => (MetadataReference)MetadataReference.CreateFromFile(Find(name)))));

        private static ImmutableArray<MetadataReference> Build()
        {
            var builder = ImmutableArray.CreateBuilder<MetadataReference>();
            builder.AddRange(Basic.Reference.Assemblies.Net100.References.All);
            builder.Add(MetadataReference.CreateFromFile(typeof(Residency.PersonalDataAttribute).Assembly.Location));
            foreach (var name in AssemblyNames)
            {
                builder.Add(MetadataReference.CreateFromFile(Find(name)));
            }

            return builder.ToImmutable();
        }

        private static string Find(string name)
        {
            var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            if (!File.Exists(path))
            {
                // With the ASP.NET Core framework reference, the Microsoft.Extensions.* assemblies come from its targeting pack
                // (listed at build time in targeting-pack-references.txt) rather than from their packages.
                var list = Path.Combine(AppContext.BaseDirectory, "targeting-pack-references.txt");
                var targetingPack = File.Exists(list) ? File.ReadAllLines(list) : Array.Empty<string>();
                path = Array.Find(targetingPack, p => string.Equals(Path.GetFileName(p), name + ".dll", StringComparison.OrdinalIgnoreCase)) ?? path;
            }

            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{name}.dll is neither next to the tests nor in the targeting packs: is the package referenced by Residency.Analyzers.Tests.csproj?");
            }

            return path;
        }
    }
}
