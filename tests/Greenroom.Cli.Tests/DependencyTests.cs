namespace Greenroom.Cli.Tests;

public sealed class DependencyTests
{
    [Fact]
    public void Cli_uses_the_catalog_model_and_the_scaffolder_engine_and_nothing_of_the_server()
    {
        // The tool must install and run without the server: it shares the pure model (parser, validator, limits) and
        // the scaffolder engine (no ASP.NET, no storage) that `template run` renders with.
        var references = typeof(GreenroomCommandLine).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.Equal(
            ["Greenroom.Catalog.Model", "Greenroom.Plugins.Abstractions", "Greenroom.Scaffolder"],
            references.Where(r => r.StartsWith("Greenroom.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList());
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
