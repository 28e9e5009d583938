using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Greenroom.Web.Create;

/// <summary>How a parameter is asked for.</summary>
public enum FieldKind
{
    /// <summary>A line of text.</summary>
    Text,
    /// <summary>Several lines of text.</summary>
    TextArea,
    /// <summary>Hidden typing.</summary>
    Password,
    /// <summary>A number.</summary>
    Number,
    /// <summary>A yes/no checkbox.</summary>
    Checkbox,
    /// <summary>One of a list.</summary>
    Select,
    /// <summary>Radio buttons.</summary>
    Radio,
    /// <summary>Several of a list.</summary>
    Checkboxes,
    /// <summary>An entity ref picked from the catalog (OwnerPicker, EntityPicker).</summary>
    EntityPicker,
    /// <summary>host?owner=…&amp;repo=… (RepoUrlPicker).</summary>
    RepoUrl,
    /// <summary>Anything else, typed as JSON.</summary>
    Json,
}

/// <summary>One form field generated from a parameter's JSON Schema (with Backstage's <c>ui:*</c> hints).</summary>
public sealed record FormField(
    string Name,
    string Title,
    string? Description,
    FieldKind Kind,
    bool Required,
    bool Integer,
    IReadOnlyList<(string Value, string Label)> Options,
    IReadOnlyList<string> EntityKinds,
    JsonNode? Default)
{
    /// <summary>The field for property <paramref name="name"/> of a parameter step.</summary>
    public static FormField From(string name, JsonObject property, bool required)
    {
        var type = property["type"]?.ToString();
        var uiField = property["ui:field"]?.ToString();
        var widget = property["ui:widget"]?.ToString();
        var options = ReadOptions(property["enum"] as JsonArray, property["enumNames"] as JsonArray);
        var itemOptions = ReadOptions(property["items"]?["enum"] as JsonArray, property["items"]?["enumNames"] as JsonArray);
        var kind = (uiField, widget, type) switch
        {
            ("OwnerPicker" or "EntityPicker" or "MyGroupsPicker", _, _) => FieldKind.EntityPicker,
            ("RepoUrlPicker", _, _) => FieldKind.RepoUrl,
            ("Secret", _, _) or (_, "password", _) => FieldKind.Password,
            (_, _, "boolean") => FieldKind.Checkbox,
            (_, _, "array") when itemOptions.Count > 0 => FieldKind.Checkboxes,
            (_, "radio", _) when options.Count > 0 => FieldKind.Radio,
            _ when options.Count > 0 => FieldKind.Select,
            (_, _, "number" or "integer") => FieldKind.Number,
            (_, "textarea", _) => FieldKind.TextArea,
            (_, _, "string" or null) => FieldKind.Text,
            _ => FieldKind.Json,
        };
        return new FormField(
            name,
            property["title"]?.ToString() ?? name,
            property["description"]?.ToString() ?? property["ui:help"]?.ToString(),
            kind,
            required,
            type == "integer",
            kind == FieldKind.Checkboxes ? itemOptions : options,
            ReadEntityKinds(property, uiField),
            property["default"]?.DeepClone());
    }

    /// <summary>The value typed into the form, as the JSON the schema expects; null when left empty.</summary>
    public JsonNode? Read(IFormCollection form)
    {
        var raw = form[Name];
        var text = raw.ToString().Trim();
        switch (Kind)
        {
            case FieldKind.Checkbox:
                return JsonValue.Create(raw.Any(v => v == "true"));
            case FieldKind.Checkboxes:
                return new JsonArray([.. raw.Where(v => !string.IsNullOrEmpty(v)).Select(v => (JsonNode)JsonValue.Create(v!))]);
            case FieldKind.Number when text.Length > 0:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                    ? Integer && n == Math.Floor(n) ? JsonValue.Create((long)n) : JsonValue.Create(n)
                    : JsonValue.Create(text);
            case FieldKind.Json when text.Length > 0:
                try
                {
                    return JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    return JsonValue.Create(text);
                }

            case FieldKind.Select or FieldKind.Radio when text.Length > 0:
                // Enum values keep their JSON type (numbers stay numbers).
                return Options.Any(o => o.Value == text) && Default is JsonValue d && d.GetValueKind() == JsonValueKind.Number && double.TryParse(text, CultureInfo.InvariantCulture, out var e)
                    ? JsonValue.Create(e)
                    : JsonValue.Create(text);
            default:
                return text.Length > 0 ? JsonValue.Create(text) : null;
        }
    }

    /// <summary>The text the field shows: what was posted, else the schema default.</summary>
    public string Shown(IFormCollection? form) =>
        form is not null && form.ContainsKey(Name) ? form[Name].ToString() : Default is JsonValue v ? v.ToString() : string.Empty;

    /// <summary>Whether <paramref name="value"/> is chosen (checkboxes, radios, selects).</summary>
    public bool IsChosen(IFormCollection? form, string value) =>
        form is not null && form.ContainsKey(Name)
            ? form[Name].Contains(value)
            : Default switch
            {
                JsonArray list => list.Any(i => i?.ToString() == value),
                JsonValue v => v.ToString() == value,
                _ => false,
            };

    private static List<(string, string)> ReadOptions(JsonArray? values, JsonArray? names) =>
        values is null ? [] : [.. values.Select((v, i) => (v?.ToString() ?? string.Empty, names?.ElementAtOrDefault(i)?.ToString() ?? v?.ToString() ?? string.Empty))];

    private static List<string> ReadEntityKinds(JsonObject property, string? uiField)
    {
        var options = property["ui:options"];
        var kinds = (options?["catalogFilter"]?["kind"], options?["allowedKinds"]) switch
        {
            (JsonValue one, _) => [one.ToString()],
            (JsonArray many, _) => many.Select(k => k!.ToString()).ToList(),
            (_, JsonArray allowed) => allowed.Select(k => k!.ToString()).ToList(),
            _ => uiField == "OwnerPicker" ? ["Group", "User"] : [],
        };
        return kinds;
    }
}
