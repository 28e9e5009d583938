using System.Text;
using Greenroom.Catalog.Model.Descriptors;

namespace Greenroom.Catalog.Model.Tests.Descriptors;

/// <summary>
/// The fast path must give exactly what YamlDotNet gives: documents, values, positions and problems. Each case is read
/// by <see cref="DescriptorParser"/> (fast path first) and by YamlDotNet alone, and the two results compared.
/// </summary>
public sealed class BlockYamlReaderTests
{
    public static TheoryData<string> InSubset => new()
    {
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a # comment\n  tags:\n    - java\n    - web\nspec:\n  type: service\n  owner: \"team-a\"\n  lifecycle: 'production'\n",
        "# leading comment\n\n---\nkind: A\nmetadata:\n  name: a\n---\nkind: B\nmetadata:\n  name: b\n",
        "kind: C\r\nmetadata:\r\n  name: x\r\nspec:\r\n  definition: |\r\n    openapi: 3.0.3\r\n\r\n    paths:\r\n      /a: {}\r\n  next: 1\r\n",
        "kind: C\nspec:\n  keep: |\n    a\n      b\n\n\n  strip: |-\n    no\n    newline\n  after: 1\n",
        "kind: C\nspec:\n  items:\n    - name: id\n      in: path\n    - name: q\n      values:\n        - 1\n        - 2.5\n        - true\n        - null\n        - ~\n        - 0x1F\n        - 0o17\n        - .inf\n        - -3\n        - 1e3\n        - 1.10\n        - 2024-01-01\n",
        "kind: C\nspec:\n  empty: []\n  object: {}\n  nothing:\n  children: [team-a, team-b]\n  mixed: [ x ,  y z , 1, true, 'q', \"d q\" ] # comment\n  nested:\n    - [a, b]\n    - []\n",
        "kind: C\nmetadata:\n  annotations:\n    backstage.io/techdocs-ref: dir:.\n    url: https://example.com/a#b\n    time: 12:30\n  title: caf\u00e9 \u2713\n",
        "kind: A\nlist:\n- a\n- b\nnext:\n  - x: 1\n    y: [1]\n  -  z: 2\n",
        "kind: User\nspec:\n  memberOf: [group:default/team-a, component:x, http://x, x:y:z]\n",
    };

    public static TheoryData<string> OutsideSubset => new()
    {
        "kind: A\nspec:\n  targets:\n    - ./a.yaml\n    - { nested: true }\n",
        "kind: A\nkind: B\n",
        "kind: A\nspec:\n  a: b: c\n",
        "kind: A\nspec:\n  a: multi\n    line\n",
        "kind: A\n---\nkind: B\na: &x 1\nb: *x\n---\nkind: C\n",
        "kind: A\n---\n- a sequence\n---\nkind: [unclosed\n---\nkind: D\n",
        "kind: A\nspec:\n\ttab: 1\n",
        "kind: A\nspec:\n  a: 1\n   b: 2\n",
        "kind: A\nspec:\n  def: >\n    folded\n",
        "kind: A\nspec:\n  def: |\n    no final line break",
        "kind: A\nspec:\n  a: [a, b,]\n  b: [a: b]\n",
        "kind: A\nspec:\n  a: [a::b, b:]\n",
        "---\n---\nkind: A\n...\n",
        "%YAML 1.2\n---\nkind: A\n",
        "\uFEFFkind: A\nmetadata:\n  name: bom\n",
        "---\nkind: API\nspec:\n  definition: |\n    paths:\n      /products/{id}\n---\n:\n        get:\n          summary: x\n",
    };

    [Theory]
    [MemberData(nameof(InSubset))]
    public void Reads_the_plain_block_subset_itself_exactly_as_YamlDotNet_does(string yaml)
    {
        Assert.True(BlockYamlReader.TryRead(new YamlReadState(DescriptorLimits.Default, "f.yaml"), yaml, 0));
        Assert.Equal(ReadWithYamlDotNet(yaml, DescriptorLimits.Default), Describe(new DescriptorParser().Parse(yaml, "f.yaml")));
    }

