using System.Net;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Scaffolder;

/// <summary>
/// A golden path from request to catalog: the skeleton is rendered, pushed to a (rewritten, local) git remote created
/// on first push, and the new component is registered and served by the catalog.
/// </summary>
public sealed class GoldenPathEndToEndTests : IAsyncLifetime
{
    private const string Template = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: service, title: Service}
        spec:
          owner: team-a
          type: service
          parameters:
            - required: [name, repoUrl]
              properties:
                name: {type: string}
                repoUrl: {type: string, ui:field: RepoUrlPicker}
          steps:
            - id: fetch
              action: fetch:template
              input: {url: ./skeleton, values: {name: '${{ parameters.name }}'}}
            - id: publish
              action: publish:git
              input:
                remoteUrl: https://${{ (parameters.repoUrl | parseRepoUrl).host }}/${{ (parameters.repoUrl | parseRepoUrl).repo }}.git
            - id: register
              action: catalog:register
              input:
                repoContentsUrl: ${{ steps['publish'].output.repoContentsUrl }}
                catalogInfoPath: /catalog-info.yaml
          output:
            links:
              - title: Open in catalog
                entityRef: ${{ steps['register'].output.entityRef }}
        """;

    private ScaffolderServer _server = null!;

    public async Task InitializeAsync() => _server = await ScaffolderServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Creates_publishes_registers_and_the_catalog_serves_the_new_component()
    {
        await _server.RegisterTemplateAsync("service", Template, new Dictionary<string, string>
        {
            ["skeleton/catalog-info.yaml"] = """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: ${{ values.name }}
                spec:
                  type: service
                  lifecycle: experimental
                  owner: team-a
                """,
        });

        var created = await _server.Client.PostJsonAsync("/api/scaffolder/v2/tasks", new
        {
            templateRef = "template:default/service",
            values = new { name = "parcel-labels", repoUrl = "git.example.com?owner=halyard&repo=parcel-labels" },
        }, HttpStatusCode.Created);
        var events = await _server.ReadStreamAsync(created["id"]!.GetValue<string>());

        var completion = events[^1].Data["body"]!;
        Assert.True(completion["status"]!.GetValue<string>() == "completed", completion.ToJsonString());
        Assert.Equal("component:default/parcel-labels", completion["output"]!["links"]![0]!["entityRef"]!.GetValue<string>());
        Assert.True(Directory.Exists(Path.Combine(_server.Remotes, "parcel-labels.git", "objects")));
        var entity = await _server.Client.GetJsonAsync("/api/catalog/entities/by-name/component/default/parcel-labels");
        Assert.Equal("team-a", entity["spec"]!["owner"]!.GetValue<string>());
    }
}
