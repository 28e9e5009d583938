namespace Greenroom.Web.Entities.Definitions;

/// <summary>Which highlighter grammar shows a definition of an API type (the grammars vendored under wwwroot/lib/highlight).</summary>
public static class DefinitionLanguage
{
    /// <summary><c>graphql</c>, <c>protobuf</c>, <c>json</c> or <c>yaml</c> (by the text's first character), or <c>plaintext</c>.</summary>
    public static string For(string? apiType, string definition) => apiType switch
    {
        "graphql" => "graphql",
        "grpc" => "protobuf",
        "openapi" or "swagger" or "asyncapi" => definition.TrimStart().StartsWith('{') ? "json" : "yaml",
        _ => "plaintext",
    };
}
