using Greenroom.TechDocs.Sites;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Greenroom.TechDocs.Mkdocs;

/// <summary>
/// Reads <c>mkdocs.yml</c>: <c>site_name</c>, <c>site_description</c>, <c>docs_dir</c> and <c>nav</c> (nested
/// sections included). Unknown keys are ignored, as are Python tags (<c>!!python/name:...</c>) that mkdocs plugins use.
/// </summary>
public static class MkdocsConfigReader
{
    /// <summary>The file name mkdocs looks for.</summary>
    public const string FileName = "mkdocs.yml";

    // Aliases make YAML a graph: bound what a nav may expand to, so a hostile file cannot make the walk explode.
    private const int MaxNavEntries = 10_000;
    private const int MaxNavDepth = 16;

    /// <summary>Parses <paramref name="yaml"/>; throws <see cref="DocsBuildException"/> naming the line for bad YAML or a bad value.</summary>
    public static MkdocsConfig Parse(string yaml, string file = FileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new DocsBuildException(new DocsProblem($"Invalid YAML: {Describe(e)}", file, LineOf(e.Start)));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new DocsBuildException(new DocsProblem("mkdocs.yml must be a mapping with at least site_name", file, 1));
        }

        var siteName = Scalar(root, "site_name", file);
        if (string.IsNullOrWhiteSpace(siteName))
        {
            throw new DocsBuildException(new DocsProblem("site_name is required", file, LineOf(root.Start)));
        }

        var docsDir = Scalar(root, "docs_dir", file) ?? "docs";
        if (string.IsNullOrWhiteSpace(docsDir))
        {
            throw new DocsBuildException(new DocsProblem("docs_dir must not be empty", file, LineOf(root.Start)));
        }

        IReadOnlyList<NavItem>? nav = null;
        if (root.Children.TryGetValue(new YamlScalarNode("nav"), out var navNode) && navNode is not YamlScalarNode { Value: null or "" })
        {
            if (navNode is not YamlSequenceNode sequence)
            {
                throw new DocsBuildException(new DocsProblem("nav must be a list", file, LineOf(navNode.Start)));
            }

            var budget = new int[] { MaxNavEntries };
            nav = ReadItems(sequence, file, 0, budget);
        }

        return new MkdocsConfig(siteName.Trim(), Scalar(root, "site_description", file), docsDir.Trim(), nav);
    }

    private static List<NavItem> ReadItems(YamlSequenceNode sequence, string file, int depth, int[] budget)
    {
        if (depth > MaxNavDepth)
        {
            throw new DocsBuildException(new DocsProblem($"nav is nested deeper than {MaxNavDepth} levels", file, LineOf(sequence.Start)));
        }

        var items = new List<NavItem>();
        foreach (var node in sequence)
        {
            if (--budget[0] < 0)
            {
                throw new DocsBuildException(new DocsProblem($"nav has more than {MaxNavEntries} entries", file, LineOf(node.Start)));
            }

            items.Add(ReadItem(node, file, depth, budget));
        }

        return items;
    }

    private static NavItem ReadItem(YamlNode node, string file, int depth, int[] budget)
    {
        var line = LineOf(node.Start);
        switch (node)
        {
            case YamlScalarNode { Value: { Length: > 0 } target }:
                return Target(null, target, line);
            case YamlMappingNode { Children.Count: 1 } mapping:
                var (key, value) = mapping.Children.First();
                var title = (key as YamlScalarNode)?.Value;
                return value switch
                {
                    YamlScalarNode { Value: { Length: > 0 } target } => Target(title, target, line),
                    YamlSequenceNode children => new NavItem(title, null, null, ReadItems(children, file, depth + 1, budget), line),
                    _ => throw new DocsBuildException(new DocsProblem(
                        $"nav entry '{title}' must name a page, a URL or a list of entries", file, line)),
                };
            default:
                throw new DocsBuildException(new DocsProblem(
                    "a nav entry must be a page path or a single 'Title: page' pair", file, line));
        }
    }

    private static NavItem Target(string? title, string target, int line) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto"
            ? new NavItem(title, null, target, [], line)
            : new NavItem(title, target.Trim().TrimStart('/').Replace('\\', '/'), null, [], line);

    private static string? Scalar(YamlMappingNode root, string key, string file)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }

        return node is YamlScalarNode scalar
            ? scalar.Value
            : throw new DocsBuildException(new DocsProblem($"{key} must be a single value", file, LineOf(node.Start)));
    }

    private static int LineOf(Mark mark) => (int)Math.Max(1, mark.Line);

    // YamlException.Message repeats the position as "(Line: 3, Col: 1, Idx: 20) - (...)": keep only what went wrong.
    private static string Describe(YamlException e) =>
        (e.InnerException?.Message ?? e.Message) is var message && message.LastIndexOf("): ", StringComparison.Ordinal) is var cut and >= 0
            ? message[(cut + 3)..]
            : message;
}
