using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace Residency.EndToEnd.Tests
{
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class RepositoryRootAttribute(string path) : Attribute
    {
        public string Path { get; } = path;
    }

    /// <summary>The result of one dotnet command.</summary>
    public sealed record CommandResult(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}";
    }

    /// <summary>Runs the dotnet CLI as a user would, isolated from the test host's MSBuild environment.</summary>
    public static class DotNet
    {
        public static string RepositoryRoot { get; } =
            typeof(DotNet).Assembly.GetCustomAttribute<RepositoryRootAttribute>()!.Path;

        public static CommandResult Run(string workingDirectory, string arguments, params (string Key, string? Value)[] environment) =>
            RunProcess("dotnet", workingDirectory, arguments, environment);

        /// <summary>Runs any program with the same isolated environment as <see cref="Run"/>.</summary>
        public static CommandResult RunProcess(string program, string workingDirectory, string arguments, params (string Key, string? Value)[] environment)
        {
            var info = new ProcessStartInfo(program, arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            // The test host runs inside MSBuild/vstest: do not leak its MSBuild settings into the user-like build.
            foreach (var key in info.Environment.Keys.ToList())
            {
                if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("MSBUILD", StringComparison.Ordinal) ||
                    key is "VSTEST_HOST_DEBUG" or "DOTNET_HOST_PATH" or "CI" or "ContinuousIntegrationBuild")
                {
                    info.Environment.Remove(key);
                }
            }

            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            info.Environment["DOTNET_NOLOGO"] = "1";
            foreach (var (key, value) in environment)
            {
                if (value is null)
                {
                    info.Environment.Remove(key);
                }
                else
                {
                    info.Environment[key] = value;
                }
            }

            using var process = Process.Start(info)!;
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {arguments} did not finish in 10 minutes");
            }

            process.WaitForExit();
            lock (output)
            {
                return new CommandResult(process.ExitCode, output.ToString());
            }
        }

        public static void CopyDirectory(string source, string destination)
        {
            foreach (var directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, directory);
                if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
                {
                    continue;
                }

                Directory.CreateDirectory(Path.Combine(destination, relative));
            }

            Directory.CreateDirectory(destination);
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
                {
                    continue;
                }

                File.Copy(file, Path.Combine(destination, relative), overwrite: true);
            }
        }
    }
}
