using static Greenroom.Catalog.Model.Validation.SpecFieldType;

namespace Greenroom.Catalog.Model.Validation;

/// <summary>
/// The spec schemas of Backstage's built-in kinds, transcribed from <c>catalog-model/src/schema/kinds/*.schema.json</c>
/// (plus fields newer Backstage releases added: <c>dependencyOf</c>, <c>subdomainOf</c>, System/Domain <c>type</c>)
/// and the scaffolder's <c>Template.v1beta3.schema.json</c>. A test checks the required lists against the corpus schemas.
/// </summary>
internal static class BuiltInKinds
{
    private static readonly string[] CatalogVersions = ["backstage.io/v1alpha1", "backstage.io/v1beta1"];

    private static readonly SpecField GroupProfile = new("profile", ObjectValue)
    {
        Properties = [new("displayName", NonEmptyString), new("email", NonEmptyString), new("picture", NonEmptyString)],
    };

    private static readonly SpecField UserProfile = new("profile", ObjectValue)
    {
        Properties =
        [
            new("displayName", NonEmptyString), new("email", NonEmptyString), new("picture", NonEmptyString),
            new("pronouns", NonEmptyString), new("jobTitle", NonEmptyString), new("startDateISO", NonEmptyString),
            new("manager", NonEmptyString), new("timezoneISO", NonEmptyString), new("location", NonEmptyString),
            new("directMessageURL", NonEmptyString),
            new("externalHandles", ObjectValue)
            {
                Properties =
                [
                    new("facebook", NonEmptyString), new("github", NonEmptyString), new("instagram", NonEmptyString),
                    new("spotify", NonEmptyString), new("twitter", NonEmptyString), new("youtube", NonEmptyString),
                ],
            },
        ],
    };

    // API.v1alpha1.mcp-server and .ai-model-server schemas: remote endpoints instead of a definition.
    private static readonly KindSchema RemoteApi = new("API", CatalogVersions,
    [
        new("type", NonEmptyString, Required: true), new("lifecycle", NonEmptyString, Required: true),
        new("owner", NonEmptyString, Required: true), new("system", NonEmptyString),
        new("remotes", Custom, Required: true),
    ])
    {
        Extra = RemoteEndpointsValidator.Validate,
    };

    /// <summary>Every built-in kind by its exact (case-sensitive, as Backstage) name.</summary>
    public static IReadOnlyDictionary<string, KindSchema> All { get; } = new Dictionary<string, KindSchema>(StringComparer.Ordinal)
    {
        ["Component"] = new("Component", CatalogVersions,
        [
            new("type", NonEmptyString, Required: true), new("lifecycle", NonEmptyString, Required: true),
            new("owner", NonEmptyString, Required: true), new("system", NonEmptyString), new("subcomponentOf", NonEmptyString),
            new("providesApis", NonEmptyStringArray), new("consumesApis", NonEmptyStringArray),
            new("dependsOn", NonEmptyStringArray), new("dependencyOf", NonEmptyStringArray),
        ]),
        ["API"] = new("API", CatalogVersions,
        [
            new("type", NonEmptyString, Required: true), new("lifecycle", NonEmptyString, Required: true),
            new("owner", NonEmptyString, Required: true), new("definition", NonEmptyString, Required: true),
            new("system", NonEmptyString),
        ])
        {
            TypeVariants = new Dictionary<string, KindSchema>(StringComparer.Ordinal)
            {
                ["mcp-server"] = RemoteApi,
                ["ai-model-server"] = RemoteApi,
            },
        },
        ["Resource"] = new("Resource", CatalogVersions,
        [
            new("type", NonEmptyString, Required: true), new("owner", NonEmptyString, Required: true),
            new("dependsOn", NonEmptyStringArray), new("dependencyOf", NonEmptyStringArray), new("system", NonEmptyString),
        ]),
        ["System"] = new("System", CatalogVersions,
        [
            new("owner", NonEmptyString, Required: true), new("domain", NonEmptyString), new("type", NonEmptyString),
        ]),
        ["Domain"] = new("Domain", CatalogVersions,
        [
            new("owner", NonEmptyString, Required: true), new("subdomainOf", NonEmptyString), new("type", NonEmptyString),
        ]),
        ["Group"] = new("Group", CatalogVersions,
        [
            new("type", NonEmptyString, Required: true), GroupProfile, new("parent", NonEmptyString),
            new("children", NonEmptyStringArray, Required: true), new("members", NonEmptyStringArray),
        ]),
        ["User"] = new("User", CatalogVersions,
        [
            UserProfile, new("memberOf", NonEmptyStringArray, Required: true),
        ]),
        ["Location"] = new("Location", CatalogVersions,
        [
            new("type", NonEmptyString), new("target", NonEmptyString), new("targets", NonEmptyStringArray),
            new("presence", AnyString) { Enum = ["required", "optional"] },
        ]),
        ["Template"] = new("Template", ["scaffolder.backstage.io/v1beta3"],
        [
            new("type", NonEmptyString, Required: true), new("owner", NonEmptyString), new("lifecycle", NonEmptyString),
            new("parameters", Custom), new("steps", Custom, Required: true), new("output", Custom),
            new("secrets", ObjectValue), new("presentation", ObjectValue), new("EXPERIMENTAL_recovery", ObjectValue),
            new("EXPERIMENTAL_formDecorators", Custom),
        ])
        {
            Extra = TemplateSpecValidator.Validate,
        },
    };
}
