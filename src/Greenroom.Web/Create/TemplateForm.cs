using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Model;
using Microsoft.AspNetCore.Http;

namespace Greenroom.Web.Create;

/// <summary>A template's parameter steps as form sections, and the reading of a posted form back into values.</summary>
public sealed record TemplateForm(TemplateDefinition Template, IReadOnlyList<(string Title, string? Description, IReadOnlyList<FormField> Fields)> Sections)
{
    /// <summary>The form for <paramref name="template"/>.</summary>
    public static TemplateForm For(TemplateDefinition template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var sections = template.Parameters.Select(step =>
        {
            var required = (step["required"] as JsonArray)?.Select(r => r?.ToString()).ToHashSet(StringComparer.Ordinal) ?? [];
            var fields = (step["properties"] as JsonObject ?? [])
                .Where(p => p.Value is JsonObject)
                .Select(p => FormField.From(p.Key, (JsonObject)p.Value!, required.Contains(p.Key)))
                .ToList();
            return (step["title"]?.ToString() ?? "Please enter the following information", step["description"]?.ToString(), (IReadOnlyList<FormField>)fields);
        }).ToList();
        return new TemplateForm(template, sections);
    }

    /// <summary>The posted values, one per field; fields left empty are left out, as Backstage's form does.</summary>
    public JsonObject Read(IFormCollection form)
    {
        var values = new JsonObject();
        foreach (var field in Sections.SelectMany(s => s.Fields))
        {
            if (field.Read(form) is { } value)
            {
                values[field.Name] = value;
            }
        }

        return values;
    }
}
