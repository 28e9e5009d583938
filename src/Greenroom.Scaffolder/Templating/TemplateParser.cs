using System.Text.RegularExpressions;

namespace Greenroom.Scaffolder.Templating;

/// <summary>
/// Parses template text: <c>${{ expr }}</c> outputs, <c>{% if/elif/else/endif %}</c>, <c>{% for x in xs %}</c>,
/// <c>{% set %}</c>, <c>{% raw %}</c> and <c>{# comments #}</c>, with <c>-</c> whitespace control and the trimBlocks /
/// lstripBlocks options. A bare <c>{{ }}</c> is plain text, as in Backstage.
/// </summary>
internal static partial class TemplateParser
{
    private abstract record Piece(int Offset);

    private sealed record TextPiece(string Text, int Offset) : Piece(Offset);

    private sealed record OutputPiece(Expr Expression, int Offset) : Piece(Offset);

    private sealed record TagPiece(string Name, ExpressionParser Arguments, int Offset) : Piece(Offset);

    [GeneratedRegex(@"\{%-?\s*endraw\s*(-?)%\}")]
    private static partial Regex EndRaw();

    public static ParsedTemplate Parse(string name, string text, TemplateOptions options)
    {
        var source = new SourceText(name, text);
        var pieces = Scan(source, options);
        var position = 0;
        var nodes = ParseBody(source, pieces, ref position, [], out var end);
        if (end is not null)
        {
            throw source.Error(end.Offset, $"'{end.Name}' without a matching opening tag");
        }

        return new ParsedTemplate(source, nodes);
    }

    private static List<Piece> Scan(SourceText source, TemplateOptions options)
    {
        var text = source.Text;
        var pieces = new List<Piece>();
        var i = 0;
        var stripLeading = false;
        var trimNewline = false;
        while (i <= text.Length)
        {
            var open = NextOpening(text, i, out var kind);
            var segmentEnd = open < 0 ? text.Length : open;
            var start = i;
            var segment = text[start..segmentEnd];
            if (stripLeading)
            {
                var trimmed = segment.TrimStart();
                start += segment.Length - trimmed.Length;
                segment = trimmed;
            }
            else if (trimNewline)
            {
                var skip = segment.StartsWith("\r\n", StringComparison.Ordinal) ? 2 : segment.StartsWith('\n') ? 1 : 0;
                start += skip;
                segment = segment[skip..];
            }

            stripLeading = trimNewline = false;
            if (open < 0)
            {
                AddText(pieces, segment, start);
                break;
            }

            var openLength = kind == '$' ? 3 : 2;
            var stripTrailing = open + openLength < text.Length && text[open + openLength] == '-';
            if (stripTrailing)
            {
                segment = segment.TrimEnd();
            }
            else if (options.LstripBlocks && kind is '%' or '#')
            {
                segment = LstripBeforeTag(text, start, segment);
            }

            AddText(pieces, segment, start);
            var inner = open + openLength + (stripTrailing ? 1 : 0);
            switch (kind)
            {
                case '#':
                    var close = text.IndexOf("#}", inner, StringComparison.Ordinal);
                    if (close < 0)
                    {
                        throw source.Error(open, "comment not closed with '#}'");
                    }

                    stripLeading = text[close - 1] == '-';
                    trimNewline = options.TrimBlocks;
                    i = close + 2;
                    break;
                case '$':
                    var tokens = ExpressionLexer.Lex(source, open, inner, "}}", out i);
                    stripLeading = tokens[^1].Text[0] == '-';
                    if (tokens.Count == 1)
                    {
                        throw source.Error(open, "empty expression in '${{ }}'");
                    }

                    pieces.Add(new OutputPiece(ExpressionParser.ParseAll(source, tokens), open));
                    break;
                default:
                    var tagTokens = ExpressionLexer.Lex(source, open, inner, "%}", out i);
                    stripLeading = tagTokens[^1].Text[0] == '-';
                    trimNewline = options.TrimBlocks && !stripLeading;
                    var parser = new ExpressionParser(source, tagTokens);
                    if (parser.AtEnd)
                    {
                        throw source.Error(open, "empty tag '{% %}'");
                    }

                    var tag = parser.ExpectName();
                    if (tag == "raw")
                    {
                        parser.ExpectEnd();
                        var endRaw = EndRaw().Match(text, i);
                        if (!endRaw.Success)
                        {
                            throw source.Error(open, "'{% raw %}' without '{% endraw %}'");
                        }

                        AddText(pieces, text[i..endRaw.Index], i);
                        i = endRaw.Index + endRaw.Length;
                        stripLeading = endRaw.Groups[1].Length > 0;
                    }
                    else
                    {
                        pieces.Add(new TagPiece(tag, parser, open));
                    }

                    break;
            }
        }

        return pieces;
    }

    private static void AddText(List<Piece> pieces, string text, int offset)
    {
        if (text.Length > 0)
        {
            pieces.Add(new TextPiece(text, offset));
        }
    }

