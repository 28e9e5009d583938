using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Greenroom.Server.Tests.DemoCatalog;

/// <summary>
/// STAND-IN for the scaffolder's <c>fetch:template</c>, until the engine lands: renders a skeleton by plain substitution
/// of the two expression forms the demo skeletons use, <c>${{ values.a.b }}</c> and <c>${{ values.a.b | dump }}</c>, in
/// file contents and in file and folder names, and copies <c>copyWithoutTemplating</c> files as they are. Anything else
/// between <c>${{ }}</c> is refused, so a skeleton cannot outgrow this stand-in unnoticed. Replace its uses with the
/// engine's dry run once it is available.
/// </summary>
internal static partial class SkeletonStandInRenderer
{
    private static readonly JsonSerializerOptions DumpOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every <c>${{ ... }}</c> expression, with the value path and filter when it is one of the simple forms.</summary>
    [GeneratedRegex(@"\$\{\{(?:\s*values\.(?<path>[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)\s*(?<dump>\|\s*dump\s*)?\}\}|(?<other>.*?)\}\})")]
    private static partial Regex Expression();

    /// <summary>Renders <paramref name="skeleton"/> into <paramref name="target"/> with <paramref name="values"/>.</summary>
    public static void Render(string skeleton, string target, JsonObject values, IEnumerable<string> copyWithoutTemplating)
    {
        foreach (var (file, relative, verbatim) in Files(skeleton, copyWithoutTemplating))
        {
            var destination = Path.Combine(target, Substitute(relative, values, relative));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (verbatim)
            {
                File.Copy(file, destination);
            }
            else
            {
                File.WriteAllText(destination, Substitute(File.ReadAllText(file), values, relative));
            }
        }
    }

    /// <summary>The value paths (<c>destination.host</c>) the skeleton uses in names and rendered contents; fails on any other expression.</summary>
    public static IEnumerable<string> ValuePaths(string skeleton, IEnumerable<string> copyWithoutTemplating) =>
        Files(skeleton, copyWithoutTemplating).SelectMany(file =>
            Expressions(file.Relative, file.Relative).Concat(file.Verbatim ? [] : Expressions(File.ReadAllText(file.Path), file.Relative)));

    private static IEnumerable<(string Path, string Relative, bool Verbatim)> Files(string skeleton, IEnumerable<string> copyWithoutTemplating)
    {
        var verbatim = new Matcher(StringComparison.Ordinal);
        verbatim.AddIncludePatterns(copyWithoutTemplating);
        return Directory.EnumerateFiles(skeleton, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file =>
            {
                var relative = Path.GetRelativePath(skeleton, file).Replace('\\', '/');
                return (file, relative, verbatim.Match(relative).HasMatches);
            });
    }

    private static IEnumerable<string> Expressions(string text, string where) =>
        Expression().Matches(text).Select(match => match.Groups["other"].Success
            ? throw new InvalidOperationException($"{where}: '{match.Value}' is more than the stand-in renderer supports")
            : match.Groups["path"].Value);

    private static string Substitute(string text, JsonObject values, string where) => Expression().Replace(text, match =>
    {
        if (match.Groups["other"].Success)
        {
            throw new InvalidOperationException($"{where}: '{match.Value}' is more than the stand-in renderer supports");
        }

        JsonNode? value = values;
        foreach (var key in match.Groups["path"].Value.Split('.'))
        {
            value = value?[key];
        }

        if (value is null)
        {
            throw new InvalidOperationException($"{where}: no value for '{match.Value}'");
        }

        if (match.Groups["dump"].Success)
        {
            return value.ToJsonString(DumpOptions);
        }

        return value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
    });
}
