using Greenroom.Plugins.Search;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Greenroom.Search.Lucene;

/// <summary>Turns a <see cref="SearchDocument"/> into a Lucene document and a stored hit back into fields.</summary>
internal static class DocumentMapper
{
    public static string TypeEntityKey(string type, string entityRef) => type + "\u001f" + entityRef;

    public static Document ToLucene(SearchDocument source)
    {
        var document = new Document
        {
            new StringField(IndexFields.TypeEntity, TypeEntityKey(source.Type, source.EntityRef), Field.Store.NO),
            new StringField(IndexFields.Type, source.Type, Field.Store.YES),
            new SortedDocValuesField(IndexFields.FacetPrefix + IndexFields.TypesFacet, new BytesRef(source.Type)),
            new StringField(IndexFields.Key, source.Key, Field.Store.YES),
            new StringField(IndexFields.EntityRef, source.EntityRef, Field.Store.YES),
            new TextField(IndexFields.Title, source.Title, Field.Store.YES),
            new TextField(IndexFields.Text, source.Text, Field.Store.YES),
            new StoredField(IndexFields.Location, source.Location),

            // The text field also holds the title's words (not stored), so prefixes and typos need only look in it.
            new TextField(IndexFields.Text, source.Title, Field.Store.NO),
        };

        foreach (var (name, value) in source.Fields)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            document.Add(new StoredField(IndexFields.StoredPrefix + name, value));
            document.Add(new TextField(name == IndexFields.Name ? IndexFields.Name : IndexFields.Meta, value, Field.Store.NO));
            document.Add(new TextField(IndexFields.Text, value, Field.Store.NO));
            AddKeywords(document, name, value);
            if (IndexFields.FacetFields.Contains(name) && value.Length <= IndexFields.MaxKeywordLength)
            {
                document.Add(new SortedDocValuesField(IndexFields.FacetPrefix + name, new BytesRef(value)));
            }
        }

        return document;
    }

    private static void AddKeywords(Document document, string name, string value)
    {
        var values = IndexFields.MultiValueFields.Contains(name)
            ? value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [value];
        foreach (var keyword in values)
        {
            if (keyword.Length <= IndexFields.MaxKeywordLength)
            {
                document.Add(new StringField(IndexFields.KeywordPrefix + name, keyword.ToLowerInvariant(), Field.Store.NO));
            }
        }
    }

    /// <summary>The document as Backstage returns it: title, text, location, then the collator's fields.</summary>
    public static Dictionary<string, string> ToFields(Document stored)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = stored.Get(IndexFields.Title) ?? string.Empty,
            ["text"] = stored.Get(IndexFields.Text) ?? string.Empty,
            ["location"] = stored.Get(IndexFields.Location) ?? string.Empty,
        };
        foreach (var field in stored.Fields)
        {
            if (field.Name.StartsWith(IndexFields.StoredPrefix, StringComparison.Ordinal))
            {
                fields.TryAdd(field.Name[IndexFields.StoredPrefix.Length..], field.GetStringValue());
            }
        }

        return fields;
    }
}
