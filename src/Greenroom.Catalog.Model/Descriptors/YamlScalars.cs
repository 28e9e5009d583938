using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>
/// Types YAML scalars as the YAML 1.2 core schema does (what Backstage's <c>yaml</c> package uses):
/// quoted scalars are strings; plain ones may be null, bool, int (decimal, 0o octal, 0x hex) or float.
/// Hand-written checks instead of regexes because this runs for every scalar of 100k entities.
/// </summary>
internal static class YamlScalars
{
    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    /// <summary>The JSON value of a scalar event (null for a YAML null).</summary>
    public static JsonNode? ToNode(Scalar scalar)
    {
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            return FromTagged(scalar.Tag.Value, scalar.Value);
        }

        if (scalar.Style != ScalarStyle.Plain || scalar.Tag.IsNonSpecific)
        {
            return JsonValue.Create(scalar.Value);
        }

        return Resolve(scalar.Value);
    }

    /// <summary>Resolves a plain scalar by the core schema.</summary>
    public static JsonNode? Resolve(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        switch (text[0])
        {
            case '~':
                return text.Length == 1 ? null : JsonValue.Create(text);
            case 'n' or 'N':
                return text is "null" or "Null" or "NULL" ? null : JsonValue.Create(text);
            case 't' or 'T':
                return text is "true" or "True" or "TRUE" ? JsonValue.Create(true) : JsonValue.Create(text);
            case 'f' or 'F':
                return text is "false" or "False" or "FALSE" ? JsonValue.Create(false) : JsonValue.Create(text);
            case '.' or '+' or '-' or (>= '0' and <= '9'):
                return ResolveNumber(text, out var number) ? number : JsonValue.Create(text);
            default:
                return JsonValue.Create(text);
        }
    }

    private static JsonNode? FromTagged(string tag, string text)
    {
        if (!tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal))
        {
            // Unknown local tags: Backstage's yaml warns and keeps the value as a string.
            return JsonValue.Create(text);
        }

        return tag.AsSpan(CoreTagPrefix.Length) switch
        {
            "str" => JsonValue.Create(text),
            "null" => null,
            "bool" or "int" or "float" => Resolve(text),
            _ => JsonValue.Create(text),
        };
    }

    private static bool ResolveNumber(string text, out JsonNode? number)
    {
        number = null;
        var span = text.AsSpan();
        var unsigned = span[0] is '+' or '-' ? span[1..] : span;
        if (unsigned.Length == 0)
        {
            return false;
        }

        if (unsigned is ".inf" or ".Inf" or ".INF" || span is ".nan" or ".NaN" or ".NAN")
        {
            // JSON has no infinity or NaN; Backstage stores entities as JSON, where they become null.
            return true;
        }

        if (span.Length > 2 && span[0] == '0' && (span[1] == 'o' || span[1] == 'x'))
        {
            return ResolveRadix(span[2..], span[1] == 'o' ? 8 : 16, out number);
        }

        if (IsDigits(unsigned))
        {
            number = long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                ? JsonValue.Create(integer)
                : JsonValue.Create(double.Parse(span, NumberStyles.Float, CultureInfo.InvariantCulture));
            return true;
        }

        if (!IsCoreFloat(unsigned))
        {
            return false;
        }

        number = JsonValue.Create(double.Parse(span, NumberStyles.Float, CultureInfo.InvariantCulture));
        return true;
    }

    private static bool ResolveRadix(ReadOnlySpan<char> digits, int radix, out JsonNode? number)
    {
        number = null;
        ulong value = 0;
        foreach (var c in digits)
        {
            int digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return false;
            }

            value = unchecked((value * (ulong)radix) + (ulong)digit);
        }

        number = value <= long.MaxValue ? JsonValue.Create((long)value) : JsonValue.Create((double)value);
        return true;
    }

    // [0-9]+ | \.[0-9]+ | [0-9]+\.[0-9]* , then optional [eE][-+]?[0-9]+
    private static bool IsCoreFloat(ReadOnlySpan<char> s)
    {
        var i = 0;
        var intDigits = CountDigits(s, ref i);
        var fracDigits = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            fracDigits = CountDigits(s, ref i);
        }

        if (intDigits == 0 && fracDigits == 0)
        {
            return false;
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
            {
                i++;
            }

            if (CountDigits(s, ref i) == 0)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private static int CountDigits(ReadOnlySpan<char> s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i - start;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
