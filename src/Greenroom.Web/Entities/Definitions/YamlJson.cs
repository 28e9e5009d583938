using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Greenroom.Web.Entities.Definitions;

/// <summary>
/// Converts a YAML definition to JSON for Microsoft.OpenApi's JSON reader. Its own YAML reader (SharpYaml) rejects
/// valid YAML that real definitions use (<c>[scope:read]</c> in a flow sequence), whereas YamlDotNet, which also reads
/// the catalog's descriptors, accepts it. Plain scalars are typed as the YAML core schema says (null, booleans,
/// numbers); quoted ones stay strings. Aliases are expanded, so the output is capped to stop an alias bomb.
/// </summary>
internal static partial class YamlJson
{
    private const int MaxNodes = 250_000;
    private const int MaxDepth = 64;

    /// <summary>The first YAML document of <paramref name="yaml"/> as JSON text.</summary>
    /// <exception cref="YamlException">The YAML is malformed (the message has line and column).</exception>
    /// <exception cref="FormatException">The YAML is empty, nested too deeply or expands too far.</exception>
    public static string Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0)
        {
            throw new FormatException("The definition is empty.");
        }

        var budget = new int[] { MaxNodes };
        return (ToJson(stream.Documents[0].RootNode, 0, budget)?.ToJsonString()) ?? "null";
    }

    private static JsonNode? ToJson(YamlNode node, int depth, int[] budget)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException($"The definition is nested more than {MaxDepth} levels deep (line {node.Start.Line}).");
        }

        if (--budget[0] < 0)
        {
            throw new FormatException($"The definition expands to more than {MaxNodes} values (aliases included).");
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    obj[(key as YamlScalarNode)?.Value ?? key.ToString()] = ToJson(value, depth + 1, budget);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(ToJson(item, depth + 1, budget));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text[0] is 't' or 'T');
        }

        // Decimal keeps the written form (2.0 stays 2.0, so "swagger: 2.0" still reads as version 2.0).
        if (Number().IsMatch(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
