namespace Greenroom.Catalog.Model.Validation;

/// <summary>The JSON shape a spec field must have.</summary>
internal enum SpecFieldType
{
    /// <summary>A string of at least one character.</summary>
    NonEmptyString,

    /// <summary>Any string.</summary>
    AnyString,

    /// <summary>An array of strings of at least one character each.</summary>
    NonEmptyStringArray,

    /// <summary>An object; <see cref="SpecField.Properties"/> describe known members, others are allowed.</summary>
    ObjectValue,

    /// <summary>Custom rules (see the kind's extra validation).</summary>
    Custom,
}

/// <summary>One field of a kind's spec, as its JSON schema describes it.</summary>
internal sealed record SpecField(string Name, SpecFieldType Type, bool Required = false)
{
    /// <summary>Known members of an object field.</summary>
    public IReadOnlyList<SpecField> Properties { get; init; } = [];

    /// <summary>Allowed values of a string field, when the schema has an enum.</summary>
    public IReadOnlyList<string>? Enum { get; init; }
}
