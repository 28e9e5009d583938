namespace Greenroom.Plugins.Search;

/// <summary>
/// Tells the search engine that an entity's documents of one type changed outside the catalog's own change feed
/// (a TechDocs site was rebuilt). Cheap and non-blocking: the engine re-collates in the background.
/// </summary>
public interface ISearchIndexQueue
{
    /// <summary>Re-collate <paramref name="entityRef"/>'s documents of <paramref name="type"/> soon.</summary>
    void DocumentsChanged(string type, string entityRef);
}
