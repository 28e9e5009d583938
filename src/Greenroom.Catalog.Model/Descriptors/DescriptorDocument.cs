using System.Text.Json.Nodes;

namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>One entity document read from a descriptor file, with where it starts.</summary>
/// <param name="Entity">The document as JSON (YAML scalars typed as YAML 1.2 core schema would).</param>
/// <param name="File">The file name or URL the document came from.</param>
/// <param name="Index">0-based position of the document among the file's non-empty documents.</param>
/// <param name="Line">1-based line where the document starts.</param>
/// <param name="Column">1-based column where the document starts.</param>
public sealed record DescriptorDocument(JsonObject Entity, string File, int Index, int Line, int Column)
{
    /// <summary>Line/column of each field path (<c>spec.owner</c>, <c>metadata.tags[1]</c>) so errors can point at it.</summary>
    public IReadOnlyDictionary<string, (int Line, int Column)> FieldPositions { get; init; } =
        new Dictionary<string, (int Line, int Column)>();

    /// <summary>The best known position of a field path: the field itself, its nearest parent, or the document start.</summary>
    public (int Line, int Column) PositionOf(string? fieldPath)
    {
        var path = fieldPath;
        while (!string.IsNullOrEmpty(path))
        {
            if (FieldPositions.TryGetValue(path, out var position))
            {
                return position;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut > 0 ? path[..cut] : null;
        }

        return (Line, Column);
    }
}
