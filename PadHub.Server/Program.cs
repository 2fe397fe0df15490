using PadHub.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPadHubServer(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UsePadHubServer();
app.Run();

/// <summary>The entry point, public so that tests can host the server with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
