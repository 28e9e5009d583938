using System.Diagnostics;
using Greenroom.Scaffolder.Tests.Support;

namespace Greenroom.Scaffolder.Tests.Actions;

public sealed class PublishGitActionTests : IDisposable
{
    private readonly Harness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static string Git(string gitDir, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--git-dir", gitDir, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        return output.Trim();
    }

    private static string Template(string remote) => $"""
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: publisher
        spec:
          steps:
            - id: write
              action: catalog:write
              input:
                entity: {"{"}apiVersion: backstage.io/v1alpha1, kind: Component, metadata: {"{"}name: svc{"}"}{"}"}
            - id: publish
              action: publish:git
              input:
                remoteUrl: {remote}
                defaultBranch: trunk
                gitCommitMessage: Scaffolded
                token: ${"{{"} secrets.TOKEN {"}}"}
          output:
            links:
              - title: Repository
                url: ${"{{"} steps.publish.output.remoteUrl {"}}"}
        """;

    [Fact]
    public async Task Pushes_the_workspace_to_a_local_bare_repository()
    {
        var remote = Path.Combine(_harness.Root, "remotes", "svc.git");
        Directory.CreateDirectory(remote);
        Git(remote, "init", "--bare", "--quiet");

        var result = await _harness.RunAsync(Template(new Uri(remote).AbsoluteUri), secrets: new() { ["TOKEN"] = "tok3n-value" });

        Assert.True(result.Status == "completed", result.Error);
        Assert.Equal("Scaffolded", Git(remote, "log", "-1", "--format=%s", "trunk"));
        Assert.Contains("catalog-info.yaml", Git(remote, "ls-tree", "--name-only", "trunk"), StringComparison.Ordinal);
        Assert.Equal(new Uri(remote).AbsoluteUri, result.Output["links"]![0]!["url"]!.ToString());
        Assert.DoesNotContain("tok3n-value", _harness.EverythingRecorded(result), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///srv/elsewhere.git")]
    [InlineData("https://git.example.com/a/b.git")]
    [InlineData("ssh://git@example.com/a/b.git")]
    public async Task Refuses_remotes_outside_the_configured_roots(string remote)
    {
        var result = await _harness.RunAsync(Template(remote));

        Assert.Equal("failed", result.Status);
        Assert.Contains("publish:git may not push to", result.Error, StringComparison.Ordinal);
    }
}
