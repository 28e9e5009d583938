namespace Greenroom.Scaffolder.Templating;

/// <summary>Names visible to a template: the context (parameters, steps, user, secrets…) and loop variables above it.</summary>
public sealed class TemplateScope
{
    private readonly TemplateScope? _parent;
    private readonly Dictionary<string, object?> _names = new(StringComparer.Ordinal);

    /// <summary>A root scope with <paramref name="names"/> (plain template values, see <see cref="Values"/>).</summary>
    public TemplateScope(IEnumerable<KeyValuePair<string, object?>>? names = null)
    {
        foreach (var (name, value) in names ?? [])
        {
            _names[name] = value;
        }
    }

    private TemplateScope(TemplateScope parent) => _parent = parent;

    /// <summary>A child scope whose names hide this one's.</summary>
    public TemplateScope Push() => new(this);

    /// <summary>Sets a name in this scope.</summary>
    public void Set(string name, object? value) => _names[name] = value;

    /// <summary>Marks <paramref name="value"/> as secret: reading it (or anything containing it) taints the result.</summary>
    public static object Secret(object? value) => new SecretValue(value);

    internal bool TryGet(string name, out object? value)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._names.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }
}
