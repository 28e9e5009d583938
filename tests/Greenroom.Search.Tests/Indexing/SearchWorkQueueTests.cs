using System.Runtime.CompilerServices;
using Greenroom.Plugins.Search;
using Greenroom.Search.Indexing;

namespace Greenroom.Search.Tests.Indexing;

public sealed class SearchWorkQueueTests
{
    private static readonly ISearchCollator[] Collators = [new NamedCollator("software-catalog"), new NamedCollator("techdocs")];

    [Fact]
    public async Task Queues_each_changed_entity_once_per_type()
    {
        var queue = new SearchWorkQueue(Collators);

        await queue.EntitiesChangedAsync(["component:default/a", "Component:default/A", "component:default/b"], CancellationToken.None);
        queue.DocumentsChanged("techdocs", "component:default/a");

        var work = queue.TakeAll();
        Assert.Empty(work.WholeTypes);
        Assert.Equal(["component:default/a", "component:default/b"], work.Refs["software-catalog"].Order(StringComparer.Ordinal));
        Assert.Equal(["component:default/a", "component:default/b"], work.Refs["techdocs"].Order(StringComparer.Ordinal));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task A_flood_marks_each_type_for_a_whole_recollation_instead_of_keeping_every_entity()
    {
        var queue = new SearchWorkQueue(Collators, wholeTypeThreshold: 3);

        await queue.EntitiesChangedAsync([.. Enumerable.Range(0, 5).Select(i => $"component:default/c{i}")], CancellationToken.None);
        var countWhileFlooding = queue.Count;
        await queue.EntitiesChangedAsync(["component:default/late"], CancellationToken.None);

        // The count keeps growing while the flood lasts, so the indexer waits for it to stop.
        Assert.True(queue.Count > countWhileFlooding);
        var work = queue.TakeAll();
        Assert.Equal(["software-catalog", "techdocs"], work.WholeTypes.Order(StringComparer.Ordinal));
        Assert.Empty(work.Refs);
        Assert.Equal(0, queue.Count);

        // Once taken, changes are queued one by one again.
        queue.DocumentsChanged("techdocs", "component:default/one");
        Assert.Equal(["component:default/one"], queue.TakeAll().Refs["techdocs"]);
    }

    [Fact]
    public async Task Clear_forgets_whole_types_and_entities()
    {
        var queue = new SearchWorkQueue(Collators, wholeTypeThreshold: 2);
        await queue.EntitiesChangedAsync(["component:default/a", "component:default/b", "component:default/c"], CancellationToken.None);

        queue.Clear();

        var work = queue.TakeAll();
        Assert.Empty(work.WholeTypes);
        Assert.Empty(work.Refs);
    }

    private sealed class NamedCollator(string type) : ISearchCollator
    {
        public string Type => type;

        public async IAsyncEnumerable<SearchDocument> CollateAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }

        public async IAsyncEnumerable<SearchDocument> CollateEntityAsync(string entityRef, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }
    }
}
