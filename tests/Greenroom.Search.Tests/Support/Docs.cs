using Greenroom.Plugins.Search;

namespace Greenroom.Search.Tests.Support;

/// <summary>Search documents for tests.</summary>
public static class Docs
{
    public static SearchDocument Entity(
        string name,
        string? title = null,
        string text = "",
        string kind = "Component",
        string type = "service",
        string owner = "team-a",
        string lifecycle = "production",
        string tags = "",
        string documentType = "software-catalog") =>
        new(
            documentType,
            $"{kind.ToLowerInvariant()}:default/{name}",
            $"{kind.ToLowerInvariant()}:default/{name}",
            title ?? name,
            text,
            $"/catalog/default/{kind.ToLowerInvariant()}/{name}",
            new Dictionary<string, string>
            {
                ["name"] = name,
                ["kind"] = kind,
                ["namespace"] = "default",
                ["type"] = type,
                ["owner"] = owner,
                ["lifecycle"] = lifecycle,
                ["tags"] = tags,
            });

    public static SearchDocument Page(string entityName, string path, string title, string text) =>
        new(
            "techdocs",
            $"component:default/{entityName}#{path}",
            $"component:default/{entityName}",
            title,
            text,
            $"/docs/default/component/{entityName}/{path}",
            new Dictionary<string, string> { ["kind"] = "Component", ["name"] = entityName });

    public static async IAsyncEnumerable<T> Stream<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }
}
