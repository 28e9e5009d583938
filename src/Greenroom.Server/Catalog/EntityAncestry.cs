using System.Text.Json;
using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Query;
using Greenroom.Catalog.Store;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Greenroom.Server.Catalog;

/// <summary>
/// An entity's ancestry, as Backstage reports it: the entity, then each Location entity whose targets produced it,
/// up to a root that no Location entity points at (a registered or configured location). The parent of an entity is
/// found through its <c>backstage.io/managed-by-location</c> annotation: the Location entities whose
/// <c>spec.target(s)</c>, resolved against their own file, name that source.
/// </summary>
internal static class EntityAncestry
{
    private const string ManagedByLocation = "backstage.io/managed-by-location";

    public static async Task<EntityAncestryResponse?> ComputeAsync(ICatalogStore store, string rootKey, CancellationToken cancellationToken)
    {
        var root = await store.GetEntityByRefAsync(rootKey, cancellationToken);
        if (root is null)
        {
            return null;
        }

        // Location entities are few next to the rest of the catalog; reading them once serves the whole walk.
        var locations = (await store.QueryEntitiesAsync(
                new EntityQuery(new EntityFilter([new FilterAlternative([new FilterCondition("kind", ["location"])])]), [], null, null, null, null, false),
                cancellationToken))
            .Items
            .Select(e => (Ref: e.EntityRef, Entity: JsonNode.Parse(e.Json) as JsonObject))
            .Where(e => e.Entity is not null)
            .Select(e => new LocationEntity(e.Ref, e.Entity!, Targets(e.Entity!)))
            .ToList();

        var items = new List<EntityAncestryItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { root.EntityRef };
        var queue = new Queue<(string Key, string Json)>([(root.EntityRef, root.Json)]);
        string? rootRef = null;
        while (queue.Count > 0)
        {
            var (key, json) = queue.Dequeue();
            var entity = JsonNode.Parse(json) as JsonObject ?? [];
            rootRef ??= Display(entity, key);
            var source = Annotation(entity, ManagedByLocation);
            var parents = source is null
                ? []
                : locations.Where(l => l.Ref != key && l.Produces(source)).ToList();
            items.Add(new EntityAncestryItem(JsonSerializer.SerializeToElement(entity), parents.Select(p => Display(p.Entity, p.Ref)).ToList()));
            foreach (var parent in parents.Where(p => seen.Add(p.Ref)))
            {
                queue.Enqueue((parent.Ref, parent.Entity.ToJsonString()));
            }
        }

        return new EntityAncestryResponse(rootRef!, items);
    }

    // Backstage's stringifyEntityRef: kind lower-cased, namespace and name as written.
    private static string Display(JsonObject entity, string key) =>
        EntityFields.RefOf(entity) is { } r ? $"{r.Kind.ToLowerInvariant()}:{r.Namespace}/{r.Name}" : key;

    private static string? Annotation(JsonObject entity, string name) =>
        entity["metadata"]?["annotations"] is JsonObject annotations && annotations[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static IReadOnlyList<(string Type, string Target)> Targets(JsonObject location)
    {
        var own = Annotation(location, ManagedByLocation);
        var (ownType, ownTarget) = SplitLocation(own);
        var spec = location["spec"] as JsonObject;
        var type = (spec is null ? null : EntityFields.StringAt(spec, "type")) ?? ownType;
        var targets = new List<string>();
        if (spec is not null && EntityFields.StringAt(spec, "target") is { } single)
        {
            targets.Add(single);
        }

        if (spec?["targets"] is JsonArray many)
        {
            targets.AddRange(many.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var t) ? t : null).OfType<string>());
        }

        return targets.Select(t => (type ?? "file", Resolve(type ?? "file", ownType, ownTarget, t))).ToList();
    }

    private static string Resolve(string type, string? baseType, string? baseTarget, string target)
    {
        if (type == "url")
        {
            var baseUri = baseType == "url" && Uri.TryCreate(baseTarget, UriKind.Absolute, out var parsed) ? parsed : null;
            var resolved = baseUri is null ? Uri.TryCreate(target, UriKind.Absolute, out var uri) : Uri.TryCreate(baseUri, target, out uri);
            return resolved ? uri!.ToString() : target;
        }

        if (Path.IsPathRooted(target) || baseType != "file" || baseTarget is null)
        {
            return target;
        }

        return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(baseTarget) ?? ".", target));
    }

    private static (string? Type, string? Target) SplitLocation(string? location)
    {
        var colon = location?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon < 0 ? (null, null) : (location![..colon], location[(colon + 1)..]);
    }

    private sealed record LocationEntity(string Ref, JsonObject Entity, IReadOnlyList<(string Type, string Target)> ResolvedTargets)
    {
        public bool Produces(string source)
        {
            var (type, target) = SplitLocation(source);
            return target is not null && ResolvedTargets.Any(t => t.Type == type && Matches(t.Target, target));
        }

        private static bool Matches(string pattern, string target)
        {
            if (string.Equals(pattern, target, StringComparison.Ordinal))
            {
                return true;
            }

            if (!pattern.Contains('*', StringComparison.Ordinal) && !pattern.Contains('?', StringComparison.Ordinal))
            {
                return false;
            }

            // A glob target: match the source's path below the glob's fixed leading directory.
            var wildcard = pattern.IndexOfAny(['*', '?']);
            var rootEnd = pattern.LastIndexOf('/', wildcard);
            if (rootEnd < 0 || !target.StartsWith(pattern[..(rootEnd + 1)], StringComparison.Ordinal))
            {
                return false;
            }

            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(pattern[(rootEnd + 1)..]);
            return matcher.Match(pattern[..rootEnd], target).HasMatches;
        }
    }
}
