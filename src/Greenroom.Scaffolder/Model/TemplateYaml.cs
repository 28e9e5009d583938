using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Greenroom.Scaffolder.Model;

/// <summary>Reads a template YAML file into JSON (YAML 1.2 core scalars), for running templates outside the catalog.</summary>
public static class TemplateYaml
{
    /// <summary>The first document of <paramref name="yaml"/> as a JSON object; throws <see cref="TemplateModelException"/> with line and column.</summary>
    public static JsonObject Parse(string yaml, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new TemplateModelException([$"{sourceName}:{e.Start.Line}:{e.Start.Column}: {e.InnerException?.Message ?? e.Message}"]);
        }

        if (stream.Documents.Count == 0 || ToJson(stream.Documents[0].RootNode) is not JsonObject root)
        {
            throw new TemplateModelException([$"{sourceName}:1:1: the file holds no YAML mapping"]);
        }

        return root;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(e => KeyValuePair.Create(((YamlScalarNode)e.Key).Value ?? string.Empty, ToJson(e.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+') && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }
}
