using System.Text.Json.Nodes;
using Greenroom.Plugins.Catalog;
using Greenroom.Scaffolder.Model;

namespace Greenroom.Scaffolder.Tasks;

/// <summary>Reads Template entities from the catalog.</summary>
public sealed class TemplateCatalog(ICatalogReader catalog)
{
    /// <summary>The template with this ref (<c>template:default/name</c> or <c>default/name</c>); throws when missing or invalid.</summary>
    public async Task<TemplateDefinition> GetAsync(string templateRef, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(templateRef);
        var normalized = templateRef.Contains(':', StringComparison.Ordinal) ? templateRef : $"template:{templateRef}";
        if (!normalized.Contains('/', StringComparison.Ordinal))
        {
            normalized = normalized.Replace(":", ":default/", StringComparison.Ordinal);
        }

        if (!normalized.StartsWith("template:", StringComparison.OrdinalIgnoreCase))
        {
            throw new ScaffolderRequestException($"'{templateRef}' is not a Template ref", [$"templateRef: '{templateRef}' must be template:namespace/name"]);
        }

        var entity = await catalog.GetEntityAsync(normalized, cancellationToken).ConfigureAwait(false)
            ?? throw new ScaffolderRequestException($"Template {normalized} not found", [$"templateRef: no template {normalized} in the catalog"], notFound: true);
        try
        {
            return TemplateReader.Read(JsonNode.Parse(entity.Json)!.AsObject());
        }
        catch (TemplateModelException e)
        {
            throw new ScaffolderRequestException(e.Message, e.Problems);
        }
    }

    /// <summary>The user's catalog entity, if the catalog has it.</summary>
    public async Task<JsonObject?> GetUserAsync(string userRef, CancellationToken cancellationToken)
    {
        var entity = await catalog.GetEntityAsync(userRef, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : JsonNode.Parse(entity.Json) as JsonObject;
    }
}
