namespace Greenroom.Scaffolder.Templating;

/// <summary>Template text with its name, turning offsets into 1-based line and column for error messages.</summary>
internal sealed class SourceText(string name, string text)
{
    public string Name { get; } = name;

    public string Text { get; } = text;

    public TemplateSyntaxException Error(int offset, string problem)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < Text.Length; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new TemplateSyntaxException(Name, line, offset - lineStart + 1, problem);
    }
}
