using System.Text.Json.Nodes;
using Json.Schema;

namespace Greenroom.Scaffolder.Parameters;

/// <summary>Builds JSON Schemas the way Backstage's forms read them: draft-07, unknown keywords (<c>ui:*</c>) allowed.</summary>
internal static class SchemaFactory
{
    public static JsonSchema Build(JsonObject schema) =>
        // A registry per build: schemas from templates must not register ids in the process-wide registry.
        JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft07 });
}
