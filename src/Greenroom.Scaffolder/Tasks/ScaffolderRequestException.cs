namespace Greenroom.Scaffolder.Tasks;

/// <summary>A request the scaffolder refuses (bad values, unknown template or action); the API answers 400 or 404.</summary>
public sealed class ScaffolderRequestException(string message, IReadOnlyList<string> problems, bool notFound = false) : Exception(message)
{
    /// <summary>One line per problem, each naming the field.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;

    /// <summary>True when the template does not exist.</summary>
    public bool NotFound { get; } = notFound;
}
