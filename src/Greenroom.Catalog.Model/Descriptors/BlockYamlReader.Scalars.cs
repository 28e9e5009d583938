using System.Buffers;
using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>The scalars of the fast path: one-line plain and quoted scalars, one-line flow sequences, literal block scalars.</summary>
internal sealed partial class BlockYamlReader
{
    private static readonly SearchValues<char> FlowPlainStops = SearchValues.Create(",[]{}:#\"'");

    private JsonNode? ReadScalarText(int start, int entry)
    {
        var c = _text[start];
        switch (c)
        {
            case '[' when start + 1 < _contentEnd && _text[start + 1] != ']':
                return ReadFlowSequence(start, entry);
            case '[' or '{':
            {
                var close = c == '[' ? ']' : '}';
                return start + 1 < _contentEnd && _text[start + 1] == close && IsLineRestEmpty(start + 2)
                    ? (c == '[' ? new JsonArray() : new JsonObject())
                    : Unsupported<JsonNode>();
            }

            case '"' or '\'':
            {
                var close = _text.IndexOf(c, start + 1, _contentEnd - start - 1);
                if (close < 0 || !IsLineRestEmpty(close + 1)
                    || (c == '"' && _text.AsSpan(start + 1, close - start - 1).Contains('\\')))
                {
                    return Unsupported<JsonNode>();
                }

                return JsonValue.Create(_text.Substring(start + 1, close - start - 1));
            }

            default:
            {
                if (!IsPlainStart(start))
                {
                    return Unsupported<JsonNode>();
                }

                var stop = _contentEnd;
                for (var i = start + 1; i < _contentEnd; i++)
                {
                    var ch = _text[i];
                    if (ch == '#' && _text[i - 1] == ' ')
                    {
                        stop = i;
                        break;
                    }

                    if (ch == ':' && (i + 1 == _contentEnd || _text[i + 1] == ' '))
                    {
                        return Unsupported<JsonNode>();
                    }
                }

                while (_text[stop - 1] == ' ')
                {
                    stop--;
                }

                return YamlScalars.Resolve(_text.Substring(start, stop - start));
            }
        }
    }

    /// <summary>A one-line flow sequence of plain or simply quoted scalars (<c>[team-a, team-b]</c>).</summary>
    private JsonArray? ReadFlowSequence(int start, int parent)
    {
        var sequence = new JsonArray();
        var i = SkipSpaces(start + 1);
        while (i < _contentEnd)
        {
            var itemStart = i;
            JsonNode? item;
            var c = _text[i];
            if (c is '"' or '\'')
            {
                var close = _text.IndexOf(c, i + 1, _contentEnd - i - 1);
                if (close < 0 || (c == '"' && _text.AsSpan(i + 1, close - i - 1).Contains('\\')))
                {
                    break;
                }

                item = JsonValue.Create(_text.Substring(i + 1, close - i - 1));
                i = close + 1;
            }
            else
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '_' or '$' or '+'
                    || (c == '-' && i + 1 < _contentEnd && char.IsAsciiLetterOrDigit(_text[i + 1]))))
                {
                    break;
                }

                var end = FlowPlainEnd(i);
                if (end == _contentEnd || _text[end] is not (',' or ']'))
                {
                    break; // nested collections, ':' (a pair), '#' or a quote: YamlDotNet's
                }

                var stop = end;
                while (_text[stop - 1] == ' ')
                {
                    stop--;
                }

                item = YamlScalars.Resolve(_text.Substring(i, stop - i));
                i = end;
            }

            _positions?.AddItem(parent, sequence.Count, _lineNumber, itemStart - _lineStart + 1);
            sequence.Add(item);
            i = SkipSpaces(i);
            if (i < _contentEnd && _text[i] == ']')
            {
                return IsLineRestEmpty(i + 1) ? sequence : Unsupported<JsonArray>();
            }

            if (i >= _contentEnd || _text[i] != ',')
            {
                break;
            }

            i = SkipSpaces(i + 1); // a trailing comma is left to YamlDotNet too: the next item must start with a scalar
        }

        return Unsupported<JsonArray>();
    }

    /// <summary>
    /// Where a flow plain scalar from <paramref name="start"/> stops: the first stop character, except a <c>:</c> inside a
    /// word (<c>group:default/team-a</c>, as entity references in flow sequences are written).
    /// </summary>
    private int FlowPlainEnd(int start)
    {
        var i = start;
        while (true)
        {
            var stop = _text.AsSpan(i, _contentEnd - i).IndexOfAny(FlowPlainStops);
            if (stop < 0)
            {
                return _contentEnd;
            }

            i += stop;
            if (_text[i] != ':' || i + 1 >= _contentEnd || !(char.IsAsciiLetterOrDigit(_text[i + 1]) || _text[i + 1] == '/'))
            {
                return i;
            }

            i++;
        }
    }

    /// <summary>A literal block scalar (<c>|</c> or <c>|-</c>, indentation detected) whose header is at <paramref name="header"/>.</summary>
    private JsonNode? ReadLiteral(int header, int column)
    {
        var strip = header + 1 < _contentEnd && _text[header + 1] == '-';
        if (!IsLineRestEmpty(header + (strip ? 2 : 1), allowComment: false))
        {
            return Unsupported<JsonNode>();
        }

        NextLine();
        if (_unsupported || AtEnd || IsBlankLine() || _indent <= column)
        {
            return Unsupported<JsonNode>(); // leading blank lines and empty scalars have subtle rules: YamlDotNet's
        }

        var contentIndent = _indent;
        var blanks = 0;
        _literal.Clear();
        while (!AtEnd && !_unsupported)
        {
            if (_lineEnd >= _end)
            {
                return Unsupported<JsonNode>(); // a last line without a line break: leave the chomping to YamlDotNet
            }

            if (IsBlankLine())
            {
                if (_indent > contentIndent)
                {
                    return Unsupported<JsonNode>();
                }

                blanks++;
                NextLine();
                continue;
            }

            if (_indent < contentIndent)
            {
                break;
            }

            if (_literal.Length > 0 || blanks > 0)
            {
                _literal.Append('\n', 1 + blanks);
            }

            _literal.Append(_text, _lineStart + contentIndent, _contentEnd - _lineStart - contentIndent);
            blanks = 0;
            NextLine();
        }

        if (!strip)
        {
            _literal.Append('\n');
        }

        var value = JsonValue.Create(_literal.ToString());
        SkipInsignificant();
        return _unsupported || (!AtEnd && _indent > column) ? Unsupported<JsonNode>() : value;
    }
}
