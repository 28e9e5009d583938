using System.Text.Json;
using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Problems;

namespace Greenroom.Catalog.Model.Validation;

/// <summary>Collects validation problems, each naming its field path, with Backstage-style wording.</summary>
internal sealed class ProblemCollector
{
    private const string FormatHelp = "To learn more about catalog file format, visit: https://github.com/backstage/backstage/blob/master/docs/architecture-decisions/adr002-default-catalog-file-format.md";

    public List<CatalogProblem> Problems { get; } = [];

    public void Add(string field, string message) => Problems.Add(new CatalogProblem(message, Field: field));

    /// <summary>The message Backstage's FieldFormatEntityPolicy gives for a value in the wrong format.</summary>
    public void Invalid(string field, string expectation, string found) =>
        Add(field, $"\"{field}\" is not valid; expected {expectation} but found \"{found}\". {FormatHelp}");

    /// <summary>The string at <paramref name="key"/> of <paramref name="parent"/>, or a problem saying a string was expected (null values included).</summary>
    public string? RequireString(string field, JsonObject parent, string key, bool required, bool nonEmpty = true)
    {
        if (!parent.TryGetPropertyValue(key, out var node))
        {
            if (required)
            {
                Add(field, $"\"{field}\" is required; expected a {(nonEmpty ? "non-empty " : string.Empty)}string");
            }

            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            Add(field, $"\"{field}\" must be a string, but found {Describe(node)}");
            return null;
        }

        var text = value.GetValue<string>();
        if (nonEmpty && text.Length == 0)
        {
            Add(field, $"\"{field}\" must be a non-empty string");
            return null;
        }

        return text;
    }

    /// <summary>The JSON kind of a node in words, for messages.</summary>
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => $"the string \"{value.GetValue<string>()}\"",
            JsonValueKind.Number => $"the number {value.ToJsonString()}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {value.ToJsonString()}",
            _ => "a value",
        },
        _ => "a value",
    };
}
