using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Relations;
using Greenroom.Catalog.Stitching;
using Greenroom.Catalog.Store;
using Greenroom.Catalog.Tests.Support;

namespace Greenroom.Catalog.Tests.Stitching;

/// <summary>
/// The builder writes final forms without a node tree; these compare it with the node-tree builder it replaced
/// (<see cref="NodeTreeFinalEntityBuilder"/>): the same final JSON byte for byte, hash, search rows in order, history.
/// </summary>
public sealed class FinalEntityBuilderEquivalenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public async Task Matches_the_node_tree_builder_on_the_corpus_entities()
    {
        using var folder = new TempFolder();
        await using var catalog = await CatalogHarness.StartAsync(Path.Combine(folder.Path, "catalog.db"), Corpus.Examples);
        var refs = new List<string>();
        foreach (var target in new[] { "all.yaml", "acme/org.yaml" })
        {
            var location = await catalog.RegisterAsync("file", target);
            refs.AddRange((await catalog.Store.GetContentHashesAsync(location.Id, CancellationToken.None)).Keys);
        }

        var sources = await catalog.Store.GetStitchSourcesAsync(refs, CancellationToken.None);

        Assert.Equal(60, sources.Count);
        foreach (var source in sources)
        {
            // As stored (with a previous final form), first stitch, orphaned, failed processing.
            AssertSameInAllVariants(source);
        }
    }

    [Fact]
    public void Matches_the_node_tree_builder_on_generated_entities()
    {
        var random = new Random(20261126);
        for (var i = 0; i < 400; i++)
        {
            var entity = GeneratedEntity(random);
            var relations = Enumerable.Range(0, random.Next(6))
                .Select(_ => new EntityRelation("component:default/x", Pick(random, RelationTypes), Pick(random, Targets)))
                .ToList();
            var source = new StitchSource(
                "component:default/x", $"uid-{i}", Guid.Empty, entity, random.Next(3) == 0 ? Errors : "[]",
                random.Next(4) == 0, relations, null, null);
            AssertSameInAllVariants(source);
        }
    }

    [Theory]
    [InlineData("""{"kind":"Component"}""")]
    [InlineData("""{"metadata":"not an object","relations":7,"status":{"items":[1]},"spec":{}}""")]
    [InlineData("""{"status":null,"metadata":{"etag":"old","annotations":"none","uid":"old"},"relations":[]}""")]
    [InlineData("""{"metadata":{"annotations":{"backstage.io/orphan":"false","z":"\u00e9\/"}},"spec":{"n":1.50,"e":1E5,"big":123456789012345678901234567890,"neg":-0}}""")]
    [InlineData("""{ "metadata" : { "name" : "Spaced\u0041", "tags" : [ "A", ["nested", null], {"k":"v"} ] } }""")]
    public void Matches_the_node_tree_builder_on_unusual_shapes(string processed)
    {
        AssertSameInAllVariants(new StitchSource(
            "component:default/x", "uid-1", Guid.Empty, processed, "[]", false,
            [new EntityRelation("component:default/x", "ownedBy", "Group:Default/Team")], null, null));
    }

    private static void AssertSameInAllVariants(StitchSource source)
    {
        AssertSame(source);
        var created = AssertSame(source with { PreviousFinalJson = null, PreviousFinalHash = null })!;
        Assert.Null(AssertSame(source with { PreviousFinalJson = created.FinalJson, PreviousFinalHash = created.FinalHash }));
        var orphaned = AssertSame(source with { IsOrphan = true, PreviousFinalJson = created.FinalJson, PreviousFinalHash = created.FinalHash });
        var failed = orphaned ?? created;
        AssertSame(source with { ErrorsJson = Errors, PreviousFinalJson = failed.FinalJson, PreviousFinalHash = failed.FinalHash });
    }

    private static FinalEntity? AssertSame(StitchSource source)
    {
        FinalEntity? expected;
        try
        {
            expected = NodeTreeFinalEntityBuilder.Build(source, Now);
        }
        catch (InvalidOperationException exception)
        {
            // The node-tree builder rejects some shapes no processing produces (annotations that are not an object on
            // an orphaned entity's previous form); the new builder must reject them alike, not stitch them differently.
            Assert.Throws(exception.GetType(), () => FinalEntityBuilder.Build(source, Now));
            return null;
        }

        var actual = FinalEntityBuilder.Build(source, Now);
        if (expected is null)
        {
            Assert.Null(actual);
            return null;
        }

        Assert.NotNull(actual);
        Assert.Equal(expected.FinalJson, actual.FinalJson);
        Assert.Equal(expected.FinalHash, actual.FinalHash);
        Assert.Equal(expected.SearchRows, actual.SearchRows);
        Assert.Equal(expected.History, actual.History);
        Assert.Equal((expected.EntityRef, expected.Uid), (actual.EntityRef, actual.Uid));
        return actual;
    }

    private const string Errors =
        """[{"type":"backstage.io/catalog-processing","level":"error","message":"InputError: <bad> & 'worse' é","error":{"name":"InputError","message":"x"}}]""";

    private static readonly string[] RelationTypes = ["ownedBy", "partOf", "dependsOn", "hasPart", "providesApi"];
    private static readonly string[] Targets = ["group:default/Team-A", "system:default/audio", "component:default/petstore", "api:Other/Ünïcode"];
    private static readonly string[] Keys =
    [
        "name", "namespace", "title", "description", "tags", "annotations", "labels", "links", "uid", "etag", "relations",
        "status", "spec", "type", "owner", "Owner", "dotted.key", "backstage.io/orphan", "attachments", "items", "x",
    ];

    private static readonly string[] Strings =
    [
        "", "service", "Team-A", "production", "é", "日本語", "😀 emoji", "<script>&'\"+`", "line\nbreak\ttab\u0001", "a/b:c",
        "İstanbul", "ΣΊΣΥΦΟΣ", "true", "null", "12", new string('x', 199), new string('Y', 201), "\\back\\slash", "end\u2028sep",
    ];

    private static string GeneratedEntity(Random random)
    {
        var entity = new JsonObject { ["apiVersion"] = "backstage.io/v1alpha1", ["kind"] = Pick(random, ["Component", "API", "Group"]) };
        if (random.Next(10) > 0)
        {
            var metadata = (JsonObject)GeneratedObject(random, 3);
            metadata["name"] = Pick(random, Strings);
            if (random.Next(3) == 0)
            {
                metadata["annotations"] = random.Next(4) == 0 ? "not an object" : GeneratedObject(random, 1);
            }

            entity["metadata"] = metadata;
        }
        else if (random.Next(2) == 0)
        {
            entity["metadata"] = GeneratedValue(random, 0);
        }

        foreach (var key in new[] { "spec", "relations", "status" })
        {
            if (random.Next(3) > 0)
            {
                entity[key] = GeneratedValue(random, 3);
            }
        }

        // Shuffle the top level sometimes: stitching must keep any member order.
        if (random.Next(3) == 0)
        {
            var members = entity.ToList();
            entity.Clear();
            foreach (var (key, value) in members.OrderBy(_ => random.Next()))
            {
                entity[key] = value;
            }
        }

        return entity.ToJsonString();
    }

    private static JsonNode GeneratedObject(Random random, int depth)
    {
        var obj = new JsonObject();
        var count = random.Next(6);
        for (var i = 0; i < count; i++)
        {
            obj[Pick(random, Keys)] = GeneratedValue(random, depth - 1);
        }

        return obj;
    }

    private static JsonNode? GeneratedValue(Random random, int depth) => (depth <= 0 ? random.Next(6) : random.Next(8)) switch
    {
        0 => null,
        1 => random.Next(2) == 0,
        2 => random.Next(2) == 0 ? random.Next(-1000, 1000) : JsonNode.Parse(Pick(random, ["1.5", "1e300", "-0.0", "12345678901234567890", "3.14159"])),
        3 or 4 or 5 => Pick(random, Strings),
        6 => GeneratedObject(random, depth),
        _ => new JsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => GeneratedValue(random, depth - 1)).ToArray()),
    };

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
