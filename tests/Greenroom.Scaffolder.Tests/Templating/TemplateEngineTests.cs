using System.Text.Json.Nodes;
using Greenroom.Scaffolder.Templating;

namespace Greenroom.Scaffolder.Tests.Templating;

public sealed class TemplateEngineTests
{
    private readonly TemplateEngine _engine = new();

    private static TemplateScope Scope(string json) =>
        new(((JsonObject)JsonNode.Parse(json)!).Select(e => KeyValuePair.Create(e.Key, Values.FromJson(e.Value))));

    private string Text(string template, string context = "{}", TemplateOptions? options = null) =>
        (string)_engine.RenderText("t.txt", template, Scope(context), options).Value!;

    private object? Value(string template, string context = "{}") => _engine.RenderValue("input", template, Scope(context)).Value;

    [Theory]
    [InlineData("${{ parameters.name }}", "petstore")]
    [InlineData("${{ parameters['name'] }}", "petstore")]
    [InlineData("${{ parameters.list[1] }}", "b")]
    [InlineData("${{ parameters.missing }}", "")]
    [InlineData("${{ parameters.missing.deeper.still }}", "")]
    [InlineData("${{ parameters.name | upper }}", "PETSTORE")]
    [InlineData("${{ parameters.name | replace('pet', 'dog') }}", "dogstore")]
    [InlineData("${{ 'a-b-a' | replace('a', 'x') }}", "x-b-x")]
    [InlineData("${{ parameters.list | join('/') }}", "a/b")]
    [InlineData("${{ parameters.missing | default('fallback') }}", "fallback")]
    [InlineData("${{ parameters.name | dump }}", "\"petstore\"")]
    [InlineData("${{ parameters.count + 1 }}", "42")]
    [InlineData("${{ parameters.name + '/' + parameters.count }}", "petstore/41")]
    [InlineData("${{ 'yes' if parameters.flag else 'no' }}", "yes")]
    [InlineData("${{ 'yes' if parameters.missing }}", "")]
    [InlineData("${{ parameters.flag and not parameters.missing }}", "true")]
    [InlineData("${{ parameters.missing or 'other' }}", "other")]
    [InlineData("${{ parameters.count === 41 }}", "true")]
    [InlineData("${{ parameters.count !== 41 }}", "false")]
    [InlineData("${{ parameters.count == '41' }}", "true")]
    [InlineData("${{ 'b' in parameters.list }}", "true")]
    [InlineData("${{ (parameters.repoUrl | parseRepoUrl).owner }}", "halyard")]
    [InlineData("${{ parameters.repoUrl | parseRepoUrl | pick('repo') }}", "petstore")]
    [InlineData("${{ parameters.repoUrl | projectSlug }}", "halyard/petstore")]
    [InlineData("${{ (parameters.owner | parseEntityRef).name }}", "team-a")]
    [InlineData("${{ ('team-b' | parseEntityRef({ defaultKind: 'group' })).kind }}", "group")]
    [InlineData("{{ parameters.name }}", "{{ parameters.name }}")]
    [InlineData("a ${AnsiColor.WHITE} b", "a ${AnsiColor.WHITE} b")]
    public void Renders_expressions_as_nunjucks_does(string template, string expected)
    {
        var context = """
            {"parameters": {"name": "petstore", "list": ["a", "b"], "count": 41, "flag": true,
             "repoUrl": "github.com?owner=halyard&repo=petstore", "owner": "group:default/team-a"}}
            """;
        Assert.Equal(expected, Text(template, context));
    }

    [Fact]
    public void Whole_value_expression_keeps_its_json_type()
    {
        const string context = """{"parameters": {"n": 42, "b": false, "list": [1, 2], "obj": {"a": 1}, "s": "42"}}""";

        Assert.Equal(42d, Value("${{ parameters.n }}", context));
        Assert.Equal(false, Value("${{ parameters.b }}", context));
        Assert.Equal(new List<object?> { 1d, 2d }, Value(" ${{ parameters.list }} ", context));
        Assert.IsType<OrderedDictionary<string, object?>>(Value("${{ parameters.obj }}", context));
        Assert.Equal("42", Value("${{ parameters.s }}", context));
        Assert.Equal("42", Value("42", context));
        Assert.Equal("n=42", Value("n=${{ parameters.n }}", context));
        Assert.IsType<Undefined>(Value("${{ parameters.nothing }}", context));
    }

    [Fact]
    public void Block_tags_leave_their_line_without_whitespace_options()
    {
        var text = Text("a\n{% if x %}\nyes\n{% endif %}\nb", """{"x": true}""");

        Assert.Equal("a\n\nyes\n\nb", text);
    }

