using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Model.Validation;

/// <summary>Checks a spec object against a kind's field list (types, required fields, enums); unknown fields are allowed, as in the schemas.</summary>
internal static class SpecValidator
{
    public static void Validate(JsonObject entity, KindSchema schema, ProblemCollector problems)
    {
        if (!entity.TryGetPropertyValue("spec", out var specNode))
        {
            var required = string.Join(", ", schema.RequiredFields);
            problems.Add("spec", $"\"spec\" is required for kind {schema.Kind}{(required.Length > 0 ? $"; expected an object with {required}" : string.Empty)}");
            return;
        }

        if (specNode is not JsonObject spec)
        {
            return; // the envelope check already reported it
        }

        if (spec["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String
            && schema.TypeVariants.TryGetValue(type.GetValue<string>(), out var variant))
        {
            schema = variant;
        }

        ValidateFields(spec, "spec", schema.Fields, problems);
        schema.Extra?.Invoke(spec, problems);
    }

    public static void ValidateFields(JsonObject target, string path, IReadOnlyList<SpecField> fields, ProblemCollector problems)
    {
        foreach (var field in fields)
        {
            var fieldPath = $"{path}.{field.Name}";
            switch (field.Type)
            {
                case SpecFieldType.NonEmptyString or SpecFieldType.AnyString:
                    var text = problems.RequireString(fieldPath, target, field.Name, field.Required, field.Type == SpecFieldType.NonEmptyString);
                    if (text is not null && field.Enum is { } allowed && !allowed.Contains(text))
                    {
                        problems.Add(fieldPath, $"\"{fieldPath}\" must be one of {string.Join(", ", allowed)}, but found \"{text}\"");
                    }

                    break;
                case SpecFieldType.NonEmptyStringArray:
                    ValidateStringArray(target, field, fieldPath, problems);
                    break;
                case SpecFieldType.ObjectValue:
                    if (RequireObject(target, field.Name, fieldPath, field.Required, problems) is { } child)
                    {
                        ValidateFields(child, fieldPath, field.Properties, problems);
                    }

                    break;
                case SpecFieldType.Custom:
                    if (field.Required && !target.ContainsKey(field.Name))
                    {
                        problems.Add(fieldPath, $"\"{fieldPath}\" is required");
                    }

                    break;
            }
        }
    }

    /// <summary>The object at <paramref name="key"/>, or null (with a problem when present but not an object, or required and absent).</summary>
    public static JsonObject? RequireObject(JsonObject target, string key, string fieldPath, bool required, ProblemCollector problems)
    {
        if (!target.TryGetPropertyValue(key, out var node))
        {
            if (required)
            {
                problems.Add(fieldPath, $"\"{fieldPath}\" is required; expected an object");
            }

            return null;
        }

        if (node is JsonObject child)
        {
            return child;
        }

        problems.Add(fieldPath, $"\"{fieldPath}\" must be an object, but found {ProblemCollector.Describe(node)}");
        return null;
    }

    private static void ValidateStringArray(JsonObject target, SpecField field, string fieldPath, ProblemCollector problems)
    {
        if (!target.TryGetPropertyValue(field.Name, out var node))
        {
            if (field.Required)
            {
                problems.Add(fieldPath, $"\"{fieldPath}\" is required; expected an array of entity references (it may be empty)");
            }

            return;
        }

        if (node is not JsonArray items)
        {
            problems.Add(fieldPath, $"\"{fieldPath}\" must be an array of strings, but found {ProblemCollector.Describe(node)}");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || value.GetValue<string>().Length == 0)
            {
                problems.Add($"{fieldPath}[{i}]", $"\"{fieldPath}[{i}]\" must be a non-empty string, but found {ProblemCollector.Describe(items[i])}");
            }
        }
    }
}
