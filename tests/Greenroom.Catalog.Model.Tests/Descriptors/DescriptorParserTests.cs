using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Descriptors;

namespace Greenroom.Catalog.Model.Tests.Descriptors;

public sealed class DescriptorParserTests
{
    private readonly DescriptorParser _parser = new(DescriptorLimits.Default);

    [Fact]
    public void Reads_every_document_of_a_multi_document_file_with_its_start_line()
    {
        const string yaml = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: team-a
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata:
              name: jane
            """;

        var result = _parser.Parse(yaml, "org.yaml");

        Assert.Empty(result.Problems);
        Assert.Equal(["team-a", "jane"], result.Documents.Select(d => (string?)d.Entity["metadata"]!["name"]));
        Assert.Equal([0, 1], result.Documents.Select(d => d.Index));
        Assert.Equal(1, result.Documents[0].Line);
        Assert.Equal(5, result.Documents[1].Line);
        Assert.All(result.Documents, d => Assert.Equal("org.yaml", d.File));
    }

    [Fact]
    public void Skips_empty_documents_and_documents_that_are_only_comments_or_null()
    {
        const string yaml = """
            ---
            # only a comment
            ---
            ~
            ---
            kind: Component
            metadata: { name: a }
            ---
            ---
            """;

        var result = _parser.Parse(yaml, "f.yaml");

        Assert.Empty(result.Problems);
        var document = Assert.Single(result.Documents);
        Assert.Equal(0, document.Index);
        Assert.Equal("Component", (string?)document.Entity["kind"]);
    }

    [Fact]
    public void Reads_a_json_file_as_yaml()
    {
        const string json = "{\n\t\"apiVersion\": \"backstage.io/v1alpha1\",\n\t\"kind\": \"Component\",\n\t\"metadata\": {\"name\": \"svc\", \"tags\": [\"a\", \"b\"]},\n\t\"spec\": {\"replicas\": 3, \"public\": true, \"ratio\": 0.5, \"note\": null, \"escaped\": \"a\\/b\\u00e9\"}\n}";

        var result = _parser.Parse(json, "e.json");

        Assert.Empty(result.Problems);
        var spec = result.Documents.Single().Entity["spec"]!;
        Assert.Equal(3, spec["replicas"]!.GetValue<long>());
        Assert.True(spec["public"]!.GetValue<bool>());
        Assert.Equal(0.5, spec["ratio"]!.GetValue<double>());
        Assert.Null(spec["note"]);
        Assert.Equal("a/bé", (string?)spec["escaped"]);
    }

    [Fact]
    public void Types_scalars_as_the_yaml_1_2_core_schema_and_keeps_quoted_scalars_as_strings()
    {
        const string yaml = """
            plainTrue: true
            quotedTrue: "true"
            yes11: yes
            octal: 0o17
            hex: 0x1F
            leadingZero: 012
            float: 1.5e3
            version: "1.10"
            empty:
            tilde: ~
            nullWord: Null
            infinity: .inf
            date: 2024-01-01
            big: 12345678901234567890
            """;

        var o = _parser.Parse(yaml, "s.yaml").Documents.Single().Entity;

        Assert.True(o["plainTrue"]!.GetValue<bool>());
        Assert.Equal("true", o["quotedTrue"]!.GetValue<string>());
        Assert.Equal("yes", o["yes11"]!.GetValue<string>());
        Assert.Equal(15, o["octal"]!.GetValue<long>());
        Assert.Equal(31, o["hex"]!.GetValue<long>());
        Assert.Equal(12, o["leadingZero"]!.GetValue<long>());
        Assert.Equal(1500d, o["float"]!.GetValue<double>());
        Assert.Equal("1.10", o["version"]!.GetValue<string>());
        Assert.True(o.ContainsKey("empty") && o["empty"] is null);
        Assert.Null(o["tilde"]);
        Assert.Null(o["nullWord"]);
        Assert.Null(o["infinity"]);
        Assert.Equal("2024-01-01", o["date"]!.GetValue<string>());
        Assert.Equal(12345678901234567890d, o["big"]!.GetValue<double>());
    }

    [Fact]
    public void Records_the_position_of_mapping_keys_and_sequence_items()
    {
        const string yaml = """
            kind: Location
            metadata:
              name: root
            spec:
              targets:
                - ./a.yaml
                - ./b.yaml
                - { nested: true }
            """;

        var document = _parser.Parse(yaml, "l.yaml").Documents.Single();

        Assert.Equal((3, 3), document.FieldPositions["metadata.name"]);
        Assert.Equal((5, 3), document.FieldPositions["spec.targets"]);
        Assert.Equal((7, 7), document.FieldPositions["spec.targets[1]"]);
        Assert.Equal((8, 7), document.FieldPositions["spec.targets[2]"]);
        Assert.Equal((8, 9), document.FieldPositions["spec.targets[2].nested"]);
        Assert.Equal((3, 3), document.PositionOf("metadata.name"));
        Assert.Equal((3, 3), document.PositionOf("metadata.name.deeper"));
    }

    [Fact]
    public void Reports_a_document_that_is_not_a_mapping_and_keeps_the_others()
    {
        const string yaml = """
            kind: A
            ---
            kind: B
            ---
            - a
            - b
            ---
            just text
            ---
            kind: C
            """;

        var result = _parser.Parse(yaml, "m.yaml");

        Assert.Equal(["A", "B", "C"], result.Documents.Select(d => (string?)d.Entity["kind"]));
        Assert.Equal([0, 1, 4], result.Documents.Select(d => d.Index));
        Assert.Equal(2, result.Problems.Count);
        Assert.Contains("document 3 is a sequence; an entity must be a mapping", result.Problems[0].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4, result.Problems[0].Line); // the document's --- marker
        Assert.Contains("document 4 is a string", result.Problems[1].Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Rejects_a_duplicate_key_naming_it_and_keeps_other_documents()
    {
        const string yaml = """
            kind: A
            metadata:
              name: one
              name: two
            ---
            kind: B
            """;

        var result = _parser.Parse(yaml, "d.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Contains("\"name\"", problem.Message, StringComparison.Ordinal);
        Assert.Equal("metadata.name", problem.Field);
        Assert.Equal((4, 3), (problem.Line, problem.Column));
        Assert.Equal("d.yaml", problem.File);
        Assert.Equal(["B"], result.Documents.Select(d => (string?)d.Entity["kind"]));
    }

    [Fact]
    public void Rejects_a_key_that_is_not_a_scalar()
    {
        var result = _parser.Parse("? [a, b]\n: value\n", "k.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Contains("key must be a scalar", problem.Message, StringComparison.Ordinal);
        Assert.Empty(result.Documents);
    }

    [Fact]
    public void Reports_a_syntax_error_with_line_and_column_and_keeps_the_documents_around_it()
    {
        const string yaml = """
            kind: A
            ---
            kind: B
            metadata:
              name: [unclosed
            ---
            kind: C
            """;

        var result = _parser.Parse(yaml, "e.yaml");

        Assert.Equal(["A", "C"], result.Documents.Select(d => (string?)d.Entity["kind"]));
        var problem = Assert.Single(result.Problems);
        Assert.Contains("syntax error", problem.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("e.yaml", problem.File);
        Assert.InRange(problem.Line!.Value, 5, 6);
        Assert.True(problem.Column >= 1);
        Assert.Equal(6, result.Documents[1].Line); // the document's --- marker
    }

    [Theory]
    [InlineData("a: [1, 2\nb: 3\n")]
    [InlineData("a: 'unterminated\n")]
    [InlineData("a:\n\t- tab-indented\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: @reserved\n")]
    [InlineData("- a\n- b: c\n  - d\n")]
    public void Malformed_yaml_is_a_problem_never_an_exception(string yaml)
    {
        var result = _parser.Parse(yaml, "bad.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Contains("syntax error", problem.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(problem.Line >= 1 && problem.Column >= 1);
        Assert.Null(_parser.ParseValue(yaml, "bad.yaml").Value);
    }

    [Fact]
    public void Ignores_a_byte_order_mark()
    {
        var entity = _parser.Parse("\uFEFFkind: A\n", "bom.yaml").Documents.Single().Entity;

        Assert.Equal("A", (string?)entity["kind"]);
    }

    [Fact]
    public void Keeps_quoted_and_explicitly_tagged_strings_and_reads_core_tags()
    {
        var entity = _parser.Parse("a: !!str 12\nb: !!int \"7\"\nc: '1.5'\nd: !custom 3\n", "t.yaml").Documents.Single().Entity;

        Assert.Equal("12", entity["a"]!.GetValue<string>());
        Assert.Equal(7, entity["b"]!.GetValue<long>());
        Assert.Equal("1.5", entity["c"]!.GetValue<string>());
        Assert.Equal("3", entity["d"]!.GetValue<string>());
    }

    [Fact]
    public void Expands_aliases_by_copying_the_anchored_node()
    {
        const string yaml = """
            kind: A
            base: &base { owner: team-a, tags: [x] }
            spec: *base
            """;

        var entity = _parser.Parse(yaml, "a.yaml").Documents.Single().Entity;

        Assert.True(JsonNode.DeepEquals(entity["base"], entity["spec"]));
        Assert.NotSame(entity["base"], entity["spec"]);
    }

    [Fact]
    public void Reports_an_alias_to_an_unknown_anchor()
    {
        var result = _parser.Parse("kind: A\nspec: *nowhere\n", "a.yaml");

        Assert.Contains("*nowhere", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
        Assert.Empty(result.Documents);
    }

    [Fact]
    public void Parses_a_single_value_for_placeholders()
    {
        var result = _parser.ParseValue("[1, two, {three: 3}]", "v.yaml");

        Assert.Null(result.Problem);
        Assert.Equal("[1,\"two\",{\"three\":3}]", result.Value!.ToJsonString());
    }

    [Fact]
    public void Applies_the_limits_to_a_single_value()
    {
        var parser = new DescriptorParser(new DescriptorLimits { MaxDepth = 3, MaxAliasExpansions = 2, MaxFileBytes = 100 });

        Assert.Contains("3", parser.ParseValue("[[[[1]]]]", "v.yaml").Problem!.Message, StringComparison.Ordinal);
        Assert.Contains("2", parser.ParseValue("a: &a x\nb: [*a, *a, *a]\n", "v.yaml").Problem!.Message, StringComparison.Ordinal);
        Assert.Contains("100", parser.ParseValue(new string('x', 101), "v.yaml").Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_more_than_one_document_as_a_single_value()
    {
        var result = _parser.ParseValue("a: 1\n---\nb: 2\n", "v.yaml");

        Assert.Null(result.Value);
        Assert.Contains("single", result.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_syntax_error_in_a_single_value()
    {
        var result = _parser.ParseValue("{ a: [1, 2 }", "v.json");

        Assert.Null(result.Value);
        Assert.Equal(1, result.Problem!.Line);
    }

    [Fact]
    public void Serializing_a_parsed_entity_and_parsing_it_again_gives_an_equal_node()
    {
        const string yaml = """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: svc
              annotations: { a/b: "1" }
            spec:
              n: 12
              f: 2.5
              e: 1e3
              b: false
              z: null
              list: [1, "two", [3]]
              text: |
                line one
                line two
            """;

        var entity = _parser.Parse(yaml, "r.yaml").Documents.Single().Entity;
        var again = _parser.Parse(entity.ToJsonString(), "r.json").Documents.Single().Entity;

        Assert.True(JsonNode.DeepEquals(entity, again), $"{entity.ToJsonString()} != {again.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(entity, JsonNode.Parse(entity.ToJsonString())));
    }
}
