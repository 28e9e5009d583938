namespace Greenroom.Server.Tests.Infrastructure;

/// <summary>
/// A small organisation written to a temporary folder: a Location entity (<c>all.yaml</c>) pointing at an org file and
/// a components file. Nine entities in all, chosen so filters, relations, titles and descriptions each have a case.
/// </summary>
public sealed class FixtureCatalog : IDisposable
{
    public const int EntityCount = 9;

    public FixtureCatalog()
    {
        Root = Path.Combine(Path.GetTempPath(), "greenroom-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "catalog"));
        DataDirectory = Path.Combine(Root, "data");
        Write("all.yaml", AllYaml);
        Write("org.yaml", OrgYaml);
        Write("components.yaml", ComponentsYaml);
    }

    /// <summary>The temporary folder holding everything.</summary>
    public string Root { get; }

    /// <summary>Where the server keeps its database.</summary>
    public string DataDirectory { get; }

    /// <summary>The configured location's target.</summary>
    public string AllYamlPath => PathOf("all.yaml");

    public string PathOf(string file) => Path.Combine(Root, "catalog", file);

    public string Write(string file, string content)
    {
        var path = PathOf(file);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a stopping host is left for the OS to clean up.
        }
    }

    public const string AllYaml = """
        apiVersion: backstage.io/v1alpha1
        kind: Location
        metadata:
          name: fixtures
        spec:
          targets:
            - ./org.yaml
            - ./components.yaml
        """;

    public const string OrgYaml = """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: team-a
          title: Team Alpha
        spec:
          type: team
          children: []
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: team-b
          title: Team Beta
        spec:
          type: team
          children: []
        ---
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata:
          name: alice
        spec:
          profile:
            displayName: Alice
          memberOf: [team-a]
        """;

    public const string ComponentsYaml = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: petstore
          title: Pet Store
          tags: [java, web]
        spec:
          type: service
          lifecycle: production
          owner: team-a
          system: pets
          providesApis: [petstore-api]
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: checkout
          title: Checkout
          tags: [web]
        spec:
          type: website
          lifecycle: experimental
          owner: Team-B
          dependsOn: [component:petstore]
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: inventory
          description: Stock levels for the pet store
        spec:
          type: service
          lifecycle: production
          owner: team-b
        ---
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata:
          name: petstore-api
        spec:
          type: openapi
          lifecycle: production
          owner: team-a
          definition: |
            openapi: 3.0.0
            info: { title: Pets, version: 1.0.0 }
            paths: {}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: System
        metadata:
          name: pets
        spec:
          owner: team-a
        """;
}
