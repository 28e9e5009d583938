using System.Reflection;

namespace Greenroom.Server.Tests.Architecture;

/// <summary>Dependencies point inwards: Server → features → model. These tests fail when one points the wrong way.</summary>
public sealed class DependencyDirectionTests
{
    private static IReadOnlyList<string> ReferencesOf(string assemblyName) =>
        Assembly.Load(assemblyName).GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

    [Fact]
    public void Model_depends_on_no_other_greenroom_project_and_no_aspnet()
    {
        var references = ReferencesOf("Greenroom.Catalog.Model");

        Assert.DoesNotContain(references, r => r.StartsWith("Greenroom.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Data", StringComparison.Ordinal));
    }

    [Fact]
    public void Catalog_depends_only_on_the_model_and_the_plugin_sdk_and_not_on_aspnet_or_a_storage_provider()
    {
        var references = ReferencesOf("Greenroom.Catalog");

        Assert.Equal(
            ["Greenroom.Catalog.Model", "Greenroom.Plugins.Abstractions"],
            references.Where(r => r.StartsWith("Greenroom.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList());
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Data", StringComparison.Ordinal));
    }

    [Fact]
    public void Plugin_sdk_depends_on_no_greenroom_project_and_no_aspnet()
    {
        var references = ReferencesOf("Greenroom.Plugins.Abstractions");

        Assert.DoesNotContain(references, r => r.StartsWith("Greenroom.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Sqlite_store_depends_inwards_only()
    {
        var references = ReferencesOf("Greenroom.Storage.Sqlite");

        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain("Greenroom.Server", references);
    }

    [Fact]
    public void Scaffolder_depends_only_on_the_plugin_sdk_and_not_on_aspnet_storage_or_other_features()
    {
        var references = ReferencesOf("Greenroom.Scaffolder");

        Assert.Equal(["Greenroom.Plugins.Abstractions"], references.Where(r => r.StartsWith("Greenroom.", StringComparison.Ordinal)).ToList());
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Data", StringComparison.Ordinal));
    }

    [Fact]
    public void Search_sees_only_the_plugin_sdk_and_no_aspnet()
    {
        var references = ReferencesOf("Greenroom.Search");

        Assert.Equal(["Greenroom.Plugins.Abstractions"], references.Where(r => r.StartsWith("Greenroom.", StringComparison.Ordinal)).ToList());
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
