using Greenroom.Catalog.Query;
using Microsoft.AspNetCore.WebUtilities;

namespace Greenroom.Web.Catalog;

/// <summary>
/// The catalog table's state as it travels in the URL (<c>/catalog?kind=component&amp;type=service&amp;owner=...</c>):
/// parsed from the query string, turned into a store query, and turned back into links that change one thing.
/// </summary>
public sealed record CatalogListRequest
{
    /// <summary>Page sizes offered; the first is the default.</summary>
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];

    /// <summary>Sortable columns: the URL name and the search key it sorts by.</summary>
    public static readonly IReadOnlyDictionary<string, string> SortKeys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = "metadata.name",
        ["title"] = "metadata.title",
        ["owner"] = "spec.owner",
        ["type"] = "spec.type",
        ["lifecycle"] = "spec.lifecycle",
        ["system"] = "spec.system",
        ["namespace"] = "metadata.namespace",
    };

    /// <summary>Selected kind (lower-cased), or null for every kind.</summary>
    public string? Kind { get; init; }

    /// <summary><c>spec.type</c> values (any of).</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Owner refs (any of), matched against the <c>ownedBy</c> relation.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary><c>spec.lifecycle</c> values (any of).</summary>
    public IReadOnlyList<string> Lifecycles { get; init; } = [];

    /// <summary>Tags (all of).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Namespaces (any of).</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Text searched in name and title.</summary>
    public string? Text { get; init; }

    /// <summary>Sort column (a key of <see cref="SortKeys"/>).</summary>
    public string Sort { get; init; } = "name";

    /// <summary>Whether the sort is descending.</summary>
    public bool Descending { get; init; }

    /// <summary>Rows per page (one of <see cref="PageSizes"/>).</summary>
    public int PageSize { get; init; } = PageSizes[0];

    /// <summary>Opaque keyset cursor of the page to show, or null for the first.</summary>
    public string? Cursor { get; init; }

    /// <summary>Reads the request from a query string; unknown or malformed values fall back to defaults.</summary>
    public static CatalogListRequest FromQuery(string queryString)
    {
        var query = QueryHelpers.ParseQuery(queryString);
        IReadOnlyList<string> Values(string key) =>
            query.TryGetValue(key, out var values)
                ? values.SelectMany(v => (v ?? string.Empty).Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
                : [];
        string? Single(string key) => Values(key) is [var first, ..] ? first : null;

        var sort = Single("sort") ?? "name";
        var descending = sort.StartsWith('-');
        sort = sort.TrimStart('-');
        var pageSize = int.TryParse(Single("limit"), out var limit) && PageSizes.Contains(limit) ? limit : PageSizes[0];
        return new CatalogListRequest
        {
            Kind = Single("kind")?.ToLowerInvariant() is { } kind && kind != "all" ? kind : null,
            Types = Values("type"),
            Owners = Values("owner"),
            Lifecycles = Values("lifecycle"),
            Tags = Values("tags"),
            Namespaces = Values("namespace"),
            Text = query.TryGetValue("text", out var text) && !string.IsNullOrWhiteSpace(text) ? text.ToString().Trim() : null,
            Sort = SortKeys.ContainsKey(sort) ? sort.ToLowerInvariant() : "name",
            Descending = descending,
            PageSize = pageSize,
            Cursor = query.TryGetValue("cursor", out var cursor) && !string.IsNullOrEmpty(cursor) ? cursor.ToString() : null,
        };
    }

    /// <summary>True when any filter besides the kind is set.</summary>
    public bool HasFilters => Types.Count + Owners.Count + Lifecycles.Count + Tags.Count + Namespaces.Count > 0 || Text is not null;

    /// <summary>The store filter: kind and every selected facet; null when nothing is selected.</summary>
    public EntityFilter? ToFilter(string? exceptFacet = null)
    {
        var conditions = new List<FilterCondition>();
        if (Kind is not null)
        {
            conditions.Add(new FilterCondition("kind", [Kind]));
        }

        void AnyOf(string facet, string key, IReadOnlyList<string> values)
        {
            if (values.Count > 0 && facet != exceptFacet)
            {
                conditions.Add(new FilterCondition(key, values.Select(v => v.ToLowerInvariant()).ToList()));
            }
        }

        AnyOf("type", "spec.type", Types);
        AnyOf("owner", "relations.ownedby", Owners.Select(OwnerRef).ToList());
        AnyOf("lifecycle", "spec.lifecycle", Lifecycles);
        AnyOf("namespace", "metadata.namespace", Namespaces);
        if (exceptFacet != "tags")
        {
            conditions.AddRange(Tags.Select(tag => new FilterCondition("metadata.tags", [tag.ToLowerInvariant()])));
        }

        return conditions.Count == 0 ? null : new EntityFilter([new FilterAlternative(conditions)]);
    }

    /// <summary>The store query for the page this request shows.</summary>
    public EntityQuery ToQuery()
    {
        if (Cursor is not null)
        {
            try
            {
                return QueryCursorCodec.Decode(Cursor).ToQuery(PageSize);
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException or System.Text.Json.JsonException)
            {
                // A stale or hand-edited cursor shows the first page rather than an error.
            }
        }

        return new EntityQuery(
            ToFilter(),
            [new EntityOrder(SortKeys[Sort], Descending)],
            FullTextFilterParser.Parse(Text, []),
            PageSize,
            Offset: null,
            After: null,
            IncludeTotal: true);
    }

    /// <summary>This request as a <c>/catalog</c> URL (cursor included only when asked).</summary>
    public string ToUrl(bool withCursor = false)
    {
        var parts = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(new(key, value));
            }
        }

        Add("kind", Kind ?? "all");
        foreach (var (key, values) in new[] { ("type", Types), ("owner", Owners), ("lifecycle", Lifecycles), ("tags", Tags), ("namespace", Namespaces) })
        {
            foreach (var value in values)
            {
                Add(key, value);
            }
        }

        Add("text", Text);
        if (Sort != "name" || Descending)
        {
            Add("sort", (Descending ? "-" : string.Empty) + Sort);
        }

        if (PageSize != PageSizes[0])
        {
            Add("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (withCursor)
        {
            Add("cursor", Cursor);
        }

        return QueryHelpers.AddQueryString("/catalog", parts);
    }

    /// <summary>The same view with one facet value added or removed (back to the first page).</summary>
    public CatalogListRequest Toggle(string facet, string value)
    {
        static IReadOnlyList<string> Flip(IReadOnlyList<string> values, string value) =>
            values.Contains(value, StringComparer.OrdinalIgnoreCase)
                ? values.Where(v => !string.Equals(v, value, StringComparison.OrdinalIgnoreCase)).ToList()
                : [.. values, value];

        var next = this with { Cursor = null };
        return facet switch
        {
            "type" => next with { Types = Flip(Types, value) },
            "owner" => next with { Owners = Flip(Owners, value) },
            "lifecycle" => next with { Lifecycles = Flip(Lifecycles, value) },
            "tags" => next with { Tags = Flip(Tags, value) },
            "namespace" => next with { Namespaces = Flip(Namespaces, value) },
            _ => next,
        };
    }

    /// <summary>Whether a facet value is selected.</summary>
    public bool IsSelected(string facet, string value) => (facet switch
    {
        "type" => Types,
        "owner" => Owners,
        "lifecycle" => Lifecycles,
        "tags" => Tags,
        "namespace" => Namespaces,
        _ => [],
    }).Contains(value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The view sorted by <paramref name="column"/>; sorting by the current column again flips the direction.</summary>
    public CatalogListRequest SortBy(string column) =>
        this with { Sort = column, Descending = column == Sort && !Descending, Cursor = null };

    /// <summary>An owner as a full ref: <c>team-a</c> means <c>group:default/team-a</c>, as in Backstage's owner field.</summary>
    public static string OwnerRef(string owner)
    {
        var full = owner.Contains(':', StringComparison.Ordinal) ? owner : "group:" + owner;
        return full.Contains('/', StringComparison.Ordinal) ? full : full.Replace(":", ":default/", StringComparison.Ordinal);
    }
}