    [Fact]
    public void Trim_and_lstrip_blocks_remove_the_tag_lines()
    {
        var options = new TemplateOptions { TrimBlocks = true, LstripBlocks = true };

        var text = Text("a\n  {% if x %}\nyes\n  {% endif %}\nb", """{"x": true}""", options);

        Assert.Equal("a\nyes\nb", text);
    }

    [Fact]
    public void Dash_strips_whitespace_like_jinja()
    {
        const string template = "metadata:\n  name: x\n  {%- if d %}\n  description: ${{ d | dump }}\n  {%- endif %}\n  tags: []";

        Assert.Equal("metadata:\n  name: x\n  description: \"text\"\n  tags: []", Text(template, """{"d": "text"}"""));
        Assert.Equal("metadata:\n  name: x\n  tags: []", Text(template, "{}"));
        Assert.Equal("ab", Text("a   ${{- 'b' -}}   ", "{}"));
    }

    [Fact]
    public void If_elif_else_choose_one_branch()
    {
        const string template = "{% if n == 1 %}one{% elif n == 2 %}two{% else %}many{% endif %}";

        Assert.Equal("one", Text(template, """{"n": 1}"""));
        Assert.Equal("two", Text(template, """{"n": 2}"""));
        Assert.Equal("many", Text(template, """{"n": 3}"""));
    }

    [Fact]
    public void For_loops_expose_a_one_based_loop_index()
    {
        var text = Text("{% for t in topics %}${{ loop.index }}:${{ t }}{% if not loop.last %},{% endif %}{% endfor %}", """{"topics": ["a", "b", "c"]}""");

        Assert.Equal("1:a,2:b,3:c", text);
        Assert.Equal("none", Text("{% for t in topics %}x{% else %}none{% endfor %}", """{"topics": []}"""));
        Assert.Equal("a=1;", Text("{% for k, v in m %}${{ k }}=${{ v }};{% endfor %}", """{"m": {"a": 1}}"""));
    }

    [Fact]
    public void Raw_blocks_and_comments_are_not_rendered()
    {
        Assert.Equal("${{ github.ref }}", Text("{% raw %}${{ github.ref }}{% endraw %}"));
        Assert.Equal("ab", Text("a{# ${{ x }} #}b"));
    }

    [Theory]
    [InlineData("line1\n  ${{ parameters.name | }}", 2, 25)]
    [InlineData("${{ parameters.name", 1, 1)]
    [InlineData("ok\n{% if x %}\nnever closed", 2, 1)]
    [InlineData("{% endif %}", 1, 1)]
    [InlineData("{% for x of xs %}{% endfor %}", 1, 10)]
    [InlineData("${{ 'unterminated }}", 1, 5)]
    public void Syntax_errors_name_the_file_line_and_column(string template, int line, int column)
    {
        var error = Assert.Throws<TemplateSyntaxException>(() => Text(template));

        Assert.Equal("t.txt", error.Source);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"t.txt:{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Function_calls_are_refused_so_templates_never_run_code()
    {
        var error = Assert.Throws<TemplateSyntaxException>(() => Text("${{ parameters.constructor('x') }}"));

        Assert.Contains("function calls are not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_filter_is_a_clear_error()
    {
        var error = Assert.Throws<TemplateSyntaxException>(() => Text("${{ 'x' | explode }}"));

        Assert.Contains("unknown filter 'explode'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_taint_survives_every_transformation()
    {
        var scope = new TemplateScope([KeyValuePair.Create<string, object?>("secrets", TemplateScope.Secret(
            new OrderedDictionary<string, object?> { ["token"] = "s3cr3t" }))]);

        foreach (var template in new[]
        {
            "${{ secrets.token }}", "${{ secrets.token | upper }}", "${{ secrets.token | replace('s', 'z') }}",
            "${{ secrets | dump }}", "x${{ secrets.token | lower }}y", "${{ 'a' if secrets.token else 'b' }}",
            "${{ secrets.token or false }}", "{% for c in secrets.token %}${{ c }}{% endfor %}", "${{ secrets.token | length }}",
            "{% set t = secrets.token %}${{ t | upper }}", "${{ secrets['tok' ~ 'en'] }}", "${{ [secrets.token] | join(',') }}",
        })
        {
            Assert.True(_engine.RenderValue("input", template, scope).Secret, template);
        }

        Assert.False(_engine.RenderValue("input", "${{ 'plain' | upper }}", scope).Secret);
    }
}
