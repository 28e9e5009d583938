namespace Greenroom.Catalog.Tests.Support;

/// <summary>Small descriptor fixtures.</summary>
internal static class Descriptors
{
    public static string Component(string name, string owner = "team-a", string extra = "") => $"""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: {name}
        spec:
          type: service
          lifecycle: production
          owner: {owner}
        {extra}
        """;

    public static string Group(string name) => $"""
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: {name}
        spec:
          type: team
          children: []
        """;

    public static string Location(string name, params string[] targets) =>
        $"""
        apiVersion: backstage.io/v1alpha1
        kind: Location
        metadata:
          name: {name}
        spec:
          targets:
        """ + "\n" + string.Join("\n", targets.Select(t => $"    - {t}")) + "\n";

    public static string Documents(params string[] documents) => string.Join("---\n", documents.Select(d => d.TrimEnd() + "\n"));
}
