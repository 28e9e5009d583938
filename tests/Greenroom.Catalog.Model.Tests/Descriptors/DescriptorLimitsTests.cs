using System.Text;
using Greenroom.Catalog.Model.Descriptors;

namespace Greenroom.Catalog.Model.Tests.Descriptors;

public sealed class DescriptorLimitsTests
{
    [Fact]
    public void Rejects_a_50_MB_file_without_reading_it()
    {
        var content = new string('a', 50 * 1024 * 1024);

        var result = new DescriptorParser(DescriptorLimits.Default).Parse(content, "huge.yaml");

        Assert.Empty(result.Documents);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("1048576", problem.Message, StringComparison.Ordinal);
        Assert.Equal(("huge.yaml", 1, 1), (problem.File, problem.Line, problem.Column));
    }

    [Fact]
    public void Counts_file_size_in_utf8_bytes()
    {
        // 400 three-byte characters: 400 chars but 1200 bytes.
        var content = "name: " + new string('€', 400);
        var parser = new DescriptorParser(new DescriptorLimits { MaxFileBytes = 1000 });

        Assert.Contains("1000", Assert.Single(parser.Parse(content, "f.yaml").Problems).Message, StringComparison.Ordinal);
        Assert.Empty(new DescriptorParser(new DescriptorLimits { MaxFileBytes = 2000 }).Parse(content, "f.yaml").Problems);
    }

    [Fact]
    public void Stops_a_billion_laughs_file_after_the_alias_expansion_limit()
    {
        var yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 12; i++)
        {
            yaml.Append(CultureInfoless($"a{i}: &a{i} [")).Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))).Append("]\n");
        }

        var result = new DescriptorParser(DescriptorLimits.Default).Parse(yaml.ToString(), "bomb.yaml");

        Assert.Empty(result.Documents);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("1000", problem.Message, StringComparison.Ordinal);
        Assert.Contains("alias", problem.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(problem.Line);
    }

    [Fact]
    public void Bounds_the_nodes_copied_by_aliases_of_one_large_anchor()
    {
        var yaml = "big: &big [" + string.Join(",", Enumerable.Range(0, 5000)) + "]\ncopies: [" + string.Join(",", Enumerable.Repeat("*big", 100)) + "]\n";
        var parser = new DescriptorParser(new DescriptorLimits { MaxAliasCopiedNodes = 100_000 });

        var problem = Assert.Single(parser.Parse(yaml, "wide.yaml").Problems);

        Assert.Contains("100000", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_nesting_deeper_than_the_limit_and_keeps_other_documents()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var yaml = $"kind: A\n---\nkind: B\nspec: {deep}\n---\nkind: C\n";

        var result = new DescriptorParser(DescriptorLimits.Default).Parse(yaml, "deep.yaml");

        Assert.Equal(["A", "C"], result.Documents.Select(d => (string?)d.Entity["kind"]));
        var problem = Assert.Single(result.Problems);
        Assert.Contains("64", problem.Message, StringComparison.Ordinal);
        Assert.Equal(4, problem.Line);
    }

    [Fact]
    public void Refuses_a_file_of_nested_brackets_before_yaml_parsing_slows_down()
    {
        // YamlDotNet's scanner is quadratic in flow depth: without the pre-scan this file takes hours.
        var content = "kind: A\n---\n" + new string('[', 500_000) + new string(']', 500_000);

        var result = new DescriptorParser(new DescriptorLimits { MaxFileBytes = 2_000_000 }).Parse(content, "brackets.yaml");

        Assert.Equal(["A"], result.Documents.Select(d => (string?)d.Entity["kind"]));
        var problem = Assert.Single(result.Problems);
        Assert.Contains("64", problem.Message, StringComparison.Ordinal);
        Assert.Equal(3, problem.Line);
        Assert.Contains("64", new DescriptorParser().ParseValue(new string('{', 100_000), "v.json").Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Brackets_in_block_scalars_quotes_and_comments_do_not_count_as_nesting()
    {
        var many = new string('[', 300);
        var yaml = $"kind: A\ndescription: |\n  {many}\n  {many}\ntitle: \"{many}\"\nquoted: ['{many}', \"{many}\"] # {many}\nplain: text {many}\n";

        var result = new DescriptorParser(DescriptorLimits.Default).Parse(yaml, "text.yaml");

        Assert.Empty(result.Problems);
        Assert.Equal($"{many}\n{many}\n", (string?)result.Documents.Single().Entity["description"]);
    }

    [Fact]
    public void Rejects_nesting_reached_through_an_alias()
    {
        var yaml = "a: &a [[[[1]]]]\nb: [[[[*a]]]]\n";
        var result = new DescriptorParser(new DescriptorLimits { MaxDepth = 6 }).Parse(yaml, "d.yaml");

        Assert.Contains("6", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stops_at_the_document_limit_keeping_the_documents_before_it()
    {
        var yaml = string.Join("---\n", Enumerable.Range(0, 5).Select(i => $"kind: K{i}\n"));

        var result = new DescriptorParser(new DescriptorLimits { MaxDocuments = 3 }).Parse(yaml, "many.yaml");

        Assert.Equal(3, result.Documents.Count);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("3", problem.Message, StringComparison.Ordinal);
        Assert.Equal(6, problem.Line);
    }

    private static string CultureInfoless(FormattableString text) => FormattableString.Invariant(text);
}
