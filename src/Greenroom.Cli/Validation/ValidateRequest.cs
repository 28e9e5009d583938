using Greenroom.Catalog.Model.Validation;

namespace Greenroom.Cli.Validation;

/// <summary>What to validate and how to report it.</summary>
internal sealed record ValidateRequest(
    IReadOnlyList<string> Paths, IReadOnlyList<string> Include, IReadOnlyList<string> Exclude, CatalogRules Rules, ReportFormat Format);
