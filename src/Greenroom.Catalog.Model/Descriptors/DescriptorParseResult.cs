using Greenroom.Catalog.Model.Problems;

namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>
/// What a descriptor file yielded: the documents that could be read, and a problem for each that could not.
/// A bad document never hides the good ones after it, unless the file as a whole is unreadable.
/// </summary>
public sealed record DescriptorParseResult(IReadOnlyList<DescriptorDocument> Documents, IReadOnlyList<CatalogProblem> Problems);
