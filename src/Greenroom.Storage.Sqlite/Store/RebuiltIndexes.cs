namespace Greenroom.Storage.Sqlite.Store;

/// <summary>
/// A set of secondary indexes that a bulk write drops and builds again once at its end (one sorted build is far cheaper
/// than inserting every row into them), and the SQL that does each step.
/// </summary>
internal sealed class RebuiltIndexes
{
    private readonly (string Name, string On)[] _indexes;

    public RebuiltIndexes(params (string Name, string On)[] indexes)
    {
        _indexes = indexes;
        EnsureSql = string.Concat(indexes.Select(index => $"CREATE INDEX IF NOT EXISTS {index.Name} ON {index.On}; "));
        DropSql = string.Concat(indexes.Select(index => $"DROP INDEX IF EXISTS {index.Name}; "));
        CountPresentSql =
            $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ({string.Join(", ", indexes.Select(index => $"'{index.Name}'"))})";
    }

    /// <summary>Creates whichever of the indexes is missing (cheap when none is).</summary>
    public string EnsureSql { get; }

    /// <summary>Drops every index of the set that exists.</summary>
    public string DropSql { get; }

    /// <summary>Counts the indexes of the set that exist.</summary>
    public string CountPresentSql { get; }

    /// <summary>How many indexes the set has.</summary>
    public int Count => _indexes.Length;
}
