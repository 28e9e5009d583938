using Lucene.Net.Index;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Greenroom.Search.Lucene;

/// <summary>
/// What is on disk: whether a usable index is there, and removing a broken one. Only files that follow Lucene's
/// naming (<c>segments*</c>, <c>_*</c>, <c>write.lock</c>) are ever deleted, so an index path pointed at a folder
/// holding other data cannot lose that data.
/// </summary>
internal static class LuceneIndexFiles
{
    /// <summary>Bumped whenever the document layout changes: an index of another version is rebuilt.</summary>
    public const string SchemaVersion = "2";

    public const string SchemaKey = "greenroom.search.schema";
    public const string BuildKey = "greenroom.search.build";
    public const string Complete = "complete";
    public const string Incomplete = "incomplete";

    /// <summary>
    /// Null when the index is present, intact and complete; otherwise why it must be built. Throws when the files
    /// are unreadable (corrupt), which the caller treats as a reason to start over.
    /// </summary>
    public static string? CheckUsable(LuceneDirectory directory)
    {
        if (!DirectoryReader.IndexExists(directory))
        {
            return "no index yet";
        }

        using var reader = DirectoryReader.Open(directory);

        // Verifies every file's checksum: catches damage that opening alone does not read.
        foreach (var leaf in reader.Leaves)
        {
            leaf.AtomicReader.CheckIntegrity();
        }

        var data = reader.IndexCommit.UserData;
        if (!data.TryGetValue(SchemaKey, out var schema) || schema != SchemaVersion)
        {
            return $"index schema {schema ?? "unknown"}, this version writes {SchemaVersion}";
        }

        return data.TryGetValue(BuildKey, out var build) && build == Complete ? null : "the last full build did not finish";
    }

    /// <summary>Deletes the Lucene files of <paramref name="path"/> and nothing else.</summary>
    public static void DeleteIndexFiles(string path)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(path))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith("segments", StringComparison.Ordinal) || name.StartsWith('_') || name == "write.lock")
            {
                File.Delete(file);
            }
        }
    }

    public static Dictionary<string, string> CommitData(bool complete) => new(StringComparer.Ordinal)
    {
        [SchemaKey] = SchemaVersion,
        [BuildKey] = complete ? Complete : Incomplete,
    };
}
