using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Components;

namespace Greenroom.Web.Shared;

/// <summary>
/// JSON for a <c>&lt;script type="application/json"&gt;</c> block. The values are untrusted (entity names and titles),
/// so every character that could end the script element or start markup (<c>&lt; &gt; &amp; ' "</c>) is written as a
/// <c>\uXXXX</c> escape: no text can close the block, whatever it contains.
/// </summary>
public static class ScriptJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Default };

    /// <summary>The JSON text of <paramref name="value"/>, safe to place raw inside a script element.</summary>
    public static MarkupString Serialize<T>(T value) => new(JsonSerializer.Serialize(value, Options));
}
