namespace Greenroom.Scaffolder.Templating;

/// <summary>
/// Evaluates expressions over plain values. Nothing here can reach the CLR beyond the value model: no reflection, no
/// calls, so a template can never run code. Every result carries the secret taint of what it was computed from.
/// </summary>
internal sealed class Evaluator(SourceText source, FilterRegistry filters)
{
    /// <summary>
    /// Evaluates <paramref name="expr"/>. A value that holds a secret anywhere inside (a parameters object with a
    /// password in it) is secret as a whole; only member access picks the non-secret parts out of it.
    /// </summary>
    public TemplateValue Evaluate(Expr expr, TemplateScope scope)
    {
        var value = EvaluateRaw(expr, scope);
        return value.Secret || !ContainsSecret(value.Value) ? value : value with { Secret = true };
    }

    private TemplateValue EvaluateRaw(Expr expr, TemplateScope scope) => expr switch
    {
        LiteralExpr l => new TemplateValue(l.Value, false),
        NameExpr n => scope.TryGet(n.Name, out var value) ? Reveal(value, false) : TemplateValue.Undefined,
        MemberExpr m => Member(EvaluateRaw(m.Target, scope), Evaluate(m.Key, scope)),
        ListExpr l => Combine(l.Items.Select(i => Evaluate(i, scope)).ToList(), items => items.Select(i => i.Value).ToList()),
        DictExpr d => Dict(d, scope),
        UnaryExpr u => Unary(u, Evaluate(u.Operand, scope)),
        BinaryExpr b => Binary(b, scope),
        ConditionalExpr c => Conditional(c, scope),
        FilterExpr f => Filter(f, scope),
        TestExpr t => Test(t, scope),
        _ => throw new InvalidOperationException($"Unknown expression {expr.GetType().Name}"),
    };

    /// <summary>Unwraps a secret marker into the taint bit.</summary>
    internal static TemplateValue Reveal(object? value, bool secret) => value switch
    {
        SecretValue s => Reveal(s.Inner, true),
        _ => new TemplateValue(value, secret),
    };

    private static bool ContainsSecret(object? value) => value switch
    {
        SecretValue => true,
        IDictionary<string, object?> map => map.Values.Any(ContainsSecret),
        List<object?> list => list.Any(ContainsSecret),
        _ => false,
    };

    private static TemplateValue Member(TemplateValue target, TemplateValue key)
    {
        var secret = target.Secret || key.Secret;
        object? result = (target.Value, key.Value) switch
        {
            (IDictionary<string, object?> map, var k) => map.TryGetValue(Values.ToText(k), out var v) ? v : Undefined.Value,
            (List<object?> list, double d) => d >= 0 && d < list.Count && d == Math.Floor(d) ? list[(int)d] : Undefined.Value,
            (List<object?> list, "length") => (double)list.Count,
            (string s, double d) => d >= 0 && d < s.Length && d == Math.Floor(d) ? s[(int)d].ToString() : Undefined.Value,
            (string s, "length") => (double)s.Length,
            _ => Undefined.Value,
        };
        return Reveal(result, secret);
    }

    private static TemplateValue Combine(List<TemplateValue> parts, Func<List<TemplateValue>, object?> build) =>
        new(build(parts), parts.Any(p => p.Secret));

    private TemplateValue Dict(DictExpr d, TemplateScope scope)
    {
        var map = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        var secret = false;
        foreach (var (keyExpr, valueExpr) in d.Entries)
        {
            var key = Evaluate(keyExpr, scope);
            var value = Evaluate(valueExpr, scope);
            secret |= key.Secret || value.Secret;
            map[Values.ToText(key.Value)] = value.Value;
        }

        return new TemplateValue(map, secret);
    }

    private static TemplateValue Unary(UnaryExpr u, TemplateValue operand) => u.Op switch
    {
        "not" => new TemplateValue(!Values.IsTruthy(operand.Value), operand.Secret),
        "-" => new TemplateValue(-Values.ToNumber(operand.Value), operand.Secret),
        _ => new TemplateValue(Values.ToNumber(operand.Value), operand.Secret),
    };

    private TemplateValue Conditional(ConditionalExpr c, TemplateScope scope)
    {
        var condition = Evaluate(c.Condition, scope);
        var chosen = Values.IsTruthy(condition.Value)
            ? Evaluate(c.Body, scope)
            : c.Else is null ? TemplateValue.Undefined : Evaluate(c.Else, scope);
        return chosen with { Secret = chosen.Secret || condition.Secret };
    }

