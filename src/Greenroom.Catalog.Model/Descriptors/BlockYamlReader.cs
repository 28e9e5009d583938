using System.Text;
using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>
/// A fast path for the YAML that descriptor files almost always are: block mappings and sequences of one-line plain or
/// quoted scalars, one-line flow sequences of such scalars, literal block scalars, empty <c>[]</c>/<c>{}</c>, comments
/// and bare <c>---</c> markers. YamlDotNet's event parser was ~80% of a parse (and ~13 KB of garbage per generated
/// entity); this reads such documents straight into JSON, about 7× faster. It decides nothing YAML could decide
/// differently: if any document of the file has a construct outside the subset, or anything that might be an error,
/// the whole file goes to YamlDotNet, so values, positions, limits and problems are exactly what YamlDotNet gives.
/// </summary>
internal sealed partial class BlockYamlReader
{
    private const int MaxInternedKeys = 4096;

    private readonly YamlReadState _state;
    private readonly string _text;
    private readonly int _end;
    private readonly StringBuilder _literal = new();
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly FieldPositionRecorder? _positions; // only when re-reading a document for its positions
    private int _lineStart;  // index of the current line's first char
    private int _lineNumber; // 1-based
    private int _indent;     // spaces before the current line's content
    private int _lineEnd;    // index of the current line's '\n', or _end
    private int _contentEnd; // _lineEnd less a "\r" before it
    private bool _unsupported;

    private BlockYamlReader(YamlReadState state, string text, int start, int line, FieldPositionRecorder? positions = null)
    {
        _positions = positions;
        _state = state;
        _text = text;
        _end = text.Length;
        _lineStart = start;
        _lineNumber = line;
        if (!AtEnd)
        {
            ScanLine();
        }
    }

    private bool AtEnd => _lineStart >= _end;

    /// <summary>
    /// Reads every document from <paramref name="start"/> into <paramref name="state"/> when all are in the subset;
    /// otherwise leaves <paramref name="state"/> untouched and returns false. All or nothing, because YamlDotNet is not
    /// exactly restartable at a <c>---</c>: after some malformed documents its reading of the next one depends on what
    /// came before, so only a read of the whole file is sure to give what it gives.
    /// </summary>
    public static bool TryRead(YamlReadState state, string text, int start)
    {
        var documents = new BlockYamlReader(state, text, start, 1).ReadDocuments();
        if (documents is null)
        {
            return false;
        }

        state.DocumentOrdinal += documents.Count;
        state.NonEmptyDocuments += documents.Count;
        state.Documents.AddRange(documents);
        return true;
    }

    /// <summary>Reads again the root mapping of a document this reader accepted, recording its positions.</summary>
    public static void RecordPositions(string text, int start, int line, DescriptorLimits limits, FieldPositionRecorder positions)
    {
        var reader = new BlockYamlReader(new YamlReadState(limits, string.Empty), text, start, line, positions);
        reader.ReadMapping(start, -1, 1);
    }

    private List<DescriptorDocument>? ReadDocuments()
    {
        var documents = new List<DescriptorDocument>();
        while (true)
        {
            SkipInsignificant();
            if (_unsupported)
            {
                return null;
            }

            if (AtEnd)
            {
                return documents;
            }

            int documentLine;
            int documentColumn;
            if (IsBareMarker())
            {
                documentLine = _lineNumber;
                documentColumn = 1;
                NextLine();
                SkipInsignificant();
            }
            else if (documents.Count == 0)
            {
                // An implicit document starts at its first token (YamlDotNet's DocumentStart mark).
                documentLine = _lineNumber;
                documentColumn = _indent + 1;
            }
            else
            {
                return null;
            }

            // Empty documents, root sequences or scalars, and the MaxDocuments breach are YamlDotNet's to report.
            var ordinal = _state.DocumentOrdinal + documents.Count;
            if (_unsupported || AtEnd || _indent != 0 || IsBoundary() || ordinal >= _state.Limits.MaxDocuments)
            {
                return null;
            }

            var rootStart = _lineStart;
            var rootLine = _lineNumber;
            var root = ReadMapping(rootStart, -1, 1);
            if (_unsupported || root is null || !(AtEnd || IsBareMarker()))
            {
                return null;
            }

            var index = _state.NonEmptyDocuments + documents.Count;
            documents.Add(new DescriptorDocument(root, _state.File, index, documentLine, documentColumn)
            {
                FieldPositions = new FieldPositionMap(_text, rootStart, rootLine, _state.Limits),
            });
        }
    }

