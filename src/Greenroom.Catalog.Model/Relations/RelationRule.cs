namespace Greenroom.Catalog.Model.Relations;

/// <summary>
/// One spec field that yields relations: its targets are parsed with <paramref name="DefaultKind"/> (null: the ref
/// must name its kind) and the entity's own namespace, emitting <paramref name="Outgoing"/> and its inverse <paramref name="Incoming"/>.
/// </summary>
internal sealed record RelationRule(string Field, string? DefaultKind, string Outgoing, string Incoming);
