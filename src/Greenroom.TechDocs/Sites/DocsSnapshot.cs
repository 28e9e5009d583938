using Greenroom.TechDocs.Mkdocs;

namespace Greenroom.TechDocs.Sites;

/// <summary>Everything read from a docs source for one build, before rendering (so an unchanged hash can skip it).</summary>
/// <param name="Source">Where it was read from.</param>
/// <param name="Config">The parsed mkdocs.yml.</param>
/// <param name="DocsDir">The docs folder relative to the source, normalised (empty for the source folder itself).</param>
/// <param name="Nav">The configured or discovered navigation.</param>
/// <param name="Pages">Markdown text by path relative to the docs folder, in nav order then name order.</param>
/// <param name="Assets">Images and other files the site serves.</param>
/// <param name="ListedFiles">Every file of the docs folder when the source can list (disk), else null.</param>
/// <param name="ContentHash">SHA-256 over all of it and the renderer version.</param>
/// <param name="Problems">Warnings found while reading (pages the nav names that do not exist).</param>
public sealed record DocsSnapshot(
    string Source,
    MkdocsConfig Config,
    string DocsDir,
    IReadOnlyList<NavItem> Nav,
    IReadOnlyDictionary<string, string> Pages,
    IReadOnlyList<DocsAsset> Assets,
    IReadOnlySet<string>? ListedFiles,
    string ContentHash,
    IReadOnlyList<DocsProblem> Problems);
