namespace Greenroom.Catalog.Model.Relations;

/// <summary>A directed relation between two entities; refs are in lower-cased key form (<c>group:default/team-a</c>).</summary>
public sealed record EntityRelation(string SourceRef, string Type, string TargetRef);
