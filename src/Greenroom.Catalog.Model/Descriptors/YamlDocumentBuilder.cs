using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>
/// Builds one YAML document's JSON tree from parser events without recursion, enforcing depth, alias and
/// duplicate-key rules, and recording the position of every mapping key and sequence item.
/// After a document-level problem it stops building and only swallows events until the document ends.
/// </summary>
internal sealed class YamlDocumentBuilder(YamlReadState state, int lineOffset)
{
    private readonly List<Frame> _stack = [];
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(32, StringComparer.Ordinal);
    private Dictionary<string, AnchorInfo>? _anchors; // most documents have no anchors

    /// <summary>The finished root node (null for an empty document).</summary>
    public JsonNode? Root { get; private set; }

    /// <summary>True when a problem rejected this document; it is then consumed but not built.</summary>
    public bool Failed { get; private set; }

    public IReadOnlyDictionary<string, (int Line, int Column)> Positions => _positions;

    public void Accept(ParsingEvent parsingEvent)
    {
        if (Failed || state.Stopped)
        {
            return;
        }

        switch (parsingEvent)
        {
            case Scalar scalar:
                OnScalar(scalar);
                break;
            case MappingStart start:
                OnContainerStart(start, new JsonObject(), start.Anchor);
                break;
            case SequenceStart start:
                OnContainerStart(start, new JsonArray(), start.Anchor);
                break;
            case MappingEnd or SequenceEnd:
                OnContainerEnd();
                break;
            case AnchorAlias alias:
                OnAlias(alias);
                break;
        }
    }

    private void OnScalar(Scalar scalar)
    {
        var parent = _stack.Count == 0 ? null : _stack[^1];
        if (parent?.Object is { } mapping && parent.PendingKey is null)
        {
            var key = scalar.Value;
            var path = parent.Path.Length == 0 ? key : string.Concat(parent.Path, ".", key);
            var (line, column) = Position(scalar.Start);
            if (mapping.ContainsKey(key))
            {
                Fail($"Duplicate key \"{key}\" in a mapping; YAML keys must be unique", line, column, path);
                return;
            }

            _positions[path] = (line, column);
            parent.PendingKey = key;
            parent.PendingPath = path;
            return;
        }

        RecordItemPosition(parent, scalar.Start);
        Attach(YamlScalars.ToNode(scalar), nodes: 1, expansions: 0, height: 0, scalar.Anchor);
    }

    private void OnContainerStart(ParsingEvent start, JsonNode container, AnchorName anchor)
    {
        var parent = _stack.Count == 0 ? null : _stack[^1];
        var (line, column) = Position(start.Start);
        if (parent?.Object is not null && parent.PendingKey is null)
        {
            // "{{" is how unrendered cookiecutter/Jinja templates look to YAML: say so rather than only "bad key".
            var template = start is MappingStart && parent.Start.Index + 1 == start.Start.Index ? "; this looks like an unrendered {{ template }} expression" : string.Empty;
            Fail($"A mapping key must be a scalar (a plain or quoted string), not a mapping or sequence{template}", line, column, parent.Path.Length == 0 ? null : parent.Path);
            return;
        }

        if (_stack.Count + 1 > state.Limits.MaxDepth)
        {
            Fail($"Nesting is deeper than the limit of {state.Limits.MaxDepth} levels (MaxDepth)", line, column, ChildPath(parent));
            return;
        }

        var path = ChildPath(parent);
        RecordItemPosition(parent, start.Start);
        _stack.Add(new Frame(container, path, anchor.IsEmpty ? null : anchor.Value, start.Start));
    }

    private void OnContainerEnd()
    {
        var frame = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        Attach(frame.Node, frame.Nodes + 1, frame.Expansions, frame.Height + 1, AnchorName.Empty, frame.Anchor);
    }

