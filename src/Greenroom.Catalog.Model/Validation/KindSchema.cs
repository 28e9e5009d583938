using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Model.Validation;

/// <summary>A built-in kind: the apiVersions it is defined for and the fields of its spec.</summary>
internal sealed record KindSchema(string Kind, IReadOnlyList<string> ApiVersions, IReadOnlyList<SpecField> Fields)
{
    /// <summary>Rules a flat field list cannot express (Template parameters, steps and output).</summary>
    public Action<JsonObject, ProblemCollector>? Extra { get; init; }

    /// <summary>
    /// Schemas that replace <see cref="Fields"/> for one <c>spec.type</c> (Backstage accepts an entity that any of its
    /// validators accepts, so an API of type <c>mcp-server</c> is checked by that schema alone).
    /// </summary>
    public IReadOnlyDictionary<string, KindSchema> TypeVariants { get; init; } = new Dictionary<string, KindSchema>();

    /// <summary>The names of the required spec fields.</summary>
    public IEnumerable<string> RequiredFields => Fields.Where(f => f.Required).Select(f => f.Name);
}
