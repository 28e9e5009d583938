using System.Text.Json;
using Greenroom.Plugins.Catalog;

namespace Greenroom.Search.Collators;

/// <summary>The parts of a final entity that search documents are made of.</summary>
internal sealed record EntitySummary(
    string Kind,
    string Namespace,
    string Name,
    string? Title,
    string? Description,
    IReadOnlyList<string> Tags,
    string? SpecType,
    string? Lifecycle,
    string? Owner,
    string? DisplayName,
    string? Email)
{
    /// <summary>Reads the entity JSON; null when it lacks a kind or a name (nothing to link a hit to).</summary>
    public static EntitySummary? From(CatalogEntity entity)
    {
        using var document = JsonDocument.Parse(entity.Json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var metadata = Child(root, "metadata");
        var spec = Child(root, "spec");
        var profile = spec is { } s ? Child(s, "profile") : null;
        var kind = String(root, "kind");
        var name = metadata is { } m ? String(m, "name") : null;
        if (string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(name))
        {
            return null;
        }

        return new EntitySummary(
            kind,
            (metadata is { } m1 ? String(m1, "namespace") : null) is { Length: > 0 } ns ? ns : "default",
            name,
            metadata is { } m2 ? String(m2, "title") : null,
            metadata is { } m3 ? String(m3, "description") : null,
            metadata is { } m4 && Child(m4, "tags") is { ValueKind: JsonValueKind.Array } tags
                ? tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList()
                : [],
            spec is { } s1 ? String(s1, "type") : null,
            spec is { } s2 ? String(s2, "lifecycle") : null,
            spec is { } s3 ? String(s3, "owner") : null,
            profile is { } p1 ? String(p1, "displayName") : null,
            profile is { } p2 ? String(p2, "email") : null);
    }

    /// <summary>Where the entity's page is: <c>/catalog/{namespace}/{kind}/{name}</c>, as Backstage routes it.</summary>
    public string CatalogLocation =>
        $"/catalog/{Uri.EscapeDataString(Namespace.ToLowerInvariant())}/{Uri.EscapeDataString(Kind.ToLowerInvariant())}/{Uri.EscapeDataString(Name)}";

    /// <summary>The fields every document of this entity carries (empty values are dropped by the index).</summary>
    public Dictionary<string, string> CommonFields() => new(StringComparer.Ordinal)
    {
        ["name"] = Name,
        ["kind"] = Kind,
        ["namespace"] = Namespace,
        ["type"] = SpecType ?? string.Empty,
        ["lifecycle"] = Lifecycle ?? string.Empty,
        ["owner"] = Owner ?? string.Empty,
        ["tags"] = string.Join(' ', Tags),
    };

    private static JsonElement? Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? value
            : null;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
