using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Descriptors;

namespace Greenroom.Catalog.Model.Tests.Corpus;

/// <summary>Finds the shared corpus of real Backstage files through <c>GREENROOM_CORPUS</c>; fails loudly when it is not set.</summary>
internal static class CorpusFiles
{
    public static string Root
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("GREENROOM_CORPUS");
            if (string.IsNullOrWhiteSpace(root) || !Directory.Exists(root))
            {
                Assert.Fail("The environment variable GREENROOM_CORPUS must point at the corpus folder (the one holding backstage/, demo/ and software-templates/); " +
                    (string.IsNullOrWhiteSpace(root) ? "it is not set." : $"'{root}' does not exist."));
            }

            return root!;
        }
    }

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    public static DescriptorParseResult Parse(string path) =>
        new DescriptorParser(DescriptorLimits.Default).Parse(File.ReadAllText(path), Relative(path));

    /// <summary>
    /// Stands in for the pipeline's placeholder resolution: <c>{ "$text": ... }</c> becomes a string, as it would once read,
    /// so the validator sees what Backstage's validator sees.
    /// </summary>
    public static JsonObject WithPlaceholdersResolved(JsonObject entity)
    {
        var copy = entity.DeepClone().AsObject();
        Resolve(copy);
        return copy;
    }

    private static void Resolve(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is JsonObject child && child.Count == 1 && child.First().Key is "$text" or "$json" or "$yaml")
                    {
                        obj[key] = $"(content of {child.First().Value})";
                    }
                    else
                    {
                        Resolve(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Resolve(item);
                }

                break;
        }
    }
}
