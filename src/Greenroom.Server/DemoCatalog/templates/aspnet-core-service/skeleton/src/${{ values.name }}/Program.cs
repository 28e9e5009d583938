var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseExceptionHandler();
app.MapHealthChecks("/healthz");
app.MapGet("/", () => TypedResults.Ok(new ServiceInfo("${{ values.name }}")));

app.Run();

/// <summary>What <c>GET /</c> answers: which service this is.</summary>
internal sealed record ServiceInfo(string Name);

/// <summary>The entry point, named so that tests can start the service with WebApplicationFactory.</summary>
public partial class Program;
