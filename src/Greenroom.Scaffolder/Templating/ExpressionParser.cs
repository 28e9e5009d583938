namespace Greenroom.Scaffolder.Templating;

/// <summary>
/// Recursive-descent parser for nunjucks expressions, with nunjucks' precedence: inline if, or, and, not, in, is,
/// comparisons, ~, + -, * / // %, **, unary, then filters, then primaries with member access. Calls are refused:
/// templates only ever compute values, they never invoke code.
/// </summary>
internal sealed class ExpressionParser(SourceText source, List<Token> tokens)
{
    private int _position;

    public Token Current => tokens[_position];

    public bool AtEnd => Current.Kind == TokenKind.End;

    public static Expr ParseAll(SourceText source, List<Token> tokens)
    {
        var parser = new ExpressionParser(source, tokens);
        var expr = parser.ParseExpression();
        parser.ExpectEnd();
        return expr;
    }

    public void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw source.Error(Current.Offset, $"unexpected '{Current.Text}'");
        }
    }

    public Token Next() => tokens[_position++];

    public bool Skip(string op)
    {
        if (Current.Is(op))
        {
            _position++;
            return true;
        }

        return false;
    }

    public bool SkipName(string name)
    {
        if (Current.IsName(name))
        {
            _position++;
            return true;
        }

        return false;
    }

    public void Expect(string op)
    {
        if (!Skip(op))
        {
            throw source.Error(Current.Offset, $"'{op}' expected, found {Describe(Current)}");
        }
    }

    public string ExpectName()
    {
        if (Current.Kind != TokenKind.Name)
        {
            throw source.Error(Current.Offset, $"a name expected, found {Describe(Current)}");
        }

        return Next().Text;
    }

    private static string Describe(Token token) => token.Kind == TokenKind.End ? "the end of the expression" : $"'{token.Text}'";

    public Expr ParseExpression()
    {
        var body = ParseOr();
        if (Current.IsName("if"))
        {
            var offset = Next().Offset;
            var condition = ParseOr();
            var otherwise = SkipName("else") ? ParseOr() : null;
            return new ConditionalExpr(body, condition, otherwise, offset);
        }

        return body;
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsName("or"))
        {
            var offset = Next().Offset;
            left = new BinaryExpr("or", left, ParseAnd(), offset);
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsName("and"))
        {
            var offset = Next().Offset;
            left = new BinaryExpr("and", left, ParseNot(), offset);
        }

        return left;
    }

    private Expr ParseNot()
    {
        if (Current.IsName("not"))
        {
            var offset = Next().Offset;
            return new UnaryExpr("not", ParseNot(), offset);
        }

        return ParseIn();
    }

    private Expr ParseIn()
    {
        var left = ParseIs();
        while (true)
        {
            if (Current.IsName("in"))
            {
                var offset = Next().Offset;
                left = new BinaryExpr("in", left, ParseIs(), offset);
            }
            else if (Current.IsName("not") && tokens[_position + 1].IsName("in"))
            {
                var offset = Next().Offset;
                Next();
                left = new UnaryExpr("not", new BinaryExpr("in", left, ParseIs(), offset), offset);
            }
            else
            {
                return left;
            }
        }
    }

    private Expr ParseIs()
    {
        var left = ParseCompare();
        if (Current.IsName("is"))
        {
            var offset = Next().Offset;
            var negated = SkipName("not");
            var name = ExpectName();
            var arguments = Current.Is("(") ? ParseArguments() : [];
            return new TestExpr(name, left, negated, arguments, offset);
        }

        return left;
    }

    private static readonly string[] Comparisons = ["===", "!==", "==", "!=", "<=", ">=", "<", ">"];

    private Expr ParseCompare()
    {
        var left = ParseConcat();
        while (Current.Kind == TokenKind.Operator && Comparisons.Contains(Current.Text))
        {
            var op = Next();
            left = new BinaryExpr(op.Text, left, ParseConcat(), op.Offset);
        }

        return left;
    }

    private Expr ParseConcat()
    {
        var left = ParseAdd();
        while (Current.Is("~"))
        {
            var offset = Next().Offset;
            left = new BinaryExpr("~", left, ParseAdd(), offset);
        }

        return left;
    }

    private Expr ParseAdd()
    {
        var left = ParseMul();
        while (Current.Is("+") || Current.Is("-"))
        {
            var op = Next();
            left = new BinaryExpr(op.Text, left, ParseMul(), op.Offset);
        }

        return left;
    }

    private Expr ParseMul()
    {
        var left = ParsePow();
        while (Current.Is("*") || Current.Is("/") || Current.Is("//") || Current.Is("%"))
        {
            var op = Next();
            left = new BinaryExpr(op.Text, left, ParsePow(), op.Offset);
        }

        return left;
    }

    private Expr ParsePow()
    {
        var left = ParseUnary(withFilters: true);
        while (Current.Is("**"))
        {
            var op = Next();
            left = new BinaryExpr(op.Text, left, ParseUnary(withFilters: true), op.Offset);
        }

        return left;
    }

    private Expr ParseUnary(bool withFilters)
    {
        Expr node;
        if (Current.Is("-") || Current.Is("+"))
        {
            var op = Next();
            node = new UnaryExpr(op.Text, ParseUnary(withFilters: false), op.Offset);
        }
        else
        {
            node = ParsePrimary();
        }

        return withFilters ? ParseFilters(node) : node;
    }

    private Expr ParseFilters(Expr node)
    {
        while (Current.Is("|"))
        {
            var offset = Next().Offset;
            var name = ExpectName();
            IReadOnlyList<Expr> arguments = Current.Is("(") ? ParseArguments() : [];
            node = new FilterExpr(name, node, arguments, offset);
        }

        return node;
    }

    private List<Expr> ParseArguments()
    {
        Expect("(");
        var arguments = new List<Expr>();
        while (!Skip(")"))
        {
            if (arguments.Count > 0)
            {
                Expect(",");
            }

            arguments.Add(ParseExpression());
        }

        return arguments;
    }

    private Expr ParsePrimary()
    {
        var token = Next();
        Expr node = token.Kind switch
        {
            TokenKind.Number => new LiteralExpr(token.Number, token.Offset),
            TokenKind.String => new LiteralExpr(token.Text, token.Offset),
            TokenKind.Name => token.Text switch
            {
                "true" or "True" => new LiteralExpr(true, token.Offset),
                "false" or "False" => new LiteralExpr(false, token.Offset),
                "none" or "None" or "null" => new LiteralExpr(null, token.Offset),
                "undefined" => new LiteralExpr(Undefined.Value, token.Offset),
                _ => new NameExpr(token.Text, token.Offset),
            },
            TokenKind.Operator when token.Text == "(" => ParseParenthesised(),
            TokenKind.Operator when token.Text == "[" => ParseList(token.Offset),
            TokenKind.Operator when token.Text == "{" => ParseDict(token.Offset),
            _ => throw source.Error(token.Offset, $"unexpected {Describe(token)}"),
        };

        while (true)
        {
            if (Current.Is("."))
            {
                Next();
                var name = Current;
                node = new MemberExpr(node, new LiteralExpr(ExpectName(), name.Offset), name.Offset);
            }
            else if (Current.Is("["))
            {
                var offset = Next().Offset;
                var key = ParseExpression();
                Expect("]");
                node = new MemberExpr(node, key, offset);
            }
            else if (Current.Is("("))
            {
                throw source.Error(Current.Offset, "function calls are not supported in templates (use a filter: value | name(args))");
            }
            else
            {
                return node;
            }
        }
    }

    private Expr ParseParenthesised()
    {
        var inner = ParseExpression();
        Expect(")");
        return inner;
    }

    private ListExpr ParseList(int offset)
    {
        var items = new List<Expr>();
        while (!Skip("]"))
        {
            if (items.Count > 0)
            {
                Expect(",");
                if (Skip("]"))
                {
                    break;
                }
            }

            items.Add(ParseExpression());
        }

        return new ListExpr(items, offset);
    }

    private DictExpr ParseDict(int offset)
    {
        var entries = new List<(Expr, Expr)>();
        while (!Skip("}"))
        {
            if (entries.Count > 0)
            {
                Expect(",");
                if (Skip("}"))
                {
                    break;
                }
            }

            var keyToken = Next();
            Expr key = keyToken.Kind switch
            {
                TokenKind.String or TokenKind.Name => new LiteralExpr(keyToken.Text, keyToken.Offset),
                TokenKind.Number => new LiteralExpr(keyToken.Text, keyToken.Offset),
                _ => throw source.Error(keyToken.Offset, $"an object key expected, found {Describe(keyToken)}"),
            };
            Expect(":");
            entries.Add((key, ParseExpression()));
        }

        return new DictExpr(entries, offset);
    }
}
