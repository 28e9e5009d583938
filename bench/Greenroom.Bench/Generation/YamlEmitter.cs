using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Greenroom.Bench.Generation;

/// <summary>
/// The minimal YAML emitter of the reference script: maps, lists, strings, ints and bools. Strings that are not
/// plainly safe are written JSON-quoted (valid YAML double-quoted style); multi-line strings become literal blocks.
/// </summary>
internal static partial class YamlEmitter
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~" };

    // Only ASCII is generated; relaxed escaping keeps quoted strings readable (no \u003C for '<').
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_./-]*$")]
    private static partial Regex PlainPattern();

    /// <summary>One document: <c>---</c>, the lines of <paramref name="entity"/>, a final newline.</summary>
    public static string Document(YamlMap entity)
    {
        var text = new StringBuilder("---\n");
        foreach (var line in Lines(entity, 0))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    public static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string s when PlainPattern().IsMatch(s) && !Reserved.Contains(s.ToLowerInvariant()) => s,
        string s => JsonSerializer.Serialize(s, Quoting),
        _ => throw new ArgumentException($"Unsupported YAML scalar: {value}", nameof(value)),
    };

    private static IEnumerable<string> Lines(object value, int indent)
    {
        var pad = new string(' ', indent);
        if (value is YamlMap map)
        {
            foreach (var (key, item) in map)
            {
                var k = Scalar(key);
                switch (item)
                {
                    case string s when s.Contains('\n', StringComparison.Ordinal):
                        yield return $"{pad}{k}: |";
                        foreach (var line in s.TrimEnd('\n').Split('\n'))
                        {
                            yield return line.Length > 0 ? pad + "  " + line : string.Empty;
                        }

                        break;
                    case YamlMap { Count: > 0 }:
                    case List<object> { Count: > 0 }:
                        yield return $"{pad}{k}:";
                        foreach (var line in Lines(item, indent + 2))
                        {
                            yield return line;
                        }

                        break;
                    case YamlMap:
                        yield return $"{pad}{k}: {{}}";
                        break;
                    case List<object>:
                        yield return $"{pad}{k}: []";
                        break;
                    default:
                        yield return $"{pad}{k}: {Scalar(item)}";
                        break;
                }
            }
        }
        else if (value is List<object> list)
        {
            foreach (var item in list)
            {
                if (item is YamlMap { Count: > 0 } nested)
                {
                    // The first key goes on the "- " line, the rest align under it.
                    var sub = Lines(nested, indent + 2).ToList();
                    yield return pad + "- " + sub[0][(indent + 2)..];
                    foreach (var line in sub.Skip(1))
                    {
                        yield return line;
                    }
                }
                else
                {
                    yield return $"{pad}- {Scalar(item)}";
                }
            }
        }
        else
        {
            throw new ArgumentException($"Unsupported YAML value: {value}", nameof(value));
        }
    }
}
