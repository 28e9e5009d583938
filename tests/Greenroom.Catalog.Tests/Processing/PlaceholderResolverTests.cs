using System.Text.Json.Nodes;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Model.Descriptors;
using Greenroom.Catalog.Options;
using Greenroom.Catalog.Processing;
using Greenroom.Catalog.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Greenroom.Catalog.Tests.Processing;

public sealed class PlaceholderResolverTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly PlaceholderResolver _resolver;

    public PlaceholderResolverTests()
    {
        var factory = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var reading = Microsoft.Extensions.Options.Options.Create(new ReadingOptions { MaxFileBytes = 1024 });
        var reader = new SourceReader(new FileSourceReader(), new UrlSourceReader(factory, reading));
        _resolver = new PlaceholderResolver(reader, new DescriptorParser(reading.Value.ToDescriptorLimits()));
    }

    private string Root => Path.Combine(_folder.Path, "repo");

    private SourceAddress From => new("file", Path.Combine(Root, "catalog", "api.yaml"));

    [Fact]
    public async Task Replaces_text_json_and_yaml_placeholders_relative_to_the_file()
    {
        _folder.Write("repo/catalog/openapi.yaml", "openapi: 3.0.0\n");
        _folder.Write("repo/shared/data.json", """{"a": [1, 2]}""");
        _folder.Write("repo/shared/data.yaml", "b: true\n");
        var entity = JsonNode.Parse("""
            {"spec": {"definition": {"$text": "./openapi.yaml"}, "json": {"$json": "../shared/data.json"}, "list": [{"$yaml": "../shared/data.yaml"}]}}
            """)!.AsObject();

        var problems = await _resolver.ResolveAsync(entity, From, Root, CancellationToken.None);

        Assert.Empty(problems);
        Assert.Equal("openapi: 3.0.0\n", (string?)entity["spec"]!["definition"]);
        Assert.Equal(2, (long?)entity["spec"]!["json"]!["a"]![1]);
        Assert.True((bool?)entity["spec"]!["list"]![0]!["b"]);
    }

    [Fact]
    public async Task Refuses_a_path_that_leaves_the_location_root()
    {
        var entity = JsonNode.Parse("""{"spec": {"definition": {"$text": "../../etc/passwd"}}}""")!.AsObject();

        var problems = await _resolver.ResolveAsync(entity, From, Root, CancellationToken.None);

        var problem = Assert.Single(problems);
        Assert.Equal("spec.definition", problem.Field);
        Assert.Equal("NotAllowedError", problem.Name);
        Assert.Contains("outside the location's root folder", problem.Message);
        Assert.Contains("$text", (entity["spec"]!["definition"] as JsonObject)!.Select(p => p.Key));
    }

    [Fact]
    public async Task Refuses_urls_of_hosts_not_allowed_and_files_over_the_size_limit()
    {
        _folder.Write("repo/catalog/big.txt", new string('x', 2048));
        var entity = JsonNode.Parse("""{"spec": {"a": {"$text": "https://example.com/x.yaml"}, "b": {"$text": "big.txt"}}}""")!.AsObject();

        var problems = await _resolver.ResolveAsync(entity, From, Root, CancellationToken.None);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Field == "spec.a" && p.Name == "NotAllowedError");
        Assert.Contains(problems, p => p.Field == "spec.b" && p.Message.Contains("larger than the limit", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();
}
