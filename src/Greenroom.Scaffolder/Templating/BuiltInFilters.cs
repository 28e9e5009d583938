using System.Globalization;
using System.Net;
using static Greenroom.Scaffolder.Templating.FilterRegistry;

namespace Greenroom.Scaffolder.Templating;

/// <summary>The nunjucks built-in filters that templates in the wild use.</summary>
internal static class BuiltInFilters
{
    public static void Register(FilterRegistry registry)
    {
        registry
            .Add("lower", (v, _) => Values.ToText(v).ToLowerInvariant())
            .Add("upper", (v, _) => Values.ToText(v).ToUpperInvariant())
            .Add("capitalize", (v, _) => Capitalize(Values.ToText(v)))
            .Add("title", (v, _) => string.Join(' ', Values.ToText(v).Split(' ').Select(Capitalize)))
            .Add("trim", (v, _) => Values.ToText(v).Trim())
            .Add("replace", Replace)
            .Add("dump", (v, a) => Values.Dump(v, a.Count > 0 ? (int)Values.ToNumber(a[0]) : 0))
            .Add("join", Join)
            .Add("default", Default)
            .Add("d", Default)
            .Add("length", (v, _) => v switch
            {
                string s => (double)s.Length,
                List<object?> l => l.Count,
                IDictionary<string, object?> m => m.Count,
                _ => 0d,
            })
            .Add("first", (v, _) => v switch
            {
                List<object?> l => l.Count > 0 ? l[0] : Undefined.Value,
                string s => s.Length > 0 ? s[..1] : string.Empty,
                _ => Undefined.Value,
            })
            .Add("last", (v, _) => v switch
            {
                List<object?> l => l.Count > 0 ? l[^1] : Undefined.Value,
                string s => s.Length > 0 ? s[^1..] : string.Empty,
                _ => Undefined.Value,
            })
            .Add("reverse", (v, _) => v switch
            {
                List<object?> l => Enumerable.Reverse(l).ToList(),
                _ => new string(Values.ToText(v).Reverse().ToArray()),
            })
            .Add("sort", (v, _) => v is List<object?> l ? l.OrderBy(Values.ToText, StringComparer.Ordinal).ToList() : v)
            .Add("string", (v, _) => Values.ToText(v))
            .Add("int", (v, a) => ToInt(v, Argument(a, 0)))
            .Add("float", (v, a) => Values.ToNumber(v) is var n && double.IsNaN(n) ? (a.Count > 0 ? a[0] : 0d) : n)
            .Add("abs", (v, _) => Math.Abs(Values.ToNumber(v)))
            .Add("round", (v, a) => Math.Round(Values.ToNumber(v), a.Count > 0 ? (int)Values.ToNumber(a[0]) : 0, MidpointRounding.AwayFromZero))
            .Add("safe", (v, _) => v)
            .Add("escape", (v, _) => WebUtility.HtmlEncode(Values.ToText(v)))
            .Add("e", (v, _) => WebUtility.HtmlEncode(Values.ToText(v)))
            .Add("urlencode", (v, _) => Uri.EscapeDataString(Values.ToText(v)))
            .Add("keys", (v, _) => v is IDictionary<string, object?> m ? m.Keys.Cast<object?>().ToList() : new List<object?>())
            .Add("values", (v, _) => v is IDictionary<string, object?> m ? m.Values.ToList() : new List<object?>());
    }

    private static string Capitalize(string s) =>
        s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();

    private static object? Replace(object? input, IReadOnlyList<object?> arguments)
    {
        var text = Values.ToText(input);
        var old = Values.ToText(Argument(arguments, 0));
        var replacement = Values.ToText(Argument(arguments, 1));
        var max = arguments.Count > 2 ? (int)Values.ToNumber(arguments[2]) : int.MaxValue;
        if (old.Length == 0)
        {
            return text;
        }

        var result = new System.Text.StringBuilder();
        var at = 0;
        for (var count = 0; count < max; count++)
        {
            var found = text.IndexOf(old, at, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            result.Append(text, at, found - at).Append(replacement);
            at = found + old.Length;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    private static object? Join(object? input, IReadOnlyList<object?> arguments)
    {
        var separator = arguments.Count > 0 && arguments[0] is not Undefined ? Values.ToText(arguments[0]) : string.Empty;
        var attribute = arguments.Count > 1 ? Values.ToText(arguments[1]) : null;
        if (input is not List<object?> list)
        {
            return Values.ToText(input);
        }

        return string.Join(separator, list.Select(item => attribute is not null && item is IDictionary<string, object?> map
            ? Values.ToText(map.Get(attribute))
            : Values.ToText(item)));
    }

    private static object? Default(object? input, IReadOnlyList<object?> arguments)
    {
        // As nunjucks: only undefined is replaced, unless the second argument asks for every falsy value.
        var falsy = arguments.Count > 1 && Values.IsTruthy(arguments[1]);
        var replace = falsy ? !Values.IsTruthy(input) : input is Undefined;
        return replace ? Argument(arguments, 0) : input;
    }

    private static object? ToInt(object? input, object? fallback)
    {
        var text = Values.ToText(input).Trim();
        var digits = new string(text.TakeWhile((c, i) => char.IsAsciiDigit(c) || (i == 0 && c is '-' or '+')).ToArray());
        return double.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : fallback is Undefined ? 0d : fallback;
    }
}