    /// <summary>lstripBlocks: drops the spaces and tabs between the line start and the tag, when only those are there.</summary>
    private static string LstripBeforeTag(string text, int segmentStart, string segment)
    {
        var lineStart = segment.LastIndexOf('\n');
        var tail = segment[(lineStart + 1)..];
        var atLineStart = lineStart >= 0 || segmentStart == 0 || text[segmentStart - 1] == '\n';
        return atLineStart && tail.All(c => c is ' ' or '\t') ? segment[..(lineStart + 1)] : segment;
    }

    private static int NextOpening(string text, int from, out char kind)
    {
        kind = ' ';
        for (var i = from; i < text.Length - 1; i++)
        {
            if (text[i] == '$' && text[i + 1] == '{' && i + 2 < text.Length && text[i + 2] == '{')
            {
                kind = '$';
                return i;
            }

            if (text[i] == '{' && text[i + 1] is '%' or '#')
            {
                kind = text[i + 1];
                return i;
            }
        }

        return -1;
    }

    private static List<TemplateNode> ParseBody(SourceText source, List<Piece> pieces, ref int position, string[] endTags, out TagPiece? end)
    {
        var nodes = new List<TemplateNode>();
        while (position < pieces.Count)
        {
            var piece = pieces[position++];
            switch (piece)
            {
                case TextPiece t:
                    nodes.Add(new TextNode(t.Text));
                    break;
                case OutputPiece o:
                    nodes.Add(new OutputNode(o.Expression));
                    break;
                case TagPiece tag when endTags.Contains(tag.Name):
                    end = tag;
                    return nodes;
                case TagPiece { Name: "if" } tag:
                    nodes.Add(ParseIf(source, pieces, ref position, tag));
                    break;
                case TagPiece { Name: "for" } tag:
                    nodes.Add(ParseFor(source, pieces, ref position, tag));
                    break;
                case TagPiece { Name: "set" } tag:
                    var name = tag.Arguments.ExpectName();
                    tag.Arguments.Expect("=");
                    var value = tag.Arguments.ParseExpression();
                    tag.Arguments.ExpectEnd();
                    nodes.Add(new SetNode(name, value));
                    break;
                case TagPiece tag when endTags.Length == 0 && tag.Name is "endif" or "endfor" or "else" or "elif" or "elseif":
                    throw source.Error(tag.Offset, $"'{tag.Name}' without a matching opening tag");
                case TagPiece tag:
                    throw source.Error(tag.Offset, endTags.Length == 0
                        ? $"unknown tag '{tag.Name}'"
                        : $"unknown tag '{tag.Name}' (expected {string.Join(" or ", endTags.Select(e => $"'{e}'"))})");
            }
        }

        end = null;
        return nodes;
    }

    private static IfNode ParseIf(SourceText source, List<Piece> pieces, ref int position, TagPiece open)
    {
        var branches = new List<(Expr, IReadOnlyList<TemplateNode>)>();
        var condition = ParseCondition(open);
        while (true)
        {
            var body = ParseBody(source, pieces, ref position, ["elif", "elseif", "else", "endif"], out var end);
            branches.Add((condition, body));
            switch (end?.Name)
            {
                case null:
                    throw source.Error(open.Offset, "'{% if %}' without '{% endif %}'");
                case "elif" or "elseif":
                    condition = ParseCondition(end);
                    continue;
                case "else":
                    end.Arguments.ExpectEnd();
                    var otherwise = ParseBody(source, pieces, ref position, ["endif"], out var close);
                    if (close is null)
                    {
                        throw source.Error(open.Offset, "'{% if %}' without '{% endif %}'");
                    }

                    close.Arguments.ExpectEnd();
                    return new IfNode(branches, otherwise);
                default:
                    end.Arguments.ExpectEnd();
                    return new IfNode(branches, null);
            }
        }
    }

    private static Expr ParseCondition(TagPiece tag)
    {
        var condition = tag.Arguments.ParseExpression();
        tag.Arguments.ExpectEnd();
        return condition;
    }

    private static ForNode ParseFor(SourceText source, List<Piece> pieces, ref int position, TagPiece open)
    {
        var variables = new List<string> { open.Arguments.ExpectName() };
        while (open.Arguments.Skip(","))
        {
            variables.Add(open.Arguments.ExpectName());
        }

        if (!open.Arguments.SkipName("in"))
        {
            throw source.Error(open.Arguments.Current.Offset, "'in' expected in '{% for x in xs %}'");
        }

        var iterable = open.Arguments.ParseExpression();
        open.Arguments.ExpectEnd();
        var body = ParseBody(source, pieces, ref position, ["else", "endfor"], out var end);
        if (end is null)
        {
            throw source.Error(open.Offset, "'{% for %}' without '{% endfor %}'");
        }

        end.Arguments.ExpectEnd();
        if (end.Name == "endfor")
        {
            return new ForNode(variables, iterable, body, null);
        }

        var otherwise = ParseBody(source, pieces, ref position, ["endfor"], out var close);
        if (close is null)
        {
            throw source.Error(open.Offset, "'{% for %}' without '{% endfor %}'");
        }

        close.Arguments.ExpectEnd();
        return new ForNode(variables, iterable, body, otherwise);
    }
}
