namespace Greenroom.TechDocs.Sites;

/// <summary>
/// Something wrong with a docs site: where (file relative to the source, 1-based line) and what. Errors stop a build
/// (no mkdocs.yml, bad YAML, a limit exceeded); warnings (a missing page, a broken link) leave the site usable.
/// </summary>
/// <param name="Message">What is wrong, readable on its own.</param>
/// <param name="File">The file, relative to the docs source (<c>mkdocs.yml</c>, <c>docs/guide.md</c>), when known.</param>
/// <param name="Line">The 1-based line in <paramref name="File"/>, when known.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
public sealed record DocsProblem(string Message, string? File = null, int? Line = null, string Severity = DocsProblem.Warning)
{
    /// <summary>The site could not be built.</summary>
    public const string Error = "error";

    /// <summary>The site was built but something in it is wrong.</summary>
    public const string Warning = "warning";

    /// <summary>The problem as one line: <c>docs/a.md:12: message</c>.</summary>
    public override string ToString() =>
        File is null ? Message : Line is null ? $"{File}: {Message}" : $"{File}:{Line}: {Message}";
}

/// <summary>A docs source or configuration that cannot be built at all; carries the problem that says why.</summary>
public sealed class DocsBuildException(DocsProblem problem) : Exception(problem.ToString())
{
    /// <summary>What went wrong, where.</summary>
    public DocsProblem Problem { get; } = problem with { Severity = DocsProblem.Error };
}
