using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Cli.Reporting;

namespace Greenroom.Cli.Validation;

/// <summary>What validating one file found.</summary>
/// <param name="File">The file.</param>
/// <param name="Findings">Its problems (and notices), in line order.</param>
/// <param name="Entities">Each entity document that names a kind and name, with where it starts.</param>
/// <param name="Skipped">True when the file was found in a folder but is template content, not a descriptor.</param>
internal sealed record FileReport(DescriptorFile File, IReadOnlyList<Finding> Findings, IReadOnlyList<EntityLocation> Entities, bool Skipped = false);

/// <summary>An entity found in a file (placeholders resolved where they could be), and where its document starts.</summary>
internal sealed record EntityLocation(EntityRef Ref, JsonObject Entity, string File, int Line, int Column);
