namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>
/// A linear pre-scan for deeply nested flow collections (<c>[[[[...</c>, <c>{a: {a: ...</c>). YamlDotNet's scanner
/// slows down quadratically with flow depth (a 1 MiB file of <c>[</c> takes hours), so such nesting must be refused
/// before YamlDotNet sees it. The scan approximates YAML's lexing (quotes, comments, block scalars); it may
/// over-count on odd text, so callers give it a threshold well above the real depth limit.
/// </summary>
internal static class FlowDepthGuard
{
    /// <summary>Where flow nesting first exceeds <paramref name="threshold"/>, scanning from <paramref name="start"/> (at line <paramref name="line"/>).</summary>
    public static (int Index, int Line, int Column)? Find(string text, int start, int line, int threshold)
    {
        var depth = 0;
        var lineStart = start;
        var nodeStart = true;       // block context: may a flow collection start here?
        var blockScalarIndent = -1; // block context: inside a | or > scalar more indented than this
        var quote = '\0';           // flow context: inside a quoted scalar
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                nodeStart = depth == 0;
                i = SkipBlockScalarLines(text, i + 1, ref line, ref lineStart, ref blockScalarIndent, depth) - 1;
                continue;
            }

            if (i == lineStart && IsDocumentMarker(text, i))
            {
                // A document marker ends every flow collection (unclosed ones are syntax errors YamlDotNet reports).
                depth = 0;
                quote = '\0';
                nodeStart = true;
                i += 2;
                continue;
            }

            if (quote != '\0')
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            var previous = i == lineStart ? ' ' : text[i - 1];
            if (c == '#' && previous is ' ' or '\t')
            {
                i = SkipToLineEnd(text, i) - 1;
                continue;
            }

            if (depth == 0)
            {
                if (c is ' ' or '\t')
                {
                    continue;
                }

                if (nodeStart && c is '[' or '{')
                {
                    depth = 1;
                }
                else if (nodeStart && c is '|' or '>')
                {
                    blockScalarIndent = IndentOf(text, lineStart);
                }

                nodeStart = c is '-' or '?' or ':' && (i + 1 == text.Length || text[i + 1] is ' ' or '\t' or '\r' or '\n');
                continue;
            }

            switch (c)
            {
                case '[' or '{':
                    if (++depth > threshold)
                    {
                        return (i, line, i - lineStart + 1);
                    }

                    break;
                case ']' or '}':
                    depth--;
                    nodeStart = false;
                    break;
                case '\'' or '"' when previous is '[' or '{' or ',' or ':' or '?' or ' ' or '\t':
                    quote = c;
                    break;
            }
        }

        return null;
    }

    private static int SkipBlockScalarLines(string text, int index, ref int line, ref int lineStart, ref int blockScalarIndent, int depth)
    {
        if (blockScalarIndent < 0 || depth > 0)
        {
            return index;
        }

        while (index < text.Length)
        {
            var indent = IndentOf(text, index);
            var end = index + indent;
            var blank = end >= text.Length || text[end] is '\n' or '\r';
            if (!blank && indent <= blockScalarIndent)
            {
                blockScalarIndent = -1;
                return index;
            }

            var newline = text.IndexOf('\n', index);
            if (newline < 0)
            {
                return text.Length;
            }

            index = newline + 1;
            line++;
            lineStart = index;
        }

        return index;
    }

    private static int IndentOf(string text, int lineStart)
    {
        var i = lineStart;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i - lineStart;
    }

    private static int SkipToLineEnd(string text, int index)
    {
        var newline = text.IndexOf('\n', index);
        return newline < 0 ? text.Length : newline;
    }

    /// <summary>True when <paramref name="index"/> starts a <c>---</c> document marker line.</summary>
    public static bool IsDocumentMarker(string content, int index) =>
        index + 3 <= content.Length
        && string.CompareOrdinal(content, index, "---", 0, 3) == 0
        && (index + 3 == content.Length || content[index + 3] is ' ' or '\t' or '\r' or '\n');
}
