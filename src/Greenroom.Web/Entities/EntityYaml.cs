using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace Greenroom.Web.Entities;

/// <summary>Writes an entity as YAML, as a descriptor author would read it (strings that look like numbers stay quoted).</summary>
public static class EntityYaml
{
    /// <summary>The YAML text of <paramref name="node"/>.</summary>
    public static string Write(JsonNode node)
    {
        var serializer = new SerializerBuilder().WithQuotingNecessaryStrings().DisableAliases().Build();
        return serializer.Serialize(ToPlain(node));
    }

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetValue<long>(out var whole) ? whole : value.GetValue<double>(),
            _ => null,
        },
        _ => null,
    };
}