    private JsonObject? ReadMapping(int keyStart, int parent, int depth)
    {
        if (depth > _state.Limits.MaxDepth)
        {
            return Unsupported<JsonObject>();
        }

        var column = keyStart - _lineStart;
        var mapping = new JsonObject();
        while (true)
        {
            var colon = FindKeyColon(keyStart);
            if (colon < 0 || !IsPlainKey(keyStart, colon))
            {
                return Unsupported<JsonObject>();
            }

            var key = Key(keyStart, colon - keyStart);
            if (mapping.ContainsKey(key))
            {
                return Unsupported<JsonObject>(); // YamlDotNet's path reports the duplicate
            }

            var entry = _positions?.AddKey(parent, key, _lineNumber, keyStart - _lineStart + 1) ?? -1;
            var value = ReadValue(colon + 1, column, entry, depth);
            if (_unsupported)
            {
                return null;
            }

            mapping.Add(key, value);
            if (AtEnd || _indent < column || (column == 0 && IsBareMarker()))
            {
                return mapping;
            }

            if (_indent > column || IsBoundary())
            {
                return Unsupported<JsonObject>();
            }

            keyStart = _lineStart + _indent;
        }
    }

    private JsonArray? ReadSequence(int dashStart, int parent, int depth)
    {
        if (depth > _state.Limits.MaxDepth)
        {
            return Unsupported<JsonArray>();
        }

        var column = dashStart - _lineStart;
        var sequence = new JsonArray();
        while (true)
        {
            var start = SkipSpaces(dashStart + 1);
            if (start >= _contentEnd || _text[start] is '#' or '|' or '>' || IsDashEntry(start))
            {
                return Unsupported<JsonArray>();
            }

            var entry = _positions?.AddItem(parent, sequence.Count, _lineNumber, start - _lineStart + 1) ?? -1;
            var item = FindKeyColon(start) >= 0
                ? ReadMapping(start, entry, depth + 1)
                : ReadInline(start, column, entry, depth);
            if (_unsupported)
            {
                return null;
            }

            sequence.Add(item);
            if (AtEnd || _indent < column)
            {
                return sequence;
            }

            if (_indent > column)
            {
                return Unsupported<JsonArray>();
            }

            dashStart = _lineStart + _indent;
            if (!IsDashEntry(dashStart))
            {
                // A sibling key of the mapping holding this (indentless) sequence, or an error the parent rejects.
                return sequence;
            }
        }
    }

    /// <summary>The value after a mapping key's colon; leaves the reader on the next significant line.</summary>
    private JsonNode? ReadValue(int afterColon, int column, int entry, int depth)
    {
        var start = SkipSpaces(afterColon);
        if (start < _contentEnd && _text[start] != '#')
        {
            return _text[start] == '|' ? ReadLiteral(start, column) : ReadInline(start, column, entry, depth);
        }

        NextLine();
        SkipInsignificant();
        if (_unsupported || AtEnd)
        {
            return null;
        }

        var content = _lineStart + _indent;
        if (_indent > column)
        {
            return IsDashEntry(content) ? ReadSequence(content, entry, depth + 1) : ReadMapping(content, entry, depth + 1);
        }

        // "key:" then "- item" at the key's own indentation: an indentless sequence. Otherwise the value is null.
        return _indent == column && IsDashEntry(content) ? ReadSequence(content, entry, depth + 1) : null;
    }

    /// <summary>A one-line scalar or flow collection at <paramref name="start"/>; the next line must not be more indented.</summary>
    private JsonNode? ReadInline(int start, int column, int entry, int depth)
    {
        var node = ReadScalarText(start, entry);
        if (_unsupported)
        {
            return null;
        }

        if (node is JsonArray or JsonObject && depth + 1 > _state.Limits.MaxDepth)
        {
            return Unsupported<JsonNode>();
        }

        NextLine();
        SkipInsignificant();
        return !AtEnd && _indent > column ? Unsupported<JsonNode>() : node;
    }

    // The same few dozen keys repeat in every entity: one string each per file rather than one per occurrence.
    private string Key(int start, int length)
    {
        var span = _text.AsSpan(start, length);
        var lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(span, out var key))
        {
            return key;
        }

        key = span.ToString();
        if (_keys.Count < MaxInternedKeys)
        {
            _keys.Add(key, key);
        }

        return key;
    }

    private T? Unsupported<T>()
        where T : class
    {
        _unsupported = true;
        return null;
    }
}
