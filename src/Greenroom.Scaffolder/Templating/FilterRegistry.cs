namespace Greenroom.Scaffolder.Templating;

/// <summary>A filter: the piped value and the arguments in, a value out. Filters see plain values only.</summary>
public delegate object? TemplateFilter(object? input, IReadOnlyList<object?> arguments);

/// <summary>The filters templates may use: nunjucks built-ins and Backstage's scaffolder filters.</summary>
public sealed class FilterRegistry
{
    private readonly Dictionary<string, TemplateFilter> _filters = new(StringComparer.Ordinal);

    /// <summary>A registry with the built-in and Backstage filters.</summary>
    public static FilterRegistry CreateDefault()
    {
        var registry = new FilterRegistry();
        BuiltInFilters.Register(registry);
        BackstageFilters.Register(registry);
        return registry;
    }

    /// <summary>Adds or replaces a filter.</summary>
    public FilterRegistry Add(string name, TemplateFilter filter)
    {
        _filters[name] = filter;
        return this;
    }

    /// <summary>The filter named <paramref name="name"/>, or null.</summary>
    public TemplateFilter? Find(string name) => _filters.GetValueOrDefault(name);

    internal static object? Argument(IReadOnlyList<object?> arguments, int index) =>
        index < arguments.Count ? arguments[index] : Undefined.Value;
}
