using System.Globalization;
using Microsoft.OpenApi;

namespace Greenroom.Web.Entities.Definitions;

/// <summary>
/// Turns the parser's schemas (with <c>$ref</c>s already resolved by Microsoft.OpenApi) into <see cref="SchemaView"/>s.
/// Recursive schemas stop at the first repeat and nesting stops at <see cref="MaxDepth"/>, so a hostile or cyclic
/// definition renders in bounded size.
/// </summary>
internal static class SchemaViewBuilder
{
    /// <summary>Deepest nesting rendered.</summary>
    public const int MaxDepth = 8;

    private const int MaxProperties = 200;
    private const int MaxEnumValues = 50;

    public static SchemaView? Build(IOpenApiSchema? schema) => schema is null ? null : Build(schema, [], 0);

    private static SchemaView Build(IOpenApiSchema schema, HashSet<string> path, int depth)
    {
        var name = (schema as OpenApiSchemaReference)?.Reference?.Id;
        if (name is not null && path.Contains(name))
        {
            return Leaf(name, name, schema.Description, $"recursive: {name} again");
        }

        if (depth >= MaxDepth)
        {
            return Leaf(TypeText(schema), name, schema.Description, "nested too deeply to show");
        }

        if (name is not null)
        {
            path.Add(name);
        }

        try
        {
            var properties = new List<PropertyView>();
            var required = schema.Required ?? new HashSet<string>();
            foreach (var part in (schema.AllOf ?? []).Prepend(schema))
            {
                foreach (var (propertyName, property) in part.Properties ?? new Dictionary<string, IOpenApiSchema>())
                {
                    if (properties.Count < MaxProperties && properties.All(p => p.Name != propertyName))
                    {
                        var isRequired = required.Contains(propertyName) || (part.Required?.Contains(propertyName) ?? false);
                        properties.Add(new PropertyView(propertyName, isRequired, Build(property, path, depth + 1)));
                    }
                }
            }

            var variants = (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Select(v => Build(v, path, depth + 1)).ToList();
            var items = schema.Items is null ? null : Build(schema.Items, path, depth + 1);
            var values = (schema.Enum ?? []).Take(MaxEnumValues).Select(v => v?.ToJsonString() ?? "null").ToList();
            return new SchemaView(TypeText(schema), name, schema.Description, values, properties, items, variants, null);
        }
        finally
        {
            if (name is not null)
            {
                path.Remove(name);
            }
        }
    }

    private static SchemaView Leaf(string typeText, string? name, string? description, string reason) =>
        new(typeText, name, description, [], [], null, [], reason);

    /// <summary>"string (date-time)", "array of Shipment", "integer, nullable", "one of 2 types".</summary>
    public static string TypeText(IOpenApiSchema schema)
    {
        var type = schema.Type;
        var nullable = type.HasValue && type.Value.HasFlag(JsonSchemaType.Null);
        var names = type.HasValue
            ? Enum.GetValues<JsonSchemaType>().Where(t => t != JsonSchemaType.Null && type.Value.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant()).ToList()
            : [];
        string text;
        if (names.Count == 1 && names[0] == "array" && schema.Items is { } items)
        {
            text = "array of " + ((items as OpenApiSchemaReference)?.Reference?.Id ?? TypeText(items));
        }
        else if (names.Count > 0)
        {
            text = string.Join(" or ", names);
        }
        else if (schema.OneOf is { Count: > 0 } oneOf)
        {
            text = string.Create(CultureInfo.InvariantCulture, $"one of {oneOf.Count} types");
        }
        else if (schema.AnyOf is { Count: > 0 } anyOf)
        {
            text = string.Create(CultureInfo.InvariantCulture, $"any of {anyOf.Count} types");
        }
        else if (schema.AllOf is { Count: > 0 } || schema.Properties is { Count: > 0 })
        {
            text = "object";
        }
        else
        {
            text = "any";
        }

        if (!string.IsNullOrEmpty(schema.Format))
        {
            text += $" ({schema.Format})";
        }

        return nullable ? text + ", nullable" : text;
    }
}
