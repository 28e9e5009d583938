using Greenroom.Catalog.Model.Problems;

namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>What one file's read has used and produced so far; shared across resumptions after syntax errors.</summary>
internal sealed class YamlReadState(DescriptorLimits limits, string file)
{
    public DescriptorLimits Limits { get; } = limits;

    public string File { get; } = file;

    public List<DescriptorDocument> Documents { get; } = [];

    public List<CatalogProblem> Problems { get; } = [];

    /// <summary>Every document seen, empty ones included (1-based ordinal of the last one).</summary>
    public int DocumentOrdinal { get; set; }

    /// <summary>Non-empty documents seen, good or bad; gives <see cref="DescriptorDocument.Index"/>.</summary>
    public int NonEmptyDocuments { get; set; }

    public long AliasExpansions { get; set; }

    public long AliasCopiedNodes { get; set; }

    /// <summary>Set when a file-wide limit was hit: nothing more is read.</summary>
    public bool Stopped { get; set; }

    public void AddProblem(string message, int line, int column, string? field = null) =>
        Problems.Add(new CatalogProblem(message, File, line, column, field));
}
