using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Scaffolder.Templating;

/// <summary>
/// The value model templates compute with, and its JavaScript-like semantics (truthiness, text form, equality), since
/// Backstage templates were written against nunjucks running on JavaScript.
/// </summary>
public static class Values
{
    private static readonly JsonSerializerOptions DumpOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Converts JSON to template values (objects keep their key order).</summary>
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => ToDictionary(o),
        JsonArray a => a.Select(FromJson).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };

    private static OrderedDictionary<string, object?> ToDictionary(JsonObject o)
    {
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in o)
        {
            result[key] = FromJson(value);
        }

        return result;
    }

    /// <summary>Converts a template value to JSON; undefined members are left out, an undefined root is null.</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null or Undefined => null,
        SecretValue s => ToJson(s.Inner),
        bool b => JsonValue.Create(b),
        double d when double.IsNaN(d) || double.IsInfinity(d) => null,
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e15 => JsonValue.Create((long)d),
        double d => JsonValue.Create(d),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        string s => JsonValue.Create(s),
        IDictionary<string, object?> map => new JsonObject(map.Where(e => e.Value is not Undefined)
            .Select(e => KeyValuePair.Create(e.Key, ToJson(e.Value)))),
        IEnumerable<object?> list => new JsonArray(list.Select(item => item is Undefined ? null : ToJson(item)).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>JavaScript truthiness: undefined, null, false, 0, NaN and "" are false; everything else, [] and {} too, is true.</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null or Undefined => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        SecretValue s => IsTruthy(s.Inner),
        _ => true,
    };

    /// <summary>The text a value renders as: undefined and null are empty, numbers as JavaScript prints them.</summary>
    public static string ToText(object? value) => value switch
    {
        null or Undefined => string.Empty,
        bool b => b ? "true" : "false",
        double d => FormatNumber(d),
        string s => s,
        SecretValue s => ToText(s.Inner),
        IDictionary<string, object?> => "[object Object]",
        IEnumerable<object?> list => string.Join(",", list.Select(ToText)),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>JSON text as <c>JSON.stringify</c> writes it (undefined gives empty text).</summary>
    public static string Dump(object? value, int indent = 0)
    {
        if (value is Undefined)
        {
            return string.Empty;
        }

        var json = ToJson(value);
        if (json is null)
        {
            return "null";
        }

        var options = indent > 0 ? new JsonSerializerOptions(DumpOptions) { WriteIndented = true, IndentSize = indent } : DumpOptions;
        return json.ToJsonString(options);
    }

    /// <summary>Numbers print like JavaScript's <c>String(n)</c> for the common cases.</summary>
    public static string FormatNumber(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        return d == Math.Floor(d) && Math.Abs(d) < 1e21
            ? d.ToString("0", CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>JavaScript's <c>Number(x)</c>.</summary>
    public static double ToNumber(object? value) => value switch
    {
        null => 0,
        Undefined => double.NaN,
        bool b => b ? 1 : 0,
        double d => d,
        string s when string.IsNullOrWhiteSpace(s) => 0,
        string s => double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN,
        SecretValue s => ToNumber(s.Inner),
        _ => double.NaN,
    };

    /// <summary>Strict equality (<c>===</c>): same type and value; lists and objects only equal themselves.</summary>
    public static bool StrictEquals(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (Undefined, Undefined) => true,
        (bool x, bool y) => x == y,
        (double x, double y) => x == y,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        _ => ReferenceEquals(a, b),
    };

    /// <summary>Loose equality (<c>==</c>): null equals undefined, numbers compare with numeric strings and booleans.</summary>
    public static bool LooseEquals(object? a, object? b)
    {
        if (a is null or Undefined && b is null or Undefined)
        {
            return true;
        }

        if (a is null or Undefined || b is null or Undefined)
        {
            return false;
        }

        if (a.GetType() == b.GetType())
        {
            return StrictEquals(a, b);
        }

        if (a is double or string or bool && b is double or string or bool)
        {
            return ToNumber(a) == ToNumber(b);
        }

        return false;
    }

    /// <summary>Text for a key or name, building strings without intermediate allocations where it matters.</summary>
    internal static string Concat(object? a, object? b)
    {
        var builder = new StringBuilder();
        builder.Append(ToText(a)).Append(ToText(b));
        return builder.ToString();
    }
}

/// <summary>Lookups on template objects, which are read through <see cref="IDictionary{TKey, TValue}"/>.</summary>
internal static class ValueMaps
{
    public static object? Get(this IDictionary<string, object?>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;
}
