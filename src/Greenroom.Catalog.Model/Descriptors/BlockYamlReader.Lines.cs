namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>The line scanning and character classes of the fast path.</summary>
internal sealed partial class BlockYamlReader
{
    private void ScanLine()
    {
        var newline = _text.IndexOf('\n', _lineStart);
        _lineEnd = newline < 0 ? _end : newline;
        _contentEnd = newline > _lineStart && _text[newline - 1] == '\r' ? newline - 1 : _lineEnd;
        var line = _text.AsSpan(_lineStart, _contentEnd - _lineStart);
        _indent = line.IndexOfAnyExcept(' ');
        if (_indent < 0)
        {
            _indent = line.Length;
        }

        // Tabs, control characters and anything YamlDotNet treats specially (other line breaks, BOMs, surrogates) go its way.
        var rest = line;
        int odd;
        while ((odd = rest.IndexOfAnyExceptInRange(' ', '~')) >= 0)
        {
            var c = rest[odd];
            if (c < '\u00A0' || c is '\u2028' or '\u2029' or '\uFEFF' || (c >= '\uD800' && c <= '\uDFFF') || c >= '\uFFFE')
            {
                _unsupported = true;
                return;
            }

            rest = rest[(odd + 1)..];
        }
    }

    private void NextLine()
    {
        _lineStart = _lineEnd + 1;
        _lineNumber++;
        if (!AtEnd)
        {
            ScanLine();
        }
    }

    private void SkipInsignificant()
    {
        while (!AtEnd && !_unsupported && (IsBlankLine() || _text[_lineStart + _indent] == '#'))
        {
            NextLine();
        }
    }

    private bool IsBlankLine() => _lineStart + _indent == _contentEnd;

    /// <summary>A line starting with <c>---</c> or <c>...</c>: only a bare <c>---</c> is in the subset.</summary>
    private bool IsBoundary() =>
        _indent == 0 && _contentEnd - _lineStart >= 3
        && (string.CompareOrdinal(_text, _lineStart, "---", 0, 3) == 0 || string.CompareOrdinal(_text, _lineStart, "...", 0, 3) == 0);

    private bool IsBareMarker() => _contentEnd - _lineStart == 3 && string.CompareOrdinal(_text, _lineStart, "---", 0, 3) == 0;

    private bool IsDashEntry(int index) => _text[index] == '-' && (index + 1 == _contentEnd || _text[index + 1] == ' ');

    private int SkipSpaces(int index)
    {
        while (index < _contentEnd && _text[index] == ' ')
        {
            index++;
        }

        return index;
    }

    /// <summary>Only spaces, or spaces and a comment, from <paramref name="index"/> to the line's end.</summary>
    private bool IsLineRestEmpty(int index, bool allowComment = true)
    {
        var rest = SkipSpaces(index);
        return rest == _contentEnd || (allowComment && rest > index && _text[rest] == '#');
    }

    /// <summary>The first <c>:</c> followed by a space or the line's end, or -1.</summary>
    private int FindKeyColon(int start)
    {
        var span = _text.AsSpan(start, _contentEnd - start);
        var offset = 0;
        while (true)
        {
            var colon = span[offset..].IndexOf(':');
            if (colon < 0)
            {
                return -1;
            }

            var at = offset + colon;
            if (at + 1 == span.Length || span[at + 1] == ' ')
            {
                return start + at;
            }

            offset = at + 1;
        }
    }

    private bool IsPlainKey(int start, int colon)
    {
        if (colon == start || colon - start > 1000 || _text[colon - 1] == ' ' || !IsPlainStart(start))
        {
            return false;
        }

        for (var i = start + 1; i < colon; i++)
        {
            var c = _text[i];
            if (c is '[' or ']' or '{' or '}' or ',' || (c == '#' && _text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsPlainStart(int index) => _text[index] switch
    {
        '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' => false,
        '-' => index + 1 < _contentEnd && _text[index + 1] != ' ',
        _ => true,
    };
}
