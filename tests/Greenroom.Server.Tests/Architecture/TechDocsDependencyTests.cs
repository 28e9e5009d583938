using System.Reflection;

namespace Greenroom.Server.Tests.Architecture;

/// <summary>TechDocs is a feature: it sees only the plugin SDK, never the catalog, ASP.NET or a storage provider.</summary>
public sealed class TechDocsDependencyTests
{
    [Fact]
    public void TechDocs_depends_only_on_the_plugin_sdk()
    {
        var references = Assembly.Load("Greenroom.TechDocs").GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.Equal(["Greenroom.Plugins.Abstractions"], references.Where(r => r.StartsWith("Greenroom.", StringComparison.Ordinal)).ToList());
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Data", StringComparison.Ordinal));
    }
}
