namespace Greenroom.Catalog.Query;

/// <summary>
/// A Backstage entity filter: any of the alternatives (repeated <c>filter</c> parameters) must match;
/// within one alternative every condition must match (comma-separated <c>key=value</c> pairs).
/// </summary>
public sealed record EntityFilter(IReadOnlyList<FilterAlternative> AnyOf);

/// <summary>Conditions that must all hold.</summary>
public sealed record FilterAlternative(IReadOnlyList<FilterCondition> AllOf);

/// <summary>
/// One condition on a search key (lower-cased dotted path such as <c>spec.type</c> or <c>relations.ownedby</c>).
/// <see cref="Values"/> null means "the key exists"; otherwise any value matches (lower-cased, compared exactly).
/// <see cref="Negate"/> inverts the condition (the entity has no such value).
/// </summary>
public sealed record FilterCondition(string Key, IReadOnlyList<string>? Values, bool Negate = false);