    [Theory]
    [MemberData(nameof(OutsideSubset))]
    public void Leaves_everything_else_to_YamlDotNet_with_the_same_result(string yaml)
    {
        Assert.False(BlockYamlReader.TryRead(new YamlReadState(DescriptorLimits.Default, "f.yaml"), yaml, 0));
        Assert.Equal(ReadWithYamlDotNet(yaml, DescriptorLimits.Default), Describe(new DescriptorParser().Parse(yaml, "f.yaml")));
    }

    [Fact]
    public void Reads_every_real_yaml_file_of_the_corpus_exactly_as_YamlDotNet_does()
    {
        var files = Directory.EnumerateFiles(Corpus.CorpusFiles.Root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .ToList();

        Assert.True(files.Count > 50, $"expected the corpus to hold many YAML files, found {files.Count}");
        foreach (var file in files)
        {
            var yaml = File.ReadAllText(file);
            var expected = ReadWithYamlDotNet(yaml, DescriptorLimits.Default);
            var actual = Describe(new DescriptorParser().Parse(yaml, "f.yaml"));
            Assert.True(expected == actual, $"{Corpus.CorpusFiles.Relative(file)} reads differently on the fast path:\n{actual}\nYamlDotNet:\n{expected}");
        }
    }

    [Fact]
    public void Leaves_the_document_over_MaxDocuments_to_YamlDotNet()
    {
        var limits = new DescriptorLimits { MaxDocuments = 2 };
        const string yaml = "---\nkind: A\n---\nkind: B\n---\nkind: C\n";

        var result = new DescriptorParser(limits).Parse(yaml, "f.yaml");

        Assert.Equal(2, result.Documents.Count);
        Assert.Equal(ReadWithYamlDotNet(yaml, limits), Describe(result));
    }

    [Fact]
    public void Computes_positions_on_demand_by_path()
    {
        const string yaml = "---\nkind: Location\nspec:\n  targets:\n    - ./a.yaml\n    - name: b\n  flow: [x, y]\n";

        var document = new DescriptorParser().Parse(yaml, "l.yaml").Documents.Single();

        Assert.Equal((7, 13), document.PositionOf("spec.flow[1]"));
        Assert.Equal((6, 7), document.PositionOf("spec.targets[1]"));
        Assert.Equal((6, 7), document.PositionOf("spec.targets[1].name"));
        Assert.Equal((4, 3), document.PositionOf("spec.targets[7]"));
        Assert.Equal((1, 1), document.PositionOf(null));
    }

    private static string ReadWithYamlDotNet(string yaml, DescriptorLimits limits)
    {
        var state = new YamlReadState(limits, "f.yaml");
        var start = yaml.StartsWith('\uFEFF') ? 1 : 0;
        var line = 1;
        while (!state.Stopped && start < yaml.Length)
        {
            var errorLine = new YamlStreamReader(state, singleValue: false).Read(yaml, start, yaml.Length, line - 1);
            var next = errorLine is null ? -1 : NextMarker(yaml, start, line, Math.Max(errorLine.Value, line + 1), out line);
            if (next < 0)
            {
                break;
            }

            start = next;
        }

        return Describe(new DescriptorParseResult(state.Documents, state.Problems));
    }

    private static int NextMarker(string yaml, int start, int line, int fromLine, out int markerLine)
    {
        for (var index = start; index < yaml.Length; line++)
        {
            if (line >= fromLine && yaml.AsSpan(index).StartsWith("---\n"))
            {
                markerLine = line;
                return index;
            }

            var newline = yaml.IndexOf('\n', index);
            index = newline < 0 ? yaml.Length : newline + 1;
        }

        markerLine = line;
        return -1;
    }

    private static string Describe(DescriptorParseResult result)
    {
        var text = new StringBuilder();
        foreach (var document in result.Documents)
        {
            text.Append($"document {document.Index} at {document.Line}:{document.Column} {document.Entity.ToJsonString()}\n");
            foreach (var (path, (line, column)) in document.FieldPositions.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                text.Append($"  {path} {line}:{column}\n");
            }
        }

        foreach (var problem in result.Problems)
        {
            text.Append($"problem {problem.Line}:{problem.Column} {problem.Field} {problem.Message}\n");
        }

        return text.ToString();
    }
}
