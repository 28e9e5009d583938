using Greenroom.Catalog.Refresh;

namespace Greenroom.Catalog.Tests.Refresh;

public sealed class FileLocationWatchersTests
{
    [Theory]
    [InlineData("/srv/app/catalog-info.yaml", true)]
    [InlineData("/srv/app/docs/openapi.json", true)]
    [InlineData("/srv/app/data/greenroom.db-wal", false)]
    [InlineData("/srv/app/data/greenroom.db", false)]
    [InlineData("/srv/app/.git/index", false)]
    [InlineData("/srv/app/bin/Debug/x.yaml", false)]
    [InlineData("/srv/app/catalog-info.yaml~", false)]
    public void Ignores_database_vcs_and_build_churn(string path, bool relevant) =>
        Assert.Equal(relevant, FileLocationWatchers.IsRelevant(path));
}
