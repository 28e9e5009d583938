namespace Greenroom.Catalog.Model.Entities;

/// <summary>A reference to an entity, <c>kind:namespace/name</c>, compared case-insensitively.</summary>
public readonly record struct EntityRef(string Kind, string Namespace, string Name)
{
    /// <summary>The namespace entities live in when none is given.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>Parses <c>[kind:][namespace/]name</c>, filling in the defaults; throws <see cref="FormatException"/> when malformed.</summary>
    public static EntityRef Parse(string text, string? defaultKind = null, string defaultNamespace = DefaultNamespace) =>
        TryParse(text, out var reference, out var error, defaultKind, defaultNamespace)
            ? reference
            : throw new FormatException(error);

    /// <summary>Parses <c>[kind:][namespace/]name</c>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(
        string? text,
        out EntityRef reference,
        out string? error,
        string? defaultKind = null,
        string defaultNamespace = DefaultNamespace)
    {
        reference = default;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Entity reference must be a non-empty string";
            return false;
        }

        var rest = text.Trim();
        string? kind = null;
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            kind = rest[..colon];
            rest = rest[(colon + 1)..];
        }

        string? ns = null;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            ns = rest[..slash];
            rest = rest[(slash + 1)..];
        }

        kind ??= defaultKind;
        ns ??= defaultNamespace;
        if (string.IsNullOrEmpty(kind))
        {
            error = $"Entity reference '{text}' has no kind and no default kind applies";
            return false;
        }

        if (kind.Length == 0 || ns.Length == 0 || rest.Length == 0 || rest.Contains(':', StringComparison.Ordinal) || rest.Contains('/', StringComparison.Ordinal))
        {
            error = $"Entity reference '{text}' is not of the form [kind:][namespace/]name";
            return false;
        }

        reference = new EntityRef(kind, ns, rest);
        return true;
    }

    /// <summary>The canonical, fully lower-cased form used as a key and in relation target refs.</summary>
    public string ToKey() => $"{Kind}:{Namespace}/{Name}".ToLowerInvariant();

    /// <inheritdoc />
    public override string ToString() => $"{Kind}:{Namespace}/{Name}";

    /// <inheritdoc />
    public bool Equals(EntityRef other) =>
        string.Equals(Kind, other.Kind, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Namespace, other.Namespace, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(
        StringComparer.OrdinalIgnoreCase.GetHashCode(Kind ?? string.Empty),
        StringComparer.OrdinalIgnoreCase.GetHashCode(Namespace ?? string.Empty),
        StringComparer.OrdinalIgnoreCase.GetHashCode(Name ?? string.Empty));
}
