using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Model.Validation;

/// <summary>
/// The metadata rules of Backstage's <c>EntityMeta</c> schema and <c>FieldFormatEntityPolicy</c>: name, namespace,
/// labels, annotations, tags and links, each problem naming its path (<c>metadata.tags[1]</c>).
/// </summary>
internal static class MetadataValidator
{
    private const string ObjectNameExpectation = "a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total";
    private const string DnsLabelExpectation = "a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total";
    private const string PrefixSuffixExpectation = "a valid prefix and/or suffix";
    private const string TagExpectation = "a string that is sequences of [a-z0-9+#:] separated by [-], at most 63 characters in total";

    public static void Validate(JsonObject metadata, ProblemCollector problems)
    {
        var name = problems.RequireString("metadata.name", metadata, "name", required: true);
        if (name is not null && !BackstageFormats.IsValidObjectName(name))
        {
            problems.Invalid("metadata.name", ObjectNameExpectation, name);
        }

        var ns = problems.RequireString("metadata.namespace", metadata, "namespace", required: false);
        if (ns is not null && !BackstageFormats.IsValidNamespace(ns))
        {
            problems.Invalid("metadata.namespace", DnsLabelExpectation, ns);
        }

        problems.RequireString("metadata.uid", metadata, "uid", required: false);
        problems.RequireString("metadata.etag", metadata, "etag", required: false);
        problems.RequireString("metadata.title", metadata, "title", required: false);
        problems.RequireString("metadata.description", metadata, "description", required: false, nonEmpty: false);

        ValidateStringMap(metadata, "labels", BackstageFormats.IsValidLabelKey, BackstageFormats.IsValidLabelValue, ObjectNameExpectation, problems);
        ValidateStringMap(metadata, "annotations", BackstageFormats.IsValidAnnotationKey, static _ => true, "a string", problems);
        ValidateTags(metadata, problems);
        ValidateLinks(metadata, problems);
    }

    private static void ValidateStringMap(
        JsonObject metadata, string property, Func<string, bool> isValidKey, Func<string, bool> isValidValue, string valueExpectation, ProblemCollector problems)
    {
        if (!metadata.TryGetPropertyValue(property, out var node))
        {
            return;
        }

        if (node is not JsonObject map)
        {
            problems.Add($"metadata.{property}", $"\"metadata.{property}\" must be an object of string values, but found {ProblemCollector.Describe(node)}");
            return;
        }

        // Field paths are built only for a problem: every annotation of every entity would pay for them otherwise.
        foreach (var (key, value) in map)
        {
            if (!isValidKey(key))
            {
                problems.Invalid($"metadata.{property}.{key}", PrefixSuffixExpectation, key);
            }

            if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
            {
                problems.Invalid($"metadata.{property}.{key}", valueExpectation, value?.ToJsonString() ?? "null");
            }
            else if (!isValidValue(text.GetValue<string>()))
            {
                problems.Invalid($"metadata.{property}.{key}", valueExpectation, text.GetValue<string>());
            }
        }
    }

    private static void ValidateTags(JsonObject metadata, ProblemCollector problems)
    {
        if (!metadata.TryGetPropertyValue("tags", out var node))
        {
            return;
        }

        if (node is not JsonArray tags)
        {
            problems.Add("metadata.tags", $"\"metadata.tags\" must be an array of strings, but found {ProblemCollector.Describe(node)}");
            return;
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                problems.Invalid($"metadata.tags[{i}]", TagExpectation, tags[i]?.ToJsonString() ?? "null");
            }
            else if (!BackstageFormats.IsValidTag(value.GetValue<string>()))
            {
                problems.Invalid($"metadata.tags[{i}]", TagExpectation, value.GetValue<string>());
            }
        }
    }

    private static void ValidateLinks(JsonObject metadata, ProblemCollector problems)
    {
        if (!metadata.TryGetPropertyValue("links", out var node))
        {
            return;
        }

        if (node is not JsonArray links)
        {
            problems.Add("metadata.links", $"\"metadata.links\" must be an array of link objects, but found {ProblemCollector.Describe(node)}");
            return;
        }

        for (var i = 0; i < links.Count; i++)
        {
            var field = $"metadata.links[{i}]";
            if (links[i] is not JsonObject link)
            {
                problems.Add(field, $"\"{field}\" must be an object with a url, but found {ProblemCollector.Describe(links[i])}");
                continue;
            }

            var url = problems.RequireString($"{field}.url", link, "url", required: true);
            if (url is not null && !BackstageFormats.IsValidUrl(url))
            {
                problems.Invalid($"{field}.url", "a string that is a valid url", url);
            }

            foreach (var optional in (ReadOnlySpan<string>)["title", "icon", "type"])
            {
                var text = problems.RequireString($"{field}.{optional}", link, optional, required: false);
                if (text is not null && !BackstageFormats.IsNonEmptyString(text))
                {
                    problems.Invalid($"{field}.{optional}", "a non empty string", text);
                }
            }
        }
    }
}
