namespace Greenroom.Scaffolder.Model;

/// <summary>A Template entity that cannot be run; each problem names the field (<c>spec.steps[2].action</c>).</summary>
public sealed class TemplateModelException(IReadOnlyList<string> problems)
    : Exception("The template is invalid: " + string.Join("; ", problems))
{
    /// <summary>One line per problem, each starting with the field path.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
