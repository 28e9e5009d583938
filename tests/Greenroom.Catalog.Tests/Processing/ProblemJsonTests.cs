using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Problems;
using Greenroom.Catalog.Processing;

namespace Greenroom.Catalog.Tests.Processing;

public sealed class ProblemJsonTests
{
    [Fact]
    public void Status_items_use_the_backstage_shape()
    {
        var items = JsonNode.Parse(ProblemJson.StatusItems([new CatalogProblem("bad name", "/c/a.yaml", 3, 9, "metadata.name")]))!.AsArray();

        var item = Assert.Single(items)!.AsObject();
        Assert.Equal("backstage.io/catalog-processing", (string?)item["type"]);
        Assert.Equal("error", (string?)item["level"]);
        Assert.Equal("InputError: /c/a.yaml:3:9: metadata.name: bad name", (string?)item["message"]);
        Assert.Equal("InputError", (string?)item["error"]!["name"]);
    }

    [Fact]
    public void Location_errors_carry_file_line_column_and_field()
    {
        var errors = JsonNode.Parse(ProblemJson.LocationErrors([new CatalogProblem("bad", "/c/a.yaml", 3, 9, "spec.owner") { Name = "ConflictError" }]))!.AsArray();

        var error = Assert.Single(errors)!.AsObject();
        Assert.Equal(3, (int?)error["line"]);
        Assert.Equal(9, (int?)error["column"]);
        Assert.Equal("spec.owner", (string?)error["field"]);
        Assert.Equal("ConflictError", (string?)error["name"]);
    }
}