    private void OnAlias(AnchorAlias alias)
    {
        var parent = _stack.Count == 0 ? null : _stack[^1];
        var (line, column) = Position(alias.Start);
        if (parent?.Object is not null && parent.PendingKey is null)
        {
            Fail("A mapping key must be a scalar, not an alias", line, column, parent.Path.Length == 0 ? null : parent.Path);
            return;
        }

        var name = alias.Value.Value;
        if (_anchors is null || !_anchors.TryGetValue(name, out var anchored))
        {
            Fail($"Alias *{name} refers to no complete anchor &{name} before it in this document", line, column, ChildPath(parent));
            return;
        }

        // Expanding an alias copies the anchored node, including every alias expanded inside it, so each counts.
        var limits = state.Limits;
        state.AliasExpansions += 1 + anchored.Expansions;
        state.AliasCopiedNodes += anchored.Nodes;
        if (state.AliasExpansions > limits.MaxAliasExpansions)
        {
            Stop($"More than {limits.MaxAliasExpansions} alias expansions in this file (MaxAliasExpansions); reading stopped, as for a \"billion laughs\" file", line, column);
            return;
        }

        if (state.AliasCopiedNodes > limits.MaxAliasCopiedNodes)
        {
            Stop($"Aliases would copy more than {limits.MaxAliasCopiedNodes} nodes in this file (MaxAliasCopiedNodes); reading stopped", line, column);
            return;
        }

        if (_stack.Count + anchored.Height > limits.MaxDepth)
        {
            Fail($"Nesting is deeper than the limit of {limits.MaxDepth} levels (MaxDepth)", line, column, ChildPath(parent));
            return;
        }

        RecordItemPosition(parent, alias.Start);
        Attach(anchored.Node?.DeepClone(), anchored.Nodes, 1 + anchored.Expansions, anchored.Height, AnchorName.Empty);
    }

    private void Attach(JsonNode? node, int nodes, long expansions, int height, AnchorName anchor, string? frameAnchor = null)
    {
        var anchorName = anchor.IsEmpty ? frameAnchor : anchor.Value;
        if (anchorName is not null)
        {
            (_anchors ??= new Dictionary<string, AnchorInfo>(StringComparer.Ordinal))[anchorName] = new AnchorInfo(node, nodes, expansions, height);
        }

        if (_stack.Count == 0)
        {
            Root = node;
            return;
        }

        var parent = _stack[^1];
        parent.Nodes += nodes;
        parent.Expansions += expansions;
        parent.Height = Math.Max(parent.Height, height);
        if (parent.Object is { } mapping)
        {
            mapping[parent.PendingKey!] = node;
            parent.PendingKey = null;
        }
        else
        {
            parent.Array!.Add(node);
        }
    }

    private void RecordItemPosition(Frame? parent, Mark start)
    {
        if (parent?.Array is { } array)
        {
            _positions[string.Concat(parent.Path, "[", array.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "]")] = Position(start);
        }
    }

    private static string ChildPath(Frame? parent) => parent switch
    {
        null => string.Empty,
        { Array: { } array } => string.Concat(parent.Path, "[", array.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "]"),
        _ => parent.PendingPath ?? parent.Path,
    };

    private (int Line, int Column) Position(Mark mark) => ((int)mark.Line + lineOffset, (int)mark.Column);

    private void Fail(string message, int line, int column, string? field)
    {
        Failed = true;
        state.AddProblem($"Document {state.DocumentOrdinal}: {message}", line, column, string.IsNullOrEmpty(field) ? null : field);
    }

    private void Stop(string message, int line, int column)
    {
        Failed = true;
        state.Stopped = true;
        state.AddProblem(message, line, column);
    }

    private sealed class Frame(JsonNode node, string path, string? anchor, Mark start)
    {
        public Mark Start { get; } = start;

        public JsonNode Node { get; } = node;

        public JsonObject? Object { get; } = node as JsonObject;

        public JsonArray? Array { get; } = node as JsonArray;

        public string Path { get; } = path;

        public string? Anchor { get; } = anchor;

        public string? PendingKey { get; set; }

        public string? PendingPath { get; set; }

        public int Nodes { get; set; }

        public long Expansions { get; set; }

        public int Height { get; set; }
    }

    private sealed record AnchorInfo(JsonNode? Node, int Nodes, long Expansions, int Height);
}
