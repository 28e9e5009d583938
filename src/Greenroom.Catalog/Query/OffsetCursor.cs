using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Query;

/// <summary>
/// The <c>after</c> cursor of <c>GET /entities</c>, as Backstage encodes it: base64 of <c>{"limit":n,"offset":m}</c>,
/// handed out in a <c>Link: &lt;...&gt;; rel="next"</c> header.
/// </summary>
public static class OffsetCursor
{
    /// <summary>The cursor for the page starting at <paramref name="offset"/>.</summary>
    public static string Encode(int? limit, int offset)
    {
        var json = new JsonObject { ["limit"] = limit, ["offset"] = offset };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString()));
    }

    /// <summary>The limit and offset an <c>after</c> cursor stands for (either may be absent).</summary>
    /// <exception cref="CatalogInputException">The cursor cannot be parsed or holds a non-integer.</exception>
    public static (int? Limit, int? Offset) Decode(string after)
    {
        JsonObject json;
        try
        {
            json = JsonNode.Parse(Convert.FromBase64String(after.Trim())) as JsonObject
                ?? throw new CatalogInputException("Malformed after cursor, could not be parsed");
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new CatalogInputException("Malformed after cursor, could not be parsed");
        }

        return (Read(json, "limit"), Read(json, "offset"));
    }

    private static int? Read(JsonObject json, string name) => json[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<int>(out var n) && n >= 0 => n,
        _ => throw new CatalogInputException($"Malformed after cursor, {name} was not an number"),
    };
}
