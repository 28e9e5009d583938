using System.Collections.Concurrent;
using Greenroom.TechDocs.Mkdocs;
using Greenroom.TechDocs.Sites;
using Greenroom.TechDocs.Sources;

namespace Greenroom.TechDocs.Building;

/// <summary>
/// Entities whose <c>techdocs-ref</c> names a folder on local disk without <c>mkdocs.yml</c> and that have no docs
/// recorded: a catalog that annotates every component with <c>dir:.</c> ahead of writing docs has thousands. They are
/// skipped after one existence check instead of a build attempt (no read, no render, no stored failure, no warning),
/// and remembered by their annotations, so a later change to such an entity costs no store read. One entry per such
/// entity (its ref and a hash of its annotations).
/// </summary>
internal sealed class MissingDocsConfigs
{
    private readonly ConcurrentDictionary<string, int> _known = new(StringComparer.Ordinal);

    /// <summary>How many entities are remembered.</summary>
    public int Count => _known.Count;

    /// <summary>
    /// The folder <paramref name="entity"/>'s <c>dir:</c> ref names when it holds neither <c>mkdocs.yml</c> nor
    /// <c>mkdocs.yaml</c>; null when it holds one, or the source is not a folder on local disk (a URL needs a read).
    /// </summary>
    public static string? FolderWithoutConfig(DocsEntity entity) =>
        DocsSourceResolver.LocalFolder(entity) is { } folder
        && !File.Exists(Path.Combine(folder, MkdocsConfigReader.FileName))
        && !File.Exists(Path.Combine(folder, "mkdocs.yaml"))
            ? folder
            : null;

    /// <summary>The problem a build of such a folder reports, word for word.</summary>
    public static DocsProblem Problem(string folder) =>
        new($"No mkdocs.yml in file:{folder}", MkdocsConfigReader.FileName, Severity: DocsProblem.Error);

    /// <summary>Whether <paramref name="entity"/> was found without docs recorded, with the same annotations as now.</summary>
    public bool WasUnrecorded(DocsEntity entity) => _known.TryGetValue(entity.EntityRef, out var known) && known == Fingerprint(entity);

    /// <summary>Remembers that <paramref name="entity"/> has no docs recorded and no mkdocs.yml.</summary>
    public void Remember(DocsEntity entity) => _known[entity.EntityRef] = Fingerprint(entity);

    /// <summary>Forgets <paramref name="entityRef"/>: it was built, or its docs were recorded some other way.</summary>
    public void Forget(string entityRef) => _known.TryRemove(entityRef, out _);

    // What decides where the docs are read from; a hash collision only delays a re-check until the next sweep.
    private static int Fingerprint(DocsEntity entity) =>
        HashCode.Combine(entity.TechDocsRef, entity.ManagedByLocation, entity.OriginLocation);
}
