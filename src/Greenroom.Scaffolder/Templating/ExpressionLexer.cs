using System.Globalization;
using System.Text;

namespace Greenroom.Scaffolder.Templating;

internal enum TokenKind
{
    Name,
    Number,
    String,
    Operator,
    End,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Offset, double Number = 0)
{
    public bool Is(string op) => Kind == TokenKind.Operator && Text == op;

    public bool IsName(string name) => Kind == TokenKind.Name && Text == name;
}

/// <summary>
/// Splits the inside of <c>${{ … }}</c> or <c>{% … %}</c> into tokens, stopping at the closing delimiter that is not
/// inside an object literal. The closing token's text is the delimiter, with a leading <c>-</c> for whitespace control.
/// </summary>
internal static class ExpressionLexer
{
    private static readonly string[] Operators =
        ["===", "!==", "**", "//", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "<", ">", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|", "~", "="];

    public static List<Token> Lex(SourceText source, int openedAt, int start, string close, out int end)
    {
        var text = source.Text;
        var tokens = new List<Token>();
        var braces = 0;
        var i = start;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                throw source.Error(openedAt, $"'{close}' expected to close this expression, found the end of the text");
            }

            if (braces == 0)
            {
                if (string.CompareOrdinal(text, i, close, 0, close.Length) == 0)
                {
                    tokens.Add(new Token(TokenKind.End, close, i));
                    end = i + close.Length;
                    return tokens;
                }

                if (text[i] == '-' && string.CompareOrdinal(text, i + 1, close, 0, close.Length) == 0)
                {
                    tokens.Add(new Token(TokenKind.End, "-" + close, i));
                    end = i + 1 + close.Length;
                    return tokens;
                }
            }

            var c = text[i];
            if (c is '"' or '\'')
            {
                tokens.Add(LexString(source, ref i));
            }
            else if (char.IsAsciiDigit(c))
            {
                var from = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
                {
                    i++;
                }

                var literal = text[from..i];
                tokens.Add(new Token(TokenKind.Number, literal, from, double.Parse(literal, CultureInfo.InvariantCulture)));
            }
            else if (char.IsLetter(c) || c is '_' or '$')
            {
                var from = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, text[from..i], from));
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0)
                    ?? throw source.Error(i, $"unexpected character '{c}'");
                braces += op == "{" ? 1 : op == "}" ? -1 : 0;
                if (braces < 0)
                {
                    throw source.Error(i, "'}' without a matching '{'");
                }

                tokens.Add(new Token(TokenKind.Operator, op, i));
                i += op.Length;
            }
        }
    }

    private static Token LexString(SourceText source, ref int i)
    {
        var text = source.Text;
        var quote = text[i];
        var from = i++;
        var value = new StringBuilder();
        while (true)
        {
            if (i >= text.Length || text[i] == '\n')
            {
                throw source.Error(from, "unterminated string");
            }

            var c = text[i++];
            if (c == quote)
            {
                return new Token(TokenKind.String, value.ToString(), from);
            }

            if (c == '\\' && i < text.Length)
            {
                var e = text[i++];
                value.Append(e switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    _ => e,
                });
            }
            else
            {
                value.Append(c);
            }
        }
    }
}
