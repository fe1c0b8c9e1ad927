using SupportDesk.Models;
using SupportDesk.Services;

var service = new SupportService(new TicketStore(), new CrmClient(), new Analytics(), new HttpClient());
var ticket = new Ticket
{
    Number = 1,
    Customer = new Customer { Id = Guid.NewGuid(), FullName = "Ada Example", Email = "ada@example.org" },
    Subject = "Refund",
    Body = "My order arrived damaged.",
    OpenedAt = DateTimeOffset.UtcNow,
};
Console.WriteLine($"Ticket {ticket.Number}: {ticket.Subject}");
if (args.Contains("--run"))
{
    await service.HandleAsync(ticket);
}
