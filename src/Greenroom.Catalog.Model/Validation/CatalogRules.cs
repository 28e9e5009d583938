namespace Greenroom.Catalog.Model.Validation;

/// <summary>
/// Which kinds and apiVersions are accepted beyond the built-in ones (Backstage's <c>catalog.rules</c>).
/// Built-in kinds under <c>backstage.io/v1alpha1</c>/<c>v1beta1</c> and Template under
/// <c>scaffolder.backstage.io/v1beta3</c> are always accepted.
/// </summary>
public sealed record CatalogRules
{
    /// <summary>Extra kinds accepted (case-insensitive), validated by the envelope and metadata rules only. <c>*</c> accepts any kind.</summary>
    public IReadOnlyList<string> AllowedKinds { get; init; } = [];

    /// <summary>Extra apiVersions accepted for any kind (case-sensitive, as Backstage). <c>*</c> accepts any apiVersion.</summary>
    public IReadOnlyList<string> AllowedApiVersions { get; init; } = [];

    /// <summary>Only the built-in kinds and apiVersions.</summary>
    public static CatalogRules BuiltInOnly { get; } = new();
}
