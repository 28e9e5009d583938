using System.Web;
using static Greenroom.Scaffolder.Templating.FilterRegistry;

namespace Greenroom.Scaffolder.Templating;

/// <summary>The filters Backstage's scaffolder adds: parseRepoUrl, parseEntityRef, pick, projectSlug.</summary>
internal static class BackstageFilters
{
    public static void Register(FilterRegistry registry)
    {
        registry
            .Add("parseRepoUrl", (v, _) => ParseRepoUrl(Values.ToText(v)))
            .Add("projectSlug", (v, _) => ProjectSlug(Values.ToText(v)))
            .Add("parseEntityRef", (v, a) => ParseEntityRef(Values.ToText(v), Argument(a, 0)))
            .Add("pick", (v, a) => Pick(v, Values.ToText(Argument(a, 0))));
    }

    /// <summary>
    /// <c>github.com?owner=o&amp;repo=r</c> (what the RepoUrlPicker produces) into <c>{host, owner, repo, …}</c>; only the
    /// query keys present are set, as in Backstage.
    /// </summary>
    internal static OrderedDictionary<string, object?> ParseRepoUrl(string repoUrl)
    {
        if (string.IsNullOrWhiteSpace(repoUrl))
        {
            throw new TemplateRenderException("the repository URL is empty; expected host?owner=…&repo=…");
        }

        var question = repoUrl.IndexOf('?', StringComparison.Ordinal);
        var host = question < 0 ? repoUrl : repoUrl[..question];
        if (host.Length == 0 || host.Contains('/', StringComparison.Ordinal))
        {
            throw new TemplateRenderException($"'{repoUrl}' is not a repository URL of the form host?owner=…&repo=…");
        }

        var query = HttpUtility.ParseQueryString(question < 0 ? string.Empty : repoUrl[(question + 1)..]);
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["host"] = host };
        foreach (var key in new[] { "owner", "repo", "organization", "workspace", "project" })
        {
            if (query[key] is { } value)
            {
                result[key] = value;
            }
        }

        if (!result.ContainsKey("repo"))
        {
            throw new TemplateRenderException($"'{repoUrl}' names no repo (repo=…)");
        }

        return result;
    }

    internal static string ProjectSlug(string repoUrl)
    {
        var parsed = ParseRepoUrl(repoUrl);
        var owner = parsed.GetValueOrDefault("owner") ?? parsed.GetValueOrDefault("organization") ?? parsed.GetValueOrDefault("workspace");
        return $"{Values.ToText(owner)}/{Values.ToText(parsed["repo"])}";
    }

    /// <summary><c>[kind:][namespace/]name</c> into <c>{kind, namespace, name}</c>, with defaults from <c>{defaultKind, defaultNamespace}</c>.</summary>
    internal static OrderedDictionary<string, object?> ParseEntityRef(string reference, object? context)
    {
        var defaults = context as IDictionary<string, object?>;
        var defaultKind = defaults.Get("defaultKind") is string k ? k : null;
        var defaultNamespace = defaults.Get("defaultNamespace") is string n ? n : "default";

        var rest = reference.Trim();
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? rest[..colon] : defaultKind;
        rest = colon > 0 ? rest[(colon + 1)..] : rest;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var ns = slash > 0 ? rest[..slash] : defaultNamespace;
        var name = slash > 0 ? rest[(slash + 1)..] : rest;
        if (string.IsNullOrEmpty(kind) || name.Length == 0 || ns.Length == 0)
        {
            throw new TemplateRenderException($"'{reference}' is not an entity ref of the form [kind:][namespace/]name (and no defaultKind was given)");
        }

        return new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["kind"] = kind, ["namespace"] = ns, ["name"] = name };
    }

    private static object? Pick(object? input, string key) =>
        input is IDictionary<string, object?> map && map.TryGetValue(key, out var value) ? value : Undefined.Value;
}
