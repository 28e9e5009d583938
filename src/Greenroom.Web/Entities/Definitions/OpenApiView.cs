namespace Greenroom.Web.Entities.Definitions;

/// <summary>An OpenAPI document (2.0 or 3.x) read for browsing: its operations grouped by tag, schemas resolved.</summary>
/// <param name="Title">info.title.</param>
/// <param name="Version">info.version.</param>
/// <param name="Description">info.description.</param>
/// <param name="SpecVersion">The OpenAPI/Swagger version the document was written in.</param>
/// <param name="Servers">Server URLs with their descriptions.</param>
/// <param name="Groups">Operations by tag, in the document's tag order; untagged operations last.</param>
/// <param name="Problems">What the parser reported (the document is still shown as far as it could be read).</param>
public sealed record OpenApiView(
    string? Title,
    string? Version,
    string? Description,
    string SpecVersion,
    IReadOnlyList<(string Url, string? Description)> Servers,
    IReadOnlyList<OperationGroup> Groups,
    IReadOnlyList<string> Problems)
{
    /// <summary>Number of operations in all groups.</summary>
    public int OperationCount => Groups.Sum(g => g.Operations.Count);
}

/// <summary>Operations sharing a tag.</summary>
public sealed record OperationGroup(string Tag, string? Description, IReadOnlyList<OperationView> Operations);

/// <summary>One operation: a method on a path.</summary>
public sealed record OperationView(
    string Method,
    string Path,
    string? OperationId,
    string? Summary,
    string? Description,
    bool Deprecated,
    IReadOnlyList<ParameterView> Parameters,
    RequestBodyView? RequestBody,
    IReadOnlyList<ResponseView> Responses)
{
    /// <summary>A fragment id unique within the page (<c>op-get-shipments-id</c>).</summary>
    public string Anchor => "op-" + new string($"{Method}-{Path}".ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}

/// <summary>A parameter: where it goes (path, query, header, cookie), its type and whether it is required.</summary>
public sealed record ParameterView(string Name, string In, bool Required, bool Deprecated, string? Description, SchemaView? Schema);

/// <summary>A request body: its media types with their schemas.</summary>
public sealed record RequestBodyView(bool Required, string? Description, IReadOnlyList<MediaView> Content);

/// <summary>A response by status code.</summary>
public sealed record ResponseView(string Status, string? Description, IReadOnlyList<MediaView> Content);

/// <summary>One media type (<c>application/json</c>) and its schema.</summary>
public sealed record MediaView(string MediaType, SchemaView? Schema);

/// <summary>
/// A schema as readable nested properties. <see cref="TypeText"/> says what it is ("string (date-time)", "array of
/// Shipment"); objects list <see cref="Properties"/>; arrays describe their <see cref="Items"/>.
/// </summary>
/// <param name="TypeText">Readable type.</param>
/// <param name="Name">The component name when it came from a <c>$ref</c>.</param>
/// <param name="Description">Its description.</param>
/// <param name="Enum">Allowed values, when listed.</param>
/// <param name="Properties">Object properties, in document order.</param>
/// <param name="Items">An array's items.</param>
/// <param name="Variants">oneOf / anyOf alternatives, or allOf parts that could not be merged.</param>
/// <param name="Truncated">Why nesting stopped here (a recursive reference or the depth limit), or null.</param>
public sealed record SchemaView(
    string TypeText,
    string? Name,
    string? Description,
    IReadOnlyList<string> Enum,
    IReadOnlyList<PropertyView> Properties,
    SchemaView? Items,
    IReadOnlyList<SchemaView> Variants,
    string? Truncated);

/// <summary>An object property.</summary>
public sealed record PropertyView(string Name, bool Required, SchemaView Schema);
