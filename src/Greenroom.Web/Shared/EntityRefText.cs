using Greenroom.Catalog.Model.Entities;

namespace Greenroom.Web.Shared;

/// <summary>Readable forms of entity refs.</summary>
public static class EntityRefText
{
    /// <summary><c>group:default/team-a</c> → <c>team-a</c>; other namespaces keep theirs (<c>ops/team-b</c>).</summary>
    public static string Short(string entityRef) =>
        EntityRef.TryParse(entityRef, out var reference, out _)
            ? string.Equals(reference.Namespace, EntityRef.DefaultNamespace, StringComparison.OrdinalIgnoreCase) ? reference.Name : $"{reference.Namespace}/{reference.Name}"
            : entityRef;
}
