namespace Greenroom.Scaffolder.Templating;

/// <summary>Whitespace options of nunjucks, set by fetch:template's <c>trimBlocks</c> and <c>lstripBlocks</c> inputs.</summary>
public sealed record TemplateOptions
{
    /// <summary>Removes the first newline after a block tag.</summary>
    public bool TrimBlocks { get; init; }

    /// <summary>Removes spaces and tabs from the start of a line up to a block tag.</summary>
    public bool LstripBlocks { get; init; }

    /// <summary>Rendered text larger than this fails instead of filling memory (loops over large values).</summary>
    public int MaxOutputChars { get; init; } = 10 * 1024 * 1024;

    /// <summary>The defaults: both whitespace options off, as in Backstage.</summary>
    public static TemplateOptions Default { get; } = new();
}