    private TemplateValue Binary(BinaryExpr b, TemplateScope scope)
    {
        var left = Evaluate(b.Left, scope);
        if (b.Op is "and" or "or")
        {
            // Short-circuit as JavaScript does (the value of the deciding operand), but taint by both: which operand
            // was chosen says something about the other.
            var decided = b.Op == "and" ? !Values.IsTruthy(left.Value) : Values.IsTruthy(left.Value);
            if (decided)
            {
                return left;
            }

            var right = Evaluate(b.Right, scope);
            return right with { Secret = right.Secret || left.Secret };
        }

        var r = Evaluate(b.Right, scope);
        var secret = left.Secret || r.Secret;
        object? value = b.Op switch
        {
            "==" => Values.LooseEquals(left.Value, r.Value),
            "!=" => !Values.LooseEquals(left.Value, r.Value),
            "===" => Values.StrictEquals(left.Value, r.Value),
            "!==" => !Values.StrictEquals(left.Value, r.Value),
            "<" or ">" or "<=" or ">=" => Compare(b.Op, left.Value, r.Value),
            "~" => Values.Concat(left.Value, r.Value),
            "+" when left.Value is string || r.Value is string => Values.Concat(left.Value, r.Value),
            "+" => Values.ToNumber(left.Value) + Values.ToNumber(r.Value),
            "-" => Values.ToNumber(left.Value) - Values.ToNumber(r.Value),
            "*" => Values.ToNumber(left.Value) * Values.ToNumber(r.Value),
            "/" => Values.ToNumber(left.Value) / Values.ToNumber(r.Value),
            "//" => Math.Floor(Values.ToNumber(left.Value) / Values.ToNumber(r.Value)),
            "%" => Values.ToNumber(left.Value) % Values.ToNumber(r.Value),
            "**" => Math.Pow(Values.ToNumber(left.Value), Values.ToNumber(r.Value)),
            "in" => Contains(r.Value, left.Value),
            _ => throw source.Error(b.Offset, $"unknown operator '{b.Op}'"),
        };
        return new TemplateValue(value, secret);
    }

    private static bool Compare(string op, object? a, object? b)
    {
        var order = a is string x && b is string y
            ? string.CompareOrdinal(x, y)
            : Values.ToNumber(a).CompareTo(Values.ToNumber(b));
        if (a is not string && (double.IsNaN(Values.ToNumber(a)) || double.IsNaN(Values.ToNumber(b))))
        {
            return false;
        }

        return op switch
        {
            "<" => order < 0,
            ">" => order > 0,
            "<=" => order <= 0,
            _ => order >= 0,
        };
    }

    private static bool Contains(object? container, object? item) => container switch
    {
        string s => s.Contains(Values.ToText(item), StringComparison.Ordinal),
        List<object?> list => list.Any(e => Values.StrictEquals(e, item)),
        IDictionary<string, object?> map => map.ContainsKey(Values.ToText(item)),
        _ => false,
    };

    private TemplateValue Filter(FilterExpr f, TemplateScope scope)
    {
        var input = Evaluate(f.Input, scope);
        var arguments = f.Arguments.Select(a => Evaluate(a, scope)).ToList();
        var filter = filters.Find(f.Name) ?? throw source.Error(f.Offset, $"unknown filter '{f.Name}'");
        try
        {
            var result = filter(input.Value, arguments.Select(a => a.Value).ToList());
            return new TemplateValue(result, input.Secret || arguments.Any(a => a.Secret));
        }
        catch (TemplateRenderException e)
        {
            throw new TemplateRenderException($"{source.Error(f.Offset, string.Empty).Message}filter '{f.Name}': {e.Message}");
        }
    }

    private TemplateValue Test(TestExpr t, TemplateScope scope)
    {
        var input = Evaluate(t.Input, scope);
        bool result = t.Name switch
        {
            "defined" => !input.IsUndefined,
            "undefined" => input.IsUndefined,
            "none" or "null" => input.Value is null,
            "string" => input.Value is string,
            "number" => input.Value is double,
            "boolean" => input.Value is bool,
            "mapping" => input.Value is IDictionary<string, object?>,
            "iterable" => input.Value is List<object?> or string,
            "truthy" => Values.IsTruthy(input.Value),
            "falsy" => !Values.IsTruthy(input.Value),
            "odd" => Values.ToNumber(input.Value) % 2 is 1 or -1,
            "even" => Values.ToNumber(input.Value) % 2 == 0,
            _ => throw source.Error(t.Offset, $"unknown test '{t.Name}'"),
        };
        return new TemplateValue(t.Negated ? !result : result, input.Secret);
    }
}
