using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Greenroom.Bench.Generation;
using Greenroom.Plugins.Catalog;
using Greenroom.Plugins.Search;

namespace Greenroom.Bench.Search;

/// <summary>
/// Entities and documentation pages made in memory from the generator's vocabulary, seeded: an
/// <see cref="ICatalogReader"/> for the real collators, and a <c>techdocs</c> collator of pages with headings and prose.
/// </summary>
internal sealed class SyntheticSearchCorpus : ICatalogReader
{
    /// <summary>Words of documentation prose beside the vocabulary's areas and resources.</summary>
    public static readonly string[] ProseWords =
    [
        "deploy", "configure", "rollback", "latency", "throughput", "replica", "cluster", "schema", "migration", "token",
        "endpoint", "timeout", "retry", "cache", "queue", "alert", "dashboard", "runbook", "incident", "release",
        "feature", "flag", "secret", "certificate", "rotation", "backup", "restore", "index", "partition", "shard",
        "request", "response", "payload", "contract", "version", "pipeline", "build", "artifact", "container", "image",
    ];

    private readonly List<CatalogEntity> _entities;

    public SyntheticSearchCorpus(int entities, int docPages, int seed)
    {
        var random = new SeededRandom(seed);
        _entities = new List<CatalogEntity>(entities);
        for (var i = 0; i < entities; i++)
        {
            _entities.Add(Entity(random, i));
        }

        DocPages = docPages;
        Seed = seed;
    }

    public int DocPages { get; }

    public int Seed { get; }

    public IReadOnlyList<CatalogEntity> Entities => _entities;

    public Task<CatalogEntity?> GetEntityAsync(string entityRef, CancellationToken cancellationToken) =>
        Task.FromResult(_entities.Find(e => e.EntityRef == entityRef));

    public async IAsyncEnumerable<CatalogEntity> ReadEntitiesAsync(string? kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var entity in _entities)
        {
            if (kind is null || entity.EntityRef.StartsWith(kind.ToLowerInvariant() + ":", StringComparison.Ordinal))
            {
                yield return entity;
            }
        }
    }

    /// <summary>The <c>techdocs</c> pages: spread over the components, 200-600 words each.</summary>
    public ISearchCollator DocsCollator() => new PagesCollator(this);

    private static CatalogEntity Entity(SeededRandom random, int i)
    {
        var kind = PickKind(random);
        var area = random.Choice(Vocabulary.Areas);
        var type = random.Weighted(Vocabulary.ComponentTypeWeights);
        var suffix = random.Choice(Vocabulary.ComponentSuffixes[type]);
        var name = $"{area}-{suffix}-{i}";
        var owner = $"{random.Choice(Vocabulary.TeamWords)}-{random.Choice(Vocabulary.Departments)}";
        var tags = new[] { random.Choice(Vocabulary.Languages), random.Choice(Vocabulary.ExtraTags) };
        var description = $"Handles {random.Choice(Vocabulary.HttpResources)} of {area} for the {random.Choice(Vocabulary.Departments)} teams, "
            + $"with {random.Choice(ProseWords)} and {random.Choice(ProseWords)} support";
        var json = JsonSerializer.Serialize(new
        {
            apiVersion = Vocabulary.ApiVersion,
            kind,
            metadata = new { name, @namespace = "default", title = i % 3 == 0 ? $"{Title(area)} {Title(suffix)} {i}" : null, description, tags },
            spec = new { type = kind == "Group" ? "team" : type, lifecycle = random.Weighted(Vocabulary.Lifecycles), owner },
        });
        return new CatalogEntity($"{kind.ToLowerInvariant()}:default/{name}", Guid.NewGuid().ToString(), json);
    }

    private static string PickKind(SeededRandom random)
    {
        var x = random.NextDouble();
        foreach (var (kind, share) in Vocabulary.Proportions)
        {
            x -= share;
            if (x < 0)
            {
                return kind;
            }
        }

        return "Component";
    }

    private static string Title(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private sealed class PagesCollator(SyntheticSearchCorpus corpus) : ISearchCollator
    {
        public string Type => "techdocs";

        public async IAsyncEnumerable<SearchDocument> CollateAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            var random = new SeededRandom(corpus.Seed + 1);
            var owners = corpus.Entities;
            for (var i = 0; i < corpus.DocPages; i++)
            {
                var entity = owners[random.Below(owners.Count)];
                var area = random.Choice(Vocabulary.Areas);
                var heading = $"{Title(random.Choice(ProseWords))} the {area} {random.Choice(Vocabulary.HttpResources)}";
                var text = new StringBuilder(4096).Append(heading).Append(". ");
                var words = random.Between(200, 600);
                for (var w = 0; w < words; w++)
                {
                    text.Append(w % 9 == 4 ? random.Choice(Vocabulary.Areas) : random.Choice(ProseWords)).Append(w % 15 == 14 ? ". " : " ");
                }

                var path = $"page-{i}";
                var name = entity.EntityRef[(entity.EntityRef.IndexOf('/') + 1)..];
                yield return new SearchDocument(
                    Type,
                    $"{entity.EntityRef}#{path}",
                    entity.EntityRef,
                    heading,
                    text.ToString(),
                    $"/docs/default/component/{name}/{path}/",
                    new Dictionary<string, string> { ["kind"] = "Component", ["name"] = name, ["headings"] = heading });
            }
        }

        public IAsyncEnumerable<SearchDocument> CollateEntityAsync(string entityRef, CancellationToken cancellationToken) =>
            CollateAllAsync(cancellationToken).Where(d => d.EntityRef == entityRef);
    }
}
