using Greenroom.Search.Tests.Support;

namespace Greenroom.Search.Tests.Lucene;

public sealed class IndexRecoveryTests : IDisposable
{
    private readonly TempIndex _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_missing_index_needs_a_full_build_and_a_built_one_does_not_after_reopening()
    {
        using (var engine = _folder.Open())
        {
            Assert.True(await engine.NeedsFullBuildAsync(CancellationToken.None));
            await engine.RebuildAsync(Docs.Stream([Docs.Entity("petstore")]), null, CancellationToken.None);
            Assert.False(await engine.NeedsFullBuildAsync(CancellationToken.None));
        }

        using var reopened = _folder.Open();
        Assert.False(await reopened.NeedsFullBuildAsync(CancellationToken.None));
        Assert.Equal(1, await reopened.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_corrupt_index_is_started_afresh_and_needs_a_full_build()
    {
        using (var engine = _folder.Open())
        {
            await engine.RebuildAsync(Docs.Stream([Docs.Entity("petstore"), Docs.Entity("checkout")]), null, CancellationToken.None);
        }

        _folder.Corrupt();

        using var reopened = _folder.Open();
        Assert.True(await reopened.NeedsFullBuildAsync(CancellationToken.None));
        Assert.Equal(0, await reopened.CountAsync(CancellationToken.None));
        await reopened.RebuildAsync(Docs.Stream([Docs.Entity("petstore")]), null, CancellationToken.None);
        Assert.Equal(["petstore"], (await reopened.SearchAsync("petstore")).Titles());
    }

    [Fact]
    public async Task A_build_that_failed_halfway_is_redone_after_a_restart()
    {
        using (var engine = _folder.Open())
        {
            await engine.RebuildAsync(Docs.Stream([Docs.Entity("petstore")]), null, CancellationToken.None);
            await Assert.ThrowsAsync<InvalidOperationException>(() => engine.RebuildAsync(Failing(), null, CancellationToken.None));
            Assert.True(await engine.NeedsFullBuildAsync(CancellationToken.None));

            // A later incremental commit must not make the half-built index look complete.
            await engine.UpdateAsync([new Engine.SearchUpdate("software-catalog", "component:default/x", [Docs.Entity("x")])], CancellationToken.None);
        }

        using var reopened = _folder.Open();
        Assert.True(await reopened.NeedsFullBuildAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Only_index_files_are_deleted_when_the_index_is_corrupt()
    {
        using (var engine = _folder.Open())
        {
            await engine.RebuildAsync(Docs.Stream([Docs.Entity("petstore")]), null, CancellationToken.None);
        }

        _folder.Corrupt();
        var keep = Path.Combine(_folder.Path, "greenroom.db");
        await File.WriteAllTextAsync(keep, "not ours");

        using var reopened = _folder.Open();
        Assert.True(await reopened.NeedsFullBuildAsync(CancellationToken.None));
        Assert.Equal("not ours", await File.ReadAllTextAsync(keep));
    }

    private static async IAsyncEnumerable<Plugins.Search.SearchDocument> Failing()
    {
        yield return Docs.Entity("first");
        await Task.Yield();
        throw new InvalidOperationException("collator broke");
    }
}
