namespace Greenroom.Plugins.Search;

/// <summary>One document for the search index, produced by an <see cref="ISearchCollator"/>.</summary>
/// <param name="Type">The collator's type: <c>software-catalog</c>, <c>techdocs</c>, <c>software-templates</c>.</param>
/// <param name="Key">Unique within <paramref name="Type"/>: an entity ref, or an entity ref and a page path.</param>
/// <param name="EntityRef">The entity the document belongs to (lower-cased key), so its documents can be replaced together.</param>
/// <param name="Title">Shown as the hit's title.</param>
/// <param name="Text">The searchable body text (plain text, no markup).</param>
/// <param name="Location">Where a hit leads in the portal, a path such as <c>/catalog/default/component/petstore</c>.</param>
/// <param name="Fields">Further searchable and facetable fields (kind, owner, lifecycle, type, tags, headings...).</param>
public sealed record SearchDocument(
    string Type,
    string Key,
    string EntityRef,
    string Title,
    string Text,
    string Location,
    IReadOnlyDictionary<string, string> Fields);
