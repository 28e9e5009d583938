namespace Greenroom.Cli.Tests.Validation;

/// <summary>Descriptor texts the validation tests write to disk.</summary>
internal static class Descriptors
{
    public static string Component(string name, string extraSpec = "") =>
        $"""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: {name}
        spec:
          type: service
          lifecycle: production
          owner: team-a
        {extraSpec}
        """.TrimEnd() + "\n";

    /// <summary>A double-quoted scalar left open on line 5, column 16.</summary>
    public const string BadYaml = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: broken
          description: "unterminated
        spec:
          type: service

        """;

    /// <summary>spec.system (line 9, column 3) is a list where a string is required.</summary>
    public const string BadField = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: payments
        spec:
          type: service
          lifecycle: production
          owner: team-a
          system: [billing]

        """;
}
