using System.Text.Json.Nodes;
using Greenroom.Plugins.Catalog;

namespace Greenroom.Web.Create;

/// <summary>A template as the Create page lists it.</summary>
public sealed record TemplateCard(string Namespace, string Name, string Title, string? Description, string? Type, string? Owner, IReadOnlyList<string> Tags)
{
    /// <summary>Every Template entity in the catalog, by title.</summary>
    public static async Task<List<TemplateCard>> ReadAllAsync(ICatalogReader catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var cards = new List<TemplateCard>();
        await foreach (var entity in catalog.ReadEntitiesAsync("Template", cancellationToken))
        {
            if (JsonNode.Parse(entity.Json) is not JsonObject json)
            {
                continue;
            }

            var metadata = json["metadata"];
            var name = metadata?["name"]?.ToString() ?? string.Empty;
            cards.Add(new TemplateCard(
                metadata?["namespace"]?.ToString() ?? "default",
                name,
                metadata?["title"]?.ToString() ?? name,
                metadata?["description"]?.ToString(),
                json["spec"]?["type"]?.ToString(),
                json["spec"]?["owner"]?.ToString(),
                (metadata?["tags"] as JsonArray)?.Select(t => t?.ToString() ?? string.Empty).ToList() ?? []));
        }

        return [.. cards.OrderBy(c => c.Title, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The form page.</summary>
    public string Path => $"/create/templates/{Uri.EscapeDataString(Namespace)}/{Uri.EscapeDataString(Name)}";
}
