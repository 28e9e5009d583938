using System.Text.Json.Nodes;
using Greenroom.Bench.Reporting;

namespace Greenroom.Bench.Measures;

/// <summary>
/// The run's correctness check: entities per kind (entity-facets on <c>kind</c>) and the total of every final
/// entity's <c>relations</c> (by-query with <c>fields=relations</c>, cursor-paged) against the manifest.
/// </summary>
internal static class CountCheck
{
    private const int PageSize = 500;

    public static async Task<IReadOnlyList<Measure>> MeasureAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var measures = new List<Measure>();
        var facets = await context.Client.GetJsonAsync("api/catalog/entity-facets?facet=kind", cancellationToken);
        var served = (facets["facets"]?["kind"]?.AsArray() ?? [])
            .Where(f => f?["value"] is not null)
            .GroupBy(f => f!["value"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Sum(f => f!["count"]!.GetValue<int>()), StringComparer.OrdinalIgnoreCase);
        var expected = context.Manifest.CountsWithLocations();
        var wrong = expected
            .Where(e => served.GetValueOrDefault(e.Key) != e.Value)
            .Select(e => $"{e.Key} {served.GetValueOrDefault(e.Key)}≠{e.Value}")
            .Concat(served.Keys.Where(k => !expected.ContainsKey(k)).Select(k => $"unexpected kind {k}"))
            .ToList();
        var total = served.Values.Sum();
        measures.Add(Measure.Exactly("entities (all kinds)", total, "count", context.Manifest.TotalEntities,
            wrong.Count == 0 ? "every kind matches the manifest" : "per kind: " + string.Join(", ", wrong)) with
        {
            Met = total == context.Manifest.TotalEntities && wrong.Count == 0,
        });

        var relations = await CountRelationsAsync(context, cancellationToken);
        var health = await HealthSnapshot.TakeAsync(context.Client, cancellationToken);
        var note = $"sum of final entities' relations; /healthz stored relation rows: {health.Relations?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "n/a"}";
        measures.Add(context.Manifest.ExpectedRelations is { } expectedRelations
            ? Measure.Exactly("relations", relations, "count", expectedRelations, note)
            : new Measure("relations", relations, "count", null, null, note + "; the manifest has no expected count (written by the script)"));
        return measures;
    }

    private static async Task<long> CountRelationsAsync(BenchContext context, CancellationToken cancellationToken)
    {
        long relations = 0;
        var seen = 0;
        string? cursor = null;
        var maxPages = (context.Manifest.TotalEntities / PageSize) + 10;
        for (var page = 0; page < maxPages; page++)
        {
            var path = cursor is null
                ? $"api/catalog/entities/by-query?limit={PageSize}&fields=relations"
                : $"api/catalog/entities/by-query?limit={PageSize}&fields=relations&cursor={Uri.EscapeDataString(cursor)}";
            var body = await context.Client.GetJsonAsync(path, cancellationToken);
            var items = body["items"]?.AsArray() ?? [];
            seen += items.Count;
            relations += items.Sum(i => i?["relations"] is JsonArray r ? r.Count : 0);
            cursor = body["pageInfo"]?["nextCursor"]?.GetValue<string>();
            if (cursor is null || items.Count == 0)
            {
                return relations;
            }
        }

        throw new BenchException($"Paging relations did not end after {maxPages} pages ({seen} entities)");
    }
}
