using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Relations;
using Greenroom.Catalog.Stitching;
using Greenroom.Catalog.Store;

namespace Greenroom.Catalog.Tests.Stitching;

public sealed class FinalEntityBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly Guid LocationId = Guid.NewGuid();

    private static StitchSource Source(
        bool orphan = false, string errors = "[]", string? previousJson = null, string? previousHash = null) => new(
        "component:default/petstore",
        "uid-1",
        LocationId,
        """{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"petstore","namespace":"default"},"spec":{"owner":"Team-A"}}""",
        errors,
        orphan,
        [
            new EntityRelation("component:default/petstore", "partOf", "system:default/audio"),
            new EntityRelation("component:default/petstore", "ownedBy", "group:default/team-a"),
            new EntityRelation("component:default/petstore", "ownedBy", "group:default/team-a"),
        ],
        previousJson,
        previousHash);

    [Fact]
    public void Adds_uid_etag_and_sorted_distinct_relations()
    {
        var final = FinalEntityBuilder.Build(Source(), Now)!;
        var entity = JsonNode.Parse(final.FinalJson)!.AsObject();

        Assert.Equal("uid-1", (string?)entity["metadata"]!["uid"]);
        Assert.Equal(final.FinalHash, (string?)entity["metadata"]!["etag"]);
        var relations = entity["relations"]!.AsArray().Select(r => $"{r!["type"]}>{r["targetRef"]}").ToList();
        Assert.Equal(["ownedBy>group:default/team-a", "partOf>system:default/audio"], relations);
        Assert.Null(entity["status"]);
        Assert.Equal("created", final.History.Change);
        Assert.Equal("[]", final.History.DiffJson);
        Assert.Equal(LocationId, final.History.LocationId);
    }

    [Fact]
    public void Marks_orphans_and_records_the_orphaning()
    {
        var first = FinalEntityBuilder.Build(Source(), Now)!;

        var orphaned = FinalEntityBuilder.Build(Source(orphan: true, previousJson: first.FinalJson, previousHash: first.FinalHash), Now)!;

        var entity = JsonNode.Parse(orphaned.FinalJson)!;
        Assert.Equal("true", (string?)entity["metadata"]!["annotations"]!["backstage.io/orphan"]);
        Assert.Equal("orphaned", orphaned.History.Change);
        var change = Assert.Single(JsonNode.Parse(orphaned.History.DiffJson)!.AsArray())!;
        Assert.Equal("add", (string?)change["op"]);
        Assert.Equal("metadata.annotations", (string?)change["path"]);
    }

    [Fact]
    public void Shows_processing_errors_as_status_items()
    {
        const string errors = """[{"type":"backstage.io/catalog-processing","level":"error","message":"InputError: x","error":{"name":"InputError","message":"x"}}]""";

        var final = FinalEntityBuilder.Build(Source(errors: errors), Now)!;

        var items = JsonNode.Parse(final.FinalJson)!["status"]!["items"]!.AsArray();
        Assert.Equal("error", (string?)Assert.Single(items)!["level"]);
    }

    [Fact]
    public void Returns_nothing_when_the_final_form_is_unchanged()
    {
        var first = FinalEntityBuilder.Build(Source(), Now)!;

        Assert.Null(FinalEntityBuilder.Build(Source(previousJson: first.FinalJson, previousHash: first.FinalHash), Now));
    }
}
