using Microsoft.CodeAnalysis.Testing;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Sources
{
    /// <summary>Shared usings and sinks of the platform-source tests (compiled against the real ASP.NET Core reference assemblies).</summary>
    internal static class SourceTestModel
    {
        public const string Header = @"
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using System.Security.Principal;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Net.Http.Headers;
using Residency;

public class Crm
{
    [DataSink(""US"", Recipient = ""Acme CRM"")] public void Send(string? payload) { }
    [DataSink(""US"", Recipient = ""Acme CRM"")] public void SendObject(object? payload) { }
}
";

        /// <summary>The usings of the request-handler tests (minimal APIs, controllers, route groups).</summary>
        public const string RoutingUsings = @"
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
";

        public const string Sink = "Crm.Send (recipient Acme CRM)";

        public const string ObjectSink = "Crm.SendObject (recipient Acme CRM)";

        /// <summary>RES001 at markup <paramref name="markup"/> for <paramref name="data"/> sent to Crm.Send, with the path.</summary>
        public static DiagnosticResult Res001(int markup, string data, string path, string sink = Sink) =>
            Verify.Diagnostic("RES001").WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments(data, sink, "US (United States)", "EEA;Adequate", path);
    }
}
