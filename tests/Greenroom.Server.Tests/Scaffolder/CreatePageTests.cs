using System.Net;
using System.Text.RegularExpressions;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Scaffolder;

/// <summary>The portal's Create pages: template list with filters, the form generated from parameters, the task page.</summary>
public sealed partial class CreatePageTests : IAsyncLifetime
{
    private const string Template = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: docs-site
          title: Docs site
          description: A documentation site.
          tags: [docs]
        spec:
          owner: team-a
          type: documentation
          parameters:
            - title: About
              required: [name, owner]
              properties:
                name: {title: Name, type: string, pattern: '^[a-z-]+$'}
                owner: {title: Owner, type: string, ui:field: OwnerPicker, ui:options: {catalogFilter: {kind: Group}}}
                public: {title: Public, type: boolean}
                flavour: {title: Flavour, type: string, enum: [plain, fancy], default: plain}
          steps:
            - id: log
              name: Say hello
              action: debug:log
              input:
                message: 'Creating ${{ parameters.name }} for ${{ parameters.owner }} (${{ parameters.flavour }})'
          output:
            links:
              - title: Owner
                entityRef: ${{ parameters.owner }}
        """;

    private ScaffolderServer _server = null!;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public async Task InitializeAsync()
    {
        _server = await ScaffolderServer.StartAsync();
        await _server.RegisterTemplateAsync("docs-site", Template);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<string> PageAsync(string path)
    {
        var response = await _server.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Lists_templates_and_filters_them_by_tag()
    {
        var all = await PageAsync("/create");
        var other = await PageAsync("/create?tag=java");

        Assert.Contains("Docs site", all, StringComparison.Ordinal);
        Assert.Contains("href=\"/create/templates/default/docs-site\"", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Docs site", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_is_generated_from_the_parameters_with_catalog_pickers()
    {
        var form = await PageAsync("/create/templates/default/docs-site");

        Assert.Contains("name=\"name\"", form, StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\" id=\"field-public\" name=\"public\"", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"fancy\">fancy</option>", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"group:default/team-a\">", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Client.GetAsync(new Uri("/create/templates/default/nope", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Submitting_the_form_runs_the_task_and_shows_its_log_and_result()
    {
        var response = await SubmitAsync(new() { ["name"] = "handbook", ["owner"] = "group:default/team-a", ["flavour"] = "fancy" });

        var taskPath = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/create/tasks/", taskPath, StringComparison.Ordinal);
        var id = taskPath["/create/tasks/".Length..];
        await _server.ReadStreamAsync(id);
        var page = await PageAsync(taskPath);
        Assert.Contains("Creating handbook for group:default/team-a (fancy)", page, StringComparison.Ordinal);
        Assert.Contains("data-task-status>completed<", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/catalog/default/group/team-a\"", page, StringComparison.Ordinal);
        Assert.Contains("/eventstream", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_answers_are_shown_with_the_field_and_kept_in_the_form()
    {
        var response = await SubmitAsync(new() { ["name"] = "Not Valid", ["owner"] = "group:default/team-a" });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal("/create/templates/default/docs-site", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("parameters.name:", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Not Valid\"", page, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SubmitAsync(Dictionary<string, string> fields)
    {
        var form = await PageAsync("/create/templates/default/docs-site");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        fields["_handler"] = "run-template";
        var response = await _server.Client.PostAsync(new Uri("/create/templates/default/docs-site", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
