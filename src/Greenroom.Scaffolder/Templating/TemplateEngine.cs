namespace Greenroom.Scaffolder.Templating;

/// <summary>
/// Backstage-compatible templating (the nunjucks dialect with <c>${{ }}</c> variables), written as a small interpreter
/// rather than on Fluid or Scriban: neither speaks this dialect (inline <c>x if c else y</c>, <c>===</c>, Jinja
/// whitespace control, <c>loop.index</c>, filter semantics), and neither can carry the secret taint through every
/// operation, which is what keeps secrets out of logs and outputs by construction.
/// </summary>
public sealed class TemplateEngine(FilterRegistry filters)
{
    /// <summary>An engine with the default filters.</summary>
    public TemplateEngine()
        : this(FilterRegistry.CreateDefault())
    {
    }

    /// <summary>True when <paramref name="text"/> has no template syntax at all and renders as itself.</summary>
    public static bool IsPlain(string text) =>
        !text.Contains("${{", StringComparison.Ordinal) && !text.Contains("{%", StringComparison.Ordinal) && !text.Contains("{#", StringComparison.Ordinal);

    /// <summary>Checks the syntax of <paramref name="text"/>; throws <see cref="TemplateSyntaxException"/> naming line and column.</summary>
    public void Validate(string sourceName, string text, TemplateOptions? options = null) =>
        TemplateParser.Parse(sourceName, text, options ?? TemplateOptions.Default);

    /// <summary>Renders <paramref name="text"/> to text; <c>Secret</c> says whether a secret-derived value reached it.</summary>
    public TemplateValue RenderText(string sourceName, string text, TemplateScope scope, TemplateOptions? options = null)
    {
        if (IsPlain(text))
        {
            return new TemplateValue(text, false);
        }

        options ??= TemplateOptions.Default;
        var template = TemplateParser.Parse(sourceName, text, options);
        var (rendered, secret) = new TemplateRenderer(template, new Evaluator(template.Source, filters), options).Render(scope.Push());
        return new TemplateValue(rendered, secret);
    }

    /// <summary>
    /// Renders a value string as Backstage does for step inputs: a string that is one whole <c>${{ expr }}</c> keeps the
    /// expression's type (number, boolean, list, object; undefined when it is undefined); anything else is text. Plain
    /// strings are never re-parsed, so <c>"42"</c> stays a string.
    /// </summary>
    public TemplateValue RenderValue(string sourceName, string text, TemplateScope scope)
    {
        if (IsPlain(text))
        {
            return new TemplateValue(text, false);
        }

        var template = TemplateParser.Parse(sourceName, text, TemplateOptions.Default);
        var outputs = template.Nodes.OfType<OutputNode>().ToList();
        var onlyWhitespaceAround = template.Nodes.All(n => n is OutputNode || (n is TextNode t && string.IsNullOrWhiteSpace(t.Text)));
        if (outputs.Count == 1 && onlyWhitespaceAround)
        {
            return new Evaluator(template.Source, filters).Evaluate(outputs[0].Expression, scope);
        }

        var (rendered, secret) = new TemplateRenderer(template, new Evaluator(template.Source, filters), TemplateOptions.Default).Render(scope.Push());
        return new TemplateValue(rendered, secret);
    }
}
