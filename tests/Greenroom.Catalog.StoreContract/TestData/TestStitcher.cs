using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Greenroom.Catalog.Store;

namespace Greenroom.Catalog.StoreContract.TestData;

/// <summary>
/// A minimal stitcher for store tests: works off the stitch queue the way the real one does (read sources, write the
/// final forms whose hash changed, dequeue everything read), with a simple final shape.
/// </summary>
public static class TestStitcher
{
    /// <summary>Stitches until the queue is empty; returns how many final forms were written.</summary>
    public static async Task<int> StitchAllAsync(ICatalogStore store, DateTimeOffset? at = null)
    {
        var written = 0;
        for (var round = 0; round < 1000; round++)
        {
            var refs = await store.GetStitchQueueAsync(500, CancellationToken.None);
            if (refs.Count == 0)
            {
                return written;
            }

            var finals = (await store.GetStitchSourcesAsync(refs, CancellationToken.None))
                .Select(s => Build(s, at ?? Ingest.T0))
                .Where(f => f is not null)
                .Select(f => f!)
                .ToList();
            await store.WriteFinalEntitiesAsync(finals, refs, CancellationToken.None);
            written += finals.Count;
        }

        throw new InvalidOperationException("The stitch queue never emptied");
    }

    /// <summary>The final form of <paramref name="source"/>, or null when it equals the stored one.</summary>
    public static FinalEntity? Build(StitchSource source, DateTimeOffset at)
    {
        var entity = JsonNode.Parse(source.ProcessedJson)!.AsObject();
        var metadata = entity["metadata"]!.AsObject();
        metadata["uid"] = source.Uid;
        if (source.IsOrphan)
        {
            metadata["annotations"] = new JsonObject { ["backstage.io/orphan"] = "true" };
        }

        entity["relations"] = new JsonArray(source.Relations
            .Select(r => (JsonNode?)new JsonObject { ["type"] = r.Type, ["targetRef"] = r.TargetRef }).ToArray());
        entity["status"] = new JsonObject { ["items"] = JsonNode.Parse(source.ErrorsJson) };
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entity.ToJsonString())));
        if (hash == source.PreviousFinalHash)
        {
            return null;
        }

        metadata["etag"] = hash;
        var json = entity.ToJsonString();
        var change = source.PreviousFinalJson is null ? "created" : source.IsOrphan ? "orphaned" : "updated";
        return new FinalEntity(
            source.EntityRef, source.Uid, json, hash, SearchRows.From(source.ProcessedJson, source.Relations),
            new HistoryRecord(at, source.LocationId, change, "[]"));
    }
}
