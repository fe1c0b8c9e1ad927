using System.IO;
using System.Linq;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// A gRPC service as published (Grpc.AspNetCore, the service base and messages Grpc.Tools generates into obj/): the
    /// request a client sends is personal where its members name personal data, and reaches where the service sends it.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class GrpcServiceTests(PackageFixture package)
    {
        [Fact]
        public void A_gRPC_services_request_reaches_where_the_service_sends_it()
        {
            var workspace = package.NewWorkspace("grpc-service");
            var app = PackageFixture.WriteProject(workspace, "App", """
                using System.Net.Http.Json;
                using Grpc.Core;
                using Shop.Grpc;

                public sealed class CustomersService(HttpClient http) : Customers.CustomersBase
                {
                    public override async Task<RegisterReply> Register(RegisterRequest request, ServerCallContext context)
                    {
                        await http.PostAsJsonAsync("https://api.openai.com/v1/contacts", new { request.Email, request.Plan });
                        await http.PostAsJsonAsync("https://api.mistral.ai/v1/contacts", new { request.Email });
                        return new RegisterReply { Id = "1" };
                    }
                }
                """, extraItems: """
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <PackageReference Include="Grpc.AspNetCore" Version="2.85.0" /><Protobuf Include="customers.proto" GrpcServices="Server" />
                """);
            File.WriteAllText(Path.Combine(app, "customers.proto"), """
                syntax = "proto3";
                option csharp_namespace = "Shop.Grpc";
                package shop;
                service Customers { rpc Register (RegisterRequest) returns (RegisterReply); }
                message RegisterRequest { string email = 1; string plan = 2; }
                message RegisterReply { string id = 1; }
                """);
            var (_, inventory) = PackageFixture.BuildAndReadInventory(app);
            var flows = inventory.Get("flows")!.Items
                .Select(f => (f.Get("sink")!.GetString("host"), f.Get("sink")!.GetString("region"), f.GetString("status"), string.Join(",", f.Get("sources")!.Items.Select(s => s.GetString("member")))))
                .OrderBy(f => f.Item1)
                .ToList();
            Assert.Equal(
                new (string?, string?, string?, string)[]
                {
                    ("api.mistral.ai", "FR", "allowed", "RegisterRequest.Email"),
                    ("api.openai.com", "US", "violation", "RegisterRequest.Email"),
                },
                flows);
        }
    }
}
