using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Model.Validation;

/// <summary>
/// Backstage's envelope policies: no foreign root fields (<c>NoForeignRootFieldsEntityPolicy</c>), the envelope schema
/// (<c>SchemaValidEntityPolicy</c>) and the apiVersion/kind formats (<c>FieldFormatEntityPolicy</c>); metadata is checked by <see cref="MetadataValidator"/>.
/// </summary>
internal static class EnvelopeValidator
{
    private const string PrefixSuffixExpectation = "a valid prefix and/or suffix";

    /// <summary>The root fields an entity may have.</summary>
    public static readonly IReadOnlyList<string> RootFields = ["apiVersion", "kind", "metadata", "spec", "relations", "status"];

    /// <summary>Checks the envelope; returns the apiVersion and kind when they are well-formed strings.</summary>
    public static (string? ApiVersion, string? Kind) Validate(JsonObject entity, ProblemCollector problems)
    {
        foreach (var (key, _) in entity)
        {
            if (!RootFields.Contains(key))
            {
                problems.Add(key, $"Unknown field {key}; an entity's root may only have {string.Join(", ", RootFields)}");
            }
        }

        var apiVersion = problems.RequireString("apiVersion", entity, "apiVersion", required: true);
        if (apiVersion is not null && !BackstageFormats.IsValidApiVersion(apiVersion))
        {
            problems.Invalid("apiVersion", PrefixSuffixExpectation, apiVersion);
            apiVersion = null;
        }

        var kind = problems.RequireString("kind", entity, "kind", required: true);
        if (kind is not null && !BackstageFormats.IsValidKind(kind))
        {
            problems.Invalid("kind", "a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most 63 characters in total", kind);
            kind = null;
        }

        if (!entity.TryGetPropertyValue("metadata", out var metadata))
        {
            problems.Add("metadata", "\"metadata\" is required; expected an object with at least a name");
        }
        else if (metadata is not JsonObject metadataObject)
        {
            problems.Add("metadata", $"\"metadata\" must be an object, but found {ProblemCollector.Describe(metadata)}");
        }
        else
        {
            MetadataValidator.Validate(metadataObject, problems);
        }

        if (entity.TryGetPropertyValue("spec", out var spec) && spec is not JsonObject)
        {
            problems.Add("spec", $"\"spec\" must be an object, but found {ProblemCollector.Describe(spec)}");
        }

        if (entity.TryGetPropertyValue("relations", out var relations))
        {
            ValidateRelations(relations, problems);
        }

        if (entity.TryGetPropertyValue("status", out var status))
        {
            ValidateStatus(status, problems);
        }

        return (apiVersion, kind);
    }

    private static void ValidateRelations(JsonNode? node, ProblemCollector problems)
    {
        if (node is not JsonArray relations)
        {
            problems.Add("relations", $"\"relations\" must be an array, but found {ProblemCollector.Describe(node)}");
            return;
        }

        for (var i = 0; i < relations.Count; i++)
        {
            var field = $"relations[{i}]";
            if (relations[i] is not JsonObject relation)
            {
                problems.Add(field, $"\"{field}\" must be an object with type and targetRef, but found {ProblemCollector.Describe(relations[i])}");
                continue;
            }

            var type = problems.RequireString($"{field}.type", relation, "type", required: true);
            if (type is not null && !type.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                problems.Add($"{field}.type", $"\"{field}.type\" must be a word of [a-zA-Z0-9_], but found \"{type}\"");
            }

            problems.RequireString($"{field}.targetRef", relation, "targetRef", required: true);
            foreach (var (key, _) in relation)
            {
                if (key is not ("type" or "targetRef" or "target"))
                {
                    problems.Add($"{field}.{key}", $"Unknown field {key} in a relation; expected only type, targetRef and target");
                }
            }
        }
    }

    private static void ValidateStatus(JsonNode? node, ProblemCollector problems)
    {
        if (node is not JsonObject status)
        {
            problems.Add("status", $"\"status\" must be an object, but found {ProblemCollector.Describe(node)}");
            return;
        }

        if (!status.TryGetPropertyValue("items", out var itemsNode))
        {
            return;
        }

        if (itemsNode is not JsonArray items)
        {
            problems.Add("status.items", $"\"status.items\" must be an array, but found {ProblemCollector.Describe(itemsNode)}");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var field = $"status.items[{i}]";
            if (items[i] is not JsonObject item)
            {
                problems.Add(field, $"\"{field}\" must be an object, but found {ProblemCollector.Describe(items[i])}");
                continue;
            }

            problems.RequireString($"{field}.type", item, "type", required: true);
            problems.RequireString($"{field}.message", item, "message", required: true, nonEmpty: false);
            var level = problems.RequireString($"{field}.level", item, "level", required: true);
            if (level is not null and not ("info" or "warning" or "error"))
            {
                problems.Add($"{field}.level", $"\"{field}.level\" must be one of info, warning, error, but found \"{level}\"");
            }
        }
    }
}
