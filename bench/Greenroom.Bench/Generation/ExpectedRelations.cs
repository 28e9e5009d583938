namespace Greenroom.Bench.Generation;

/// <summary>
/// Counts the relations a Backstage-compatible catalog must serve for the generated entities: every relation a
/// spec field derives plus its inverse, distinct per source entity (a group's <c>parent</c> and its parent's
/// <c>children</c> yield the same pair once). This is the sum of the <c>relations</c> arrays of all final entities.
/// </summary>
internal static class ExpectedRelations
{
    // (kind, spec field, default target kind, relation, inverse)
    private static readonly (string Kind, string Field, string DefaultKind, string Type, string Inverse)[] Rules =
    [
        ("Component", "owner", "group", "ownedBy", "ownerOf"),
        ("Component", "system", "system", "partOf", "hasPart"),
        ("Component", "subcomponentOf", "component", "partOf", "hasPart"),
        ("Component", "providesApis", "api", "providesApi", "apiProvidedBy"),
        ("Component", "consumesApis", "api", "consumesApi", "apiConsumedBy"),
        ("Component", "dependsOn", "component", "dependsOn", "dependencyOf"),
        ("API", "owner", "group", "ownedBy", "ownerOf"),
        ("API", "system", "system", "partOf", "hasPart"),
        ("Resource", "owner", "group", "ownedBy", "ownerOf"),
        ("Resource", "system", "system", "partOf", "hasPart"),
        ("Resource", "dependsOn", "resource", "dependsOn", "dependencyOf"),
        ("System", "owner", "group", "ownedBy", "ownerOf"),
        ("System", "domain", "domain", "partOf", "hasPart"),
        ("Domain", "owner", "group", "ownedBy", "ownerOf"),
        ("Group", "parent", "group", "childOf", "parentOf"),
        ("Group", "children", "group", "parentOf", "childOf"),
        ("User", "memberOf", "group", "memberOf", "hasMember"),
    ];

    public static int Count(IEnumerable<YamlMap> entities)
    {
        var relations = new HashSet<(string Source, string Type, string Target)>();
        foreach (var entity in entities)
        {
            var kind = (string)entity.Get("kind")!;
            var name = (string)((YamlMap)entity.Get("metadata")!).Get("name")!;
            var spec = (YamlMap)entity.Get("spec")!;
            var source = $"{kind}:default/{name}".ToLowerInvariant();
            foreach (var rule in Rules.Where(r => r.Kind == kind))
            {
                foreach (var value in Values(spec.Get(rule.Field)))
                {
                    var target = (value.Contains(':', StringComparison.Ordinal) ? value : $"{rule.DefaultKind}:{value}");
                    target = (target.Contains('/', StringComparison.Ordinal) ? target : target.Replace(":", ":default/", StringComparison.Ordinal)).ToLowerInvariant();
                    relations.Add((source, rule.Type, target));
                    relations.Add((target, rule.Inverse, source));
                }
            }
        }

        return relations.Count;
    }

    private static IEnumerable<string> Values(object? value) => value switch
    {
        string s => [s],
        List<object> list => list.Cast<string>(),
        _ => [],
    };
}
