using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Problems;

namespace Greenroom.Catalog.Model.Descriptors;

/// <summary>A single parsed YAML/JSON value, or the problem that stopped it.</summary>
public sealed record DescriptorValueResult(JsonNode? Value, CatalogProblem? Problem);
