using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Residency.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Reference assemblies for test compilations: .NET 8 reference assemblies from the Basic.Reference.Assemblies
    /// package (restored with the test project, so no test downloads anything) and the Residency annotations.
    /// </summary>
    internal static class TestReferences
    {
        /// <summary>An empty reference set: the framework comes from <see cref="All"/>, not from a NuGet download.</summary>
        public static readonly ReferenceAssemblies None = new ReferenceAssemblies("net8.0");

        public static readonly ImmutableArray<MetadataReference> All = Build();

        /// <summary>
        /// The .NET and ASP.NET Core reference assemblies this test project compiles against (the SDK's targeting packs,
        /// listed at build time in targeting-pack-references.txt) and the Residency annotations: for tests that use the
        /// real <c>HttpContext</c>, <c>UserManager&lt;T&gt;</c> and <c>ClaimsPrincipal</c>.
        /// </summary>
        public static ImmutableArray<MetadataReference> AspNetCore => s_aspNetCore.Value;

        private static readonly System.Lazy<ImmutableArray<MetadataReference>> s_aspNetCore = new(BuildAspNetCore);

        private static ImmutableArray<MetadataReference> BuildAspNetCore()
        {
            var list = Path.Combine(System.AppContext.BaseDirectory, "targeting-pack-references.txt");
            var builder = ImmutableArray.CreateBuilder<MetadataReference>();
            foreach (var line in File.ReadAllLines(list))
            {
                if (line.Length > 0 && File.Exists(line))
                {
                    builder.Add(MetadataReference.CreateFromFile(line));
                }
            }

            builder.Add(MetadataReference.CreateFromFile(typeof(Residency.PersonalDataAttribute).Assembly.Location));
            return builder.ToImmutable();
        }

        private static ImmutableArray<MetadataReference> Build()
        {
            var builder = ImmutableArray.CreateBuilder<MetadataReference>();
            builder.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            builder.Add(MetadataReference.CreateFromFile(typeof(Residency.PersonalDataAttribute).Assembly.Location));
            return builder.ToImmutable();
        }

        /// <summary>
        /// A referenced assembly compiled from <paramref name="source"/> (a package or another project as the analyzers see
        /// it: metadata only, no source in the compilation under test), against <paramref name="references"/> besides the framework.
        /// </summary>
        public static MetadataReference Library(string assemblyName, string source, params MetadataReference[] references)
        {
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                assemblyName,
                new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source) },
                All.AddRange(references), // the framework and the Residency annotations (a library may be annotated), and the libraries it builds on
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new System.InvalidOperationException("The test library does not compile: " + string.Join("; ", result.Diagnostics));
            }

            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        /// <summary>A global analyzer config with the given MSBuild properties, as the package's targets would pass them.</summary>
        public static (string Path, string Content) GlobalConfig(params (string Key, string Value)[] properties)
        {
            var text = "is_global = true\n";
            foreach (var (key, value) in properties)
            {
                text += $"build_property.{key} = {value}\n";
            }

            return (Path.Combine(Path.GetTempPath(), ".globalconfig").Replace('\\', '/'), text);
        }
    }
}
