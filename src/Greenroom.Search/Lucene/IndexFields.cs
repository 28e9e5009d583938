namespace Greenroom.Search.Lucene;

/// <summary>Lucene field names and the weights that rank matches in them.</summary>
internal static class IndexFields
{
    /// <summary>Type and entity together, so replacing one entity's documents of one type is a single term delete.</summary>
    public const string TypeEntity = "_te";

    public const string Type = "_type";
    public const string Key = "_key";
    public const string EntityRef = "_entity";
    public const string Title = "title";
    public const string Text = "text";
    public const string Location = "location";

    /// <summary>The document field <c>name</c>, searched as a title is.</summary>
    public const string Name = "name";

    /// <summary>Every other field's value (tags, owner, kind, headings...), searched with a little more weight than text.</summary>
    public const string Meta = "meta";

    /// <summary>Prefix of a stored field of the collator.</summary>
    public const string StoredPrefix = "f.";

    /// <summary>Prefix of the lower-cased keyword form of a field, for filters.</summary>
    public const string KeywordPrefix = "k.";

    /// <summary>Prefix of the doc values of a faceted field.</summary>
    public const string FacetPrefix = "d.";

    /// <summary>Facet name of the document type (the query parameter that filters it is <c>types</c>).</summary>
    public const string TypesFacet = "types";

    /// <summary>Fields whose value counts are returned with every answer.</summary>
    public static readonly IReadOnlyList<string> FacetFields = ["kind", "type", "owner", "lifecycle"];

    /// <summary>Fields holding several space-separated values, each filterable on its own.</summary>
    public static readonly IReadOnlySet<string> MultiValueFields = new HashSet<string>(StringComparer.Ordinal) { "tags" };

    /// <summary>
    /// Full-text search: exact words in every field, title and name first; prefixes in title, name and the text
    /// (which also holds every other field's words); typos in title and text.
    /// </summary>
    public static readonly FieldPlan Search = new(
        Exact: [(Title, 4f), (Name, 4f), (Meta, 1.5f), (Text, 1f)],
        Prefix: [(Title, 2.4f), (Name, 2.4f), (Text, 0.6f)],
        Fuzzy: [(Title, 1.2f), (Text, 0.3f)]);

    /// <summary>Suggestions: titles and names only.</summary>
    public static readonly FieldPlan Suggest = new(
        Exact: [(Title, 2f), (Name, 2f)],
        Prefix: [(Title, 1.2f), (Name, 1.2f)],
        Fuzzy: [(Title, 0.6f), (Name, 0.6f)]);

    /// <summary>Keyword values longer than this are not indexed for filtering (a term has a hard size limit).</summary>
    public const int MaxKeywordLength = 256;
}

/// <summary>Which fields a query looks in, with what weight, for exact words, prefixes and typos.</summary>
internal sealed record FieldPlan(
    IReadOnlyList<(string Field, float Boost)> Exact,
    IReadOnlyList<(string Field, float Boost)> Prefix,
    IReadOnlyList<(string Field, float Boost)> Fuzzy);
