using Greenroom.Bench.Measures;

namespace Greenroom.Bench.Tests.Measures;

public sealed class IncrementalEditTests
{
    private const string Part = """
        ---
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata:
          name: orders-api-1
          description: "REST API"
        spec:
          definition: |
            paths:
              description: nested, not metadata
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: orders-service-2
          description: "The orders-service-2 service."
        spec:
          type: service

        """;

    [Fact]
    public void Replaces_the_description_of_the_first_component_only()
    {
        var (text, name, entities) = IncrementalEdit.Edit(Part.ReplaceLineEndings("\n"), "Edited");

        Assert.Equal("orders-service-2", name);
        Assert.Equal(2, entities);
        Assert.Contains("  description: \"REST API\"", text, StringComparison.Ordinal);
        Assert.Contains("  description: \"Edited\"\nspec:\n  type: service", text, StringComparison.Ordinal);
        Assert.DoesNotContain("The orders-service-2 service.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_file_without_components() =>
        Assert.Throws<BenchException>(() => IncrementalEdit.Edit("---\nkind: API\nmetadata:\n  name: a\n", "Edited"));
}
