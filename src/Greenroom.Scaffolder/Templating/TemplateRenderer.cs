using System.Text;

namespace Greenroom.Scaffolder.Templating;

/// <summary>Renders parsed template nodes to text, tracking whether any secret-derived value reached the text.</summary>
internal sealed class TemplateRenderer(ParsedTemplate template, Evaluator evaluator, TemplateOptions options)
{
    private readonly StringBuilder _output = new();
    private bool _secret;

    public (string Text, bool Secret) Render(TemplateScope scope)
    {
        Render(template.Nodes, scope);
        return (_output.ToString(), _secret);
    }

    private void Render(IReadOnlyList<TemplateNode> nodes, TemplateScope scope)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode t:
                    Append(t.Text);
                    break;
                case OutputNode o:
                    var value = evaluator.Evaluate(o.Expression, scope);
                    _secret |= value.Secret;
                    Append(Values.ToText(value.Value));
                    break;
                case IfNode i:
                    RenderIf(i, scope);
                    break;
                case ForNode f:
                    RenderFor(f, scope);
                    break;
                case SetNode s:
                    var set = evaluator.Evaluate(s.Value, scope);
                    scope.Set(s.Name, set.Secret ? TemplateScope.Secret(set.Value) : set.Value);
                    break;
            }
        }
    }

    private void Append(string text)
    {
        if (_output.Length + text.Length > options.MaxOutputChars)
        {
            throw new TemplateRenderException($"{template.Source.Name}: the rendered text exceeds {options.MaxOutputChars} characters");
        }

        _output.Append(text);
    }

    private void RenderIf(IfNode node, TemplateScope scope)
    {
        foreach (var (condition, body) in node.Branches)
        {
            var value = evaluator.Evaluate(condition, scope);
            _secret |= value.Secret;
            if (Values.IsTruthy(value.Value))
            {
                Render(body, scope);
                return;
            }
        }

        if (node.Else is not null)
        {
            Render(node.Else, scope);
        }
    }

    private void RenderFor(ForNode node, TemplateScope scope)
    {
        var iterable = evaluator.Evaluate(node.Iterable, scope);
        _secret |= iterable.Secret;
        List<object?[]> rows = iterable.Value switch
        {
            List<object?> list => list.Select(item => new[] { item }).ToList(),
            IDictionary<string, object?> map when node.Variables.Count > 1 => map.Select(e => new object?[] { e.Key, e.Value }).ToList(),
            IDictionary<string, object?> map => map.Keys.Select(k => new object?[] { k }).ToList(),
            string s => s.Select(c => new object?[] { c.ToString() }).ToList(),
            _ => [],
        };

        if (rows.Count == 0)
        {
            if (node.Else is not null)
            {
                Render(node.Else, scope);
            }

            return;
        }

        for (var index = 0; index < rows.Count; index++)
        {
            var inner = scope.Push();
            var row = rows[index];
            for (var v = 0; v < node.Variables.Count; v++)
            {
                var item = v < row.Length ? row[v] : Undefined.Value;
                inner.Set(node.Variables[v], iterable.Secret ? TemplateScope.Secret(item) : item);
            }

            inner.Set("loop", new OrderedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["index"] = (double)(index + 1),
                ["index0"] = (double)index,
                ["revindex"] = (double)(rows.Count - index),
                ["revindex0"] = (double)(rows.Count - index - 1),
                ["first"] = index == 0,
                ["last"] = index == rows.Count - 1,
                ["length"] = (double)rows.Count,
            });
            Render(node.Body, inner);
        }
    }
}
