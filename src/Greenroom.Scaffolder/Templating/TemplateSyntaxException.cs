namespace Greenroom.Scaffolder.Templating;

/// <summary>A template text that cannot be parsed; names the file (or input), line and column.</summary>
public sealed class TemplateSyntaxException : Exception
{
    /// <summary>Creates the error for <paramref name="source"/> at a 1-based position.</summary>
    public TemplateSyntaxException(string source, int line, int column, string problem)
        : base($"{source}:{line}:{column}: {problem}")
    {
        Source = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file path or input name the text came from.</summary>
    public new string Source { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; }
}
