namespace Greenroom.Cli.Tests;

public sealed class DependencyTests
{
    [Fact]
    public void Cli_uses_the_catalog_model_and_nothing_of_the_server()
    {
        // The tool must install and run without the server: it shares only the pure model (parser, validator, limits).
        var references = typeof(GreenroomCommandLine).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.Equal(["Greenroom.Catalog.Model"], references.Where(r => r.StartsWith("Greenroom.", StringComparison.Ordinal)).ToList());
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
