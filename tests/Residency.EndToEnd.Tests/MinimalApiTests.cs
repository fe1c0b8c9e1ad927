using System.Linq;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// Microsoft's minimal API tutorial maps local functions of the top-level statements by name
    /// (<c>todoItems.MapPost("/", CreateTodo)</c>): their parameters are bound from the request, as a lambda's are, in a
    /// user's build with the package.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class MinimalApiTests(PackageFixture package)
    {
        [Fact]
        public void Handlers_mapped_by_name_receive_the_request()
        {
            var workspace = package.NewWorkspace("minimal-api");
            var app = PackageFixture.WriteProject(workspace, "App", """
                using System.Net.Http.Json;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Http.HttpResults;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHttpClient();
                var app = builder.Build();

                var todoItems = app.MapGroup("/todoitems");
                todoItems.MapPost("/", CreateTodo);
                app.Run();

                static async Task<Created<TodoItemDTO>> CreateTodo(TodoItemDTO todoItemDTO, IHttpClientFactory clients)
                {
                    await clients.CreateClient().PostAsJsonAsync("https://api.openai.com/v1/reminders", new { todoItemDTO.Email, todoItemDTO.Name });
                    return TypedResults.Created("/todoitems/1", todoItemDTO);
                }

                public class TodoItemDTO
                {
                    public string? Name { get; set; }
                    public string? Email { get; set; }
                    public bool IsComplete { get; set; }
                }
                """, extraProperties: "<OutputType>Exe</OutputType>", extraItems: """<FrameworkReference Include="Microsoft.AspNetCore.App" />""");
            var (result, inventory) = PackageFixture.BuildAndReadInventory(app);
            Assert.Contains("warning RES001", result.Output);
            Assert.Contains("path: CreateTodo →", result.Output);
            var flow = Assert.Single(inventory.Get("flows")!.Items);
            Assert.Equal(("api.openai.com", "violation"), (flow.Get("sink")!.GetString("host"), flow.GetString("status")));
            Assert.Equal(new[] { "TodoItemDTO.Email" }, flow.Get("sources")!.Items.Select(s => s.GetString("member")));
        }
    }
}
